"""Checks xiezuo's workbook (output.formats "xlsx") against its Parquet tables.

Usage: check_workbook.py OUTPUT_DIR [--libreoffice SOFFICE]
Reads `current/xiezuo.xlsx` with openpyxl and every table's Parquet file with pyarrow, and
checks each table's sheets (`investments`, then `investments (2)`, … when it goes on): the
header (bold, frozen, with filter buttons over the rows), and every cell's type and value —
text as text cells (never formulas), year and counts as integers, money as numbers to the cent
in a thousands format, dates as dates — and the first sheet, `about`: run and start time as in
run.json, one line per sheet with its rows. With --libreoffice, the workbook is first opened
and saved again by LibreOffice (headless), and the copy is checked the same way: what a
person opening it in LibreOffice gets. Prints one line per table; exits non-zero on the first
difference.
"""
import datetime
import decimal
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
import pyarrow.parquet as pq
from openpyxl.utils import get_column_letter

import layout

TABLES = ["documents", "investments", "jobs", "projects", "summary", "rejects", "paragraphs"]
CENT = decimal.Decimal("0.01")


def fail(message):
    sys.exit(message)


def display_width(text):
    wide = 0
    for ch in text:
        code = ord(ch)
        wide += 2 if (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF
                      or 0xFF00 <= code <= 0xFF60 or 0xFFE0 <= code <= 0xFFE6 or 0x20000 <= code <= 0x3FFFD) else 1
    return wide


def significant_digits(value):
    digits = str(abs(value)).replace(".", "").lstrip("0").rstrip("0")
    return len(digits)


def check_cell(where, cell, value, kind, resaved):
    """`value` from Parquet, `kind` its Arrow type name."""
    if value is None or value == "":
        if cell.value is not None:
            fail(f"{where}: {cell.value!r} where the table has no value")
        return
    if cell.data_type == "f":
        fail(f"{where}: a formula cell ({cell.value!r}); text must stay text")
    if kind == "string":
        if cell.data_type != "s" or cell.value != value:
            fail(f"{where}: {cell.value!r} ({cell.data_type}) is not the text {value!r}")
    elif kind in ("int32", "int64"):
        if significant_digits(value) > 15:
            if cell.data_type != "s" or cell.value != str(value):
                fail(f"{where}: {cell.value!r} is not the digits of {value}")
        elif type(cell.value) is not int or cell.value != value:
            fail(f"{where}: {cell.value!r} ({type(cell.value).__name__}) is not the integer {value}")
    elif kind.startswith("decimal"):
        if significant_digits(value) > 15:
            if cell.data_type != "s" or decimal.Decimal(cell.value) != value:
                fail(f"{where}: {cell.value!r} is not the digits of {value}")
            return
        if type(cell.value) not in (int, float) or decimal.Decimal(repr(cell.value)).quantize(CENT) != value:
            fail(f"{where}: {cell.value!r} is not the number {value}")
        if "#,##0.00" not in cell.number_format:
            fail(f"{where}: number format {cell.number_format!r} has no thousands separator and cents")
    elif kind.startswith("date"):
        if not isinstance(cell.value, datetime.datetime) or cell.value.date() != value:
            fail(f"{where}: {cell.value!r} is not the date {value}")
        if cell.number_format.lower().replace("\\", "") != "yyyy-mm-dd":
            fail(f"{where}: date format {cell.number_format!r}")
    else:
        fail(f"{where}: unexpected column type {kind}")


