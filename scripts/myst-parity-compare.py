#!/usr/bin/env python3
"""Compares two HTML builds of one MyST project page by page (see scripts/myst-parity).

Usage: myst-parity-compare.py SOURCE_DIR SPHINX_HTML_DIR VELLUM_HTML_DIR [--summary FILE]

For every Markdown page of SOURCE_DIR, reads the page body of both builds
(Sphinx's basic theme: div.body; Vellum: article.document) and compares the
heading tree (level and text), the internal links (target page, and page with
anchor), and the number of tables, footnote references, definition lists and
code blocks. Prints one block per page that differs and a summary, and writes
the figures as a Markdown table row's cells to FILE; exits 0.
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
        self.ids = set()        # every id on the page

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if a.get("id"):
            self.ids.add(a["id"])
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
            elif "internal" in classes and "href" in a and "://" not in a["href"] \
                    and "image-reference" not in classes:
                # (Sphinx marks the link around an image "internal" too: not a reference.)
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
        target = download_name(target)
        pages.add(target)
        if anchor:
            anchored.add(f"{target}#{anchor}")
    return pages, anchored


def percent(part, whole):
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def main():
    args = sys.argv[1:]
    summary = None
    if "--summary" in args:
        at = args.index("--summary")
        summary = args[at + 1]
        del args[at:at + 2]
    source, sphinx, vellum = args[:3]
    pages = []
    for root, _, files in os.walk(source):
        for name in files:
            if name.endswith(".md"):
                rel = os.path.relpath(os.path.join(root, name), source)[:-3].replace(os.sep, "/")
                pages.append(rel)
    totals = {"pages": 0, "same": 0, "missing in vellum": 0, "missing in sphinx": 0}
    problems = {"headings": 0, "links to pages": 0, "links to anchors": 0}
    links = {"sphinx": 0, "present": 0}
    sphinx_site = Site(sphinx)
    for page in sorted(pages):
        s_path, v_path = os.path.join(sphinx, page + ".html"), os.path.join(vellum, page + ".html")
        if not os.path.exists(s_path):
            totals["missing in sphinx"] += 1
            continue
        totals["pages"] += 1
        if not os.path.exists(v_path):
            totals["missing in vellum"] += 1
            for key in ["headings", "links to pages", "links to anchors", "tables", "footnote refs", "deflists", "code blocks"]:
                problems[key] = problems.get(key, 0) + 1
            s = read(s_path, sphinx_body)
            links["sphinx"] += len(s.links)
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
        # Every internal link of Sphinx's page (by target, with its anchor) that Vellum's page has too.
        # Links that lead nowhere in Sphinx's own build (a reference it warned about) are not counted.
        v_keys = {download_name(k) for k in link_keys(page, v.links)}
        s_keys = [download_name(k) for k in link_keys(page, s.links) if sphinx_site.has(k)]
        links["sphinx"] += len(s_keys)
        links["present"] += sum(1 for key in s_keys if key in v_keys)
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
    n = totals["pages"]
    print(f"\n{n} Markdown pages built by Sphinx; {totals['same']} alike in every measure; "
          f"{totals['missing in vellum']} not built by Vellum")
    print("pages that differ, by measure: " + (", ".join(f"{k} {c}" for k, c in problems.items() if c) or "none"))
    figures = [str(n), str(n - totals["missing in vellum"]), percent(n - problems["headings"], n),
               f"{percent(links['present'], links['sphinx'])} ({links['present']}/{links['sphinx']})"]
    figures += [percent(n - problems.get(key, 0), n) for key in ["tables", "footnote refs", "deflists", "code blocks"]]
    print("pages built, same heading tree, Sphinx's internal links present, same tables / footnotes / "
          "definition lists / code blocks: " + ", ".join(figures))
    if summary:
        with open(summary, "w") as out:
            out.write(" | ".join(figures) + " |")


def link_keys(page, hrefs):
    """Each internal href as 'page#anchor' (or 'page') relative to the source root, in order."""
    base = posixpath.dirname(page)
    keys = []
    for href in hrefs:
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(base, path)) if path else page
        if target.endswith(".html"):
            target = target[:-5]
        keys.append(f"{target}#{anchor}" if anchor else target)
    return keys


def download_name(target):
    """`_downloads/<hash>/name` (Sphinx) and `_downloads/folder/name` (Vellum) as `_downloads/name`."""
    if target.startswith("_downloads/"):
        return "_downloads/" + target.rsplit("/", 1)[-1]
    return target


class Site:
    """The ids of the pages of one HTML build, read once each."""

    def __init__(self, root):
        self.root, self.pages = root, {}

    def has(self, key):
        """Whether a link key ('page#anchor' or 'page') leads somewhere in this build."""
        page, _, anchor = key.partition("#")
        if page.startswith("_downloads/") or page.startswith("_images/"):
            return True
        if page not in self.pages:
            path = os.path.join(self.root, page + ".html")
            self.pages[page] = read(path, lambda *_: False).ids if os.path.exists(path) else None
        ids = self.pages[page]
        return ids is not None and (not anchor or anchor in ids)


if __name__ == "__main__":
    main()
