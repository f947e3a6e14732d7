#!/usr/bin/env python3
"""Deterministic generator of a benchmark corpus with planted ground truth.

    python3 bench/generate_corpus.py --size-mb 20 --seed 1 --out /tmp/xiezuo-corpus-20

writes

    DIR/corpus/NNN/NNNNNN.txt|.html   the article files (the pipeline's --input is DIR/corpus)
    DIR/ground_truth.jsonl             every planted fact, in the gold format of EXTRACTION.md
    DIR/manifest.json                  what was generated (files, bytes, articles, facts, kinds)
    DIR/sources.tsv                    per file: path, kind of page, encoding, bytes, required facts

The files imitate the seeds: newspaper pages holding several articles (page labels, kickers,
■/▲ captions, ■采写 bylines, 新快报讯 datelines, subheads, paragraphs broken across page
columns), scraped web pages (navigation lines, 发布时间 lines, 本文转自, repeated headlines,
快照/免责声明 footers, related-article lists with timestamps), content-farm pages (requestId
lines, spam keywords glued into words, spun-novel sentences, spun synonyms, mostly in
Traditional characters), HTML pages with <meta charset> (UTF-8 or GBK), GB18030 text files,
junk pages (404, fragments), and duplicates: byte-identical copies of earlier files, the same
article re-published in another page, and near duplicates (a sentence dropped, paragraphs
reordered, boilerplate swapped, a few words changed).

Facts are planted by sentence templates in the categories of EXTRACTION.md with varied
figures and wording (超/近/约/余/多/以上/左右, ranges 3000—5000万元, Chinese numerals such as
近千个), each with the place it is about and the year it refers to. Distractors that must not
become facts are planted beside them: per-head and per-household figures, GDP, population,
area, residents, counts of towns and villages, thresholds (超亿元项目, 3000亿元大关), dates,
percentages, phone numbers, and figures inside captions, related lists and spam sentences.

Ground truth rules (see docs/performance.md):
- `source` is the file's path relative to DIR/corpus; `value` is yuan or a whole count;
  `text` is the figure span as written (in the page's script); `region` is the most specific
  place named in the fact's sentence, as written; `year` is the nearest year stated before the
  figure in its paragraph (去年/今年 resolved against the page's 发布时间), else null.
- Duplicates: a copy is always generated after its original (later in path order), never
  with an earlier stated date (a copy of an undated article is undated) and never longer, so
  by the dedupe rule (earliest published, then longest, then first in path order) the
  original is the copy kept. Facts of the original are `required: true`; facts of every copy
  are `required: false` (finding them again is neither rewarded nor penalised).
- A fact restated later in the same article is listed once.
- Figures whose reading is debatable (a total derived from 每户出资2000元 × households) are
  listed with `required: false`.

Standard library only. Same --seed and --size-mb give a byte-identical DIR.
"""

import argparse
import csv
import datetime
import json
import os
import random
import re
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_vocab as V  # noqa: E402
from s2t_table import S2T  # noqa: E402

GENERATOR_VERSION = 2
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_REGIONS = os.path.join(REPO, "Sources", "XiezuoCore", "Resources", "regions.csv")

HELPER_PREFECTURES = ["广州市", "深圳市", "佛山市", "珠海市", "东莞市", "中山市", "肇庆市"]
TARGET_PREFECTURES = {
    "贵州省": ["黔南布依族苗族自治州", "黔东南苗族侗族自治州", "毕节市", "安顺市", "铜仁市", "六盘水市", "遵义市"],
    "广西壮族自治区": ["贺州市", "百色市", "河池市", "梧州市", "崇左市"],
    "广东省": ["清远市", "梅州市", "河源市", "韶关市", "湛江市", "茂名市", "汕尾市", "云浮市", "阳江市", "潮州市", "揭阳市"],
}
# Place names holding these are left out: they would read as figures or cooperation words.
PLACE_STOP = ["万", "亿", "千", "百", "余", "多", "近", "超", "约", "合作", "协作", "帮扶", "项目", "企业", "产业", "园",
              "资金", "投资", "收入", "人口", "就业", "务工", "培训", "活动", "工业", "开发", "经济", "新区", "农场", "林场",
              "管委会", "办事处", "监狱", "试验", "示范", "口岸", "华侨"]
HAN = re.compile(r"^[\u4e00-\u9fff]+$")


# ----------------------------------------------------------------------------------------
# Places


class Gazetteer:
    def __init__(self, path):
        children = {}
        rows = {}
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                children.setdefault(row["parent"], []).append(row)
                rows.setdefault(row["name"], row)
        self.helpers = []  # (full name, short, prefecture)
        for prefecture in HELPER_PREFECTURES:
            counties = [r for r in children.get(prefecture, []) if r["level"] == "county" and self._usable(r["name"])]
            if counties:
                for county in counties:
                    self.helpers.append((prefecture + county["name"], county["name"], prefecture[:-1]))
            else:
                self.helpers.append((prefecture, prefecture, prefecture[:-1]))
        self.targets = []  # dicts: province, prefecture, county, short, townships
        for province, prefectures in TARGET_PREFECTURES.items():
            for prefecture in prefectures:
                for county in children.get(prefecture, []):
                    if county["level"] != "county" or not self._usable(county["name"]):
                        continue
                    townships = [t["name"] for t in children.get(county["name"], [])
                                 if t["level"] == "township" and self._usable(t["name"])
                                 and t["name"].endswith(("镇", "乡", "街道")) and 3 <= len(t["name"]) <= 5]
                    if len(townships) < 3:
                        continue
                    short = county["short"] or county["name"][:-1]
                    self.targets.append({
                        "province": province, "prefecture": prefecture, "county": county["name"],
                        "short": short, "townships": townships,
                    })
        if not self.targets or not self.helpers:
            raise SystemExit(f"no usable places in {path}")

    @staticmethod
    def _usable(name):
        # Generic names (城区, 城关镇 …) are not places a reader could pin down.
        return bool(HAN.match(name)) and len(name) >= 3 and not name.startswith(("城区", "城关", "城郊", "市辖")) \
            and not any(word in name for word in PLACE_STOP)


# ----------------------------------------------------------------------------------------
# Figures


