#!/usr/bin/env python3
"""Autodoc parity: the API pages of real packages as Sphinx's autodoc renders
them (importing the installed package) against Vellum's static extraction
(issue #13, part 5).

For each project: the sdist, its docs folder and a venv with Sphinx and the
package come from scripts/sphinx-parity.py's helpers (cached under
.build-parity/NAME/). sphinx-build runs once (kept in autodoc/sphinx-html;
--fresh runs it again); Vellum runs every time. Then, on every page whose
source uses an ``auto…`` directive, the Python objects each side describes
(``<dt class="sig sig-object py" id=…>``) are compared: which ids are there,
and the signature text (the ``dt``'s text without the permalink and
``[source]`` links, whitespace collapsed).

    scripts/autodoc-parity [--fresh] [-j N] [PROJECT...]
    scripts/autodoc-parity --swift [PACKAGE...]

With --swift: Swift packages from the local mirror (/opt/swift-packages) are
built with the compiler's symbol graph (`-emit-symbol-graph`), and every public
symbol declared in a module's sources (synthesized ones, underscored names and
protocol default implementations, which Vellum shows on the requirement, left
out) must be rendered by `automodule` with :members: and :undoc-members:;
duplicate-description warnings are counted.

Prints per project: objects Sphinx renders, how many of them Vellum renders,
how many signatures are the same text, and the objects only Vellum renders.
Details: .build-parity/NAME/autodoc/report.txt.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("sphinx_parity", HERE / "sphinx-parity.py")
sp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sp)

DEFAULT_PROJECTS = ["pluggy", "attrs", "click", "jinja2", "werkzeug"]
AUTO_DIRECTIVE = re.compile(r"^\s*\.\. auto(module|class|function|method|attribute|data|exception|property|decorator)::",
                            re.M)


class Signatures(HTMLParser):
    """Python object ids on a page, each with its signature text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.objects: dict[str, str] = {}
        self.order: list[str] = []
        self.current: str | None = None
        self.depth = 0
        self.text: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self.current is None:
            if tag == "dt" and "sig-object" in classes and "py" in classes and a.get("id"):
                self.current, self.depth, self.text = a["id"], 1, []
            return
        if tag == "dt":
            self.depth += 1
        if self.skip:
            self.skip += 1
            return
        if tag == "a" and ("headerlink" in classes or "reference" in classes and "internal" in classes
                           and a.get("href", "").startswith("_modules/")):
            self.skip = 1
        elif tag == "span" and "viewcode-link" in classes:
            self.skip = 1
        elif tag in ("a",) and "viewcode-link" in classes:
            self.skip = 1

    def handle_endtag(self, tag):
        if self.current is None:
            return
        if self.skip:
            self.skip -= 1
            return
        if tag == "dt":
            self.depth -= 1
            if self.depth == 0:
                text = " ".join("".join(self.text).replace("¶", "").replace("\u00a0", " ").split())
                text = text.replace("[source]", "").strip()
                if self.current not in self.objects:
                    self.objects[self.current] = text
                    self.order.append(self.current)
                self.current = None

    def handle_data(self, data):
        if self.current is not None and not self.skip:
            self.text.append(data)


def scan(path: Path) -> dict[str, str]:
    p = Signatures()
    p.feed(path.read_text(errors="replace"))
    p.close()
    return p.objects


def api_pages(docs: Path, suffixes: tuple[str, ...]) -> list[str]:
    """Pages (as .html paths) whose source uses an auto… directive."""
    out = []
    for f in sorted(docs.rglob("*")):
        if f.suffix not in suffixes or not f.is_file() or "_build" in f.parts:
            continue
        if AUTO_DIRECTIVE.search(f.read_text(errors="replace")):
            out.append(f.relative_to(docs).with_suffix(".html").as_posix())
    return out


