#!/usr/bin/env python3
"""Compare Vellum's output (NNNN.out) with docutils' (NNNN.expected).

Usage: conformance-compare.py CASE_DIR [--show FILE_SUBSTRING] [--list]
Prints "N passed, M failed" and failures per test file (most first).
"""
import collections
import difflib
import os
import sys


def main():
    d = sys.argv[1]
    show = None
    if '--show' in sys.argv:
        show = sys.argv[sys.argv.index('--show') + 1]
    listing = '--list' in sys.argv
    passed = failed = 0
    per_file = collections.Counter()
    totals = collections.Counter()
    with open(os.path.join(d, 'index.tsv'), encoding='utf-8') as fh:
        rows = [line.rstrip('\n').split('\t') for line in fh if line.strip()]
    for cid, rel, group, k in rows:
        totals[rel] += 1
        expected = open(os.path.join(d, cid + '.expected'), encoding='utf-8').read()
        out_path = os.path.join(d, cid + '.out')
        actual = open(out_path, encoding='utf-8').read() if os.path.exists(out_path) else '<no output>\n'
        if actual == expected:
            passed += 1
            continue
        failed += 1
        per_file[rel] += 1
        if listing:
            print(f'FAIL {cid} {rel} [{group}][{k}]')
        if show and show in rel:
            print(f'=== {cid} {rel} [{group}][{k}]')
            print(open(os.path.join(d, cid + '.rst'), encoding='utf-8').read())
            print(''.join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                               'docutils', 'vellum')))
    total = passed + failed
    pct = 100.0 * passed / total if total else 0
    print(f'{passed} passed, {failed} failed ({pct:.1f}% of {total})')
    for rel, count in per_file.most_common():
        print(f'  {rel}: {count} of {totals[rel]} failed')


if __name__ == '__main__':
    main()
