#!/usr/bin/env python3
"""Compares two HTML builds of one MyST project page by page (see scripts/myst-parity).

Usage: myst-parity-compare.py SOURCE_DIR SPHINX_HTML_DIR VELLUM_HTML_DIR

For every Markdown page of SOURCE_DIR, reads the page body of both builds
(Sphinx's basic theme: div.body; Vellum: article.document) and compares the
heading tree (level and text), the internal links (target page, and page with
anchor), and the number of tables, footnote references, definition lists and
code blocks. Prints one block per page that differs and a summary; exits 0.
"""
import os
import posixpath
import sys
from html.parser import HTMLParser


class Body(HTMLParser):
    """Collects what the comparison needs from the body of one page."""

    def __init__(self, body_test):
        super().__init__(convert_charrefs=True)
        self.body_test = body_test
        self.depth = 0          # element depth inside the body (0: outside)
        self.headings = []      # (level, text)
        self.heading = None
        self.links = []         # href of internal references
        self.counts = {"tables": 0, "footnote refs": 0, "deflists": 0, "code blocks": 0}
        self.skip = 0           # inside a headerlink

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if self.depth == 0:
            if self.body_test(tag, a, classes):
                self.depth = 1
            return
        if tag not in ("br", "img", "input", "hr", "meta", "link", "col"):
            self.depth += 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = [int(tag[1]), ""]
        elif tag == "a":
            if "headerlink" in classes:
                self.skip += 1
            elif "internal" in classes and "href" in a:
                self.links.append(a["href"])
            if "footnote-reference" in classes:
                self.counts["footnote refs"] += 1
        elif tag == "table" and "highlighttable" not in classes:
            self.counts["tables"] += 1
        elif tag == "dl" and not ({"footnote", "field-list", "glossary", "citation"} & set(classes)) \
                and not any(c in classes for c in ("py", "c", "cpp", "js", "rst", "std", "describe", "object")):
            self.counts["deflists"] += 1
        elif tag == "pre":
            self.counts["code blocks"] += 1

    def handle_endtag(self, tag):
        if self.depth == 0:
            return
        if tag == "a" and self.skip:
            self.skip -= 1
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading:
            self.headings.append((self.heading[0], " ".join(self.heading[1].split())))
            self.heading = None
        if tag not in ("br", "img", "input", "hr", "meta", "link", "col"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.heading is not None and not self.skip:
            self.heading[1] += data


def read(path, body_test):
    parser = Body(body_test)
    with open(path, encoding="utf-8", errors="replace") as f:
        parser.feed(f.read())
    return parser


def sphinx_body(tag, a, classes):
    return tag == "div" and "body" in classes and a.get("role") == "main"


def vellum_body(tag, a, classes):
    return tag == "article" and "document" in classes


def targets(page, hrefs):
    """Internal hrefs as (page, 'page#anchor') relative to the source root."""
    pages, anchored = set(), set()
    base = posixpath.dirname(page)
    for href in hrefs:
        path, _, anchor = href.partition("#")
        if path:
            target = posixpath.normpath(posixpath.join(base, path))
            if target.endswith(".html"):
                target = target[:-5]
        else:
            target = page
        pages.add(target)
        if anchor:
            anchored.add(f"{target}#{anchor}")
    return pages, anchored


def main():
    source, sphinx, vellum = sys.argv[1:4]
    pages = []
    for root, _, files in os.walk(source):
        for name in files:
            if name.endswith(".md"):
                rel = os.path.relpath(os.path.join(root, name), source)[:-3].replace(os.sep, "/")
                pages.append(rel)
    totals = {"pages": 0, "same": 0, "missing in vellum": 0, "missing in sphinx": 0}
    problems = {"headings": 0, "links to pages": 0, "links to anchors": 0}
    for page in sorted(pages):
        s_path, v_path = os.path.join(sphinx, page + ".html"), os.path.join(vellum, page + ".html")
        if not os.path.exists(s_path):
            totals["missing in sphinx"] += 1
            continue
        totals["pages"] += 1
        if not os.path.exists(v_path):
            totals["missing in vellum"] += 1
            print(f"== {page}: not built by Vellum")
            continue
        s, v = read(s_path, sphinx_body), read(v_path, vellum_body)
        lines = []
        if s.headings != v.headings:
            problems["headings"] += 1
            only_s = [h for h in s.headings if h not in v.headings]
            only_v = [h for h in v.headings if h not in s.headings]
            lines.append(f"  headings: sphinx {len(s.headings)}, vellum {len(v.headings)}"
                         f"; only sphinx {only_s[:5]}; only vellum {only_v[:5]}")
        for key in s.counts:
            if s.counts[key] != v.counts[key]:
                problems[key] = problems.get(key, 0) + 1
                lines.append(f"  {key}: sphinx {s.counts[key]}, vellum {v.counts[key]}")
        s_pages, s_anchors = targets(page, s.links)
        v_pages, v_anchors = targets(page, v.links)
        if s_pages != v_pages:
            problems["links to pages"] += 1
            lines.append(f"  linked pages only sphinx {sorted(s_pages - v_pages)[:8]}; only vellum {sorted(v_pages - s_pages)[:8]}")
        if s_anchors != v_anchors:
            problems["links to anchors"] += 1
            lines.append(f"  anchors only sphinx {sorted(s_anchors - v_anchors)[:8]}; only vellum {sorted(v_anchors - s_anchors)[:8]}")
        if lines:
            print(f"== {page}")
            print("\n".join(lines))
        else:
            totals["same"] += 1
    print(f"\n{totals['pages']} Markdown pages built by Sphinx; {totals['same']} alike in every measure; "
          f"{totals['missing in vellum']} not built by Vellum")
    print("pages that differ, by measure: " + ", ".join(f"{k} {n}" for k, n in problems.items() if n) or "none")


if __name__ == "__main__":
    main()