def trim(number):
    """Decimal → shortest plain text (no exponent, no trailing zeros)."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def round_sig(rng, x, decimals_ok, digits=None):
    """A plausible figure near x: 1–4 significant digits (or `digits`), at most 2 decimals."""
    if digits is None:
        digits = rng.choice([1, 2, 2, 3, 3, 3, 4])
    if x <= 0:
        x = 1
    magnitude = len(str(int(x))) if x >= 1 else 0
    places = digits - magnitude
    if not decimals_ok:
        places = min(places, 0)
    places = min(places, 2)
    number = Decimal(str(round(x, places))) if places > 0 else Decimal(int(round(x, places)))
    if number <= 0:
        number = Decimal(1)
    return number.normalize() if number != number.to_integral() else Decimal(int(number))


CN_SPECIAL_MONEY = [  # (text, value, qualifier)
    ("近千万元", 10_000_000, "under"), ("两千万元", 20_000_000, "exact"), ("三百余万元", 3_000_000, "over"),
    ("五十万元", 500_000, "exact"), ("八百多万元", 8_000_000, "over"),
]
CN_SPECIAL_COUNT = [  # (prefix text before classifier, value, qualifier)
    ("近千", 1000, "under"), ("千余", 1000, "over"), ("两百余", 200, "over"), ("三十余", 30, "over"),
    ("十二", 12, "exact"), ("五十多", 50, "over"), ("二十", 20, "exact"),
]
QUALIFIER_WEIGHTS = [("exact", 55), ("over", 22), ("under", 8), ("approx", 8), ("range", 5), ("chinese", 2)]


def pick_weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for item, weight in pairs:
        r -= weight
        if r <= 0:
            return item
    return pairs[-1][0]


def log_uniform(rng, lo, hi):
    import math
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def money_figure(rng, lo, hi):
    """(text, value in yuan, qualifier)."""
    kind = pick_weighted(rng, QUALIFIER_WEIGHTS)
    if kind == "chinese":
        candidates = [c for c in CN_SPECIAL_MONEY if lo <= c[1] <= hi * 2]
        if candidates:
            text, value, qualifier = rng.choice(candidates)
            return text, value, qualifier
        kind = "exact"
    x = log_uniform(rng, lo, hi)
    if x >= 1e9 or (x >= 1e8 and rng.random() < 0.85):
        unit, scale = "亿", 10 ** 8
    elif x < 1e5 and rng.random() < 0.3:
        unit, scale = "", 1
    else:
        unit, scale = "万", 10 ** 4
    integer_only = kind == "over" or unit == ""
    # Bounded wording goes with round figures (700余万元, 近100万元); exact ones need not.
    digits = None if kind == "exact" else rng.choice([1, 2, 2])
    number = round_sig(rng, x / scale, decimals_ok=not integer_only, digits=digits)
    if unit == "" and number < 100:
        number = Decimal(int(number) * 100 + 100)
    value = int(number * scale)
    n = trim(number)
    if kind == "exact":
        return f"{n}{unit}元", value, "exact"
    if kind == "over":
        forms = [f"超{n}{unit}元", f"超过{n}{unit}元", f"逾{n}{unit}元", f"{n}余{unit}元", f"{n}多{unit}元",
                 f"{n}{unit}元以上"]
        if unit:
            forms.append(f"{n}{unit}余元")
        return rng.choice(forms), value, "over"
    if kind == "under":
        return rng.choice([f"近{n}{unit}元", f"将近{n}{unit}元", f"不到{n}{unit}元", f"不足{n}{unit}元"]), value, "under"
    if kind == "approx":
        return rng.choice([f"约{n}{unit}元", f"{n}{unit}元左右", f"大约{n}{unit}元"]), value, "approx"
    # range: both ends in one unit
    if unit == "":
        unit, scale = "万", 10 ** 4
        number = max(Decimal(1), round_sig(rng, x / scale, decimals_ok=False, digits=digits))
        value = int(number * scale)
        n = trim(number)
    high = round_sig(rng, float(number) * rng.uniform(1.3, 3.0), decimals_ok=number != number.to_integral(),
                     digits=digits)
    if high <= number:
        high = number + 1
    joiner = rng.choice(["—", "至", "—", "～"]) if unit else "—"
    return f"{n}{joiner}{trim(high)}{unit}元", value, "range"


def count_figure(rng, classifier, lo, hi):
    """(text, value, qualifier) for a count with its classifier."""
    kind = pick_weighted(rng, QUALIFIER_WEIGHTS)
    if kind == "chinese":
        candidates = [c for c in CN_SPECIAL_COUNT if lo <= c[1] <= hi * 2]
        if candidates:
            text, value, qualifier = rng.choice(candidates)
            return text + classifier, value, qualifier
        kind = "exact"
    x = log_uniform(rng, lo, hi)
    bounded = kind != "exact"
    if x >= 20000 and classifier in ("人", "人次") and rng.random() < 0.6:
        number = round_sig(rng, x / 10000, decimals_ok=True, digits=rng.choice([1, 2]) if bounded else None)
        value = int(number * 10000)
        n = trim(number) + "万"
    else:
        digits = rng.choice([1, 2, 2]) if bounded else rng.choice([1, 2, 3, 3, 4, 5])
        v = int(round(x))
        magnitude = len(str(v))
        if magnitude > digits:
            v = int(round(v, digits - magnitude))
        value = max(2, v)
        n = str(value)
    c = classifier
    if kind == "exact":
        return f"{n}{c}", value, "exact"
    if kind == "over":
        forms = [f"超{n}{c}", f"超过{n}{c}", f"{n}{c}以上", f"逾{n}{c}"]
        if not n.endswith("万") and value >= 10:
            forms += [f"{n}余{c}", f"{n}多{c}", f"{n}余{c}"]
        return rng.choice(forms), value, "over"
    if kind == "under":
        return rng.choice([f"近{n}{c}", f"将近{n}{c}", f"不到{n}{c}", f"不足{n}{c}"]), value, "under"
    if kind == "approx":
        return rng.choice([f"约{n}{c}", f"{n}{c}左右"]), value, "approx"
    if n.endswith("万"):
        return f"{n}{c}", value, "exact"
    high = int(value * rng.uniform(1.3, 2.5))
    high = max(value + 1, int(round(high, 1 - len(str(high)))))
    return f"{value}{rng.choice(['至', '—'])}{high}{c}", value, "range"


# ----------------------------------------------------------------------------------------
# Fact templates: (table, category, region level, template, figure specs)
# Specs: ("money", lo, hi) or ("count", classifier, lo, hi).

FACTS = [
    # investments · investment
    ("investments", "investment", "county", "{Y}{C}在{R}累计投资{F}，建成{I}生产线", [("money", 5e6, 2e9)]),
    ("investments", "investment", "county", "{Y}{R}{PJ}项目总投资{F}，目前已完成主体工程建设", [("money", 1e7, 5e9)]),
    ("investments", "investment", "township", "{Y}{R}签约落地{I}项目，计划总投资{F}", [("money", 1e7, 1e10)]),
    ("investments", "investment", "township", "{C}投资{F}，在{R}建设了{PJ}", [("money", 2e6, 5e8)]),
    ("investments", "investment", "county", "{Y}{R}完成产业协作项目投资{F}", [("money", 1e7, 3e9)]),
    # investments · fund
    ("investments", "fund", "township", "{Y}工作队在{R}投入帮扶资金{F}，用于{PU}", [("money", 5e4, 5e7)]),
    ("investments", "fund", "county", "{Y}{R}争取{X}资金{F}，重点支持{I}产业发展", [("money", 1e6, 5e8)]),
    ("investments", "fund", "township", "工作队积极协调组团单位，成功筹集{F}专项资金，为{R}{PU}", [("money", 1e4, 5e6)]),
    ("investments", "fund", "county", "{Y}{R}获得{X}帮扶资金{F}，用于{PU}", [("money", 1e5, 1e8)]),
    ("investments", "fund", "township", "投入东西部协作资金{F}在{R}建设{PJ}", [("money", 1e6, 5e7)]),
    ("investments", "fund", "village", "申请乡村振兴帮扶资金{F}用于建设{R}{PJ}", [("money", 1e5, 5e6)]),
    # investments · donation
    ("investments", "donation", "county", "{C}向{R}捐赠了{GOODS}，总价值{F}", [("money", 5e4, 5e6)]),
    ("investments", "donation", "township", "{Y}爱心企业向{R}捐款{F}，用于{PU}", [("money", 1e4, 3e6)]),
    ("investments", "donation", "village", "{C}捐资{F}，助力{R}{PU}", [("money", 1e4, 2e6)]),
    # investments · trade
    ("investments", "trade", "township", "{Y}{R}消费帮扶农产品累计{F}", [("money", 1e5, 5e7)]),
    ("investments", "trade", "county", "{Y}东部省份采购、帮助销售{R}农副产品金额{F}", [("money", 1e7, 5e9)]),
    ("investments", "trade", "county", "{Y}{R}{P}通过电商平台实现销售额{F}", [("money", 1e5, 1e8)]),
    ("investments", "trade", "township", "以购代帮，帮扶单位累计采购{R}农特产品{F}", [("money", 1e5, 2e7)]),
    ("investments", "trade", "county", "{Y}{R}与大湾区企业经贸项目合作总额{F}", [("money", 1e8, 2e10)]),
    # investments · output
    ("investments", "output", "county", "{C}落户{R}后，年产值{F}", [("money", 1e6, 1e9)]),
    ("investments", "output", "township", "{Y}{R}帮扶车间全年实现产值{F}", [("money", 1e6, 2e8)]),
    ("investments", "output", "county", "{Y}{R}{I}产业实现营收{F}", [("money", 1e7, 5e9)]),
    # investments · income
    ("investments", "income", "village", "{Y}{R}村集体经济收入达到{F}", [("money", 1e5, 2e7)]),
    # jobs
    ("jobs", "employment", "township", "{R}{PJ}吸纳{F}安置群众和周边群众务工", [("count", "名", 20, 3000)]),
    ("jobs", "employment", "county", "{C}在{R}的生产基地现有工人{F}", [("count", "人", 10, 2000)]),
    ("jobs", "employment", "township", "{R}帮扶车间已吸纳群众就业{F}", [("count", "人", 10, 2000)]),
    ("jobs", "employment", "county", "{Y}{R}实现就业人员共{F}", [("count", "人", 500, 50000)]),
    ("jobs", "employment", "county", "{R}{C}有员工{F}", [("count", "人", 10, 800)]),
    ("jobs", "positions", "township", "{R}{PJ}创造就业岗位{F}", [("count", "个", 20, 3000)]),
    ("jobs", "positions", "county", "{C}为{R}留守妇女、残障人士等群众提供了{F}居家式就业岗位", [("count", "个", 10, 500)]),
    ("jobs", "positions", "county", "{Y}{R}开发公益性岗位{F}", [("count", "个", 20, 5000)]),
    ("jobs", "transfer", "county", "{MD}，{F}外出务工人员从{R}出发，免费搭乘返岗专列前往广东", [("count", "名", 50, 2000)]),
    ("jobs", "transfer", "county", "{Y}{R}组织劳务输出{F}", [("count", "人", 200, 80000)]),
    ("jobs", "transfer", "county", "{Y}{R}帮助农村劳动力转移就业{F}", [("count", "人", 200, 80000)]),
    ("jobs", "training", "county", "{Y}{R}开展技能培训{F}", [("count", "人次", 50, 20000)]),
    ("jobs", "training", "county", "{R}乡村振兴人才能力提升专题培训班开班，共{F}学员参加培训", [("count", "名", 20, 300)]),
    ("jobs", "training", "county", "{Y}累计在{R}培训乡村振兴干部{F}", [("count", "人次", 50, 5000)]),
    ("jobs", "beneficiaries", "township", "{Y}{R}{P}产业带动{F}群众增收", [("count", "名", 50, 20000)]),
    ("jobs", "beneficiaries", "county", "{Y}{R}帮扶项目受益群众{F}", [("count", "人", 200, 200000)]),
    # projects
    ("projects", "projects", "county", "{Y}{R}共实施帮扶项目{F}", [("count", "个", 3, 300)]),
    ("projects", "projects", "county", "{Y}{R}签约落地合作项目{F}", [("count", "个", 3, 200)]),
    ("projects", "projects", "county", "{Y}{R}梳理形成{F}重点合作项目", [("count", "项", 3, 80)]),
    ("projects", "enterprises", "township", "{R}{PJ}进驻企业{F}", [("count", "家", 3, 300)]),
    ("projects", "enterprises", "county", "{Y}{R}引进{F}企业落地投产", [("count", "家", 2, 150)]),
    ("projects", "enterprises", "county", "{Y}吸引{F}企业参与{R}产销对接", [("count", "家", 10, 800)]),
    ("projects", "parks", "county", "{Y}{R}共建产业园区{F}", [("count", "个", 2, 40)]),
    ("projects", "events", "county", "{Y}在{R}举办{F}专题对接活动", [("count", "场", 2, 120)]),
    ("projects", "events", "township", "{Y}{R}开展{F}消费帮扶推介活动", [("count", "场", 2, 80)]),
    ("projects", "pairings", "county", "{Y}帮扶单位与{R}形成{F}结对关系", [("count", "对", 2, 60)]),
]
# Sentences with two facts.
MULTI_FACTS = [
    ("county", "{Y}{R}共引进超亿元项目{F1}，计划总投资{F2}",
     [("projects", "projects", ("count", "个", 3, 60)), ("investments", "investment", ("money", 1e9, 9e10))]),
    ("township", "{R}{PJ}进驻企业{F1}，吸纳{F2}群众就近务工",
     [("projects", "enterprises", ("count", "家", 3, 200)), ("jobs", "employment", ("count", "名", 30, 5000))]),
    ("county", "{R}{C}年产值{F1}，现有工人{F2}",
     [("investments", "output", ("money", 1e6, 5e8)), ("jobs", "employment", ("count", "人", 10, 1000))]),
    ("county", "{Y}在{R}举办{F1}专题对接活动，吸引{F2}企业参与",
     [("projects", "events", ("count", "场", 2, 60)), ("projects", "enterprises", ("count", "家", 10, 900))]),
]
# Keywords restating a money fact later in the article.
RESTATE = {"investment": "投资", "fund": "资金", "donation": "捐赠物资", "trade": "销售额", "output": "产值", "income": "收入"}


# ----------------------------------------------------------------------------------------
# Articles


class Sentence:
    """A sentence: text, facts as (start, end, fact) with offsets into text, and the years it
    states as (offset, year)."""

    __slots__ = ("text", "facts", "years", "plain")

    def __init__(self, text, facts=(), years=(), plain=True):
        self.text = text
        self.facts = list(facts)
        self.years = list(years)
        self.plain = plain  # no facts and no years: safe to spin, drop or split


class Article:
    def __init__(self):
        self.title = ""
        self.decks = []
        self.kicker = None
        self.paragraphs = []  # list of ("p", [Sentence]) or ("sub", text)
        self.captions = []  # caption lines, placed by the renderer
        self.byline = None
        self.dateline = None
        self.closing = None
        self.outlet = ""
        self.published = None  # datetime or None
        self.script = "hans"
        self.spam = False
        self.place = None


class Builder:
    """Builds one article's text and facts from the templates."""

    def __init__(self, rng, gazetteer, published, spam=False):
        self.rng = rng
        self.g = gazetteer
        self.published = published
        self.spam = spam
        target = rng.choice(gazetteer.targets)
        self.target = target
        helper = rng.choice(gazetteer.helpers)
        self.helper_full, self.helper_short_name, self.helper_city = helper
        self.helper_short = helper[1][:-1] if helper[1].endswith(("区", "市")) and len(helper[1]) > 2 else helper[1]
        self.townships = rng.sample(target["townships"], min(len(target["townships"]), rng.randint(2, 4)))
        self.villages = [rng.choice(V.VILLAGE_A) + rng.choice(V.VILLAGE_B) + "村" for _ in range(3)]
        self.programme = rng.choice(V.PROGRAMMES[target["province"]])
        self.companies = [rng.choice(V.BRANDS) + rng.choice(V.COMPANY_KINDS) for _ in range(3)]
        autonomous = "自治县" in target["county"]
        self.county_written = (target["short"] + "县") if autonomous and rng.random() < 0.4 else target["county"]
        self.last_year = None

    # -- slots
    def person(self):
        return self.rng.choice(V.SURNAMES) + "".join(self.rng.choice(V.GIVEN) for _ in range(self.rng.randint(1, 2)))

    def slot(self, name):
        rng = self.rng
        if name == "H":
            return self.helper_full if rng.random() < 0.4 else self.helper_short_name
        if name == "HS":
            return self.helper_short
        if name == "T":
            return self.county_written
        if name == "TS":
            return self.target["short"]
        if name == "TN":
            return rng.choice(self.townships)
        if name == "P":
            return rng.choice(V.PRODUCTS)
        if name == "I":
            return rng.choice(V.INDUSTRIES)
        if name == "C":
            return rng.choice(self.companies)
        if name == "N":
            return self.person()
        if name == "X":
            return self.programme
        if name == "PJ":
            return rng.choice(V.PROJECTS)
        if name == "PU":
            return rng.choice(V.PURPOSES)
        if name == "GOODS":
            goods = rng.sample(V.GOODS, 2)
            return "、".join(g.format(a=rng.randint(2, 60) * rng.choice([1, 10, 100])) for g in goods)
        if name == "MD":
            return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        if name == "TN2":
            return rng.choice(self.townships)
        if name == "V2":
            return rng.choice(self.villages)
        if name == "A":
            return self.fill(rng.choice(V.G_ADVERBIALS))
        if name == "S":
            return self.fill(rng.choice(V.G_SUBJECTS))
        if name == "VB":
            return rng.choice(V.G_VERBS)
        if name == "M":
            return self.fill(rng.choice(V.G_MODIFIERS))
        if name == "NN":
            return rng.choice(V.G_NOUNS)
        if name == "O":
            return rng.choice(V.G_OUTCOMES)
        raise KeyError(name)

    def fill(self, template):
        return re.sub(r"\{(\w+)\}", lambda m: self.slot(m.group(1)), template)

    def region(self, level):
        """(text as written in the sentence, gold region)."""
        rng = self.rng
        if level == "village":
            township = rng.choice(self.townships)
            village = rng.choice(self.villages)
            return (township + village if rng.random() < 0.6 else village), village
        if level == "township" and rng.random() < 0.85:
            township = rng.choice(self.townships)
            written = (self.county_written + township) if rng.random() < 0.4 else township
            return written, township
        return self.county_written, self.county_written

    def year_phrase(self):
        """(text, year) for the start of a fact sentence."""
        rng = self.rng
        top = self.published.year if self.published else 2025
        y = rng.randint(2021, top)
        options = [("", None, 40), (f"{y}年，", y, 18), (f"截至{y}年底，", y, 8), (f"{y}年以来，", y, 5),
                   (f"{y}年上半年，", y, 4), (f"{y}年{rng.randint(1, 12)}月，", y, 5)]
        if self.published:
            options += [("去年，", self.published.year - 1, 8), ("今年以来，", self.published.year, 5)]
        text, year, _ = pick_weighted(rng, [((t, yr, w), w) for t, yr, w in options])
        return text, year

    # -- sentences
    def render(self, template, figures, level):
        """Fill a fact template. figures: list of (table, category, spec). Returns Sentence."""
        rng = self.rng
        region_text, region = self.region(level)
        year_text, year = ("", None)
        if "{Y}" in template:
            year_text, year = self.year_phrase()
        parts = re.split(r"(\{F\d?\}|\{Y\}|\{R\})", template)
        text = ""
        facts = []
        years = []
        figure_index = 0
        for part in parts:
            if part == "{Y}":
                if year is not None:
                    years.append((len(text), year))
                text += year_text
            elif part == "{R}":
                text += region_text
            elif part.startswith("{F"):
                table, category, spec = figures[figure_index]
                figure_index += 1
                if spec[0] == "money":
                    span, value, qualifier = money_figure(rng, spec[1], spec[2])
                else:
                    span, value, qualifier = count_figure(rng, spec[1], spec[2], spec[3])
                start = len(text)
                text += span
                facts.append((start, len(text), {
                    "table": table, "category": category, "value": value, "qualifier": qualifier,
                    "region": region, "text": span,
                }))
            else:
                text += self.fill(part)
        return Sentence(text + "。", facts, years, plain=False)

    def fact_sentence(self):
        rng = self.rng
        if rng.random() < 0.12:
            level, template, figures = rng.choice(MULTI_FACTS)
            return self.render(template, figures, level)
        table, category, level, template, specs = rng.choice(FACTS)
        return self.render(template, [(table, category, specs[0])], level)

    def income_pair(self):
        rng = self.rng
        village = rng.choice(self.villages)
        top = self.published.year if self.published else 2025
        y2 = rng.randint(2022, top)
        y1 = y2 - rng.randint(1, 3)
        text = f"{rng.choice(self.townships)}{village}村集体经济收入从{y1}年的"
        a = money_figure(rng, 1e5, 3e6)
        while a[2] == "range":
            a = money_figure(rng, 1e5, 3e6)
        b = money_figure(rng, 3e6, 2e7)
        while b[2] == "range":
            b = money_figure(rng, 3e6, 2e7)
        facts = []
        years = [(len(text) - len(f"{y1}年的"), y1)]
        facts.append((len(text), len(text) + len(a[0]), {"table": "investments", "category": "income", "value": a[1],
                                                         "qualifier": a[2], "region": village, "text": a[0]}))
        text += a[0] + f"增至{y2}年的"
        years.append((len(text) - len(f"{y2}年的"), y2))
        facts.append((len(text), len(text) + len(b[0]), {"table": "investments", "category": "income", "value": b[1],
                                                         "qualifier": b[2], "region": village, "text": b[0]}))
        text += b[0] + "，增长约" + str(rng.randint(2, 4)) + "." + str(rng.randint(1, 9)) + "倍。"
        return Sentence(text, facts, years, plain=False)

    def subscription(self):
        """认筹: 每户出资 is a rate; the total it implies is an optional fact."""
        rng = self.rng
        households = rng.randint(40, 400)
        each = rng.choice([500, 1000, 2000, 3000, 5000])
        village = rng.choice(self.villages)
        text = (f"据统计，{village}共有{households}户村民现场认筹，每户出资{each}元。")
        optional = {"table": "investments", "category": "fund", "value": households * each, "qualifier": "exact",
                    "region": village, "text": f"{households}户村民现场认筹，每户出资{each}元", "required": False}
        return Sentence(text, [(0, 0, optional)], [], plain=False)

    def distractor(self):
        """A sentence with figures that are not facts (EXTRACTION.md, "What is not a fact")."""
        rng = self.rng
        r = rng.randrange(19)
        T = self.county_written
        TN = rng.choice(self.townships)
        years = []
        if r == 0:
            text = f"{T}农村居民人均可支配收入达{rng.randint(12, 45) * 1000}元"
        elif r == 1:
            y = rng.randint(2021, self.published.year if self.published else 2025)
            text = f"{y}年，{T}农村居民人均可支配收入首次突破{rng.randint(2, 5)}万元"
            years.append((0, y))
        elif r == 2:
            text = f"{self.slot('C')}员工稳定人均增收达到{rng.randint(20, 45) * 100}元/月以上，最高达{rng.randint(6, 12) * 1000}元/月"
        elif r == 3:
            text = f"{T}地区生产总值{rng.randint(80, 900)}.{rng.randint(1, 9)}亿元，同比增长{rng.randint(2, 9)}.{rng.randint(0, 9)}%"
        elif r == 4:
            text = f"{self.helper_city}已有多个区跨过{rng.choice([1000, 2000, 3000])}亿元大关"
        elif r == 5:
            text = f"{TN}常住人口{rng.randint(2, 30)}万人，其中外来务工人员居多"
        elif r == 6:
            text = f"{TN}占地{rng.randint(1, 9)}.{rng.randint(1, 9)}平方公里，拥有{rng.randint(200, 3000)}余栋建筑"
        elif r == 7:
            text = f"{T}{rng.choice(V.PRODUCTS)}种植面积超{rng.randint(2, 200)}万亩"
        elif r == 8:
            text = f"{rng.randint(20, 80)}栋{rng.randint(1000, 3000)}套安置房入住{rng.randint(800, 2800)}户{rng.randint(4000, 12000)}人"
        elif r == 9:
            text = f"{T}辖{rng.randint(6, 20)}个镇（街道）、{rng.randint(60, 300)}个行政村"
        elif r == 10:
            text = f"群众满意度保持在{rng.randint(90, 99)}%以上"
        elif r == 11:
            area = rng.choice(["020", "0851", "0854", "0774", "0753"])
            text = f"咨询热线：{area}-{rng.randint(1000000, 9999999)}，或拨打{rng.choice(['138', '139', '186'])}{rng.randint(10000000, 99999999)}"
        elif r == 12:
            text = f"早稻平均亩产干谷{rng.randint(400, 650)}.{rng.randint(0, 9)}公斤，晚稻平均亩产干谷{rng.randint(400, 650)}.{rng.randint(0, 9)}公斤"
        elif r == 13:
            text = f"此次培训为期{rng.randint(3, 10)}天"
        elif r == 14:
            text = f"G{rng.choice([105, 106, 207, 321, 323, 355])}国道{TN}段改造工程顺利完工，“十五五”开局良好"
        elif r == 15:
            text = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{self.helper_short}协作考察团一行来到{TN}"
        elif r == 16:
            text = f"{T}境内最高海拔{rng.randint(1200, 2900)}米，森林覆盖率达{rng.randint(55, 78)}.{rng.randint(0, 9)}%"
        elif r == 17:
            text = f"探索形成“广东企业+贵州资源”的“{rng.randint(3, 5)}+模式”，打响“百万老广游{self.target['short']}”品牌"
        else:
            text = f"{T}建设标准厂房{rng.randint(2000, 12000)}平方米(共{rng.randint(3, 6)}层)"
        return Sentence(text + "。", [], years, plain=not years)

    def filler(self):
        rng = self.rng
        if rng.random() < 0.85:
            return Sentence(self.fill(rng.choice(V.G_PATTERNS)) + ("！" if rng.random() < 0.02 else "。"))
        clauses = rng.sample(V.FILLER_CLAUSES, rng.choice([1, 2, 2, 3]))
        opener = self.fill(rng.choice(V.FILLER_OPENERS))
        text = opener + "，".join(self.fill(c) for c in clauses)
        return Sentence(text + ("！" if rng.random() < 0.03 else "。"))

    def restatement(self, fact):
        word = RESTATE.get(fact["category"])
        if fact["table"] != "investments" or word is None or fact["qualifier"] != "exact":
            return None
        text = f"目前，这{fact['text']}{word}已全部落实到位。"
        return Sentence(text, [], [], plain=False)

    # -- the article
    def article(self, target_chars, allow_restate=True):
        rng = self.rng
        a = Article()
        a.place = self.target
        a.published = self.published
        a.spam = self.spam
        a.title = self.fill(rng.choice(V.TITLES))
        if len(a.title) > 40:
            a.title = a.title[:40].rstrip("“ 的在和与及对向从被于并而或是即由")
        if rng.random() < 0.35:
            a.decks = [self.fill(rng.choice(V.DECKS))]
        a.kicker = self.fill(rng.choice(V.KICKERS)) if rng.random() < 0.3 else None
        chars = 0
        since_sub = 0
        fact_budget = rng.randint(3, 14)
        facts_so_far = []
        restated = False
        subscribed = False
        while chars < target_chars:
            if since_sub >= rng.randint(2, 5) and chars > 0 and rng.random() < 0.6:
                a.paragraphs.append(("sub", self.fill(rng.choice(V.SUBHEADS))))
                since_sub = 0
            sentences = []
            for _ in range(rng.randint(2, 6)):
                r = rng.random()
                s = None
                if r < 0.28:
                    if fact_budget > 0:
                        s = self.fact_sentence()
                        fact_budget -= len(s.facts)
                        facts_so_far += [f for _, _, f in s.facts]
                elif r < 0.29:
                    if fact_budget > 0:
                        s = self.income_pair()
                        fact_budget -= 2
                elif r < 0.295:
                    if not subscribed:
                        s = self.subscription()
                        subscribed = True
                elif r < 0.40:
                    s = self.distractor()
                elif r < 0.41:
                    if allow_restate and not restated and facts_so_far:
                        s = self.restatement(rng.choice(facts_so_far))
                        restated = s is not None
                if s is None:
                    s = self.filler()
                sentences.append(s)
                chars += len(s.text)
            a.paragraphs.append(("p", sentences))
            since_sub += 1
        return a


