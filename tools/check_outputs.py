#!/usr/bin/env python
"""Fail if a notebook's saved outputs contain an absolute path of the machine that ran it.

A saved output such as `/root/.cache/fastsgd/mnist_sample` or a warning from `/home/me/venv/lib/...` only makes
sense on one machine, and churns the diff when someone else re-runs the notebook. Print `path.name` or a path
relative to a known folder instead.

    python tools/check_outputs.py              # every notebook under nbs/
    python tools/check_outputs.py nbs/00_data.ipynb ...

Reports notebook, cell number and id, output and the offending text; exits 1 if anything was found.
Binary outputs (images, base64 data) are not searched: their alphabet contains '/'.
"""
import json, os, re, sys, sysconfig, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Folders that are never part of a portable output, wherever the machine is
GENERIC = ['/root/', '/home/', '/tmp/', '/Users/', '/var/folders/', '/private/var/', '/mnt/', '/opt/', '/srv/',
           '/work/', '/workspace/', 'C:\\Users\\', 'C:/Users/']
SITE = r'[/\\](?:site|dist)-packages[/\\]'  # any installed-package path, e.g. in a saved warning
_binary = ('image/', 'application/pdf', 'application/vnd.jupyter.widget')

def machine_paths(root=ROOT):
    "Absolute paths of this machine that must not appear in outputs: the repo, $HOME, temp dir, Python's prefixes"
    cands = [root, root.resolve(), os.environ.get('HOME'), tempfile.gettempdir(), sys.prefix, sys.exec_prefix,
             os.environ.get('VIRTUAL_ENV'), sysconfig.get_paths().get('purelib'), os.environ.get('FASTSGD_HOME')]
    res = set()
    for p in cands:
        if not p: continue
        p = str(p).rstrip('/')
        if p.count('/') < 2 and p not in ('/root', '/tmp'): continue  # '/', '/usr', '/opt': too general to flag alone
        if p in ('/usr/local',): continue
        res.add(p)
    return sorted(res, key=len, reverse=True)

def _pattern(paths):
    "Regex matching any of `paths` (followed by a separator or end) or a generic folder, not inside a URL or word"
    alts = [re.escape(p) + r'(?=[/\\\s\'":,)\]]|$)' for p in paths] + [re.escape(g) for g in GENERIC]
    return re.compile(r'(?<![\w.~:/-])(?:' + '|'.join(alts) + ')|' + SITE, re.MULTILINE)

def _texts(out):
    "(label, text) pairs of the textual parts of output `out`"
    ot = out.get('output_type')
    if ot == 'stream': yield f"stream {out.get('name', '')}".strip(), out.get('text', '')
    elif ot == 'error':
        yield 'error', f"{out.get('ename', '')}: {out.get('evalue', '')}"
        yield 'traceback', '\n'.join(out.get('traceback', []))
    for mime, v in (out.get('data') or {}).items():
        if not mime.startswith(_binary): yield mime, v if isinstance(v, (str, list)) else json.dumps(v)

def _rel(path):
    "`path` relative to the repo when it is inside it"
    p = Path(path).resolve()
    return p.relative_to(ROOT.resolve()) if p.is_relative_to(ROOT.resolve()) else Path(path)

def check_nb(path, pat):
    "Problems in the saved outputs of the notebook at `path`, as printable lines"
    nb, res = json.loads(Path(path).read_text(encoding='utf-8')), []
    for i, cell in enumerate(nb.get('cells', [])):
        for j, out in enumerate(cell.get('outputs', [])):
            for label, text in _texts(out):
                if isinstance(text, list): text = ''.join(text)
                for m in pat.finditer(text):
                    a, b = max(0, m.start() - 30), min(len(text), m.end() + 40)
                    snippet = text[a:b].replace('\n', '\\n')
                    res.append(f"{_rel(path)}: cell {i} (id {cell.get('id', '?')}), output {j} ({label}): "
                               f"absolute path {m.group(0)!r} in ...{snippet}...")
    return res

def notebooks(root=ROOT):
    "Every notebook under nbs/, outside checkpoint and build folders"
    skip = {'.ipynb_checkpoints', '_proc', '_docs'}
    return sorted(p for p in (root/'nbs').rglob('*.ipynb') if not skip & set(p.relative_to(root).parts))

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    files = [Path(o) for o in argv] or notebooks()
    pat, problems = _pattern(machine_paths()), []
    for f in files: problems += check_nb(f, pat)
    for p in problems: print(p, file=sys.stderr)
    if problems:
        print(f'{len(problems)} absolute path(s) in saved outputs: print relative paths or `path.name`, re-run the '
              f'notebook and save its outputs again', file=sys.stderr)
        return 1
    print(f'No absolute paths in the saved outputs of {len(files)} notebook(s)')
    return 0

if __name__ == '__main__': sys.exit(main())
