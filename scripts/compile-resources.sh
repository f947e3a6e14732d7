#!/bin/sh
# Compiles xiezuo's rule tables (Sources/XiezuoCore/Resources/*.csv) into the binary images
# xiezuo maps at start-up (today: gazetteer.image, from regions.csv, region-aliases.csv,
# province-abbreviations.csv and pairings.csv). Run it after editing any of those files and
# commit the image with them; CompiledTablesTests fails while the image is out of date.
# `scripts/compile-resources.sh --check` only reports whether the images are current.
# Built as the quick start builds xiezuo (--static-swift-stdlib), so that neither rebuilds the other.
set -eu
cd "$(dirname "$0")/.."
exec swift run -c release --static-swift-stdlib xiezuo-compile-tables "$@" Sources/XiezuoCore/Resources
