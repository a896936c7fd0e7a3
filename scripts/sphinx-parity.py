#!/usr/bin/env python3
"""Sphinx parity: build real Sphinx projects with sphinx-build and with Vellum
and compare the results (issue #11).

For each project: download its latest sdist from PyPI (cached under
.build-parity/), unpack it, find the folder holding conf.py, make a Python
venv with the latest Sphinx and what the docs need, run `sphinx-build -n`,
run `vellum build` on the unchanged folder (no vellum.toml: Vellum reads
conf.py itself), and compare pages, heading trees, internal links and the
broken-reference verdicts. Details go to .build-parity/NAME/report.json and a
readable .build-parity/NAME/report.txt; a summary table is printed at the end.

Run through scripts/sphinx-parity, which builds Vellum first.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import urllib.parse
import urllib.request
import zipfile
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

DEFAULT_PROJECTS = ["pluggy", "attrs", "click", "jinja2", "werkzeug", "pytest"]
ALLOWED_PROJECTS = set(DEFAULT_PROJECTS) | {
    "pytest", "alembic", "sqlalchemy", "celery", "scrapy", "docutils",
    "myst-parser", "httpx", "rich",
}
PYTHON = "/root/.pyenv/versions/3.13.0/bin/python3"

# Extension modules and themes named in conf.py -> the PyPI distribution that
# provides them. Used when a project names no docs requirements of its own,
# and as a safety net on top of them.
EXTENSION_PACKAGES = {
    "pallets_sphinx_themes": "pallets-sphinx-themes",
    "sphinx_issues": "sphinx-issues",
    "sphinx_tabs": "sphinx-tabs",
    "sphinx_tabs.tabs": "sphinx-tabs",
    "sphinxcontrib.log_cabinet": "sphinxcontrib-log-cabinet",
    "sphinx_copybutton": "sphinx-copybutton",
    "myst_parser": "myst-parser",
    "myst_nb": "myst-nb",
    "sphinx_design": "sphinx-design",
    "sphinx_autodoc_typehints": "sphinx-autodoc-typehints",
    "sphinx_click": "sphinx-click",
    "sphinx_click.ext": "sphinx-click",
    "sphinxcontrib.towncrier": "sphinxcontrib-towncrier",
    "sphinxcontrib.towncrier.ext": "sphinxcontrib-towncrier",
    "sphinxcontrib.programoutput": "sphinxcontrib-programoutput",
    "sphinxcontrib.mermaid": "sphinxcontrib-mermaid",
    "sphinxcontrib.jquery": "sphinxcontrib-jquery",
    "sphinxcontrib.trio": "sphinxcontrib-trio",
    "sphinxcontrib.spelling": "sphinxcontrib-spelling",
    "sphinx_inline_tabs": "sphinx-inline-tabs",
    "sphinxext.opengraph": "sphinxext-opengraph",
    "sphinx_togglebutton": "sphinx-togglebutton",
    "sphinx_paramlinks": "sphinx-paramlinks",
    "sphinx_removed_in": "sphinx-removed-in",
    "sphinx_prompt": "sphinx-prompt",
    "sphinx_reredirects": "sphinx-reredirects",
    "sphinx_toolbox": "sphinx-toolbox",
    "sphinx_autobuild": "sphinx-autobuild",
    "sphinx_rtd_theme": "sphinx-rtd-theme",
    "sphinx_book_theme": "sphinx-book-theme",
    "pydata_sphinx_theme": "pydata-sphinx-theme",
    "sphinx_immaterial": "sphinx-immaterial",
    "notfound.extension": "sphinx-notfound-page",
    "hoverxref.extension": "sphinx-hoverxref",
    "sphinx_last_updated_by_git": "sphinx-last-updated-by-git",
    "zzzeeksphinx": "zzzeeksphinx",
    "furo": "furo",
    "alabaster": "alabaster",
    "sphinx_lint": "sphinx-lint",
    "jaraco.packaging.sphinx": "jaraco.packaging",
    "rst.linker": "rst.linker",
}

# Sphinx output pages that are not pages of the documentation.
SPECIAL_PAGES = {"genindex.html", "search.html", "py-modindex.html", "404.html"}
SPECIAL_DIRS = ("_modules/", "_sources/", "_static/", "_images/", "_downloads/")

# Sphinx (-n) and docutils messages that are verdicts about references.
SPHINX_REF_PATTERNS = [
    ("ref.target-not-found", re.compile(r"reference target not found")),
    ("ref.undefined-label", re.compile(r"undefined label")),
    ("ref.unknown-document", re.compile(r"unknown document")),
    ("ref.term", re.compile(r"term not in glossary")),
    ("ref.option", re.compile(r"unknown option")),
    ("ref.ambiguous", re.compile(r"more than one target found")),
    ("ref.failed", re.compile(r"Failed to create a cross reference")),
    ("ref.unknown-target", re.compile(r"Unknown target name")),
    ("ref.keyword", re.compile(r"unknown keyword")),
    ("toctree.missing", re.compile(r"toctree contains reference to (nonexisting|excluded) document")),
    ("toctree.not-included", re.compile(r"isn't included in any toctree")),
]
VELLUM_REF_PREFIXES = ("ref.", "toctree.", "doc")


def log(*parts):
    print("[parity]", *parts, file=sys.stderr, flush=True)


def run(cmd, cwd=None, env=None, log_to=None, check=False, timeout=3600):
    log("$", " ".join(str(c) for c in cmd))
    start = time.time()
    with open(log_to, "w") if log_to else open(os.devnull, "w") as out:
        proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, stdout=out,
                              stderr=subprocess.STDOUT, timeout=timeout)
    if check and proc.returncode != 0:
        tail = Path(log_to).read_text(errors="replace")[-3000:] if log_to else ""
        raise RuntimeError(f"command failed ({proc.returncode}): {cmd}\n{tail}")
    return proc.returncode, time.time() - start


# ---------------------------------------------------------------- download

def fetch_sdist(name: str, cache: Path) -> tuple[str, Path]:
    api = f"https://pypi.org/pypi/{name}/json"
    with urllib.request.urlopen(api, timeout=60) as r:
        meta = json.load(r)
    version = meta["info"]["version"]
    sdists = [u for u in meta["urls"] if u["packagetype"] == "sdist"]
    if not sdists:
        raise RuntimeError(f"{name} {version} has no sdist on PyPI")
    url = urllib.parse.urljoin(api, sdists[0]["url"])  # a mirror may answer with relative URLs
    dest = cache / "downloads" / url.rsplit("/", 1)[1]
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        log("downloading", url)
        tmp = dest.with_suffix(dest.suffix + ".part")
        with urllib.request.urlopen(url, timeout=300) as r, open(tmp, "wb") as f:
            shutil.copyfileobj(r, f)
        tmp.rename(dest)
    return version, dest


def unpack(archive: Path, into: Path) -> Path:
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    if archive.name.endswith(".zip"):
        with zipfile.ZipFile(archive) as z:
            z.extractall(into)
    else:
        with tarfile.open(archive) as t:
            t.extractall(into, filter="data")
    entries = [p for p in into.iterdir()]
    root = entries[0] if len(entries) == 1 and entries[0].is_dir() else into
    # Vellum takes the nearest folder holding .git as the repository (where
    # autodoc looks for src/ and the package). The cache sits inside Vellum's
    # own checkout, so mark the unpacked sdist as a repository of its own, as
    # a clone of the project would be.
    (root / ".git").mkdir(exist_ok=True)
    return root


def find_docs(root: Path) -> Path | None:
    candidates = sorted(root.rglob("conf.py"), key=lambda p: (len(p.parts), str(p)))
    for c in candidates:
        if any(part in ("tests", "test", "testing", "examples") for part in c.relative_to(root).parts):
            continue
        if "doc" in str(c.relative_to(root)).lower():
            return c.parent
    return candidates[0].parent if candidates else None


# ---------------------------------------------------------------- requirements

def conf_names(conf: Path) -> tuple[list[str], str | None]:
    """The extension modules and html_theme that conf.py names literally."""
    exts: list[str] = []
    theme = None
    try:
        tree = ast.parse(conf.read_text(errors="replace"))
    except SyntaxError:
        return exts, theme

    def strings(node):
        if isinstance(node, (ast.List, ast.Tuple)):
            return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return []

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name) and t.id == "extensions":
                    exts += strings(node.value)
                if isinstance(t, ast.Name) and t.id == "html_theme" and isinstance(node.value, ast.Constant):
                    theme = node.value.value
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "extensions":
            exts += strings(node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "extensions":
            for a in node.args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    exts.append(a.value)
                exts += strings(a)
    return exts, theme


def strip_pin(line: str) -> str | None:
    # `git+https://…/name.git#egg=name`: the network reaches only PyPI, so the released package.
    vcs = re.match(r"^\s*(?:-e\s+)?(?:git|hg)\+\S+?(?:#egg=([A-Za-z0-9._-]+)|/([A-Za-z0-9._-]+?)(?:\.git)?(?:@\S*)?$)", line)
    if vcs:
        return vcs.group(1) or vcs.group(2)
    line = line.split("#", 1)[0].strip() if not line.strip().startswith("-") else line.strip()
    if not line or line.startswith("-"):
        return None
    marker = ""
    if ";" in line:
        line, marker = line.split(";", 1)
        marker = ";" + marker
    m = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?", line)
    if not m:
        return None
    return m.group(1) + (m.group(2) or "") + marker


def read_requirements(path: Path, seen=None) -> list[str]:
    seen = seen or set()
    if path in seen or not path.exists():
        return []
    seen.add(path)
    out = []
    for raw in path.read_text(errors="replace").splitlines():
        s = raw.strip()
        if s.startswith(("-r ", "-c ", "--requirement")):
            if s.startswith("-c"):
                continue
            out += read_requirements(path.parent / s.split(None, 1)[1].strip(), seen)
            continue
        req = strip_pin(s.rstrip("\\").strip())
        if req:
            out.append(req)
    return out


def docs_requirements(root: Path, docs: Path, project: str) -> tuple[list[str], str]:
    """What the docs need beyond Sphinx, and where that list came from."""
    files = sorted(docs.glob("requirements*.txt")) + sorted((root / "requirements").glob("doc*.txt")) \
        + sorted((root / "requirements").glob("doc*.in")) + sorted(root.glob("doc*-requirements.txt"))
    if files:
        reqs = []
        for f in files:
            reqs += read_requirements(f)
        return reqs, "requirements: " + ", ".join(str(f.relative_to(root)) for f in files)
    pyproject = root / "pyproject.toml"
    if pyproject.exists():
        data = tomllib.loads(pyproject.read_text(errors="replace"))
        groups = data.get("dependency-groups", {})

        def group(name, depth=0):
            out = []
            for item in groups.get(name, []):
                if isinstance(item, dict) and "include-group" in item and depth < 5:
                    out += group(item["include-group"], depth + 1)
                elif isinstance(item, str):
                    r = strip_pin(item)
                    if r:
                        out.append(r)
            return out

        if "docs" in groups or "doc" in groups:
            name = "docs" if "docs" in groups else "doc"
            return group(name), f"pyproject dependency-groups.{name}"
        extras = data.get("project", {}).get("optional-dependencies", {})
        for name in ("docs", "doc"):
            if name in extras:
                reqs = []
                for item in extras[name]:
                    r = strip_pin(item)
                    if r and r.split("[")[0].lower() not in (project.lower(),):
                        reqs.append(r)
                    elif r and "[" in r:  # project[other-extra]
                        reqs.append(f"{project}{r[r.index('['):]}")
                return reqs, f"extra [{name}]"
    return [], "conf.py only"


def mapped_conf_packages(docs: Path) -> list[str]:
    exts, theme = conf_names(docs / "conf.py")
    out = []
    for name in exts + ([theme] if theme else []):
        if not name or name.startswith("sphinx.ext.") or name in ("sphinx.ext",):
            continue
        top = name.split(".")[0]
        local = (docs / f"{top}.py").exists() or (docs / top).is_dir() or any(
            (d / f"{top}.py").exists() or (d / top).is_dir() for d in docs.iterdir() if d.is_dir())
        pkg = EXTENSION_PACKAGES.get(name) or EXTENSION_PACKAGES.get(top)
        if pkg and not local:
            out.append(pkg)
    return out


def ensure_venv(work: Path, root: Path, docs: Path, project: str, version: str) -> tuple[Path, dict]:
    venv = work / "venv"
    stamp = venv / "parity-stamp.json"
    reqs, source = docs_requirements(root, docs, project)
    reqs = [r for r in reqs if r.split("[")[0].split(";")[0].lower() != "sphinx"]
    extra = [p for p in mapped_conf_packages(docs) if p.lower() not in {r.split("[")[0].lower() for r in reqs}]
    want = {"project": project, "version": version, "reqs": reqs, "extra": extra}
    if stamp.exists() and json.loads(stamp.read_text()) == want:
        return venv, {"source": source, **want}
    if venv.exists():
        shutil.rmtree(venv)
    run([PYTHON, "-m", "venv", venv], check=True)
    pip = [venv / "bin/python", "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    pkgs = ["sphinx"] + reqs + extra
    rc, _ = run(pip + [root] + pkgs, log_to=work / "pip.log")
    if rc != 0:  # something in the list does not install on 3.13: keep what does
        log("pip failed as a whole; installing one by one")
        run(pip + ["sphinx", root], log_to=work / "pip-base.log", check=True)
        for p in reqs + extra:
            rc, _ = run(pip + [p], log_to=work / f"pip-{re.sub(r'[^A-Za-z0-9]', '_', p)}.log")
            if rc != 0:
                log("could not install", p)
    stamp.write_text(json.dumps(want))
    return venv, {"source": source, **want}


# ---------------------------------------------------------------- HTML

class PageScan(HTMLParser):
    """Headings and links inside the page's main content; every id on the page."""

    def __init__(self, main_test):
        super().__init__(convert_charrefs=True)
        self.main_test = main_test
        self.main_tag = None
        self.main_depth = 0
        self.done_main = False
        self.heading = None
        self.heading_text = []
        self.skip_depth = 0
        self.skip_tag = None
        self.headings: list[str] = []
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if self.main_tag is None:
            if not self.done_main and self.main_test(tag, a):
                self.main_tag, self.main_depth = tag, 1
            return
        if tag == self.main_tag:
            self.main_depth += 1
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        classes = (a.get("class") or "").split()
        if self.heading and ("headerlink" in classes or "heading-anchor" in classes or "anchor" in classes):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if re.fullmatch(r"h[1-6]", tag):
            self.heading, self.heading_text = tag, []
        if tag == "a" and a.get("href") is not None and "headerlink" not in classes:
            self.links.append(a["href"])

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])

    def handle_endtag(self, tag):
        if self.main_tag is None:
            return
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            if tag == self.main_tag:
                self.main_depth -= 1
            return
        if self.heading and tag == self.heading:
            text = " ".join("".join(self.heading_text).replace("¶", "").split())
            self.headings.append(f"{tag} {text}")
            self.heading = None
        if tag == self.main_tag:
            self.main_depth -= 1
            if self.main_depth == 0:
                self.main_tag, self.done_main = None, True

    def handle_data(self, data):
        if self.main_tag and self.heading and not self.skip_tag:
            self.heading_text.append(data)