def check_table(book, table, parquet_table, resaved):
    names = [field.name for field in parquet_table.schema]
    kinds = {field.name: str(field.type) for field in parquet_table.schema}
    rows = parquet_table.to_pylist()
    sheets = [table] + [f"{table} ({n})" for n in range(2, 100) if f"{table} ({n})" in book.sheetnames]
    index = 0
    for name in sheets:
        if name not in book.sheetnames:
            fail(f"no sheet {name}")
        sheet = book[name]
        header = [cell.value for cell in sheet[1]]
        if header[:len(names)] != names:
            fail(f"{name}: header {header} is not {names}")
        if not all(cell.font.b for cell in sheet[1]):
            fail(f"{name}: header not bold")
        # LibreOffice headless has no view, so it saves no frozen panes; the original is checked.
        if not resaved and sheet.freeze_panes != "A2":
            fail(f"{name}: header row not frozen ({sheet.freeze_panes})")
        data_rows = sheet.max_row - 1
        last = get_column_letter(len(names))
        if not resaved and sheet.auto_filter.ref != f"A1:{last}{data_rows + 1}":
            fail(f"{name}: autofilter {sheet.auto_filter.ref} is not over A1:{last}{data_rows + 1}")
        if resaved and not sheet.auto_filter.ref:
            fail(f"{name}: no autofilter after LibreOffice")
        for column, field in enumerate(names, start=1):
            width = sheet.column_dimensions[get_column_letter(column)].width
            if not resaved and not (len(field) <= width <= 81):
                fail(f"{name}: column {field} width {width}")
        for values in sheet.iter_rows(min_row=2, max_row=sheet.max_row):
            if index >= len(rows):
                if any(cell.value is not None for cell in values):
                    fail(f"{name}: more rows than the Parquet table's {len(rows)}")
                continue
            row = rows[index]
            for column, field in enumerate(names):
                cell = values[column] if column < len(values) else None
                where = f"{name}!{get_column_letter(column + 1)}{index + 2} ({table}.{field}, row {index + 1})"
                check_cell(where, cell, row[field], kinds[field], resaved)
                if (not resaved and kinds[field] == "string" and row[field]
                        and display_width(row[field]) > 80 and not cell.alignment.wrap_text):
                    fail(f"{where}: long text not wrapped")
            index += 1
    if index != len(rows):
        fail(f"{table}: {index} rows in the workbook, {len(rows)} in Parquet")
    return sheets, len(rows)


def check(directory, path, resaved):
    book = openpyxl.load_workbook(path)
    if book.sheetnames[0] != "about":
        fail(f"the first sheet is {book.sheetnames[0]}, not about")
    report = json.load(open(os.path.join(layout.table_set(directory), "run.json")))
    about = book["about"]
    if about["B2"].value != report["run_id"] or about["B3"].value != report["started"]:
        fail(f"about: run {about['B2'].value!r} started {about['B3'].value!r}, run.json {report['run_id']} {report['started']}")
    listed = {}
    for row in about.iter_rows(min_row=1, values_only=True):
        if row[0] in book.sheetnames and row[1] in TABLES and isinstance(row[2], int):
            listed[row[0]] = row[2]
    for table in TABLES:
        sheets, count = check_table(book, table, pq.read_table(layout.parquet(directory, table)), resaved)
        if sum(listed.get(sheet, -1) for sheet in sheets) != count:
            fail(f"about: rows of {sheets} are {[listed.get(s) for s in sheets]}, the table has {count}")
        print(f"{table}: {count} rows on {len(sheets)} sheet(s){' (LibreOffice)' if resaved else ''}")


def main(arguments):
    directory = arguments[0]
    path = os.path.join(layout.table_set(directory), "xiezuo.xlsx")
    check(directory, path, resaved=False)
    if len(arguments) > 2 and arguments[1] == "--libreoffice":
        with tempfile.TemporaryDirectory() as scratch:
            profile = "file://" + os.path.join(scratch, "profile")
            out = os.path.join(scratch, "saved")
            subprocess.run(
                [arguments[2], f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                 "xlsx:Calc MS Excel 2007 XML", "--outdir", out, path],
                check=True, capture_output=True, timeout=600)
            check(directory, os.path.join(out, "xiezuo.xlsx"), resaved=True)


if __name__ == "__main__":
    main(sys.argv[1:])
