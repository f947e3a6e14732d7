"""Reads a Parquet file with DuckDB and checks it against the expectation JSON written by
ParquetTests: DESCRIBE types, every value of SELECT *, the row group statistics DuckDB
reports, and filters that DuckDB answers with the help of those statistics (a wrong min or
max would make it skip a row group and count too few rows).

usage: python3 check_duckdb.py file.parquet expected.json
exit 0 = all good, 1 = mismatch (printed), 2 = duckdb missing.
"""
import sys

try:
    import duckdb
except ImportError:
    print("duckdb is not installed: run scripts/install-deps.sh")
    sys.exit(2)

import expectation
from expectation import Mismatch, compare, normalize

SQL_TYPES = {"string": "VARCHAR", "int32": "INTEGER", "int64": "BIGINT", "date": "DATE"}


def sql_type(column):
    if column["type"] == "decimal":
        return f"DECIMAL({column['precision']},{column['scale']})"
    return SQL_TYPES[column["type"]]


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def check(path, expected):
    columns = expected["columns"]
    rows = expected["rows"]
    connection = duckdb.connect()

    described = connection.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
    compare("DESCRIBE", [(name, kind) for name, kind, *_ in described],
            [(column["name"], sql_type(column)) for column in columns])

    actual = connection.execute("SELECT * FROM read_parquet(?)", [path]).fetchall()
    compare("row count", len(actual), len(rows))
    for row_index, (got, wanted) in enumerate(zip(actual, rows)):
        for index, column in enumerate(columns):
            compare(f"row {row_index}, {column['name']}", normalize(column, got[index]), normalize(column, wanted[index]))

    groups = expectation.row_groups(expected)
    metadata = connection.execute(
        "SELECT row_group_id, column_id, row_group_num_rows, stats_null_count, stats_min_value, stats_max_value, compression "
        "FROM parquet_metadata(?) ORDER BY row_group_id, column_id", [path]).fetchall()
    compare("parquet_metadata rows", len(metadata), len(groups) * len(columns))
    for group_id, column_id, group_rows, nulls, low, high, compression in metadata:
        column = columns[column_id]
        label = f"row group {group_id}, {column['name']}"
        compare(f"{label}: num_rows", group_rows, len(groups[group_id]))
        compare(f"{label}: compression", compression, "ZSTD")
        want_nulls, want_low, want_high = expectation.column_statistics(expected, column_id, groups[group_id])
        compare(f"{label}: stats_null_count", nulls, want_nulls)
        if column["type"] in ("string", "int32", "int64"):
            render = (lambda value: value) if column["type"] == "string" else (lambda value: None if value is None else str(value))
            compare(f"{label}: stats_min_value", low, render(want_low))
            compare(f"{label}: stats_max_value", high, render(want_high))

    for index, column in enumerate(columns):
        name = quoted(column["name"])
        values = [normalize(column, row[index]) for row in rows]
        nulls = values.count(None)
        got = connection.execute(f"SELECT count(*) FROM read_parquet(?) WHERE {name} IS NULL", [path]).fetchone()[0]
        compare(f"{column['name']}: count of NULL", got, nulls)
        present = [value for value in values if value is not None]
        if not present:
            continue
        for probe in sorted({min(present), max(present)}):
            if column["type"] == "date":
                condition, parameter = f"{name} = DATE '1970-01-01' + CAST(? AS INTEGER)", probe
            elif column["type"] == "decimal":
                condition, parameter = f"{name} = CAST(? AS {sql_type(column)})", str(probe)
            else:
                condition, parameter = f"{name} = ?", probe
            got = connection.execute(f"SELECT count(*) FROM read_parquet(?) WHERE {condition}", [path, parameter]).fetchone()[0]
            compare(f"{column['name']}: count of {probe!r}", got, present.count(probe))


def main():
    if len(sys.argv) != 3:
        print("usage: python3 check_duckdb.py file.parquet expected.json")
        sys.exit(64)
    try:
        check(sys.argv[1], expectation.load(sys.argv[2]))
    except Mismatch as mismatch:
        print(f"duckdb {duckdb.__version__}: {mismatch}")
        sys.exit(1)
    print(f"duckdb {duckdb.__version__}: ok")


if __name__ == "__main__":
    main()
