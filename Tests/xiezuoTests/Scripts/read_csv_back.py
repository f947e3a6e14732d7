"""Reads one CSV table with Python's csv module and with DuckDB and prints both as JSON.

Usage: read_csv_back.py FILE.csv — used to show that fields with commas, quotes and line
breaks survive, with and without Excel mode (BOM + CRLF).
"""
import csv
import json
import sys

import duckdb

path = sys.argv[1]
with open(path, newline="", encoding="utf-8-sig") as handle:
    python_rows = list(csv.reader(handle))[1:]
duck_rows = duckdb.sql(
    f"SELECT * FROM read_csv('{path}', header=true, all_varchar=true, quote='\"', escape='\"')"
).fetchall()
print(json.dumps({"python": python_rows, "duckdb": [[value or "" for value in row] for row in duck_rows]},
                 ensure_ascii=False))
