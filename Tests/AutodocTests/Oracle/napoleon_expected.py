#!/usr/bin/env python3
"""Regenerate Fixtures/napoleon/expected.txt with Sphinx's own napoleon (the oracle).

Usage: python3 -m venv v && v/bin/pip install sphinx && v/bin/python Tests/AutodocTests/Oracle/napoleon_expected.py

Each case of cases.txt runs through NumpyDocstring, then GoogleDocstring — what
napoleon does with both styles enabled — and the result is written under the
same `=== name` header. The Swift converter must reproduce it exactly.
"""
import pathlib

from sphinx.ext.napoleon import Config
from sphinx.ext.napoleon.docstring import GoogleDocstring, NumpyDocstring

HERE = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "napoleon"


def cases():
    name, lines = None, []
    for line in (HERE / "cases.txt").read_text().split("\n"):
        if line.startswith("=== "):
            if name is not None:
                yield name, lines
            name, lines = line[4:], []
        else:
            lines.append(line)
    if name is not None:
        yield name, lines


def main():
    config = Config()
    out = []
    for name, lines in cases():
        while lines and lines[-1] == "":
            lines.pop()
        converted = NumpyDocstring(lines, config).lines()
        converted = GoogleDocstring(converted, config).lines()
        out.append("=== " + name)
        out.extend(converted)
    (HERE / "expected.txt").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
