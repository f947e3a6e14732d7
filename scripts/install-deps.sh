#!/usr/bin/env bash
# Installs what xiezuo builds and tests against: Debian's C libraries, and, in .venv/, the
# Python readers the test suite checks the outputs with (pyarrow, DuckDB, frictionless, pandas
# for the README's recipe, openpyxl for the workbook) and
# JioNLP for the differential test of the figure grammar. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(libcsv-dev libopencc-dev libxml2-dev libzstd-dev libsqlite3-dev libcurl4-openssl-dev libxlsxwriter-dev libpq-dev pkg-config python3-venv)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -x .venv/bin/python3 ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python3 -c "import pyarrow, duckdb, frictionless, jionlp, pandas, openpyxl" 2>/dev/null; then
  echo "installing Python test readers into .venv: pyarrow duckdb frictionless jionlp pandas openpyxl" >&2
  .venv/bin/python3 -m pip install -q --disable-pip-version-check pyarrow duckdb frictionless jionlp pandas openpyxl
fi
