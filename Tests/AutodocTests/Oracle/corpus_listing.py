#!/usr/bin/env python3
"""List classes and functions of every .py file under a directory, as the Swift corpus test does.

Usage: corpus_listing.py ROOT > /tmp/ast-listing.txt, then
    VELLUM_PY_CORPUS=ROOT swift test --filter corpus
    diff <(sort /tmp/ast-listing.txt) <(sort /tmp/vellum-py-corpus-listing.txt)

Definitions inside if/try/with/for/while bodies count (they exist at run time);
function bodies are not entered. A later definition of the same name replaces
an earlier one, keeping the first position, like the extractor. Overloads and
property setters are folded, as in the extractor.
"""
import ast
import os
import sys


def decorated_away(node):
    for d in node.decorator_list:
        if isinstance(d, ast.Name) and d.id == "overload":
            return True
        if isinstance(d, ast.Attribute) and d.attr == "overload":
            return True
        if isinstance(d, ast.Attribute) and d.attr in ("setter", "deleter", "getter") \
                and isinstance(d.value, ast.Name) and d.value.id == node.name:
            return "property-accessor"
    return False


def walk(body, prefix, out):
    order, found = [], {}
    def visit(stmts):
        for node in stmts:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                kind = "class" if isinstance(node, ast.ClassDef) else "def"
                away = False if kind == "class" else decorated_away(node)
                if away is True:
                    continue
                if away == "property-accessor" and node.name in found:
                    continue
                if node.decorator_list:
                    line = node.lineno
                else:
                    line = node.lineno
                if node.name not in found:
                    order.append(node.name)
                found[node.name] = (kind, line, node)
            elif isinstance(node, (ast.If, ast.Try, ast.With, ast.AsyncWith, ast.For, ast.AsyncFor, ast.While)):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif hasattr(ast, "TryStar") and isinstance(node, ast.TryStar):
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []))
                for handler in node.handlers:
                    visit(handler.body)
            elif isinstance(node, ast.Match):
                for case in node.cases:
                    visit(case.body)
    visit(body)
    for name in order:
        kind, line, node = found[name]
        out.append((prefix + name, kind, line))
        if kind == "class":
            walk(node.body, prefix + name + ".", out)


def main(root):
    for dirpath, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            try:
                with open(path, "rb") as f:
                    tree = ast.parse(f.read())
            except (SyntaxError, ValueError):
                continue
            out = []
            walk(tree.body, "", out)
            for qual, kind, line in out:
                print(f"{rel} {qual} {kind} {line}")


if __name__ == "__main__":
    main(sys.argv[1])
