#!/usr/bin/env python3
"""Writes the pathological inputs for scripts/bench-rst: NAME-1.rst (size N) and NAME-2.rst (2N)."""
import os
import random
import sys


def nested_quotes(n):
    # n nested block quotes: each level one more space of indentation.
    return ''.join(' ' * k + 'quote level %d\n\n' % k for k in range(n))


def bullet_list(n):
    return ''.join('- item number %d with *emphasis* and ``code``\n' % k for k in range(n))


def paragraph(size):
    rng = random.Random(42)
    alphabet = ['*', '`', '*', '`', 'a', 'b', ' ', ' ', '_', ':', '|']
    out, line = [], []
    total = 0
    while total < size:
        c = rng.choice(alphabet)
        line.append(c)
        total += 1
        if len(line) >= 72:
            out.append(''.join(line).strip() or 'x')
            line = []
    out.append(''.join(line).strip() or 'x')
    return '\n'.join('x' if not l else l for l in out) + '\n'


def grid_table(rows):
    border = '+' + '-' * 12 + '+' + '-' * 22 + '+' + '-' * 32 + '+\n'
    out = [border]
    for k in range(rows):
        out.append('| %-10s | %-20s | %-30s |\n' % ('r%d' % k, '*cell* %d' % k, 'text ``lit`` %d' % k))
        out.append(border)
    return ''.join(out)


def main():
    d, scale = sys.argv[1], float(sys.argv[2])
    sizes = {
        'nested-quotes': (nested_quotes, int(10000 * scale)),
        'list': (bullet_list, int(10000 * scale)),
        'paragraph': (paragraph, int(1_000_000 * scale)),
        'grid-table': (grid_table, int(5000 * scale)),
    }
    for name, (fn, n) in sizes.items():
        for mult in (1, 2):
            # nested quotes grow quadratically with depth: sqrt(2) x depth doubles the input
            count = int(n * (2 ** 0.5)) if (name == 'nested-quotes' and mult == 2) else n * mult
            with open(os.path.join(d, f'{name}-{mult}.rst'), 'w') as fh:
                fh.write(fn(count))


if __name__ == '__main__':
    main()
