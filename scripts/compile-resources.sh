#!/bin/sh
# Compiles xiezuo's rule tables (Sources/XiezuoCore/Resources/*.csv) into the binary images
# xiezuo maps at start-up (today: gazetteer.image, from regions.csv, region-aliases.csv,
# province-abbreviations.csv and pairings.csv). Run it after editing any of those files and
# commit the image with them; CompiledTablesTests fails while the image is out of date.
# `scripts/compile-resources.sh --check` only reports whether the images are current.
set -eu
cd "$(dirname "$0")/.."
exec swift run -c release xiezuo-compile-tables "$@" Sources/XiezuoCore/Resources