def article_facts(article, extra_required=True):
    """Gold facts of an article: years resolved per paragraph."""
    out = []
    for kind, body in article.paragraphs:
        if kind != "p":
            continue
        year = None
        for sentence in body:
            marks = sorted(sentence.years)
            for start, _end, fact in sentence.facts:
                fact_year = year
                for offset, y in marks:
                    if offset <= start:
                        fact_year = y
                gold = dict(fact)
                gold["year"] = fact_year
                gold.setdefault("required", extra_required)
                if not extra_required:
                    gold["required"] = False
                out.append(gold)
            if marks:
                year = marks[-1][1]
    return out


# ----------------------------------------------------------------------------------------
# Noise


def spin(text):
    for plain, spun in V.SPINS:
        text = text.replace(plain, spun)
    return text


def to_traditional(text):
    for simplified, traditional in V.S2T_PHRASES:
        text = text.replace(simplified, "\0" + traditional + "\0")
    pieces = text.split("\0")
    return "".join(p if i % 2 else p.translate(S2T) for i, p in enumerate(pieces))


def spam_keyword(rng):
    if rng.random() < 0.35:
        return rng.choice(V.SPAM_SOLOS) + rng.choice(V.SPAM_TAILS)
    return rng.choice(V.SPAM_HEADS) + rng.choice(V.SPAM_ITEMS) + rng.choice(V.SPAM_TAILS)


