#!/usr/bin/env python3
"""Folder dependency scan of a Swift module: which folder's code names a type declared in
which other folder, and whether any folders depend on each other in a cycle.

    python3 scripts/layer_scan.py [Sources/XiezuoCore] [--graph] [--layers LAYERS]

Every directory holding .swift files is a node (a file belongs to the directory it sits in,
so `Stages/Extract` and `Stages/Extract/Regions` are two nodes). An edge A -> B means a file
in A names, outside comments and string literals, a top-level type declared in B. The scan
resolves names as the compiler does where it matters for folders:

- a name after `.` is a member (`PostgresLoad.Report`: only `PostgresLoad` is a reference);
- a type nested in another (`RunReport.StageReport`, every `CodingKeys`) is not a top-level
  type: inside its outer type's body, or an extension of it anywhere, the bare name means the
  nested type, so it makes no edge;
- generic parameters (`<Value: FixedWidthInteger>`) shadow types of the same name in their
  declaration;
- names inside string interpolations (`"\\(RunInterruption.name(of: signal))"`) are code.

Exit status 0 when the graph has no cycle, 1 when it has one (each cycle is printed with the
names that make its edges), 2 on bad usage. `--graph` prints the folder graph (each folder
with the folders it uses), for the README's architecture section. `--layers` checks, besides,
that every edge points down a declared order of top-level folders (a comma-separated list,
lowest first; `Stages/*` stands for every stage, which may not use one another).
"""

import argparse
import os
import re
import sys
from collections import defaultdict

DECLARATION_KEYWORDS = {"struct", "class", "enum", "protocol", "actor", "typealias", "extension"}
# Words that may sit between `class` and a real declaration name in a position we must skip:
# `class func`, `class var` are members, not types.
MEMBER_AFTER_CLASS = {"func", "var", "let", "subscript", "init", "deinit", "override", "final", "static"}


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind  # "ident", "punct"
        self.text = text
        self.line = line


def lex(source):
    """Identifiers and punctuation of Swift code, comments and literal text left out; the code
    inside string interpolations is lexed like any other."""
    tokens = []
    i = 0
    line = 1
    n = len(source)

    def string_literal(start, hashes, multiline):
        """Skips a string literal whose opening quote(s) end at `start`; returns the index after
        it, lexing interpolations."""
        nonlocal line
        j = start
        closing = ('"""' if multiline else '"') + "#" * hashes
        escape = "\\" + "#" * hashes
        while j < n:
            if source.startswith(closing, j):
                return j + len(closing)
            if source.startswith(escape, j):
                k = j + len(escape)
                if k < n and source[k] == "(":
                    # Interpolation: lex until the matching parenthesis.
                    depth = 1
                    k += 1
                    inner_start = k
                    while k < n and depth > 0:
                        c = source[k]
                        if c == '"':
                            # A string inside an interpolation: find its end recursively.
                            multi = source.startswith('"""', k)
                            k = inner_string_end(k + (3 if multi else 1), 0, multi)
                            continue
                        if c == "(":
                            depth += 1
                        elif c == ")":
                            depth -= 1
                        k += 1
                    inner = source[inner_start:k - 1]
                    for token in lex(inner):
                        token.line += line - 1
                        tokens.append(token)
                    line += inner.count("\n")
                    j = k
                    continue
                j = k + 1
                continue
            if source[j] == "\n":
                line += 1
            j += 1
        return j

    def inner_string_end(k, hashes, multiline):
        closing = ('"""' if multiline else '"') + "#" * hashes
        while k < n:
            if source.startswith(closing, k):
                return k + len(closing)
            if source[k] == "\\":
                k += 2
                continue
            k += 1
        return k

    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif source.startswith("//", i):
            while i < n and source[i] != "\n":
                i += 1
        elif source.startswith("/*", i):
            depth = 1
            i += 2
            while i < n and depth > 0:
                if source.startswith("/*", i):
                    depth += 1
                    i += 2
                elif source.startswith("*/", i):
                    depth -= 1
                    i += 2
                else:
                    if source[i] == "\n":
                        line += 1
                    i += 1
        elif c == "#" and re.match(r"#+\"", source[i:]):
            hashes = len(re.match(r"#+", source[i:]).group(0))
            i += hashes
            multiline = source.startswith('"""', i)
            i = string_literal(i + (3 if multiline else 1), hashes, multiline)
        elif c == '"':
            multiline = source.startswith('"""', i)
            i = string_literal(i + (3 if multiline else 1), 0, multiline)
        elif c == "`":
            end = source.index("`", i + 1)
            tokens.append(Token("ident", source[i + 1:end], line))
            i = end + 1
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (source[j].isalnum() or source[j] == "_"):
                j += 1
            tokens.append(Token("ident", source[i:j], line))
            i = j
        elif c.isdigit():
            j = i
            while j < n and (source[j].isalnum() or source[j] in "._"):
                j += 1
            i = j
        elif c == "#" or c == "@":
            # `#if`, `#available`, `@escaping`: the word after is no type reference of ours
            # except for attributes, which are Swift's own.
            j = i + 1
            while j < n and (source[j].isalnum() or source[j] == "_"):
                j += 1
            i = j
        else:
            tokens.append(Token("punct", c, line))
            i += 1
    return tokens