def sphinx_main(tag, a):
    # pydata-sphinx-theme and sphinx-book-theme: the page's own content is `article.bd-article` inside
    # `main[role=main]` (which also holds the page header and the "Contents" sidebar).
    classes = (a.get("class") or "").split()
    if tag == "article" and "bd-article" in classes:
        return True
    return (a.get("role") == "main" and "bd-main" not in classes) or (tag == "div" and "body" in classes)


def vellum_main(tag, a):
    return tag == "article" and "document" in (a.get("class") or "").split()


def scan_site(out: Path, main_test) -> dict[str, PageScan]:
    pages = {}
    for f in sorted(out.rglob("*.html")):
        rel = f.relative_to(out).as_posix()
        if rel in SPECIAL_PAGES or rel.startswith(SPECIAL_DIRS):
            continue
        p = PageScan(main_test)
        p.feed(f.read_text(errors="replace"))
        p.close()
        if not p.done_main and p.main_tag is None:  # no main container found: whole page
            q = PageScan(lambda t, a: t == "body")
            q.feed(f.read_text(errors="replace"))
            p = q
        pages[rel] = p
    return pages


def internal_targets(page: str, hrefs: list[str], site_pages: set[str]) -> set[tuple[str, str]]:
    out = set()
    for h in hrefs:
        h = h.strip()
        if not h or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", h) or h.startswith("//"):
            continue
        path, _, anchor = h.partition("#")
        path = path.split("?", 1)[0]
        if path == "":
            target = page
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
            if target.endswith("/") or not target.endswith(".html"):
                target = posixpath.join(target, "index.html") if not target.endswith(".html") else target
        if target in site_pages:
            out.add((target, urllib.request.unquote(anchor)))
    return out


