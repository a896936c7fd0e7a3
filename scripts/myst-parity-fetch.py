#!/usr/bin/env python3
"""Downloads one project's sdist from PyPI and prints the path of its docs folder.

Usage: myst-parity-fetch.py NAME==VERSION WORK_DIR   (see scripts/myst-parity)

Reads the project's PyPI JSON document for the release's sdist (pip download
would build the project's metadata first, which some build backends cannot do
offline), unpacks it in WORK_DIR and prints the folder holding conf.py (docs/
or doc/). Exits 1 with a message on stderr when there is none.
"""
import json
import os
import sys
import tarfile
import urllib.parse
import urllib.request


def main():
    spec, work = sys.argv[1], sys.argv[2]
    name, _, version = spec.partition("==")
    index = f"https://pypi.org/pypi/{name}/json"
    with urllib.request.urlopen(index, timeout=120) as response:
        releases = json.load(response)["releases"]
    if not version:
        sys.exit(f"{name}: give a version (name==version)")
    sdists = [f for f in releases.get(version, []) if f["packagetype"] == "sdist"]
    if not sdists:
        sys.exit(f"{name} {version}: no sdist on PyPI")
    archive = os.path.join(work, sdists[0]["filename"])
    with urllib.request.urlopen(urllib.parse.urljoin(index, sdists[0]["url"]), timeout=300) as response:
        with open(archive, "wb") as out:
            out.write(response.read())
    with tarfile.open(archive) as tar:
        tar.extractall(os.path.join(work, "sdist"), filter="data")
    for top in sorted(os.listdir(os.path.join(work, "sdist"))):
        for docs in ("docs", "doc"):
            folder = os.path.join(work, "sdist", top, docs)
            if os.path.exists(os.path.join(folder, "conf.py")):
                print(folder)
                return
    sys.exit(f"{name} {version}: the sdist has no docs/conf.py")


if __name__ == "__main__":
    main()
