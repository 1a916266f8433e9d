#!/usr/bin/env python
"""Saved outputs must not hold a path that only makes sense on the machine that ran the notebook (a cache folder under
a home, a warning from a venv's site-packages): it churns the diff when someone else re-runs it. Print `path.name` or
a path relative to a known folder instead.

    python tools/check_outputs.py [NOTEBOOK ...]      # default: every notebook under nbs/; exit 1 if any

Looks for this machine's folders (the clone, $HOME, the temp folder, Python's prefix, $FASTSGD_HOME), any user's home
(/home/x, /Users/x, C:\\Users\\x) and any site-packages, in text outputs (images are not searched).
"""
import json, os, re, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = {str(p).rstrip('/') for p in (ROOT, os.environ.get('HOME'), tempfile.gettempdir(), sys.prefix, os.environ.get('FASTSGD_HOME')) if p}
PAT = re.compile('|'.join([re.escape(p) + r'(?=[/\\\s\'":,)\]]|$)' for p in sorted(HERE, key=len, reverse=True) if p.count('/') >= 2 or p == '/tmp']
                          + [r'(?<![\w.~:/-])(?:/home/|/Users/|[A-Z]:\\Users\\)\w', r'[/\\](?:site|dist)-packages[/\\]']), re.M)

def texts(o):
    if o.get('output_type') == 'stream': yield ''.join(o.get('text', ''))
    if o.get('output_type') == 'error': yield '\n'.join(o.get('traceback', []))
    for k, v in (o.get('data') or {}).items():
        if k.startswith('text/'): yield ''.join(v)

if __name__ == '__main__':
    files = [Path(o) for o in sys.argv[1:]] or sorted(p for p in (ROOT/'nbs').rglob('*.ipynb') if '.ipynb_checkpoints' not in p.parts)
    bad = [f"{f.name}: cell {i}: {m.group(0)!r} in ...{t[max(0, m.start()-30):m.end()+40]!r}..."
           for f in files for i, c in enumerate(json.loads(f.read_text())['cells']) for o in c.get('outputs', [])
           for t in texts(o) for m in PAT.finditer(t)]
    print('\n'.join(bad) or f'no machine paths in the saved outputs of {len(files)} notebook(s)')
    sys.exit(1 if bad else 0)