def glue_spam(rng, sentence):
    """Inserts a spam keyword inside the sentence, never inside or next to a figure span."""
    text = sentence.text
    blocked = set()
    for start, end, _ in sentence.facts:
        blocked.update(range(start, end + 1))
    candidates = [i for i in range(1, len(text) - 1)
                  if i not in blocked and not text[i - 1].isascii() and not text[i].isascii()]
    if not candidates:
        return
    at = rng.choice(candidates)
    word = spam_keyword(rng)
    sentence.text = text[:at] + word + text[at:]
    sentence.facts = [(s + len(word), e + len(word), f) if s >= at else (s, e, f) for s, e, f in sentence.facts]
    sentence.years = [(o + len(word), y) if o >= at else (o, y) for o, y in sentence.years]


def make_spam(rng, article):
    """Content farm: ≥4 distinct keywords glued into words, spun-novel sentences, spins."""
    sentences = [s for kind, body in article.paragraphs if kind == "p" for s in body]
    for _ in range(rng.randint(5, 14)):
        glue_spam(rng, rng.choice(sentences))
    names = rng.sample(V.SPAM_NAMES, 2)
    for kind, body in article.paragraphs:
        if kind != "p":
            continue
        for s in body:
            if s.plain:
                s.text = spin(s.text)
        if rng.random() < 0.4:
            spam = rng.choice(V.SPAM_SENTENCES).format(n1=names[0], n2=names[1])
            plain = [i for i, s in enumerate(body) if s.plain]
            if plain:
                target = body[rng.choice(plain)]
                cut = rng.randint(1, max(1, len(target.text) - 2))
                target.text = target.text[:cut] + spam + target.text[cut:]
            else:
                body.append(Sentence(spam))


