"""Runs one recipe of README.md ("Opening the outputs") in a directory where `output/` is a
real run's output directory, and prints what the test checks, as JSON on the last line.

Usage: run_recipe.py README.md NAME WORKDIR — NAME is duckdb, pandas or spark: the fenced
block after `<!-- recipe: NAME -->`.
"""
import json
import os
import re
import sys


def recipe(readme, name):
    text = open(readme, encoding="utf-8").read()
    match = re.search(r"<!-- recipe: " + re.escape(name) + r" -->\s*```\w*\n(.*?)```", text, re.S)
    if not match:
        sys.exit(f"README.md has no recipe {name}")
    return match.group(1)


def main(readme, name, workdir):
    code = recipe(readme, name)
    os.chdir(workdir)
    if name == "duckdb":
        import duckdb
        counts = []
        for statement in [part.strip() for part in code.split(";")]:
            if statement and not all(line.startswith("--") for line in statement.splitlines()):
                counts.append(duckdb.sql(statement).fetchall())
        print(json.dumps({"results": [[[str(value) for value in row] for row in rows] for rows in counts]}, ensure_ascii=False))
    elif name == "pandas":
        scope = {}
        exec(compile(code, "README.md (pandas)", "exec"), scope)
        investments, with_titles = scope["investments"], scope["with_titles"]
        print(json.dumps({"rows": len(investments), "joined": len(with_titles),
                          "amount_cny": str(investments["amount_cny"].dtype), "year": str(investments["year"].dtype),
                          "regions": len(scope["by_region"])}))
    elif name == "spark":
        scope = {}
        exec(compile(code, "README.md (spark)", "exec"), scope)
        print(json.dumps({"rows": scope["investments"].count(), "joined": scope["with_titles"].count(),
                          "documents": scope["documents"].count()}))
        scope["spark"].stop()


if __name__ == "__main__":
    main(*sys.argv[1:4])
