#!/usr/bin/env python3
"""Builds the seed corpus of one fuzz target (used by scripts/fuzz).

Usage: fuzz-seeds.py TARGET DOWNLOADS OUT_DIR

DOWNLOADS is a folder that may hold the unpacked sdists scripts/fuzz
downloaded (docutils-0.23/, mistletoe-1.6.0/, and conf/NAME-VERSION/ with
the conf.py files of other projects' sdists); whatever is missing there is
skipped, so the corpus always has at least the repository's own fixtures.
Nothing written here is committed: OUT_DIR lives under .build-fuzz/.
"""
import glob
import hashlib
import json
import os
import re
import sys
import zlib

# Seeds are cut to this size: longer inputs only slow the fuzzer down.
MAX_SEED = 16384
# At most this many seeds per target (a fixed, hash-ordered sample): libFuzzer
# runs every seed before its time limit applies, and a short smoke run must
# not spend minutes there.
MAX_SEEDS = 600
# Projects whose documentation stays out of Vellum, seeds included.
EXCLUDED = re.compile(r"restauth|django|flask", re.I)


def files(patterns):
    for pattern in patterns:
        for path in sorted(glob.glob(pattern, recursive=True)):
            if os.path.isfile(path) and not EXCLUDED.search(path):
                yield path


def read(path):
    with open(path, "rb") as fh:
        return fh.read()


class Corpus:
    def __init__(self, out):
        self.out = out
        self.seeds = {}

    def add(self, data, prefix=b""):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not data.strip() or EXCLUDED.search(data.decode("utf-8", "replace")):
            return
        data = prefix + data[:MAX_SEED]
        self.seeds[hashlib.sha1(data).hexdigest()] = data

    def write(self):
        os.makedirs(self.out, exist_ok=True)
        for name in sorted(self.seeds)[:MAX_SEEDS]:
            with open(os.path.join(self.out, name), "wb") as fh:
                fh.write(self.seeds[name])
        return min(len(self.seeds), MAX_SEEDS), len(self.seeds)


def docutils_cases(downloads):
    """The inputs of docutils' parser tests, as scripts/conformance extracts them."""
    cases = os.path.join(downloads, "docutils-cases")
    return files([cases + "/*.rst"])


def inventory(entries, project="seed"):
    header = ("# Sphinx inventory version 2\n# Project: %s\n# Version: 1.0\n"
              "# The remainder of this file is compressed using zlib.\n" % project).encode()
    return header + zlib.compress(entries.encode("utf-8"))


def top_level_chunks(text, size=4000):
    """A Python file cut between top-level statements into pieces under size
    bytes (libFuzzer's -max_len), so each piece still parses: a conf.py cut in
    the middle of a string is only a syntax error."""
    chunk = ""
    for part in re.split(r"\n(?=[^\s#)\]}])", text):
        if chunk and len((chunk + part).encode()) > size:
            yield chunk
            chunk = ""
        chunk += part + "\n"
    if chunk.strip():
        yield chunk


def swift_raw_strings(path):
    """The multi-line raw strings of a Swift test file (the conf.py sources the tests evaluate), dedented."""
    for body in re.findall(r'#"""\n(.*?)\n( *)"""#', read(path).decode("utf-8", "replace"), re.S):
        text, indent = body
        yield "\n".join(line[len(indent):] for line in text.split("\n")) + "\n"


