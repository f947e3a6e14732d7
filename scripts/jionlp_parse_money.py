#!/usr/bin/env python3
"""Runs jionlp.parse_money on money strings, for xiezuo's differential test.

Reads one money string per line on stdin and prints JSON lines on stdout: first
{"jionlp_version": "..."}, then for every input line, in order, either
{"input": ..., "result": <parse_money's dict>} or {"input": ..., "error": "<exception>"}.
Exits with status 3 and a message on stderr when jionlp cannot be imported, so that
Tests/XiezuoCoreTests/Figures/JioNLPDifferentialTests.swift can fail with the fix.

Usage: printf '超100亿元\n47.2万元\n' | python3 scripts/jionlp_parse_money.py
"""
import contextlib
import io
import json
import sys


def main() -> int:
    try:
        # jionlp and jiojio print banners on import; stdout is reserved for the JSON lines.
        with contextlib.redirect_stdout(io.StringIO()):
            import jionlp
    except Exception as error:  # ImportError, or a missing dependency of jionlp's
        print(f"cannot import jionlp: {type(error).__name__}: {error}", file=sys.stderr)
        return 3
    print(json.dumps({"jionlp_version": getattr(jionlp, "__version__", "unknown")}, ensure_ascii=False))
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                result = jionlp.parse_money(text)
            record = {"input": text, "result": result}
        except Exception as error:
            record = {"input": text, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(record, ensure_ascii=False), flush=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