# ---------------------------------------------------------------- diagnostics

def norm_path(p: str, roots: list[Path]) -> str:
    p = p.strip()
    if "site-packages/" in p:
        return p.split("site-packages/", 1)[1]
    path = Path(p)
    for r in roots:
        try:
            rel = path.resolve().relative_to(r.resolve()).as_posix()
        except ValueError:
            continue
        return rel[4:] if rel.startswith("src/") else rel
    return p


SPHINX_LINE = re.compile(
    r"^(?P<file>[^\s].*?)(?::docstring of (?P<obj>[^:]+(?::[^:\d][^:]*)*))?(?::(?P<line>\d*))?: "
    r"(?P<level>WARNING|ERROR|CRITICAL|SEVERE|INFO): (?P<msg>.*)$")


def quoted_target(msg: str) -> str:
    # Vellum's "no py:class named '…'" (the name itself may be quoted: a Literal value).
    m = re.match(r"no [\w:.-]+ named '(.+)'(?: in the '[^']*' inventory)?$", msg)
    if m:
        return m.group(1).lower()
    m = re.findall(r"'([^']+)'|‘([^’]+)’|\"([^\"]+)\"", msg)
    if m:
        return next(x for x in m[-1] if x).lower()
    m = re.search(r"(?:not found|label|document|glossary|option):\s*(\S+)", msg)
    return m.group(1).strip("'\"").lower() if m else ""