def vellum_build(vellum: Path, docs: Path, root: Path, work: Path, jobs: int) -> Path:
    """Vellum on the unchanged folder; when errors stop it writing, on a copy whose
    vellum.toml makes those errors warnings (as sphinx-parity does)."""
    out = work / "vellum-html"
    shutil.rmtree(out, ignore_errors=True)
    diag = work / "vellum-diagnostics.jsonl"
    with open(diag, "w") as o, open(work / "vellum-stderr.txt", "w") as e:
        subprocess.run([vellum, "build", "--no-cache", docs, "-o", out, "--diagnostics", "json", "-j", str(jobs)],
                       cwd=work, stdout=o, stderr=e)
    if out.exists() and any(out.rglob("*.html")):
        return out
    errors = set()
    for line in diag.read_text(errors="replace").splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("severity") == "error":
            errors.add(d.get("id"))
    copy_root = work / "vellum-src"
    shutil.rmtree(copy_root, ignore_errors=True)
    shutil.copytree(root, copy_root, symlinks=True)
    copy_docs = copy_root / docs.relative_to(root)
    sev = ", ".join(f'"{i}" = "warning"' for i in sorted(errors))
    (copy_docs / "vellum.toml").write_text(f"[diagnostics]\nseverity = {{ {sev} }}\n")
    out = work / "vellum-demoted-html"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([vellum, "build", "--no-cache", copy_docs, "-o", out, "-q", "-j", str(jobs)], cwd=work,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out


def run_project(name: str, cache: Path, vellum: Path, jobs: int, fresh: bool) -> dict:
    base = cache / name
    base.mkdir(parents=True, exist_ok=True)
    version, archive = sp.fetch_sdist(name, cache)
    root = sp.unpack(archive, base / "src")
    docs = sp.find_docs(root)
    if docs is None:
        return {"project": name, "version": version, "error": "no conf.py in the sdist"}
    work = base / "autodoc"
    work.mkdir(exist_ok=True)
    s_out = work / "sphinx-html"
    if not fresh and not (s_out / "index.html").exists() and (base / "sphinx-html" / "index.html").exists():
        s_out = base / "sphinx-html"   # scripts/sphinx-parity built it already
    elif fresh or not (s_out / "index.html").exists():
        venv, _ = sp.ensure_venv(base, root, docs, name, version)
        shutil.rmtree(s_out, ignore_errors=True)
        env = dict(os.environ, PATH=f"{venv / 'bin'}:{os.environ['PATH']}")
        sp.run([venv / "bin/sphinx-build", "-b", "html", "-E", "-q", "-j", str(jobs), docs, s_out],
               cwd=docs, env=env, log_to=work / "sphinx.log")
    v_out = vellum_build(vellum, docs, root, work, jobs)
    pages = api_pages(docs, (".rst", ".txt", ".md"))
    total = present = same = 0
    extra: list[tuple[str, str]] = []
    missing: list[tuple[str, str, str]] = []
    differ: list[tuple[str, str, str, str]] = []
    for page in pages:
        s_file, v_file = s_out / page, v_out / page
        if not s_file.exists():
            continue
        s_obj = scan(s_file)
        v_obj = scan(v_file) if v_file.exists() else {}
        for oid, sig in s_obj.items():
            total += 1
            if oid not in v_obj:
                missing.append((page, oid, sig))
                continue
            present += 1
            if v_obj[oid] == sig:
                same += 1
            else:
                differ.append((page, oid, sig, v_obj[oid]))
        extra += [(page, oid) for oid in v_obj if oid not in s_obj]
    report = {
        "project": name, "version": version, "pages": len(pages), "objects": total,
        "present": present, "same": same, "extra": len(extra),
        "missing_list": missing, "differ_list": differ, "extra_list": extra,
    }
    (work / "report.json").write_text(json.dumps(report, indent=1))
    with open(work / "report.txt", "w") as f:
        f.write(f"{name} {version}: {present}/{total} objects, {same} same signatures, {len(extra)} extra\n")
        f.write("\n## missing in Vellum\n")
        for page, oid, sig in missing:
            f.write(f"{page}  {oid}\n    S: {sig}\n")
        f.write("\n## different signatures\n")
        for page, oid, s, v in differ:
            f.write(f"{page}  {oid}\n    S: {s}\n    V: {v}\n")
        f.write("\n## only in Vellum\n")
        for page, oid in extra:
            f.write(f"{page}  {oid}\n")
    return report


SWIFT_PACKAGES = {
    "swift-argument-parser": ("apple/swift-argument-parser", "1.8.2", ["ArgumentParser"]),
    "swift-collections": ("apple/swift-collections", "1.6.0",
                          ["DequeModule", "OrderedCollections", "HeapModule", "BitCollections", "HashTreeCollections"]),
}


def swift_symbols(graph_dir: Path, module: str, sources: Path) -> Counter:
    """Declared public symbols of a module, as paths (`Type.member(label:)`), counted (overloads)."""
    out = Counter()
    for f in sorted(graph_dir.glob(f"{module}.symbols.json")) + sorted(graph_dir.glob(f"{module}@*.symbols.json")):
        data = json.loads(f.read_text())
        defaults = {r["source"] for r in data.get("relationships", []) if r["kind"] == "defaultImplementationOf"}
        for sym in data["symbols"]:
            uri = sym.get("location", {}).get("uri", "")
            if sym["accessLevel"] not in ("public", "open") or not uri or "spi" in sym:
                continue
            if not urllib_unquote(uri).startswith("file://" + str(sources)):
                continue
            path = sym["pathComponents"]
            precise = sym["identifier"]["precise"]
            if any(p.startswith("_") for p in path) or precise in defaults or "::SYNTHESIZED::" in precise:
                continue
            out[".".join(path)] += 1
    return out


def urllib_unquote(text: str) -> str:
    import urllib.parse
    return urllib.parse.unquote(text)


def vellum_swift(vellum: Path, work: Path, module: str, sources: Path) -> tuple[Counter, int, list[str]]:
    docs = work / f"docs-{module}"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True)
    (docs / "vellum.toml").write_text(f'[project]\nname = "{module}"\n\n[autodoc.swift_modules]\n{module} = "{sources}"\n')
    (docs / "index.rst").write_text(f"API\n===\n\n.. automodule:: {module}\n   :members:\n   :undoc-members:\n")
    out = work / f"html-{module}"
    shutil.rmtree(out, ignore_errors=True)
    diag = subprocess.run([vellum, "build", "--no-cache", docs, "-o", out, "--diagnostics", "json"], capture_output=True, text=True)
    problems = [json.loads(l) for l in diag.stdout.splitlines() if l.strip()]
    duplicates = sum(1 for d in problems if d.get("id") == "ref.duplicate-object")
    others = [f"{d.get('id')}: {d.get('message')}" for d in problems if d.get("severity") in ("error", "warning")
              and d.get("id") != "ref.duplicate-object"]
    import zlib
    names = Counter()
    inv = out / "objects.inv"
    if inv.exists():
        body = zlib.decompress(inv.read_bytes().split(b"\n", 4)[4]).decode()
        for line in body.splitlines():
            name, role = line.split(" ", 2)[:2]
            if not role.startswith("swift:") or role == "swift:extension" or not name.startswith(module + "."):
                continue
            path = name[len(module) + 1:]
            path = re.sub(r"-(\(.*\)(->.*)?|[0-9a-f]{1,4}x*)$", "", path)  # DocC-style disambiguation
            names[path] += 1
    return names, duplicates, others