class Scope:
    __slots__ = ("kind", "name", "generics")

    def __init__(self, kind, name, generics=()):
        self.kind = kind  # "type" (a type's or extension's body) or "block"
        self.name = name  # the full dotted name of the type for "type" scopes
        self.generics = set(generics)


def generic_parameters(tokens, k):
    """Names introduced by a generic parameter clause starting at tokens[k] == '<'; returns
    (names, index after the clause)."""
    names = []
    depth = 0
    expect_name = True
    while k < len(tokens):
        t = tokens[k]
        if t.text == "<":
            depth += 1
            expect_name = depth == 1
        elif t.text == ">":
            depth -= 1
            if depth == 0:
                return names, k + 1
        elif t.text == "," and depth == 1:
            expect_name = True
        elif t.kind == "ident" and expect_name and depth == 1:
            if t.text not in ("each", "repeat"):
                names.append(t.text)
                expect_name = False
        elif t.text == ":":
            expect_name = False
        k += 1
    return names, k


def parse(tokens):
    """Declarations and references of one file.

    Returns (declarations, references): declarations are (full_name, is_top_level); references
    are (name, scope_chain) for every identifier that may name a type, where scope_chain lists
    the enclosing types' full names (innermost last) and the generic names in scope."""
    declarations = []
    references = []
    stack = []
    pending = None  # a declaration whose body's `{` has not been seen yet
    k = 0
    count = len(tokens)
    while k < count:
        t = tokens[k]
        previous = tokens[k - 1] if k > 0 else None
        if t.kind == "punct":
            if t.text == "{":
                if pending is not None:
                    stack.append(Scope("type", pending[0], pending[1]))
                    pending = None
                else:
                    stack.append(Scope("block", None))
            elif t.text == "}":
                if stack:
                    stack.pop()
            elif t.text == ";":
                pending = None
            k += 1
            continue
        word = t.text
        after_dot = previous is not None and previous.text == "."
        if not after_dot and word in DECLARATION_KEYWORDS and k + 1 < count and tokens[k + 1].kind == "ident":
            if word == "class" and tokens[k + 1].text in MEMBER_AFTER_CLASS:
                k += 1
                continue
            # `enum` inside `case` patterns etc. does not occur; `protocol` may appear in
            # `some protocol`? no. Read the declared name (dotted for extensions).
            j = k + 1
            parts = [tokens[j].text]
            while j + 2 < count and tokens[j + 1].text == "." and tokens[j + 2].kind == "ident":
                parts.append(tokens[j + 2].text)
                j += 2
            enclosing = [s.name for s in stack if s.kind == "type"]
            in_block = any(s.kind == "block" for s in stack)
            generics = []
            after = j + 1
            if after < count and tokens[after].text == "<":
                generics, after = generic_parameters(tokens, after)
            if word == "extension":
                extended = ".".join(parts)
                # The extended type is itself a reference.
                references.append((parts[0], tuple(enclosing), frozenset(scope_generics(stack))))
                full = resolve_extension_name(extended)
                pending = (full, generics, word)
            else:
                name = parts[0]
                outer = enclosing[-1] if enclosing else None
                full = f"{outer}.{name}" if outer else name
                top_level = outer is None and not in_block
                if not in_block:
                    declarations.append((full, top_level))
                pending = (full, generics, word) if word != "typealias" else None
                if word == "typealias":
                    pending = None
            k = after
            continue
        if word[0].isupper() and not after_dot:
            in_scope = scope_generics(stack) | (set(pending[1]) if pending is not None else set())
            references.append((word, tuple(s.name for s in stack if s.kind == "type"), frozenset(in_scope)))
        # A generic clause on a function, initializer or subscript: its parameters shadow for
        # its signature and body.
        clause = None
        if word == "func" and k + 2 < count and tokens[k + 1].kind == "ident" and tokens[k + 2].text == "<":
            clause = k + 2
        elif word in ("init", "subscript") and not after_dot and k + 1 < count and tokens[k + 1].text == "<":
            clause = k + 1
        if clause is not None:
            names, after = generic_parameters(tokens, clause)
            pending_func = names
            # Find the body's `{` and attach the names to it.
            m = after
            depth = 0
            while m < count:
                if tokens[m].text in "([":
                    depth += 1
                elif tokens[m].text in ")]":
                    depth -= 1
                elif tokens[m].text == "{" and depth == 0:
                    break
                elif tokens[m].text in ("}", ";") and depth == 0:
                    m = None
                    break
                m += 1
            # Scan the signature's references with the generics in scope.
            for q in range(clause, m if m is not None else after):
                tq = tokens[q]
                pq = tokens[q - 1]
                if tq.kind == "ident" and tq.text[0].isupper() and pq.text != ".":
                    references.append((tq.text, tuple(s.name for s in stack if s.kind == "type"),
                                       frozenset(scope_generics(stack)) | frozenset(pending_func)))
            if m is not None:
                stack.append(Scope("block", None, pending_func))
                k = m + 1
            else:
                k = after
            continue
        k += 1
    return declarations, references


