"""Reads a Parquet file with pyarrow and checks it against the expectation JSON written by
ParquetTests: the Arrow schema, the Parquet schema, every value, and each column chunk's
codec, encodings and statistics.

usage: python3 check_pyarrow.py file.parquet expected.json
exit 0 = all good, 1 = mismatch (printed), 2 = pyarrow missing.
"""
import sys

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError:
    print("pyarrow is not installed: run scripts/install-deps.sh")
    sys.exit(2)

import expectation
from expectation import Mismatch, compare, normalize

ARROW_TYPES = {
    "string": pa.string(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "date": pa.date32(),
}
PHYSICAL_TYPES = {"string": "BYTE_ARRAY", "int32": "INT32", "int64": "INT64", "date": "INT32", "decimal": "INT64"}


def arrow_type(column):
    if column["type"] == "decimal":
        return pa.decimal128(column["precision"], column["scale"])
    return ARROW_TYPES[column["type"]]


def check(path, expected):
    columns = expected["columns"]
    rows = expected["rows"]

    schema = pq.read_schema(path)
    compare("column names", schema.names, [column["name"] for column in columns])
    for field, column in zip(schema, columns):
        compare(f"{column['name']}: arrow type", str(field.type), str(arrow_type(column)))
        compare(f"{column['name']}: nullable", field.nullable, column["optional"])

    parquet_file = pq.ParquetFile(path)
    metadata = parquet_file.metadata
    compare("created_by", metadata.created_by, "xiezuo parquet writer version 1.0.0")
    compare("num_rows", metadata.num_rows, len(rows))
    compare("num_columns", metadata.num_columns, len(columns))
    groups = expectation.row_groups(expected)
    compare("num_row_groups", metadata.num_row_groups, len(groups))
    for index, column in enumerate(columns):
        descriptor = parquet_file.schema.column(index)
        compare(f"{column['name']}: physical type", descriptor.physical_type, PHYSICAL_TYPES[column["type"]])
        compare(f"{column['name']}: max definition level", descriptor.max_definition_level, 1 if column["optional"] else 0)
        compare(f"{column['name']}: max repetition level", descriptor.max_repetition_level, 0)

    for group_index, group_rows in enumerate(groups):
        row_group = metadata.row_group(group_index)
        compare(f"row group {group_index}: num_rows", row_group.num_rows, len(group_rows))
        for index, column in enumerate(columns):
            label = f"row group {group_index}, {column['name']}"
            chunk = row_group.column(index)
            compare(f"{label}: compression", chunk.compression, "ZSTD")
            compare(f"{label}: num_values", chunk.num_values, len(group_rows))
            compare(f"{label}: path", chunk.path_in_schema, column["name"])
            dictionary = expectation.dictionary_expected(expected, index, group_rows)
            compare(f"{label}: has_dictionary_page", chunk.has_dictionary_page, dictionary)
            compare(f"{label}: RLE_DICTIONARY in encodings", "RLE_DICTIONARY" in chunk.encodings, dictionary)
            statistics = chunk.statistics
            if statistics is None:
                raise Mismatch(f"{label}: no statistics")
            nulls, low, high = expectation.column_statistics(expected, index, group_rows)
            compare(f"{label}: has_null_count", statistics.has_null_count, True)
            compare(f"{label}: null_count", statistics.null_count, nulls)
            compare(f"{label}: has_min_max", statistics.has_min_max, low is not None)
            if low is not None:
                compare(f"{label}: min", normalize(column, statistics.min), low)
                compare(f"{label}: max", normalize(column, statistics.max), high)

    table = pq.read_table(path)
    compare("table rows", table.num_rows, len(rows))
    for index, column in enumerate(columns):
        array = table.column(index)
        if column["type"] == "date":
            # Compare raw day counts: exact, and free of Python's year 1...9999 range.
            array = array.cast(pa.int32())
        actual = array.to_pylist()
        for row_index, (value, row) in enumerate(zip(actual, rows)):
            compare(f"row {row_index}, {column['name']}", normalize(column, value), normalize(column, row[index]))


def main():
    if len(sys.argv) != 3:
        print("usage: python3 check_pyarrow.py file.parquet expected.json")
        sys.exit(64)
    try:
        check(sys.argv[1], expectation.load(sys.argv[2]))
    except Mismatch as mismatch:
        print(f"pyarrow {pa.__version__}: {mismatch}")
        sys.exit(1)
    print(f"pyarrow {pa.__version__}: ok")


if __name__ == "__main__":
    main()
