#!/usr/bin/env python3
"""Writes the conf.py that both builds of scripts/myst-parity read.

Usage: myst-parity-conf.py PROJECT_CONF_PY OUT_CONF_PY PROJECT_NAME

Keeps the project's MyST settings and a few general ones whose values are
literals, and those of its extensions that Vellum implements; names the
extensions it leaves out. myst_nb is replaced by myst_parser (notebooks are
not part of the comparison).
"""
import ast
import sys

KEPT_SETTINGS = {"project", "exclude_patterns", "root_doc", "master_doc", "extlinks",
                 "todo_include_todos", "numfig", "default_role", "rst_epilog", "rst_prolog"}
KEPT_EXTENSIONS = {"myst_parser", "sphinx_copybutton", "sphinx.ext.todo", "sphinx.ext.extlinks",
                   "sphinx.ext.mathjax", "sphinx.ext.githubpages", "sphinx.ext.ifconfig", "sphinx.ext.duration"}


def main():
    source_path, out_path, name = sys.argv[1:4]
    try:
        source = open(source_path, encoding="utf-8").read()
    except OSError:
        source = ""
    kept, extensions = {}, []
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        if len(targets) != 1 or not isinstance(targets[0], ast.Name):
            continue
        setting = targets[0].id
        try:
            value = ast.literal_eval(node.value)
        except ValueError:
            continue
        if setting == "extensions":
            extensions += list(value)
        elif setting.startswith("myst_") or setting in KEPT_SETTINGS:
            kept[setting] = value
    wanted = ["myst_parser" if e == "myst_nb" else e for e in extensions]
    used = [e for e in dict.fromkeys(["myst_parser"] + wanted) if e in KEPT_EXTENSIONS]
    dropped = sorted(set(wanted) - set(used))
    print("extensions in both builds: " + ", ".join(used))
    print("left out of both builds: " + (", ".join(dropped) or "none"))
    kept.setdefault("project", name)
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Written by scripts/myst-parity from the project's conf.py.\n")
        out.write(f"extensions = {used!r}\nhtml_theme = 'basic'\n")
        for setting, value in sorted(kept.items()):
            out.write(f"{setting} = {value!r}\n")


if __name__ == "__main__":
    main()