def sphinx_target(msg: str) -> str:
    m = re.search(r"reference target not found: (.+?)(?: \[[a-z.]+\])?$", msg)
    if m:
        # sphinx-paramlinks hides the parameter from Sphinx's resolver behind a token of its own.
        return m.group(1).strip().replace("_sphinx_paramlinks_", "").lower()
    return quoted_target(re.sub(r" \[[a-z._-]+\]$", "", msg))


def parse_sphinx_warnings(text: str, roots: list[Path]) -> list[dict]:
    out = []
    for line in text.splitlines():
        m = SPHINX_LINE.match(line)
        if not m:
            if line.startswith(("WARNING:", "ERROR:")):
                out.append({"file": "", "line": None, "msg": line.split(":", 1)[1].strip(), "kind": None, "raw": line})
            continue
        msg = m.group("msg")
        kind = next((k for k, pat in SPHINX_REF_PATTERNS if pat.search(msg)), None)
        out.append({
            "file": norm_path(m.group("file"), roots), "line": int(m.group("line")) if m.group("line") else None,
            "docstring": m.group("obj"), "msg": msg, "kind": kind, "target": sphinx_target(msg) if kind else "",
            "raw": line,
        })
    return out


def parse_vellum_diagnostics(text: str, cwd: Path, roots: list[Path]) -> list[dict]:
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        path = d.get("path") or d.get("file") or ""
        if path and not os.path.isabs(path):
            path = str(cwd / path)
        did = d.get("id", "")
        out.append({
            "file": norm_path(path, roots) if path else "", "line": d.get("line"), "id": did,
            "severity": d.get("severity"), "msg": d.get("message", ""),
            "is_ref": did.startswith(VELLUM_REF_PREFIXES), "target": quoted_target(d.get("message", "")),
            # A reference reported in a docstring's or an included file: the page that shows it.
            "shown_on": next((norm_path(str(cwd / n["path"]) if not os.path.isabs(n["path"]) else n["path"], roots)
                              for n in d.get("notes", []) if n.get("message") == "shown on this page" and n.get("path")),
                             None),
        })
    return out


def sphinx_inventory_pages(path: Path) -> dict[str, str]:
    """Python object → the page (docname) that documents it, from Sphinx's objects.inv."""
    import zlib
    if not path.exists():
        return {}
    data = path.read_bytes()
    body = data.split(b"\n", 4)[4]
    pages = {}
    for line in zlib.decompress(body).decode("utf-8", "replace").splitlines():
        m = re.match(r"(.+?)\s+(py:\w+)\s+-?\d+\s+(\S+)", line)
        if not m:
            continue
        name, uri = m.group(1), m.group(3)
        pages.setdefault(name, uri.split("#")[0].removesuffix(".html"))
    return pages


def page_of_file(file: str) -> str | None:
    """A docs source file's page name; None for a module's source file."""
    if not file or file.startswith("<") or file.endswith((".py", ".pyi", ".swift")):
        return None
    return os.path.splitext(file)[0]


def sphinx_page(w: dict, inventory: dict[str, str]) -> str | None:
    """The page a Sphinx warning is on: its file's, or for a docstring, the page that documents the
    object Sphinx names (its file is the module of the documented class, not always the defining one)."""
    if w.get("docstring"):
        name = w["docstring"]
        while name:
            if name in inventory:
                return inventory[name]
            name = name.rpartition(".")[0]
        return None
    return page_of_file(w["file"])