def person(rng):
    return rng.choice(V.SURNAMES) + "".join(rng.choice(V.GIVEN) for _ in range(rng.randint(1, 2)))


def paragraph_text(sentences):
    return "".join(s.text for s in sentences)


def break_point(sentences):
    """An offset in the paragraph where a page column may break it: inside a plain sentence,
    after at least one full stop or 60 characters, so the first half is not a headline."""
    offset = 0
    points = []
    full = paragraph_text(sentences)
    first_stop = full.find("。")
    for s in sentences:
        if s.plain and len(s.text) > 12:
            for i in range(4, len(s.text) - 4):
                at = offset + i
                if (at > 60 or 0 <= first_stop < at) and s.text[i - 1] not in "，。、“”：！" \
                        and s.text[i] not in "，。、“”：！":
                    points.append(at)
        offset += len(s.text)
    return points


# ----------------------------------------------------------------------------------------
# Pages


def ts_text(dt):
    return dt.strftime("%Y-%m-%d %H:%M:%S")


def footer_lines(rng, article, site, when):
    lines = []
    for template in rng.choice(V.FOOTER_SETS):
        lines.append(template.format(
            site=site, ts=ts_text(when), year2=when.year, phone=f"020-{rng.randint(80000000, 89999999)}",
            N=person(rng), title2=article.title, title3=article.title[::-1][:8] + "专题", X="国内"))
    return lines