def run_swift(name: str, cache: Path, vellum: Path) -> dict:
    repo, version, modules = SWIFT_PACKAGES[name]
    work = cache / "swift" / name
    src = work / "src"
    if not (src / "Package.swift").exists():
        shutil.rmtree(src, ignore_errors=True)
        src.parent.mkdir(parents=True, exist_ok=True)
        sp.run(["git", "clone", "-q", f"/opt/swift-packages/{repo}.git", src], check=True)
        sp.run(["git", "-C", src, "checkout", "-q", version], check=True)
    graphs = work / "symbol-graphs"
    rows = []
    for module in modules:
        if not (graphs / f"{module}.symbols.json").exists():
            graphs.mkdir(parents=True, exist_ok=True)
            sp.run(["swift", "build", "--package-path", src, "--scratch-path", work / ".build", "--target", module,
                    "-Xswiftc", "-emit-symbol-graph", "-Xswiftc", "-emit-symbol-graph-dir", "-Xswiftc", graphs],
                   log_to=work / f"build-{module}.log")
        sources = (src / "Sources" / module).resolve()
        declared = swift_symbols(graphs, module, sources)
        rendered, duplicates, others = vellum_swift(vellum, work, module, sources)
        missing = declared - rendered
        rows.append({"module": module, "declared": sum(declared.values()),
                     "rendered": sum((declared & rendered).values()), "duplicates": duplicates,
                     "missing": sorted(missing.elements()), "other_diagnostics": others})
    (work / "report.json").write_text(json.dumps(rows, indent=1))
    return {"package": name, "version": version, "modules": rows}