def main():
    target, downloads, out = sys.argv[1], sys.argv[2], sys.argv[3]
    corpus = Corpus(out)
    docutils = os.path.join(downloads, "docutils-0.23")
    mistletoe = os.path.join(downloads, "mistletoe-1.6.0")

    if target == "rst":
        for path in files(["Tests/RSTTests/Fixtures/*.rst", "Tests/DomainsTests/Fixtures/*.rst",
                           "Tests/AutodocTests/Fixtures/render/*.rst", "Tests/SiteTests/Fixtures/**/*.rst",
                           "docs-src/**/*.rst", docutils + "/*.rst", docutils + "/docs/**/*.rst",
                           docutils + "/test/functional/input/**/*.rst", docutils + "/test/functional/input/**/*.txt"]):
            corpus.add(read(path))
        for path in docutils_cases(downloads):
            corpus.add(read(path))
    elif target == "markdown":
        for path in files(["Tests/MarkdownTests/Fixtures/*.md", "Tests/SiteTests/Fixtures/**/*.md",
                           "docs-src/**/*.md", "*.md", mistletoe + "/**/*.md"]):
            corpus.add(read(path), prefix=b"\x00")
        spec = os.path.join(mistletoe, "test", "specification", "commonmark.json")
        for path in files([spec, mistletoe + "/**/commonmark.json"]):
            for example in json.load(open(path, encoding="utf-8")):
                corpus.add(example["markdown"], prefix=b"\x00")
            break
    elif target == "toml":
        for path in files(["Tests/**/*.toml", "docs-src/**/*.toml", docutils + "/**/*.toml",
                           mistletoe + "/**/*.toml"]):
            corpus.add(read(path))
        # Every kind of value and table the reader knows, in one file each.
        for text in ['a = "basic \\u00e9 \\n"\nb = \'literal\'\n', 'm = """\nmulti\n"""\nn = \'\'\'\nraw\n\'\'\'\n',
                     "i = -17\nf = 3.5e-2\nt = true\nx = 0x1f\n", "[t]\nk.d = 1\n[t.sub]\narr = [1, [2, 3], {a = 1}]\n",
                     "[[aot]]\nname = 1\n[[aot]]\nname = 2\n", 'inline = { a = { b = [ "c" ] } }\n']:
            corpus.add(text)
    elif target == "python":
        for path in files(["Tests/AutodocTests/Fixtures/**/*.py", "Tests/SiteTests/Fixtures/**/*.py",
                           "scripts/*.py", docutils + "/docutils/**/*.py", docutils + "/test/*.py",
                           mistletoe + "/mistletoe/**/*.py"]):
            corpus.add(read(path))
    elif target == "swiftdoc":
        for path in files(["Sources/**/*.swift", "Tests/AutodocTests/Fixtures/**/*.swift", "Fuzz/*.swift"]):
            text = read(path)
            corpus.add(text, prefix=b"\x00")
            # Each run of `///` lines on its own, as the body of a generated comment.
            for run in re.findall(rb"(?:^[ \t]*///.*\n)+", text, re.M):
                body = b"\n".join(line.strip()[3:] for line in run.splitlines())
                corpus.add(body, prefix=b"\x01")
                corpus.add(body, prefix=b"\x02")
    elif target == "inventory":
        entries = []
        for path in files(["Tests/CrossRefTests/*.swift", "Tests/SiteTests/**/*.swift"]):
            entries += re.findall(r'^[\w.:-]+ [a-z]+:[a-z]+ -?\d+ \S+ .*$', read(path).decode("utf-8", "replace"), re.M)
        entries += ["routers.PrimaryReplicaRouter py:class 1 api.html#$ -",
                    "config-db-replication std:label -1 replication.html#$ Database replication",
                    "Settings py:module 0 settings.html#module-$ -", "a name with spaces std:term -1 glossary.html#term-a -",
                    "setting std:setting 1 settings.html#setting-$ -", "Routers swift:type 1 swift.html#$ Routers"]
        for k in range(len(entries)):
            corpus.add("\n".join(entries[k:k + 3]) + "\n")
            corpus.add(inventory("\n".join(entries[k:k + 3]) + "\n"))
        corpus.add(inventory("\n".join(entries) + "\n"))
        corpus.add(inventory(""))
    elif target == "confpy":
        # The first byte chooses the tags (Fuzz/confpy.swift).
        sources = [read(path).decode("utf-8", "replace")
                   for path in files(["Tests/SiteTests/Fixtures/**/conf.py", downloads + "/conf/**/conf.py",
                                      docutils + "/docutils/*.py", docutils + "/docutils/utils/*.py"])]
        for path in files(["Tests/SiteTests/ConfPyTests.swift", "Tests/SiteTests/SphinxConfTests.swift"]):
            sources += list(swift_raw_strings(path))
        for number, text in enumerate(sources):
            corpus.add(text, prefix=bytes([number % 4]))
            for chunk in top_level_chunks(text):
                corpus.add(chunk, prefix=bytes([number % 4]))
    else:
        sys.exit("unknown target " + target)
    written, found = corpus.write()
    print(f"seeds {target}: {written} files (of {found} found)", file=sys.stderr)


if __name__ == "__main__":
    main()
