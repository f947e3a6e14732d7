#!/usr/bin/env python3
"""Derive the abbreviation tables of the gazetteer from jionlp 1.5.31 (Apache License 2.0):

  Sources/XiezuoCore/Resources/province-abbreviations.csv  (province,abbreviation,source)
  Sources/XiezuoCore/Resources/region-aliases.csv          (alias,name,parent)

Province abbreviations (the one-character 简称 that pairing names are made of: 粤桂, 沪滇, 鲁渝):
  - jionlp/rule/rule_pattern.py: CHINA_PROVINCE_SHORT_PATTERN lists the 34 provinces and
    CHINA_PROVINCE_ALIAS their abbreviations in the same order (港澳台京津沪渝…粤闽桂琼);
    source "jionlp".
  - The second official abbreviation of five provinces, from the State Council's list of
    provincial-level divisions (www.gov.cn, 中华人民共和国行政区划: 四川 川或蜀, 贵州 黔或贵,
    云南 滇或云, 陕西 陕或秦, 甘肃 甘或陇); source "gov.cn".
  - Two forms that cooperation news uses as abbreviations although the list does not: 龙 for
    黑龙江 (龙江, 龙粤对口合作) and 疆 for 新疆 (援疆, 治疆); source "usage".

Region aliases (the official short forms of Inner Mongolia's banners, 察右前旗 for 察哈尔右翼前旗):
  - jionlp/gadget/china_location_alias.py, GetChinaLocationAlias._prepare_qi_alias_map. Only
    aliases of three characters or more, ending in 旗, that differ from the name and name one
    banner are kept: two-character ones (阿旗, 达旗, 乌旗) are one character plus 旗, like the
    one-character short forms the gazetteer leaves out; 达旗 names two banners; 鄂伦春 and 鄂温克
    are also the names of nationalities.

The package is read, never imported (its dependencies are not needed):
    pip install --no-deps jionlp==1.5.31
    python3 scripts/derive_place_abbreviations.py
"""

import ast
import csv
import importlib.metadata
import os
import sys

PACKAGE = "jionlp"
EXPECTED_VERSION = "1.5.31"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "XiezuoCore", "Resources")

OFFICIAL_SECOND = [("四川", "蜀"), ("贵州", "黔"), ("云南", "滇"), ("陕西", "秦"), ("甘肃", "陇")]
USAGE = [("黑龙江", "龙"), ("新疆", "疆")]


def package_file(relative):
    distribution = importlib.metadata.distribution(PACKAGE)
    if distribution.version != EXPECTED_VERSION:
        sys.exit(f"expected {PACKAGE} {EXPECTED_VERSION}, found {distribution.version}")
    for file in distribution.files or []:
        if str(file) == relative:
            return str(file.locate())
    sys.exit(f"{relative} is missing from {PACKAGE} {distribution.version}")


def assignments(path, names):
    """The string and dict constants assigned to `names` in a Python file, without running it."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                key = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
                if key in names:
                    found[key] = ast.literal_eval(node.value)
    missing = set(names) - set(found)
    if missing:
        sys.exit(f"{path}: no assignment to {', '.join(sorted(missing))}")
    return found


def gazetteer():
    rows = list(csv.DictReader(open(os.path.join(RESOURCES, "regions.csv"), encoding="utf-8")))
    provinces = {row["short"] or row["name"]: row["name"] for row in rows if row["level"] == "province"}
    return rows, provinces


def main():
    rows, provinces = gazetteer()
    patterns = assignments(package_file("jionlp/rule/rule_pattern.py"),
                           ["CHINA_PROVINCE_SHORT_PATTERN", "CHINA_PROVINCE_ALIAS"])
    shorts = patterns["CHINA_PROVINCE_SHORT_PATTERN"].strip("()").split("|")
    aliases = patterns["CHINA_PROVINCE_ALIAS"]
    if len(shorts) != len(aliases):
        sys.exit(f"{len(shorts)} provinces but {len(aliases)} abbreviations in jionlp's rule_pattern.py")
    table = [(short, alias, "jionlp") for short, alias in zip(shorts, aliases)]
    table += [(short, alias, "gov.cn") for short, alias in OFFICIAL_SECOND]
    table += [(short, alias, "usage") for short, alias in USAGE]
    seen = set()
    out = []
    for short, alias, source in table:
        if short not in provinces:
            sys.exit(f"province {short} is not in regions.csv")
        if alias in seen:
            sys.exit(f"abbreviation {alias} names two provinces")
        seen.add(alias)
        out.append((provinces[short], alias, source))
    with open(os.path.join(RESOURCES, "province-abbreviations.csv"), "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["province", "abbreviation", "source"])
        writer.writerows(out)

    qi = assignments(package_file("jionlp/gadget/china_location_alias.py"), ["china_county_qi"])["china_county_qi"]
    banners = {}
    for row in rows:
        if row["level"] == "county":
            banners.setdefault(row["name"], []).append(row["parent"])
    counts = {}
    for alias in qi.values():
        counts[alias] = counts.get(alias, 0) + 1
    region_aliases = []
    for name, alias in sorted(qi.items(), key=lambda item: item[1]):
        if alias == name or len(alias) < 3 or counts[alias] > 1 or not alias.endswith("旗"):
            continue
        parents = banners.get(name, [])
        if len(parents) != 1:
            sys.exit(f"banner {name} is not one county of regions.csv")
        region_aliases.append((alias, name, parents[0]))
    with open(os.path.join(RESOURCES, "region-aliases.csv"), "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["alias", "name", "parent"])
        writer.writerows(region_aliases)
    print(f"{PACKAGE} {EXPECTED_VERSION} (Apache License 2.0): {len(out)} province abbreviations, "
          f"{len(region_aliases)} region aliases")


if __name__ == "__main__":
    main()