def related_lines(rng, builder, when, heading=None):
    lines = []
    if heading is None:
        heading = rng.random() < 0.6
    if heading:
        lines.append(rng.choice(V.RELATED_HEADINGS))
    for _ in range(rng.randint(3, 8)):
        if rng.random() < 0.7:
            lines.append(builder.fill(rng.choice(V.RELATED_TITLES)))
        snippet = rng.choice(V.RELATED_SNIPPETS).format(
            T=builder.county_written, TS=builder.target["short"], TN=rng.choice(builder.townships),
            HS=builder.helper_short, a=rng.randint(2, 900), b=rng.randint(1, 99))
        lines.append(snippet)
        stamp = when - datetime.timedelta(days=rng.randint(-400, 400), minutes=rng.randint(0, 1440))
        lines.append(ts_text(stamp) if rng.random() < 0.8 else stamp.strftime("%Y-%m-%d %H:%M"))
    return lines


def body_lines(rng, article, builder, *, breaks, captions, indent=""):
    """The article's body as lines (paragraphs and subheads), with column breaks and captions."""
    lines = []
    for kind, body in article.paragraphs:
        if kind == "sub":
            lines.append(body)
            continue
        text = paragraph_text(body)
        if breaks and rng.random() < 0.12:
            points = break_point(body)
            if points:
                at = rng.choice(points)
                lines.append(indent + text[:at])
                if captions and rng.random() < 0.5:
                    lines.append(rng.choice("■▲") + builder.fill(rng.choice(V.CAPTIONS)))
                lines.append(text[at:])
                continue
        lines.append(indent + text)
        if captions and rng.random() < 0.08:
            caption = rng.choice(V.CAPTIONS + V.CAPTIONS_WITH_FIGURES)
            lines.append(rng.choice("■▲") + builder.fill(caption.replace("{a}", str(rng.randint(2, 900)))
                                                          .replace("{d}", str(rng.randint(1, 28)))))
    return lines


def dateline(rng, builder, outlet):
    n1, n2 = person(rng), person(rng)
    return rng.choice([
        f"{outlet}讯 记者{n1} 通讯员{n2}报道 ",
        f"{outlet}讯 记者{n1}报道 ",
        f"本报讯（记者 {n1} 通讯员 {n2}）",
        f"{outlet}讯（记者/{n1} 通讯员/{n2}）",
    ])


def render_newspaper(rng, articles, builders):
    outlet = rng.choice(V.OUTLETS_PAPER)
    lines = []
    if rng.random() < 0.6:
        label = rng.choice(V.PAGE_LABELS)
        lines += ["", builders[0].fill(label[0]), builders[0].fill(label[1]), ""]
    for article, builder in zip(articles, builders):
        article.outlet = outlet
        if article.kicker:
            lines += [article.kicker, ""]
        lines += [article.title, ""]
        lines += [d for deck in article.decks for d in (deck, "")]
        if rng.random() < 0.4:
            for _ in range(rng.randint(1, 3)):
                lines += ["", "", rng.choice("■▲") + builder.fill(rng.choice(V.CAPTIONS)), ""]
        body = body_lines(rng, article, builder, breaks=True, captions=True)
        opening = rng.random()
        if opening < 0.5:
            # Dateline opens the first prose paragraph.
            first = next(i for i, l in enumerate(body) if l.endswith(("。", "！")) or len(l) > 50)
            body[first] = dateline(rng, builder, outlet) + body[first]
        else:
            byline = f"■采写:{outlet}记者 {person(rng)}"
            if rng.random() < 0.5:
                byline += f" ■摄影:{outlet}记者 {person(rng)}"
            at = min(len(body), rng.randint(1, 2))
            body.insert(at, byline)
        for line in body:
            lines += [line, ""]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def date_line(rng, article, outlet):
    if article.published is None:
        return f"来源:{outlet}"
    return f"类别:国内 发布时间:{ts_text(article.published)} 来源:{outlet}"


