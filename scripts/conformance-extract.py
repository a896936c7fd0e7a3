#!/usr/bin/env python3
"""Extract docutils' reStructuredText parser test cases into a directory.

Usage: conformance-extract.py DOCUTILS_SDIST_ROOT OUT_DIR

Imports each test module under test/test_parsers/test_rst/ (with the sdist's
own docutils first on sys.path) and writes, for every case in its `totest`
dict whose expected output is a pseudo-XML document, NNNN.rst (input),
NNNN.expected (pseudo-XML) and an index.tsv line: id, test file, group, case.
"""
import importlib.util
import os
import re
import sys

SETTING = re.compile(r'^\s+(?:my)?settings\.(\w+) = (.+)$', re.M)


def main():
    root, out = sys.argv[1], sys.argv[2]
    sys.path.insert(0, root)
    tests = os.path.join(root, 'test', 'test_parsers', 'test_rst')
    sys.path.insert(0, os.path.join(root, 'test'))
    os.makedirs(out, exist_ok=True)
    index = []
    n = 0
    files = []
    for dirpath, dirnames, filenames in os.walk(tests):
        dirnames.sort()
        for f in sorted(filenames):
            if f.startswith('test_') and f.endswith('.py'):
                files.append(os.path.join(dirpath, f))
    cwd = os.getcwd()
    for path in files:
        rel = os.path.relpath(path, tests)
        os.chdir(os.path.dirname(path))
        try:
            spec = importlib.util.spec_from_file_location('conf_' + rel.replace('/', '_')[:-3], path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        except Exception as e:  # a module we cannot import: skip it, but say so
            print(f'skipping {rel}: {e}', file=sys.stderr)
            continue
        finally:
            os.chdir(cwd)
        source = open(path, encoding='utf-8').read()
        settings = ''
        for k, v in SETTING.findall(source):
            if k == 'warning_stream':
                continue
            v = v.strip()
            if re.fullmatch(r'[A-Z_]+', v) and isinstance(getattr(module, v, None), str):
                v = getattr(module, v)  # a module constant such as ROOT_PREFIX
            settings += f'{k}={v}\n'
        settings += f'cwd={os.path.dirname(path)}\n'
        totest = getattr(module, 'totest', None)
        if not isinstance(totest, dict):
            continue
        for group, cases in totest.items():
            for k, case in enumerate(cases):
                if not isinstance(case, (list, tuple)) or len(case) < 2:
                    continue
                inp, expected = case[0], case[1]
                if not isinstance(inp, str) or not isinstance(expected, str):
                    continue
                if not expected.startswith('<document'):
                    continue
                n += 1
                cid = f'{n:04d}'
                with open(os.path.join(out, cid + '.rst'), 'w', encoding='utf-8') as fh:
                    fh.write(inp)
                with open(os.path.join(out, cid + '.expected'), 'w', encoding='utf-8') as fh:
                    fh.write(expected)
                if settings:
                    with open(os.path.join(out, cid + '.settings'), 'w', encoding='utf-8') as fh:
                        fh.write(settings)
                index.append(f'{cid}\t{rel}\t{group}\t{k}')
    with open(os.path.join(out, 'index.tsv'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(index) + '\n')
    print(f'extracted {n} cases from {len(files)} test files', file=sys.stderr)


if __name__ == '__main__':
    main()