def match_verdicts(sphinx: list[dict], vellum: list[dict]):
    """Pairs Sphinx's and Vellum's broken-reference verdicts: first by (file,
    line), then what is left by (file, target) with any line."""
    s_left = list(range(len(sphinx)))
    v_left = list(range(len(vellum)))
    pairs = []
    for tolerant in (False, True):
        index = defaultdict(list)
        for i in v_left:
            v = vellum[i]
            index[(v["file"], v["target"] if tolerant else v["line"])].append(i)
        still = []
        for j in s_left:
            s = sphinx[j]
            key = (s["file"], s["target"] if tolerant else s["line"])
            if tolerant and not s["target"]:
                still.append(j)
                continue
            if index.get(key):
                i = index[key].pop(0)
                v_left.remove(i)
                pairs.append((j, i, "file+target" if tolerant else "file+line"))
            else:
                still.append(j)
        s_left = still
    # Sphinx reports the types in autodoc signatures at "<unknown>:1"; Vellum at the directive:
    # those pair by target alone.
    index = defaultdict(list)
    for i in v_left:
        index[vellum[i]["target"]].append(i)
    still = []
    for j in s_left:
        s = sphinx[j]
        if s["file"] in ("", "<unknown>") and s["target"] and index.get(s["target"]):
            i = index[s["target"]].pop(0)
            v_left.remove(i)
            pairs.append((j, i, "target"))
        else:
            still.append(j)
    return pairs, still, v_left


def distinct_verdicts(sphinx: list[dict], vellum: list[dict]):
    """The figures the table shows. A verdict is a distinct (file, line, target): Sphinx warns once per
    occurrence (the same type in a signature and its field at one line), Vellum once per place. A
    Sphinx verdict is reported by Vellum when Vellum calls the same target broken in the same file
    (lines differ: Sphinx gives a paragraph's first line or a docstring's own line); one Sphinx gives
    without a file (`<unknown>`, the annotations in autodoc signatures) when Vellum names the target
    anywhere. The same rule the other way gives precision."""
    # `<unknown>`, and sources that are not files (`<jinja>`: markup an extension generated).
    def place(d):
        return "<unknown>" if d["file"] == "" or (d["file"].startswith("<") and d["file"].endswith(">")) else d["file"]
    s_set = {(place(d), d["line"], d["target"]) for d in sphinx}
    v_set = {(d["file"], d["line"], d["target"]) for d in vellum}
    # The page each verdict is on (a docstring's: the page documenting the object; Vellum's: the page
    # its note names). Sphinx gives autodoc content odd files — the module of the class whose member
    # it is, the module docstring for a class signature — so a verdict matches on the same page too.
    s_pages = defaultdict(set)
    for d in sphinx:
        if d.get("page"):
            s_pages[(place(d), d["line"], d["target"])].add(d["page"])
    v_pages = defaultdict(set)
    for d in vellum:
        page = d.get("page")
        if page:
            v_pages[(d["file"], d["line"], d["target"])].add(page)
    s_by_file = {(f, t) for f, _, t in s_set if f != "<unknown>"}
    s_by_page = {(p, k[2]) for k, ps in s_pages.items() for p in ps}
    s_unknown = {t for f, _, t in s_set if f == "<unknown>"}
    v_by_file = {(f, t) for f, _, t in v_set}
    v_by_page = {(p, k[2]) for k, ps in v_pages.items() for p in ps}
    v_targets = {t for _, _, t in v_set}
    found = [k for k in s_set if (k[0], k[2]) in v_by_file or (k[0] == "<unknown>" and k[2] in v_targets)
             or any((p, k[2]) in v_by_page for p in s_pages.get(k, ()))]
    confirmed = [k for k in v_set if (k[0], k[2]) in s_by_file or k[2] in s_unknown
                 or any((p, k[2]) in s_by_page for p in v_pages.get(k, ()))]
    missed = sorted(s_set - set(found), key=lambda k: (k[0], k[1] or 0, k[2]))
    unconfirmed = sorted(v_set - set(confirmed), key=lambda k: (k[0], k[1] or 0, k[2]))
    return {"sphinx": len(s_set), "vellum": len(v_set), "recall": pct(len(found), len(s_set)),
            "precision": pct(len(confirmed), len(v_set)), "missed": missed, "unconfirmed": unconfirmed}


# ---------------------------------------------------------------- one project

def pct(a, b):
    return None if b == 0 else round(100.0 * a / b, 1)


REUSE_SPHINX = False


