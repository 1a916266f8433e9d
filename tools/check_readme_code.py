#!/usr/bin/env python
"""Run README.md's Python as a reader pastes it: every ```python block, in order, in one fresh interpreter.

    python tools/check_readme_code.py                   # with this Python (fastsgd must be installed in it)
    python tools/check_readme_code.py --python .venv/bin/python

The blocks are joined into one script, in a new empty folder outside the clone, and run there by `python -I` (no
PYTHONPATH, no user site, not the clone's folder): so a block that leans on a name only a hidden cell of
nbs/index.ipynb imported, or on a file of the repository, fails here as it would for a reader. Each block starts
with a marker, so an error names the block and its first line. Exit 1 if the script fails or there is no block.
"""
import argparse, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_re_block = re.compile(r'^```python[ \t]*\n(.*?)^```[ \t]*$', re.M | re.S)

def python_blocks(md:str)->list: return [m[1] for m in _re_block.finditer(md)]   # the ```python blocks of markdown `md`, in order

def script(blocks)->str:
    "One script that runs `blocks` in order and says which block it is in"
    return '\n'.join(f"print('--- README block {i}: ' + {b.strip().splitlines()[0][:70]!r}, flush=True)\n{b}" for i, b in enumerate(blocks, 1))

def main(argv=None):
    p = argparse.ArgumentParser(description="Run README.md's Python blocks in order, in a fresh interpreter")
    p.add_argument('--readme', type=Path, default=ROOT/'README.md')
    p.add_argument('--python', default=sys.executable, help='the interpreter (where fastsgd is installed)')
    a = p.parse_args(argv)
    if not (blocks := python_blocks(a.readme.read_text(encoding='utf-8'))): return print(f'{a.readme.name}: no ```python block found', file=sys.stderr) or 1
    with tempfile.TemporaryDirectory(prefix='fastsgd-readme-') as d:
        (Path(d)/'readme_blocks.py').write_text(script(blocks), encoding='utf-8')
        r = subprocess.run([a.python, '-I', 'readme_blocks.py'], cwd=d, stdin=subprocess.DEVNULL)
    if r.returncode:
        return print(f"{a.readme.name}'s Python does not run as shown (above): fix the visible code cells of nbs/index.ipynb "
                     f"(every name they use imported in a visible cell), then python tools/make_readme.py", file=sys.stderr) or 1
    print(f"{a.readme.name}: its {len(blocks)} Python block(s) ran in order in a fresh interpreter")
    return 0

if __name__ == '__main__': sys.exit(main())
