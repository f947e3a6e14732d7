#!/usr/bin/env bash
# Builds the relocatable bundle the Spark job ships to its executors (README, "Spark"):
#
#   spark/build_bundle.sh [--binary PATH] [--with-libs] [--out DIR]
#
# writes DIR/xiezuo-bundle/ (default DIR: dist) and DIR/xiezuo-bundle.tar.gz (its contents) holding
#   xiezuo                              a launcher: sets LD_LIBRARY_PATH to lib/ and runs bin/xiezuo
#   bin/xiezuo                          the release binary, Swift's standard library linked in
#   bin/xiezuo_XiezuoCore.resources/    its rule tables (found beside the binary)
#   lib/                                with --with-libs: the Debian libraries it links that
#                                       are not glibc's, and OpenCC's dictionaries beside the
#                                       OpenCC configuration, for executors without the packages
# Without --binary it runs `swift build -c release --static-swift-stdlib` first.
# Ship it with: spark-submit --archives DIR/xiezuo-bundle.tar.gz#xiezuo-bundle …
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
with_libs=false
out=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --with-libs) with_libs=true; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "build_bundle.sh: unknown option $1; options: --binary PATH, --with-libs, --out DIR" >&2; exit 2 ;;
  esac
done
if [ -z "$binary" ]; then
  swift build -c release --static-swift-stdlib --product xiezuo
  binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/xiezuo"
fi
[ -x "$binary" ] || { echo "build_bundle.sh: $binary is not an executable; build xiezuo first or pass --binary" >&2; exit 2; }
resources="$(dirname "$binary")/xiezuo_XiezuoCore.resources"
[ -d "$resources" ] || { echo "build_bundle.sh: $resources is missing; it is built beside the binary" >&2; exit 2; }

bundle="$out/xiezuo-bundle"
rm -rf "$bundle" "$out/xiezuo-bundle.tar.gz"
mkdir -p "$bundle/bin" "$bundle/lib"
cp "$binary" "$bundle/bin/xiezuo"
cp -R "$resources" "$bundle/bin/"
cat > "$bundle/xiezuo" <<'LAUNCHER'
#!/bin/sh
# xiezuo from this bundle: its own libraries first (if any were bundled).
here="$(cd "$(dirname "$0")" && pwd)"
LD_LIBRARY_PATH="$here/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$here/bin/xiezuo" "$@"
LAUNCHER
chmod +x "$bundle/xiezuo"
if $with_libs; then
  # Every shared library the binary loads, except the C library's own (the executors' glibc
  # must be at least the build machine's: build on the cluster's Debian release).
  ldd "$binary" | awk '/=> \// {print $3}' | while read -r lib; do
    case "$(basename "$lib")" in
      libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|ld-linux*|libresolv.so*) ;;
      *) cp -L "$lib" "$bundle/lib/" ;;
    esac
  done
  # OpenCC looks for dictionaries beside its configuration first.
  cp /usr/share/opencc/TSPhrases.ocd2 /usr/share/opencc/TSCharacters.ocd2 "$bundle/bin/xiezuo_XiezuoCore.resources/Resources/opencc/"
fi
# The archive holds the bundle's contents: Spark unpacks it into the directory named after `#`.
tar -C "$bundle" -czf "$out/xiezuo-bundle.tar.gz" .
"$bundle/xiezuo" --version >/dev/null
echo "$out/xiezuo-bundle.tar.gz"
