"""Opens CSV files the way a spreadsheet does and prints what each cell became.

Usage: spreadsheet_formulas.py PROFILE_DIR OUT_DIR FILE.csv...

LibreOffice Calc (headless) imports each file as UTF-8 CSV with "evaluate formulas" on, as
Excel always does, and saves it as flat ODF; the cells are read back from that XML. Prints
one JSON object: file name -> rows -> cells {"text": shown text, "formula": formula or null}.
"""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
# Tokens: separator ",", quote '"', UTF-8 (76), from line 1, standard cells, language 0,
# quoted fields as text off, special numbers on, …, token 13: evaluate formulas on.
CSV_FILTER = "CSV:44,34,76,1,,0,false,true,false,false,false,-1,true"


def cells(path):
    rows = []
    for row in ET.parse(path).iter(f"{{{TABLE}}}table-row"):
        values = []
        for cell in row.findall(f"{{{TABLE}}}table-cell"):
            repeat = int(cell.get(f"{{{TABLE}}}number-columns-repeated", "1"))
            text = "\n".join("".join(p.itertext()) for p in cell.findall(f"{{{TEXT}}}p"))
            values.extend([{"text": text, "formula": cell.get(f"{{{TABLE}}}formula")}] * min(repeat, 64))
        while values and values[-1] == {"text": "", "formula": None}:
            values.pop()
        if values:
            rows.append(values)
    return rows


def main():
    profile, out, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{os.path.abspath(profile)}", "--headless",
         f"--infilter={CSV_FILTER}", "--convert-to", "fods", "--outdir", out, *files],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    result = {}
    for name in files:
        base = os.path.splitext(os.path.basename(name))[0]
        result[os.path.basename(name)] = cells(os.path.join(out, base + ".fods"))
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