def scope_generics(stack):
    names = set()
    for scope in stack:
        names |= scope.generics
    return names


def resolve_extension_name(name):
    return name


def scan(root):
    files = {}
    for directory, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(".swift"):
                path = os.path.join(directory, name)
                folder = os.path.relpath(directory, root)
                with open(path, encoding="utf-8") as handle:
                    files[path] = (folder, parse(lex(handle.read())))
    owner = {}
    nested = defaultdict(set)  # outer full name -> nested simple names
    for path, (folder, (declarations, _)) in files.items():
        for full, top_level in declarations:
            if top_level:
                if full in owner and owner[full][0] != folder:
                    raise SystemExit(f"layer_scan: {full} is declared twice ({owner[full][1]} and {path})")
                owner[full] = (folder, path)
            else:
                outer, _, simple = full.rpartition(".")
                nested[outer].add(simple)
    edges = defaultdict(lambda: defaultdict(set))
    for path, (folder, (_, references)) in files.items():
        for name, enclosing, generics in references:
            if name in generics or name not in owner:
                continue
            if any(name in nested.get(outer, ()) or name in nested_of_chain(outer, nested) for outer in enclosing):
                continue
            target = owner[name][0]
            if target != folder:
                edges[folder][target].add(name)
    nodes = sorted({folder for folder, _ in files.values()})
    return nodes, edges


def nested_of_chain(outer, nested):
    """Names nested in `outer` and in every type enclosing it (`A.B` sees `A`'s nested types)."""
    names = set()
    parts = outer.split(".")
    for end in range(1, len(parts)):
        names |= nested.get(".".join(parts[:end]), set())
    return names


def cycles(nodes, edges):
    """Strongly connected components with more than one folder (Tarjan)."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, {})):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for v in nodes:
        if v not in index:
            visit(v)
    return result


def layer_of(folder, layers):
    top = folder.split(os.sep)[0]
    if top == "Stages" and "Stages/*" in layers:
        return layers.index("Stages/*"), "/".join(folder.split(os.sep)[:2])
    if top in layers:
        return layers.index(top), top
    return None, top


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "XiezuoCore"))
    parser.add_argument("--graph", action="store_true", help="print each folder with the folders it uses")
    parser.add_argument("--layers", help="top-level folders, lowest first; edges must point down")
    arguments = parser.parse_args()
    root = os.path.normpath(arguments.root)
    if not os.path.isdir(root):
        print(f"layer_scan: {root} is not a directory", file=sys.stderr)
        return 2
    nodes, edges = scan(root)
    if arguments.graph:
        for node in nodes:
            uses = sorted(edges.get(node, {}))
            print(f"{node}" + (f" -> {', '.join(uses)}" if uses else ""))
    status = 0
    for component in cycles(nodes, edges):
        status = 1
        print("cycle: " + " <-> ".join(component))
        for a in component:
            for b in sorted(edges.get(a, {})):
                if b in component:
                    print(f"  {a} -> {b}: {', '.join(sorted(edges[a][b]))}")
    if arguments.layers:
        layers = arguments.layers.split(",")
        for a in nodes:
            rank_a, unit_a = layer_of(a, layers)
            if rank_a is None:
                status = 1
                print(f"layer: {a} is in no declared layer")
                continue
            for b in sorted(edges.get(a, {})):
                rank_b, unit_b = layer_of(b, layers)
                if rank_b is None:
                    continue
                upward = rank_b > rank_a
                sibling_stage = rank_a == rank_b and unit_a != unit_b
                if upward or sibling_stage:
                    status = 1
                    print(f"layer: {a} -> {b} points {'up' if upward else 'at a sibling stage'}: "
                          + ", ".join(sorted(edges[a][b])))
    if status == 0 and not arguments.graph:
        print(f"layer_scan: {len(nodes)} folders, no cycle")
    return status


if __name__ == "__main__":
    sys.exit(main())
