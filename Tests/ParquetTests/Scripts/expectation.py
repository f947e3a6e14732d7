"""Shared by check_pyarrow.py and check_duckdb.py: loads the expectation JSON that
ParquetTests writes next to each Parquet file and derives what a correct file must contain.

The expected statistics are computed here, independently of the Swift writer: Python's str
ordering is code point order, which for UTF-8 is exactly the unsigned byte order Parquet
requires for strings (ColumnOrder TypeDefinedOrder).

Expectation JSON:
  columns: [{name, type: string|int32|int64|date|decimal, optional, dictionary,
             precision?, scale?}]
  rows: [[value or null per column]]; date = days since 1970-01-01, decimal = "123.45"
  row_group_rows, max_dictionary_entries, max_dictionary_bytes, max_statistics_bytes
"""
import datetime
import json
from decimal import Decimal

EPOCH = datetime.date(1970, 1, 1)


class Mismatch(Exception):
    pass


def load(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def days(value):
    """A date (or already a day count) as days since 1970-01-01."""
    if isinstance(value, datetime.date):
        return (value - EPOCH).days
    return value


def normalize(column, value):
    """Brings a reader's value and an expected value to one comparable form."""
    if value is None:
        return None
    kind = column["type"]
    if kind == "date":
        return days(value)
    if kind == "decimal":
        decimal = Decimal(value)
        if isinstance(value, Decimal) and decimal.as_tuple().exponent != -column["scale"]:
            raise Mismatch(f"{column['name']}: decimal {value!r} does not have scale {column['scale']}")
        return decimal
    return value


def row_groups(expected):
    """The expected row groups: lists of rows, row_group_rows each, the last one shorter."""
    rows = expected["rows"]
    size = expected["row_group_rows"]
    return [rows[start:start + size] for start in range(0, len(rows), size)]


def column_statistics(expected, column_index, rows):
    """(null_count, min, max) for one column chunk; min/max None when no value is present
    or when a string bound is longer than the writer writes."""
    column = expected["columns"][column_index]
    values = [normalize(column, row[column_index]) for row in rows if row[column_index] is not None]
    nulls = len(rows) - len(values)
    if not values:
        return nulls, None, None
    low, high = min(values), max(values)
    if column["type"] == "string":
        limit = expected["max_statistics_bytes"]
        if len(low.encode("utf-8")) > limit or len(high.encode("utf-8")) > limit:
            return nulls, None, None
    return nulls, low, high


def dictionary_expected(expected, column_index, rows):
    """Whether the chunk must be dictionary-encoded: the column asks for it, the chunk has
    a value, and the dictionary stays within the writer's limits."""
    column = expected["columns"][column_index]
    if not column["dictionary"]:
        return False
    distinct = {row[column_index] for row in rows if row[column_index] is not None}
    if not distinct:
        return False
    size = sum(4 + len(value.encode("utf-8")) for value in distinct)
    return len(distinct) <= expected["max_dictionary_entries"] and size <= expected["max_dictionary_bytes"]


def compare(label, actual, wanted):
    if actual != wanted:
        raise Mismatch(f"{label}: got {actual!r}, expected {wanted!r}")