def run_project(name: str, cache: Path, vellum: Path, jobs: int) -> dict:
    work = cache / name
    work.mkdir(parents=True, exist_ok=True)
    version, archive = fetch_sdist(name, cache)
    root = unpack(archive, work / "src")
    docs = find_docs(root)
    if docs is None:
        return {"project": name, "version": version, "error": "no conf.py in the sdist"}
    log(name, version, "docs:", docs.relative_to(root))
    venv, reqinfo = ensure_venv(work, root, docs, name, version)
    site_packages = next((venv / "lib").glob("python3*/site-packages"))
    versions = subprocess.run([venv / "bin/python", "-c", "import sphinx, docutils; print(sphinx.__version__, docutils.__version__)"],
                              capture_output=True, text=True).stdout.split()
    roots = [root / docs.relative_to(root), root]

    # Sphinx
    s_out = work / "sphinx-html"
    stamp = work / "sphinx-stamp.json"
    identity = {"project": version, "sphinx": versions}
    previous = json.loads(stamp.read_text()) if stamp.exists() else {}
    if REUSE_SPHINX and previous.get("identity") == identity and s_out.exists():
        # Sphinx's output for this sdist and this Sphinx, from an earlier run.
        s_rc, s_time = previous["rc"], previous["seconds"]
        log(name, "reusing the Sphinx build of", version)
    else:
        shutil.rmtree(s_out, ignore_errors=True)
        stamp.unlink(missing_ok=True)
        env = dict(os.environ, PATH=f"{venv / 'bin'}:{os.environ['PATH']}")
        s_rc, s_time = run([venv / "bin/sphinx-build", "-n", "-b", "html", "-E", "-q", "-j", str(jobs),
                            "-w", work / "sphinx-warnings.txt", docs, s_out],
                           cwd=docs, env=env, log_to=work / "sphinx.log")
        stamp.write_text(json.dumps({"identity": identity, "rc": s_rc, "seconds": s_time}))
    s_warn_text = (work / "sphinx-warnings.txt").read_text(errors="replace") if (work / "sphinx-warnings.txt").exists() else ""
    s_warn = parse_sphinx_warnings(s_warn_text, [docs, root, site_packages])

    # Vellum on the unchanged folder
    v_out = work / "vellum-html"
    shutil.rmtree(v_out, ignore_errors=True)
    vjson = work / "vellum-diagnostics.jsonl"
    with open(vjson, "w") as out, open(work / "vellum-stderr.txt", "w") as err:
        start = time.time()
        v_rc = subprocess.run([vellum, "build", "--no-cache", docs, "-o", v_out, "--diagnostics", "json", "-j", str(jobs)],
                              cwd=work, stdout=out, stderr=err).returncode
        v_time = time.time() - start
    v_diag = parse_vellum_diagnostics(vjson.read_text(errors="replace"), work, [docs, root])
    summary_line = (work / "vellum-stderr.txt").read_text(errors="replace").strip().splitlines()[-1:] or [""]
    site_written = v_out.exists() and any(v_out.rglob("*.html"))
    demoted = []
    compare_out = v_out
    if not site_written:
        # Vellum wrote nothing because of errors. Build a copy whose
        # vellum.toml turns exactly those errors into warnings, so pages,
        # headings and links can still be compared. The diagnostics above
        # (from the unchanged folder) are the ones compared.
        subprocess.run([vellum, "check", docs, "--diagnostics", "json", "-j", str(jobs)], cwd=work,
                       stdout=open(work / "vellum-check.jsonl", "w"), stderr=subprocess.DEVNULL)
        demoted = sorted({d["id"] for d in v_diag if d["severity"] == "error"})
        copy_root = work / "vellum-demoted-src"
        shutil.rmtree(copy_root, ignore_errors=True)
        shutil.copytree(root, copy_root, symlinks=True)
        copy_docs = copy_root / docs.relative_to(root)
        toml = copy_docs / "vellum.toml"
        if toml.exists():
            log("warning: the sdist has its own vellum.toml; leaving it")
        else:
            sev = ", ".join(f'"{i}" = "warning"' for i in demoted)
            toml.write_text(f"[diagnostics]\nseverity = {{ {sev} }}\n")
        compare_out = work / "vellum-demoted-html"
        shutil.rmtree(compare_out, ignore_errors=True)
        subprocess.run([vellum, "build", "--no-cache", copy_docs, "-o", compare_out, "--diagnostics", "json", "-j", str(jobs)],
                       cwd=work, stdout=open(work / "vellum-demoted.jsonl", "w"),
                       stderr=open(work / "vellum-demoted-stderr.txt", "w"))

    migration = check_migration(vellum, root, docs, compare_out, demoted, work, jobs)

    # Pages
    s_pages = scan_site(s_out, sphinx_main) if s_out.exists() else {}
    v_pages = scan_site(compare_out, vellum_main) if compare_out.exists() else {}
    common = sorted(set(s_pages) & set(v_pages))
    missing_pages = sorted(set(s_pages) - set(v_pages))
    extra_pages = sorted(set(v_pages) - set(s_pages))

    # Headings
    same_headings = 0
    heading_diffs = []
    for p in common:
        if s_pages[p].headings == v_pages[p].headings:
            same_headings += 1
        else:
            heading_diffs.append({"page": p, "sphinx": s_pages[p].headings, "vellum": v_pages[p].headings})

    # Links
    s_site, v_site = set(s_pages), set(v_pages)
    links_total = links_present = 0
    link_misses = []
    miss_reason = Counter()
    for p in s_pages:
        s_links = internal_targets(p, s_pages[p].links, s_site)
        v_links = internal_targets(p, v_pages[p].links, v_site) if p in v_pages else set()
        for t in sorted(s_links):
            links_total += 1
            if t in v_links:
                links_present += 1
                continue
            if p not in v_pages:
                reason = "page missing in Vellum"
            elif t[0] not in v_pages:
                reason = "target page missing in Vellum"
            elif t[1] and t[1] not in v_pages[t[0]].ids:
                reason = "anchor not on Vellum's target page"
            else:
                reason = "target exists but this page does not link it"
            miss_reason[reason] += 1
            link_misses.append({"page": p, "target": f"{t[0]}#{t[1]}" if t[1] else t[0], "reason": reason})

    # Broken-reference verdicts
    s_refs = [w for w in s_warn if w["kind"]]
    v_refs = [d for d in v_diag if d["is_ref"]]
    inventory = sphinx_inventory_pages(s_out / "objects.inv")
    for w in s_refs:
        w["page"] = sphinx_page(w, inventory)
    for d in v_refs:
        d["page"] = page_of_file(d["shown_on"] or d["file"])
    pairs, s_only, v_only = match_verdicts(s_refs, v_refs)
    distinct = distinct_verdicts(s_refs, v_refs)
    exact = sum(1 for p in pairs if p[2] == "file+line")
    report = {
        "project": name, "version": version, "root": str(root), "docs": str(docs.relative_to(root)),
        "requirements": reqinfo,
        "sphinx": {"version": versions[0] if versions else "?", "docutils": versions[1] if len(versions) > 1 else "?",
                   "exit": s_rc, "seconds": round(s_time, 1), "warnings": len(s_warn), "ref_warnings": len(s_refs),
                   "ref_kinds": Counter(w["kind"] for w in s_refs)},
        "vellum": {"exit": v_rc, "seconds": round(v_time, 1), "site_written": site_written,
                   "summary": summary_line[0], "diagnostics": len(v_diag),
                   "by_id": Counter(d["id"] for d in v_diag), "ref_diagnostics": len(v_refs),
                   "demoted_to_warning_for_comparison": demoted},
        "pages": {"sphinx": len(s_pages), "vellum": len(v_pages), "common": len(common),
                  "missing": missing_pages, "extra": extra_pages},
        "headings": {"same": same_headings, "compared": len(common), "pct": pct(same_headings, len(common)),
                     "diffs": heading_diffs},
        "links": {"total": links_total, "present": links_present, "pct": pct(links_present, links_total),
                  "miss_reasons": miss_reason, "misses": link_misses},
        "refs": {"sphinx": len(s_refs), "vellum": len(v_refs), "matched": len(pairs), "matched_exact_line": exact,
                 "distinct": distinct,
                 "precision_paired": pct(len(pairs), len(v_refs)), "recall_paired": pct(len(pairs), len(s_refs)),
                 "precision": distinct["precision"], "recall": distinct["recall"],
                 "precision_exact_line": pct(exact, len(v_refs)), "recall_exact_line": pct(exact, len(s_refs)),
                 "pairs": [{"sphinx": s_refs[j], "vellum": v_refs[i], "by": how} for j, i, how in pairs],
                 "sphinx_only": [s_refs[j] for j in s_only], "vellum_only": [v_refs[i] for i in v_only]},
        "migration": migration,
        "other_sphinx_warnings": [w for w in s_warn if not w["kind"]],
        "other_vellum_diagnostics": [d for d in v_diag if not d["is_ref"]],
    }
    (work / "report.json").write_text(json.dumps(report, indent=1, default=str))
    write_text_report(report, work / "report.txt")
    return report


