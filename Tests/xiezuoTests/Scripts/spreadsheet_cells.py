"""Opens a CSV file in LibreOffice as a person would (headless: CSV → xlsx, comma-separated,
UTF-8, the default detection of numbers and dates) and prints every cell as LibreOffice stored
it: [kind, value] per column of each row, kind "text" or "number".

Usage: spreadsheet_cells.py FILE.csv SOFFICE
"""
import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def column_index(reference):
    letters = "".join(ch for ch in reference if ch.isalpha())
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def main(path, soffice):
    with tempfile.TemporaryDirectory() as scratch:
        profile = "file://" + os.path.join(scratch, "profile")
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--infilter=CSV:44,34,76,1",
             "--convert-to", "xlsx", "--outdir", scratch, path],
            check=True, capture_output=True, timeout=300)
        book = zipfile.ZipFile(os.path.join(scratch, os.path.splitext(os.path.basename(path))[0] + ".xlsx"))
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall(f"{MAIN}si"):
                shared.append("".join(text.text or "" for text in item.iter(f"{MAIN}t")))
        rows = []
        for row in ET.fromstring(book.read("xl/worksheets/sheet1.xml")).iter(f"{MAIN}row"):
            cells = []
            for cell in row.findall(f"{MAIN}c"):
                index = column_index(cell.get("r"))
                while len(cells) < index:
                    cells.append(["empty", ""])
                kind, value = cell.get("t"), cell.find(f"{MAIN}v")
                if kind == "s":
                    cells.append(["text", shared[int(value.text)]])
                elif kind in ("str", "inlineStr"):
                    cells.append(["text", "".join(text.text or "" for text in cell.iter(f"{MAIN}t")) or (value.text if value is not None else "")])
                else:
                    cells.append(["number", value.text if value is not None else ""])
            rows.append(cells)
        print(json.dumps(rows, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