def render_web(rng, article, builder):
    outlet = rng.choice(V.OUTLETS_PAPER + V.OUTLETS_WEB)
    article.outlet = outlet
    site = rng.choice(V.SITES)
    when = article.published or datetime.datetime(2024, 6, 1, 8, 0, 0)
    lines = []
    if rng.random() < 0.6:
        lines += rng.sample(V.NAV_LINES, rng.randint(1, 3)) + [""]
    lines += [article.title, "", date_line(rng, article, outlet), ""]
    if rng.random() < 0.4:
        lines += [f"本文转自:{rng.choice(V.OUTLETS_PAPER)}", ""]
    if rng.random() < 0.5:
        lines += [article.title, ""]
    lines += [d for deck in article.decks for d in (deck, "")]
    indent = "　　" if rng.random() < 0.3 else ""
    body = body_lines(rng, article, builder, breaks=False, captions=False, indent=indent)
    if rng.random() < 0.4 and len(body) > 3:
        body.insert(rng.randint(2, 3), f"●{outlet}记者 {person(rng)}")
    for line in body:
        lines += [line, ""]
    lines += footer_lines(rng, article, site, when + datetime.timedelta(hours=2))
    lines.append("")
    if rng.random() < 0.6:
        lines += related_lines(rng, builder, when)
        if rng.random() < 0.5:
            lines.append("更多关于国内的资讯:")
    return "\n".join(lines)