def main_swift(args, cache: Path, vellum: Path):
    names = args.projects if args.projects != DEFAULT_PROJECTS else list(SWIFT_PACKAGES)
    header = ["package", "module", "declared public symbols", "rendered", "duplicate warnings"]
    table = []
    for name in names:
        r = run_swift(name, cache, vellum)
        for m in r["modules"]:
            table.append([f"{name} {r['version']}", m["module"], str(m["declared"]),
                          f"{m['rendered']} ({pct(m['rendered'], m['declared'])})", str(m["duplicates"])])
            for path in m["missing"][:15]:
                print(f"  missing in {m['module']}: {path}")
            for other in m["other_diagnostics"][:5]:
                print(f"  {m['module']}: {other}")
    sp.print_table(header, table, args.markdown)


def pct(a, b):
    return f"{100 * a / b:.1f}%" if b else "–"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("projects", nargs="*", default=DEFAULT_PROJECTS)
    ap.add_argument("--vellum", required=True)
    ap.add_argument("--cache", default=".build-parity")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--fresh", action="store_true", help="run sphinx-build again")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--swift", action="store_true", help="Swift packages against the compiler's symbol graph")
    args = ap.parse_args()
    if args.swift:
        for p in args.projects:
            if p != DEFAULT_PROJECTS[0] and args.projects != DEFAULT_PROJECTS and p not in SWIFT_PACKAGES:
                ap.error(f"{p} is not one of {sorted(SWIFT_PACKAGES)}")
        return main_swift(args, Path(args.cache).resolve(), Path(args.vellum).resolve())
    for p in args.projects:
        if p.lower() not in sp.ALLOWED_PROJECTS:
            ap.error(f"{p} is not on the list of projects this script may build")
    cache, vellum = Path(args.cache).resolve(), Path(args.vellum).resolve()
    rows = []
    for p in args.projects:
        try:
            rows.append(run_project(p.lower(), cache, vellum, args.jobs, args.fresh))
        except Exception as e:
            sp.log(p, "failed:", e)
            rows.append({"project": p, "error": str(e)})
    header = ["project", "version", "API pages", "objects (Sphinx)", "rendered by Vellum", "same signature",
              "only in Vellum"]
    table = []
    tot = Counter()
    for r in rows:
        if "error" in r:
            table.append([r["project"], r.get("version", ""), "error: " + r["error"][:50], "", "", "", ""])
            continue
        tot.update({k: r[k] for k in ("objects", "present", "same", "extra", "pages")})
        table.append([r["project"], r["version"], str(r["pages"]), str(r["objects"]),
                      f"{r['present']} ({pct(r['present'], r['objects'])})",
                      f"{r['same']} ({pct(r['same'], r['objects'])})", str(r["extra"])])
    table.append(["all", "", str(tot["pages"]), str(tot["objects"]),
                  f"{tot['present']} ({pct(tot['present'], tot['objects'])})",
                  f"{tot['same']} ({pct(tot['same'], tot['objects'])})", str(tot["extra"])])
    sp.print_table(header, table, args.markdown)
    print(f"details: {cache}/NAME/autodoc/report.txt")


if __name__ == "__main__":
    main()
