#!/usr/bin/env python3
"""Cross-check the Python extractor's golden dumps against Python's own parser.

Usage (Python >= 3.12 for the PEP 695 / PEP 701 fixtures):
    python3 Tests/AutodocTests/Oracle/check_python_goldens.py

For every module golden in Fixtures/golden/python, parses the fixture source with
``ast`` and checks, for each function, method and class the golden lists: that it
exists in the source at the same line, its parameter names and kinds, and its
docstring (``ast.get_docstring``, i.e. cleandoc) and the line of the docstring's
first content line. Oracle only: used in development, never by the build.
"""
import ast
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent / "Fixtures"
KINDS = {
    "posonlyargs": "positional-only", "args": "positional-or-keyword", "vararg": "var-positional",
    "kwonlyargs": "keyword-only", "kwarg": "var-keyword",
}


def expected_objects(tree, module):
    """Yield (qualname, node) for classes and functions outside function bodies."""
    def visit(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield prefix + node.name, node
            elif isinstance(node, ast.ClassDef):
                yield prefix + node.name, node
                yield from visit(node.body, prefix + node.name + ".")
            elif isinstance(node, ast.If) and ast.unparse(node.test) in ("__name__ == '__main__'", "'__main__' == __name__"):
                continue  # script-only code is not API
            elif isinstance(node, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
                for field in ("body", "orelse", "finalbody"):
                    yield from visit(getattr(node, field, []), prefix)
                for handler in getattr(node, "handlers", []):
                    yield from visit(handler.body, prefix)
    yield from visit(tree.body, module + ".")


def params(node):
    a = node.args
    result = [(p.arg, "positional-only") for p in a.posonlyargs]
    result += [(p.arg, "positional-or-keyword") for p in a.args]
    if a.vararg:
        result.append((a.vararg.arg, "var-positional"))
    result += [(p.arg, "keyword-only") for p in a.kwonlyargs]
    if a.kwarg:
        result.append((a.kwarg.arg, "var-keyword"))
    return result


def doc_line(node):
    first = node.body[0] if node.body else None
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)):
        return None
    leading = 0
    for line in first.value.value.split("\n"):
        if line.strip():
            break
        leading += 1
    return first.lineno + leading


def parse_golden(text):
    """Map qualified name -> {line, params, doc lines, doc first line} from a dump."""
    objects, stack = {}, []
    for raw in text.splitlines():
        indent = len(raw) - len(raw.lstrip(" "))
        line = raw.strip()
        head = re.match(r"(class|exception|function|method|property|attribute|data) (\S+?)[\[(:= ].*@(\d+):\d+$|"
                        r"(class|exception|function|method|property|attribute|data) (\S+)  @(\d+):\d+$", line)
        if head:
            kind = head.group(1) or head.group(4)
            entry = {"kind": kind, "line": int(head.group(3) or head.group(6)), "params": [], "doc": [], "docline": None}
            stack = [s for s in stack if s[0] < indent]
            stack.append((indent, entry))
            continue
        if not stack:
            continue
        entry = [s for s in stack if s[0] < indent][-1][1] if [s for s in stack if s[0] < indent] else None
        if entry is None:
            continue
        if line.startswith("qualified: "):
            objects[line[len("qualified: "):]] = entry
        elif line.startswith("param "):
            m = re.match(r"param (\S+) \[([a-z-]+)\]", line)
            entry["params"].append((m.group(1), m.group(2)))
        elif line.startswith("doc "):
            m = re.match(r"doc (\d+):\d+ \| ?(.*)$", line)
            if entry["docline"] is None:
                entry["docline"] = int(m.group(1))
            entry["doc"].append(m.group(2))
    return objects


def check_attribute_docs(module, source, got):
    """Compare attribute docs (#: comments, docstrings after assignments) with Sphinx's analyzer."""
    try:
        from sphinx.pycode import ModuleAnalyzer
    except ImportError:
        print(f"{module}: sphinx not installed, attribute docs not checked")
        return 0
    failures = 0
    docs = ModuleAnalyzer.for_string(source, module).find_attr_docs()
    for (scope, name), lines in sorted(docs.items()):
        qualname = ".".join(part for part in (module, scope, name) if part)
        expected = "\n".join(lines).strip("\n")
        entry = got.get(qualname)
        actual = "\n".join(entry["doc"]) if entry else None
        if actual != expected:
            failures += 1
            print(f"{module}: {qualname}: attribute doc {actual!r} != sphinx {expected!r}")
    documented = {q for q, e in got.items() if e["kind"] in ("attribute", "data") and e["doc"]}
    expected_names = {".".join(p for p in (module, s, n) if p) for (s, n) in docs}
    for extra in sorted(documented - expected_names):
        failures += 1
        print(f"{module}: {extra}: documented here but not by sphinx")
    print(f"{module}: checked {len(docs)} attribute docs against sphinx")
    return failures


def main():
    failures = 0
    for golden in sorted((HERE / "golden" / "python").glob("*.txt")):
        module = golden.stem
        text = golden.read_text()
        path = re.search(r"^  file: (.*)$", text, re.M).group(1)
        tree = ast.parse((HERE / "python" / path).read_text())
        got = parse_golden(text)
        for qualname, node in expected_objects(tree, module):
            if any(isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list) \
                    or any(isinstance(d, ast.Attribute) and d.attr in ("setter", "deleter") for d in node.decorator_list):
                continue  # folded into the implementation / the property's getter
            entry = got.get(qualname)
            problems = []
            if entry is None:
                problems.append("missing")
            else:
                line = node.lineno
                if entry["line"] != line:
                    problems.append(f"line {entry['line']} != {line}")
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and entry["kind"] != "property":
                    if entry["params"] != params(node):
                        problems.append(f"params {entry['params']} != {params(node)}")
                doc = ast.get_docstring(node, clean=True)
                if doc is not None or entry["doc"]:
                    if "\n".join(entry["doc"]) != (doc or "").replace("\t", " " * 8):
                        problems.append(f"doc {entry['doc']!r} != {doc!r}")
                    if entry["docline"] != doc_line(node):
                        problems.append(f"doc line {entry['docline']} != {doc_line(node)}")
            for problem in problems:
                failures += 1
                print(f"{module}: {qualname}: {problem}")
        failures += check_attribute_docs(module, (HERE / "python" / path).read_text(), got)
        mod_doc = ast.get_docstring(tree, clean=True)
        print(f"{module}: checked {len(list(expected_objects(tree, module)))} definitions"
              + (", module docstring present" if mod_doc else ""))
    print("OK" if failures == 0 else f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