def render_farm(rng, article, builder):
    lines = [f"requestId:{rng.getrandbits(48):012x}.{rng.randint(10000000, 99999999)}."]
    if article.published and rng.random() < 0.7:
        lines.append(f"发布时间：{article.published.strftime('%Y-%m-%d')}")
    for kind, body in article.paragraphs:
        lines.append(body if kind == "sub" else paragraph_text(body))
        if kind == "p" and rng.random() < 0.1:
            lines.append("")
            lines.append(builder.fill(rng.choice(V.CAPTIONS)).rstrip("。"))
    lines.append(f"(执笔 | {person(rng)} {person(rng)} {person(rng)})")
    lines.append(f"TC:{rng.choice(['osder', 'fjdk', 'qpwo'])}{rng.randint(1, 9)}follow{rng.randint(1, 9)}")
    lines.append("发布留言")
    title = article.title
    return title + "\n" + "\n".join(lines) if rng.random() < 0.5 else "\n".join(lines)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(rng, article, builder, charset):
    outlet = rng.choice(V.OUTLETS_PAPER + V.OUTLETS_WEB)
    article.outlet = outlet
    site = rng.choice(V.SITES)
    when = article.published or datetime.datetime(2024, 6, 1, 8, 0, 0)
    out = ["<!DOCTYPE html>", "<html>", "<head>", f'<meta charset="{charset}">',
           f"<title>{escape(article.title)}_{escape(outlet)}</title>",
           '<script>var _hmt = _hmt || []; var ad = "理财年化收益8%，投资1万元起";</script>', "</head>", "<body>",
           '<div class="nav"><a href="/">首页</a> &rsaquo; <a href="/news/">新闻</a> &rsaquo; <a href="/news/gn/">国内</a></div>',
           '<div class="article">', f"<h1>{escape(article.title)}</h1>"]
    info = f"{when.strftime('%Y-%m-%d %H:%M')} 来源：{escape(outlet)}" if article.published else f"来源：{escape(outlet)}"
    out.append(f'<div class="info">{info}</div>')
    for deck in article.decks:
        out.append(f"<h2>{escape(deck)}</h2>")
    for kind, body in article.paragraphs:
        if kind == "sub":
            out.append(f"<p><strong>{escape(body)}</strong></p>")
        else:
            out.append(f"<p>{escape(paragraph_text(body))}</p>")
    out.append(f'<p class="editor">责任编辑：{person(rng)}</p>')
    out.append("</div>")
    if rng.random() < 0.7:
        out.append('<div class="related"><h3>相关阅读</h3><ul>')
        for line in related_lines(rng, builder, when, heading=False):
            out.append(f"<li>{escape(line)}</li>")
        out.append("</ul></div>")
    out.append(f'<div class="footer">版权所有 &copy; {when.year} {site} 未经授权禁止转载 <!-- 广告位：总投资100亿元 --></div>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


JUNK = [
    "页面不存在\n\n您访问的页面已删除或不存在，3秒后自动跳转到首页。\n\n返回首页",
    "相关阅读\n{t1}\n...累计投入帮扶资金2亿元，带动\n2024-01-12 07:25:00\n{t2}\n...举办12场专题对接活动\n2023-12-29 14:51:00",
    "图片新闻\n\n■{cap}",
    "403 Forbidden\n\nnginx",
]


# ----------------------------------------------------------------------------------------
# Near duplicates


def near_variant(rng, article):
    """A copy of `article` changed the way reposting sites change stories. Never longer."""
    import copy
    variant = copy.deepcopy(article)
    ops = rng.sample(["drop", "reorder", "words", "drop2"], rng.randint(1, 2))
    paragraphs = [i for i, (k, _) in enumerate(variant.paragraphs) if k == "p"]
    for op in ops:
        if op in ("drop", "drop2"):
            droppable = [(i, j) for i in paragraphs for j, s in enumerate(variant.paragraphs[i][1])
                         if len(variant.paragraphs[i][1]) > 1]
            if droppable:
                i, j = rng.choice(droppable)
                del variant.paragraphs[i][1][j]
        elif op == "reorder" and len(paragraphs) >= 3:
            i, j = rng.sample(paragraphs, 2)
            variant.paragraphs[i], variant.paragraphs[j] = variant.paragraphs[j], variant.paragraphs[i]
        elif op == "words":
            for _, body in (variant.paragraphs[i] for i in paragraphs):
                for s in body:
                    if s.plain:
                        s.text = s.text.replace("近年来", "近些年").replace("此外", "另外").replace("目前", "当前")
    return variant


# ----------------------------------------------------------------------------------------
# The corpus


class Corpus:
    def __init__(self, out, size_mb, seed, gazetteer):
        self.out = out
        self.limit = int(size_mb * 1_000_000)
        self.seed = seed
        self.g = gazetteer
        self.file_pool = []  # recent original files: (source, data, ext, [articles])
        self.article_pool = []  # recent original articles that may be re-published: (article, builder)
        self.bytes = 0
        self.files = 0
        self.articles = 0
        self.kinds = {}
        self.encodings = {}
        self.facts_required = 0
        self.facts_optional = 0
        self.traditional_articles = 0
        self.sources = None  # DIR/sources.tsv: one line per file (path, kind, encoding, bytes, facts)

    def published(self, rng):
        start = datetime.datetime(2022, 1, 1, 6, 0, 0)
        return start + datetime.timedelta(days=rng.randint(0, 4 * 365 - 10), seconds=rng.randint(0, 16 * 3600))

    def write_file(self, index, ext, data, kind, encoding, gold, gt):
        relative = f"{index // 1000:03d}/{index:06d}.{ext}"
        path = os.path.join(self.out, "corpus", relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
        self.bytes += len(data)
        self.files += 1
        self.sources.write(f"{relative}\t{kind}\t{encoding}\t{len(data)}\t{sum(1 for f in gold if f['required'])}\n")
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        self.encodings[encoding] = self.encodings.get(encoding, 0) + 1
        for fact in gold:
            record = {"source": relative, "table": fact["table"], "category": fact["category"],
                      "value": fact["value"], "qualifier": fact["qualifier"], "year": fact["year"],
                      "region": fact["region"], "text": fact["text"], "required": fact["required"]}
            gt.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            if fact["required"]:
                self.facts_required += 1
            else:
                self.facts_optional += 1
        return relative

    def encode_text(self, rng, text, allow_gb):
        if allow_gb and rng.random() < 0.04:
            return text.encode("gb18030"), "gb18030"
        return text.encode("utf-8"), "utf-8"

    def convert(self, text, article):
        return to_traditional(text) if article.script == "hant" else text

    def gold_of(self, article, required):
        facts = article_facts(article, extra_required=required)
        if article.script == "hant":
            for fact in facts:
                fact["text"] = to_traditional(fact["text"])
        return facts

    def remember(self, source, data, ext, articles, builders):
        self.file_pool.append((source, data, ext, articles))
        if len(self.file_pool) > 100:
            del self.file_pool[0]
        for article, builder in zip(articles, builders):
            if not article.spam:
                self.article_pool.append((article, builder))
        if len(self.article_pool) > 300:
            del self.article_pool[:len(self.article_pool) - 300]

    def generate(self):
        os.makedirs(os.path.join(self.out, "corpus"), exist_ok=True)
        gt_path = os.path.join(self.out, "ground_truth.jsonl")
        index = 0
        with open(gt_path, "w", encoding="utf-8", newline="\n") as gt, \
                open(os.path.join(self.out, "sources.tsv"), "w", encoding="utf-8", newline="\n") as sources:
            self.sources = sources
            sources.write("path\tkind\tencoding\tbytes\trequired_facts\n")
            while self.bytes < self.limit:
                rng = random.Random(f"xiezuo-corpus:{GENERATOR_VERSION}:{self.seed}:{index}")
                self.one_file(rng, index, gt)
                index += 1
        manifest = {
            "generator_version": GENERATOR_VERSION, "seed": self.seed, "size_mb": self.limit / 1e6,
            "files": self.files, "bytes": self.bytes, "articles": self.articles,
            "traditional_articles": self.traditional_articles,
            "facts_required": self.facts_required, "facts_optional": self.facts_optional,
            "kinds": dict(sorted(self.kinds.items())), "encodings": dict(sorted(self.encodings.items())),
            "input": "corpus",
        }
        with open(os.path.join(self.out, "manifest.json"), "w", encoding="utf-8") as handle:
            json.dump(manifest, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
        return manifest

    def one_file(self, rng, index, gt):
        r = rng.random()
        if self.file_pool and r < 0.03:
            return self.mirror(rng, index, gt)
        if self.article_pool and r < 0.07:
            return self.republish(rng, index, gt, near=False)
        if self.article_pool and r < 0.12:
            return self.republish(rng, index, gt, near=True)
        if r < 0.135:
            return self.junk(rng, index, gt)
        kind = pick_weighted(rng, [("newspaper", 32), ("web", 42), ("farm", 12), ("html", 7)])
        if kind == "newspaper":
            return self.newspaper(rng, index, gt)
        return self.single(rng, index, gt, kind)

    def newspaper(self, rng, index, gt):
        count = rng.choice([2, 2, 3, 3, 3, 4])
        builders = [Builder(rng, self.g, None) for _ in range(count)]
        articles = [b.article(rng.randint(900, 3200)) for b in builders]
        text = render_newspaper(rng, articles, builders)
        data, encoding = self.encode_text(rng, text, allow_gb=True)
        gold = [f for a in articles for f in self.gold_of(a, True)]
        source = self.write_file(index, "txt", data, "newspaper", encoding, gold, gt)
        self.articles += count
        self.remember(source, data, "txt", articles, builders)

    def single(self, rng, index, gt, kind):
        published = self.published(rng) if (kind != "farm" or rng.random() < 0.5) else None
        if kind == "web" and rng.random() < 0.1:
            published = None
        builder = Builder(rng, self.g, published, spam=(kind == "farm"))
        article = builder.article(rng.randint(1700, 5200) if kind != "farm" else rng.randint(2500, 8000))
        if kind == "farm":
            make_spam(rng, article)
            article.script = "hant" if rng.random() < 0.6 else "hans"
        elif rng.random() < (0.07 if kind == "web" else 0.1):
            article.script = "hant"
        if kind == "html":
            text = render_html(rng, article, builder, "utf-8")
            charset = "utf-8"
            if rng.random() < 0.5:
                charset = "gbk"
            text = self.convert(text, article)
            if charset != "utf-8":
                try:
                    data = text.replace('charset="utf-8"', 'charset="gbk"').encode("gbk")
                    encoding = "gbk"
                except UnicodeEncodeError:
                    data = text.replace('charset="utf-8"', 'charset="gb18030"').encode("gb18030")
                    encoding = "gb18030"
            else:
                data, encoding = text.encode("utf-8"), "utf-8"
            ext = "html"
        else:
            text = render_web(rng, article, builder) if kind == "web" else render_farm(rng, article, builder)
            text = self.convert(text, article)
            data, encoding = self.encode_text(rng, text, allow_gb=True)
            ext = "txt"
        if article.script == "hant":
            self.traditional_articles += 1
        source = self.write_file(index, ext, data, kind, encoding, self.gold_of(article, True), gt)
        self.articles += 1
        self.remember(source, data, ext, [article], [builder])

    def mirror(self, rng, index, gt):
        _source, data, ext, articles = rng.choice(self.file_pool)
        gold = [fact for article in articles for fact in self.gold_of(article, False)]
        self.write_file(index, ext, data, "copy_exact_file", "copy", gold, gt)
        self.articles += len(articles)

    def republish(self, rng, index, gt, near):
        article, builder = rng.choice(self.article_pool)
        copy_article = near_variant(rng, article) if near else __import__("copy").deepcopy(article)
        if article.published is not None:
            copy_article.published = article.published + datetime.timedelta(days=rng.randint(1, 5),
                                                                              hours=rng.randint(0, 12))
        if rng.random() < 0.75:
            text = self.convert(render_web(rng, copy_article, builder), copy_article)
            data, encoding, ext = text.encode("utf-8"), "utf-8", "txt"
        else:
            text = self.convert(render_html(rng, copy_article, builder, "utf-8"), copy_article)
            data, encoding, ext = text.encode("utf-8"), "utf-8", "html"
        kind = "copy_near" if near else "copy_republished"
        self.write_file(index, ext, data, kind, encoding, self.gold_of(copy_article, False), gt)
        self.articles += 1

    def junk(self, rng, index, gt):
        builder = Builder(rng, self.g, None)
        text = rng.choice(JUNK).format(t1=builder.fill(rng.choice(V.RELATED_TITLES)),
                                         t2=builder.fill(rng.choice(V.RELATED_TITLES)),
                                         cap=builder.fill(rng.choice(V.CAPTIONS)))
        self.write_file(index, "txt", text.encode("utf-8"), "junk", "utf-8", [], gt)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, required=True, help="corpus size in MB (10^6 bytes) of article files")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="output directory (created; must not hold another corpus)")
    parser.add_argument("--regions", default=DEFAULT_REGIONS, help="regions.csv to take place names from")
    args = parser.parse_args(argv)
    if os.path.exists(os.path.join(args.out, "corpus")) and os.listdir(os.path.join(args.out, "corpus")):
        parser.error(f"{args.out}/corpus already exists; remove it or pick another --out")
    corpus = Corpus(args.out, args.size_mb, args.seed, Gazetteer(args.regions))
    manifest = corpus.generate()
    print(json.dumps(manifest, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