def check_migration(vellum: Path, root: Path, docs: Path, site: Path, demoted: list, work: Path, jobs: int) -> dict:
    """`vellum migrate` on a copy, conf.py removed, built again: the site must be byte-identical
    to the one built from conf.py (with the same errors demoted, when there were any)."""
    copy_root = work / "vellum-migrated-src"
    shutil.rmtree(copy_root, ignore_errors=True)
    shutil.copytree(root, copy_root, symlinks=True)
    copy_docs = copy_root / docs.relative_to(root)
    if (copy_docs / "vellum.toml").exists() and not demoted:
        return {"checked": False, "why": "the sdist has its own vellum.toml"}
    migrated = subprocess.run([vellum, "migrate", copy_docs], capture_output=True, text=True, cwd=work)
    if migrated.returncode != 0:
        return {"checked": False, "why": f"vellum migrate exited {migrated.returncode}: {migrated.stderr.strip()[-300:]}"}
    toml = migrated.stdout
    if demoted:
        entries = ", ".join(f'"{i}" = "warning"' for i in demoted)
        lines = toml.split("\n")
        at = next((n for n, line in enumerate(lines) if line.startswith("severity = { ")), None)
        if at is not None:
            lines[at] = "severity = { " + entries + ", " + lines[at][len("severity = { "):]
            toml = "\n".join(lines)
        else:
            toml += f"\n[diagnostics.severity]\n" + "".join(f'"{i}" = "warning"\n' for i in demoted)
    (copy_docs / "vellum.toml").write_text(toml)
    (copy_docs / "conf.py").unlink()
    out = work / "vellum-migrated-html"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([vellum, "build", "--no-cache", copy_docs, "-o", out, "--quiet", "-j", str(jobs)], cwd=work,
                   stdout=subprocess.DEVNULL, stderr=open(work / "vellum-migrated-stderr.txt", "w"))
    def files(top: Path) -> dict:
        return {str(f.relative_to(top)): f.read_bytes() for f in top.rglob("*") if f.is_file()} if top.exists() else {}
    a, b = files(site), files(out)
    differing = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    return {"checked": True, "files": len(a), "identical": not differing and bool(a), "differing": differing[:50]}


