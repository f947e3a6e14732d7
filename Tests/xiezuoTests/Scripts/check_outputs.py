"""Checks xiezuo's Parquet files against its CSV files with two independent readers.

Usage: check_outputs.py OUTPUT_DIR (the directory holding `current`)
For every table: the Parquet schema has the documented logical types (pyarrow), and every
row read by pyarrow and by DuckDB equals the row read from the CSV by Python's csv module.
Prints one line per table and exits non-zero on the first difference.
"""
import csv
import datetime
import decimal
import sys

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

import layout

EXPECTED = {
    "documents": {"doc_id": "string", "text_id": "string", "source": "string", "part": "int64", "title": "string",
                  "published": "date32[day]", "outlet": "string", "script": "string", "chars": "int64",
                  "removed_chars": "int64", "duplicate_of": "string", "programme": "string", "first_seen_run": "int64"},
    "investments": {"fact_id": "string", "doc_id": "string", "year": "int32", "year_basis": "string",
                    "region": "string", "region_code": "string", "province": "string", "city": "string",
                    "county": "string", "partner_region": "string", "partner_region_code": "string",
                    "category": "string", "amount_cny": "decimal128(18, 2)", "qualifier": "string",
                    "low_cny": "decimal128(18, 2)", "high_cny": "decimal128(18, 2)", "text": "string",
                    "evidence": "string", "char_offset": "int64", "first_seen_run": "int64"},
    "summary": {"fact_table": "string", "category": "string", "year": "int32", "region": "string",
                "province": "string", "city": "string", "county": "string", "partner_region": "string",
                "programme": "string", "facts": "int64",
                "documents": "int64", "total": "decimal128(18, 2)", "min": "decimal128(18, 2)",
                "max": "decimal128(18, 2)"},
    "rejects": {"source": "string", "stage": "string", "reason": "string"},
    "paragraphs": {"doc_id": "string", "paragraph": "int64", "char_offset": "int64",
                   "chars": "int64", "line_first": "int64", "line_last": "int64", "byte_start": "int64",
                   "byte_end": "int64"},
}
COUNTS = {"fact_id": "string", "doc_id": "string", "year": "int32", "year_basis": "string", "region": "string",
          "region_code": "string", "province": "string", "city": "string", "county": "string",
          "partner_region": "string", "partner_region_code": "string", "category": "string",
          "count": "int64", "qualifier": "string", "low": "int64", "high": "int64", "text": "string",
          "evidence": "string", "char_offset": "int64", "first_seen_run": "int64"}
EXPECTED["jobs"] = COUNTS
EXPECTED["projects"] = COUNTS


def text(value):
    """The CSV spelling of a value read from Parquet."""
    if value is None:
        return ""
    if isinstance(value, decimal.Decimal):
        normal = value.normalize()
        return format(normal, "f") if normal != normal.to_integral() else str(int(normal))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def main(directory):
    for table, columns in EXPECTED.items():
        parquet = layout.parquet(directory, table)
        schema = pq.read_schema(parquet)
        found = {field.name: str(field.type) for field in schema}
        if list(found) != list(columns) or found != columns:
            sys.exit(f"{table}: schema {found} is not {columns}")
        with open(layout.csv(directory, table), newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
        header, expected = rows[0], rows[1:]
        if header != list(columns):
            sys.exit(f"{table}: CSV header {header}")
        arrow = pq.read_table(parquet).to_pylist()
        arrow_rows = [[text(row[name]) for name in columns] for row in arrow]
        duck = duckdb.sql(f"SELECT * FROM read_parquet('{parquet}')").fetchall()
        duck_rows = [[text(value) for value in row] for row in duck]
        for reader, got in (("pyarrow", arrow_rows), ("duckdb", duck_rows)):
            if got != expected:
                for index, (left, right) in enumerate(zip(got, expected)):
                    if left != right:
                        sys.exit(f"{table}: {reader} row {index} {left} differs from CSV {right}")
                sys.exit(f"{table}: {reader} has {len(got)} rows, CSV {len(expected)}")
        metadata = pq.ParquetFile(parquet).metadata
        for group in range(metadata.num_row_groups):
            for column in range(metadata.num_columns):
                statistics = metadata.row_group(group).column(column).statistics
                if statistics is None or not statistics.has_null_count:
                    sys.exit(f"{table}: column {column} of row group {group} has no statistics")
        print(f"{table}: {len(expected)} rows agree (pyarrow, duckdb, csv)")


if __name__ == "__main__":
    main(sys.argv[1])
