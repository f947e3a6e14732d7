#!/usr/bin/env python3
"""Checks at scale that every fact leads back to its source bytes through `paragraphs`.

    python3 bench/check_provenance.py OUTPUT_DIR CORPUS_DIR

For each fact of a kept document (duplicate_of empty), finds the paragraph of `paragraphs.csv`
that holds the fact's char_offset, reads bytes [byte_start, byte_end) of the source file under
CORPUS_DIR, and checks that every number written in Arabic digits in the fact's `text` stands
in those bytes (as ASCII digits, or full-width digits in UTF-8 or GB18030). Facts written only
in Chinese numerals (近千个) are counted apart. Prints the counts; exits 1 when a fact has no
paragraph or its digits are not in its bytes.
"""
import collections
import csv
import os
import re
import sys

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def main(output, corpus):
    paragraphs = collections.defaultdict(list)
    tables = os.path.realpath(os.path.join(output, "current", "csv"))
    with open(os.path.join(tables, "paragraphs.csv"), newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            paragraphs[row["doc_id"]].append(row)
    with open(os.path.join(tables, "documents.csv"), newline="", encoding="utf-8") as handle:
        kept = {row["doc_id"]: row for row in csv.DictReader(handle) if row["duplicate_of"] == ""}
    counts = collections.Counter()
    failures = []
    sources = {}
    for table in ("investments", "jobs", "projects"):
        with open(os.path.join(tables, f"{table}.csv"), newline="", encoding="utf-8") as handle:
            for fact in csv.DictReader(handle):
                document = kept[fact["doc_id"]]
                offset = int(fact["char_offset"])
                holding = [
                    row for row in paragraphs[fact["doc_id"]]
                    if int(row["char_offset"]) <= offset < int(row["char_offset"]) + int(row["chars"])
                ]
                if not holding:
                    counts["no paragraph"] += 1
                    failures.append((document["source"], fact["text"], "no paragraph"))
                    continue
                paragraph = holding[0]
                if paragraph["byte_start"] == "":
                    counts["lines unknown"] += 1
                    continue
                numbers = re.findall(r"[0-9]+(?:\.[0-9]+)?", fact["text"])
                if not numbers:
                    counts["Chinese numerals only"] += 1
                    continue
                path = document["source"]
                if path not in sources:
                    with open(os.path.join(corpus, path), "rb") as handle:
                        sources[path] = handle.read()
                span = sources[path][int(paragraph["byte_start"]):int(paragraph["byte_end"])]
                spellings = lambda n: (n.encode(), n.translate(FULL_WIDTH).encode("utf-8"), n.translate(FULL_WIDTH).encode("gb18030"))
                if all(any(s in span for s in spellings(n)) for n in numbers):
                    counts["traced"] += 1
                else:
                    counts["digits not in bytes"] += 1
                    failures.append((path, fact["text"], f"lines {paragraph['line_first']}-{paragraph['line_last']}"))
    for name, count in sorted(counts.items()):
        print(f"{name}: {count}")
    for failure in failures[:10]:
        print("FAIL", *failure)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
