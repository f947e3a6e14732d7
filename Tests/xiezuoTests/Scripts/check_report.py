"""Checks the numbers of xiezuo's HTML report, as Chromium rendered it (its DOM), against the
tables: every total the page marks with data attributes equals what the summary table (read
with pyarrow) gives for the same group, and the counts of new facts, documents, duplicates and
rejects equal the Parquet tables.

Usage: check_report.py OUTPUT_DIR DOM.html
Prints one line per checked group kind; exits non-zero on the first difference.
"""
import collections
import decimal
import html.parser
import json
import os
import sys

import pyarrow.parquet as pq

import layout

FACT_TABLES = ["investments", "jobs", "projects"]


class Marked(html.parser.HTMLParser):
    """Every element's data-* attributes."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        data = {name[5:]: value for name, value in attrs if name.startswith("data-")}
        if data:
            self.elements.append(data)


def table(directory, name):
    return pq.read_table(layout.parquet(directory, name)).to_pylist()


def main(directory, dom):
    parser = Marked()
    parser.feed(open(dom, encoding="utf-8").read())
    marked = parser.elements
    summary = table(directory, "summary")
    report = json.load(open(os.path.join(layout.table_set(directory), "run.json")))
    checked = collections.Counter()
    for fact_table in FACT_TABLES:
        rows = [row for row in summary if row["fact_table"] == fact_table]
        expected = {
            "all": {"": (sum((row["total"] for row in rows), decimal.Decimal(0)), sum(row["facts"] for row in rows))},
            "year": collections.defaultdict(lambda: (decimal.Decimal(0), 0)),
            "category": collections.defaultdict(lambda: (decimal.Decimal(0), 0)),
            "province": collections.defaultdict(lambda: (decimal.Decimal(0), 0)),
        }
        for row in rows:
            for by in ("year", "category", "province"):
                key = "" if row[by] is None else str(row[by])
                total, facts = expected[by][key]
                expected[by][key] = (total + row["total"], facts + row["facts"])
        for by, groups in expected.items():
            found = {element["key"]: (decimal.Decimal(element["total"]), int(element["facts"]))
                     for element in marked if element.get("fact-table") == fact_table and element.get("by") == by}
            if found != dict(groups):
                sys.exit(f"{fact_table} by {by}: the page shows {found}, the summary table gives {dict(groups)}")
            checked[by] += len(found)
        new = sum(1 for row in table(directory, fact_table) if row["first_seen_run"] > report["previous_run_id"])
        shown = [element["new-facts"] for element in marked if element.get("fact-table") == fact_table and "new-facts" in element]
        if shown != [str(new)]:
            sys.exit(f"{fact_table}: new facts {shown}, the table has {new} with first_seen_run > {report['previous_run_id']}")
    documents = table(directory, "documents")
    duplicates = sum(1 for row in documents if row["duplicate_of"] is not None)
    counts = {key: element[key] for element in marked for key in ("documents", "duplicates", "rejects", "run-id") if key in element}
    wanted = {"documents": str(len(documents)), "duplicates": str(duplicates),
              "rejects": str(len(table(directory, "rejects"))), "run-id": str(report["run_id"])}
    if counts != wanted:
        sys.exit(f"counts on the page {counts}, in the tables {wanted}")
    for kind in ("all", "year", "category", "province"):
        print(f"{kind}: {checked[kind]} groups equal")
    print(f"counts: {counts}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