def write_text_report(r: dict, path: Path):
    L = []
    L.append(f"# {r['project']} {r['version']}  (docs: {r['docs']}, requirements from {r['requirements']['source']})")
    L.append(f"sphinx {r['sphinx']['version']} (docutils {r['sphinx']['docutils']}): exit {r['sphinx']['exit']}, {r['sphinx']['warnings']} warnings ({r['sphinx']['ref_warnings']} about references), {r['sphinx']['seconds']} s")
    L.append(f"vellum: exit {r['vellum']['exit']}, site written: {r['vellum']['site_written']}, {r['vellum']['diagnostics']} diagnostics ({r['vellum']['ref_diagnostics']} about references), {r['vellum']['seconds']} s")
    L.append(f"  {r['vellum']['summary']}")
    if r["vellum"]["demoted_to_warning_for_comparison"]:
        L.append(f"  compared site built from a copy with these errors demoted: {r['vellum']['demoted_to_warning_for_comparison']}")
    L.append(f"  diagnostics by id: {dict(Counter(r['vellum']['by_id']).most_common())}")
    pg = r["pages"]
    L.append(f"pages: sphinx {pg['sphinx']}, vellum {pg['vellum']}; missing {pg['missing']}; extra {pg['extra']}")
    L.append(f"headings: {r['headings']['same']}/{r['headings']['compared']} same ({r['headings']['pct']}%)")
    for d in r["headings"]["diffs"]:
        L.append(f"  {d['page']}")
        s, v = d["sphinx"], d["vellum"]
        import difflib
        for line in difflib.unified_diff(s, v, "sphinx", "vellum", lineterm="", n=0):
            if not line.startswith(("---", "+++", "@@")):
                L.append("    " + line)
    lk = r["links"]
    L.append(f"links: {lk['present']}/{lk['total']} present ({lk['pct']}%); misses by reason: {dict(lk['miss_reasons'])}")
    for m in lk["misses"]:
        L.append(f"  {m['page']} -> {m['target']}  [{m['reason']}]")
    rf = r["refs"]
    dv = rf["distinct"]
    L.append(f"broken-reference verdicts (distinct file, line, target): sphinx {dv['sphinx']}, vellum {dv['vellum']}; "
             f"precision {dv['precision']}% recall {dv['recall']}%")
    L.append("  Sphinx's, not reported by Vellum for that file and target:")
    for f, line, t in dv["missed"]:
        L.append(f"    {f}:{line}: {t}")
    L.append("  Vellum's, not reported by Sphinx for that file and target:")
    for f, line, t in dv["unconfirmed"]:
        L.append(f"    {f}:{line}: {t}")
    L.append(f"warnings paired one to one: sphinx {rf['sphinx']}, vellum {rf['vellum']}, matched {rf['matched']} ({rf['matched_exact_line']} on the same line); precision {rf['precision_paired']}% recall {rf['recall_paired']}% (same line only: {rf['precision_exact_line']}% / {rf['recall_exact_line']}%)")
    L.append("  reported by Sphinx only:")
    for s in rf["sphinx_only"]:
        L.append(f"    {s['file']}:{s['line']}: [{s['kind']}] {s['msg']}" + (f" (docstring of {s['docstring']})" if s.get("docstring") else ""))
    L.append("  reported by Vellum only:")
    for v in rf["vellum_only"]:
        L.append(f"    {v['file']}:{v['line']}: [{v['id']}] {v['msg']}")
    L.append("  matched by target on another line:")
    for p in rf["pairs"]:
        if p["by"] != "file+line":
            L.append(f"    sphinx {p['sphinx']['file']}:{p['sphinx']['line']} / vellum :{p['vellum']['line']} {p['vellum']['msg']}")
    mg = r.get("migration", {})
    if mg.get("checked"):
        L.append(f"migrate: the site from the migrated vellum.toml (conf.py removed) is "
                 + ("byte-identical" if mg["identical"] else f"different in {mg['differing']}") + f" ({mg['files']} files)")
    else:
        L.append(f"migrate: not checked ({mg.get('why', '?')})")
    L.append("other vellum diagnostics:")
    for v in r["other_vellum_diagnostics"]:
        L.append(f"  {v['file']}:{v['line']}: {v['severity']} [{v['id']}] {v['msg']}")
    L.append("other sphinx warnings:")
    for s in r["other_sphinx_warnings"]:
        L.append(f"  {s['raw']}")
    path.write_text("\n".join(L) + "\n")


def fmt(x):
    return "–" if x is None else f"{x}%"


def migration_cell(m: dict) -> str:
    if not m.get("checked"):
        return "not checked"
    return "identical" if m["identical"] else f"{len(m['differing'])} files differ"


def print_table(header: list[str], table: list[list[str]], markdown: bool):
    """The summary: a Markdown table, or columns padded for a terminal."""
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in table:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *table)]
        for row in [header] + table:
            print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("projects", nargs="*", default=DEFAULT_PROJECTS)
    ap.add_argument("--vellum", required=True, help="the vellum executable")
    ap.add_argument("--cache", default=".build-parity")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--markdown", action="store_true", help="print the summary as a Markdown table")
    ap.add_argument("--reuse-sphinx", action="store_true",
                    help="keep an earlier run's sphinx-build output when the sdist and Sphinx are the same")
    args = ap.parse_args()
    global REUSE_SPHINX
    REUSE_SPHINX = args.reuse_sphinx
    for p in args.projects:
        if p.lower() not in ALLOWED_PROJECTS:
            ap.error(f"{p} is not on the list of projects this script may build: {sorted(ALLOWED_PROJECTS)}")
    cache = Path(args.cache).resolve()
    vellum = Path(args.vellum).resolve()
    rows = []
    for p in args.projects:
        try:
            r = run_project(p.lower(), cache, vellum, args.jobs)
        except Exception as e:  # report and go on with the next project
            log(p, "failed:", e)
            r = {"project": p, "error": str(e)}
        rows.append(r)
    (cache / "summary.json").write_text(json.dumps(rows, indent=1, default=str))
    header = ["project", "version", "pages S/V", "same headings", "links present", "verdicts S/V",
              "precision", "recall", "Vellum exit", "migrate"]
    table = []
    for r in rows:
        if "error" in r:
            table.append([r["project"], r.get("version", ""), "error: " + r["error"][:60], "", "", "", "", "", "", ""])
            continue
        table.append([
            r["project"], r["version"], f"{r['pages']['sphinx']}/{r['pages']['vellum']}",
            fmt(r["headings"]["pct"]), fmt(r["links"]["pct"]),
            f"{r['refs']['distinct']['sphinx']}/{r['refs']['distinct']['vellum']}",
            fmt(r["refs"]["precision"]), fmt(r["refs"]["recall"]),
            f"{r['vellum']['exit']}" + ("" if r["vellum"]["site_written"] else " (no site)"),
            migration_cell(r.get("migration", {})),
        ])
    print_table(header, table, args.markdown)
    print(f"details: {cache}/NAME/report.txt and report.json")


if __name__ == "__main__":
    main()
