#!/usr/bin/env python
"""The first and last code cells of every notebook: install fastsgd on Colab or Kaggle, export only inside this project.

Every notebook in nbs/ starts (right after its title, and below a visible line saying to run it, except index.ipynb,
which is README) with SETUP, which on a hosted notebook (Colab, Kaggle) installs fastsgd when it is not importable (the
version these notebooks were written for, else the repository's source, else it stops with one sentence saying what
failed and the `%env FASTSGD_SOURCE=...` line to run), and does nothing anywhere else;
and ends with EXPORT, which runs `nbdev_export()` only inside an nbdev project whose library is fastsgd (a clone of
this repository), so that a notebook copied anywhere else runs to its last cell. Both are `#| hide`: not in the docs.

    python tools/notebook_cells.py            # write both cells into every notebook (the version from fastsgd/__init__.py)
    python tools/notebook_cells.py --check    # exit 1 if a notebook's cells differ from what this would write

After `nbdev-bump-version`, run it again: the install cell pins the new version.
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOSTED = ('COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE')   # set by Colab and by Kaggle in every notebook's environment

def version(root=ROOT)->str:
    "fastsgd's version, read from the one place it lives"
    return re.search(r'__version__\s*=\s*["\']([^"\']+)', (root/'fastsgd'/'__init__.py').read_text()).group(1)

def repository(root=ROOT)->str:
    "fastsgd's git repository, from `[project.urls]` in pyproject.toml"
    import tomllib
    return tomllib.loads((root/'pyproject.toml').read_text())['project']['urls']['Repository']

NOTE = "On Colab or Kaggle, run the first cell; it installs fastsgd."   # a visible line above it, in every notebook but index

def setup_source(ver:str, repo:str=None)->str:
    git = f"git+{repo or repository()}"
    return f"""#| hide
# On Colab or Kaggle: if fastsgd is missing, install it: {ver}, the version this notebook was written for, else the
# repository's own source. Elsewhere: nothing. To install from somewhere else (a wheel, a folder, a git URL), first run:
# %env FASTSGD_SOURCE=<what pip should install>
import os, re, sys, subprocess, importlib.util
if {{{', '.join(map(repr, HOSTED))}}} & set(os.environ) and importlib.util.find_spec('fastsgd') is None:
    class FastsgdInstallError(Exception):
        def _render_traceback_(self): return [str(self)]   # IPython shows the sentence alone, not a traceback
    def why(err):   # pip's own reason (ERROR: ...), or git's (fatal: ...), without colours
        lines = [re.sub(r'\x1b\[[0-9;]*m', '', o).strip() for o in err.splitlines()]
        return ([o for o in lines if re.match(r'(ERROR|fatal):', o)] or [o for o in lines if o] or ['no message'])[-1]
    srcs, errs = [os.environ['FASTSGD_SOURCE']] if 'FASTSGD_SOURCE' in os.environ else ['fastsgd=={ver}', '{git}'], []
    for src in srcs:
        r = subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', src], capture_output=True, text=True)
        if r.returncode == 0: print(f'installed fastsgd from {{src}}'); break
        errs.append(f"pip install {{src}}: {{why(r.stderr)}}")
    else: raise FastsgdInstallError(f"fastsgd could not be installed ({{'; '.join(errs)}}): run `%env FASTSGD_SOURCE=<a wheel, "
                                    "a folder or a git URL of fastsgd>` in a cell, then run this cell again.")
    importlib.invalidate_caches()"""

EXPORT = """#| hide
# In a clone of fastsgd: write the library from the notebooks. Anywhere else (a copy, Colab, Kaggle): nothing.
import importlib.util
if importlib.util.find_spec('nbdev'):
    from nbdev.config import is_nbdev, get_config
    if is_nbdev() and get_config().lib_name == 'fastsgd': import nbdev; nbdev.nbdev_export()"""

def _is_setup(c): return c['cell_type'] == 'code' and 'FASTSGD_SOURCE' in ''.join(c['source'])
def _is_note(c): return c['cell_type'] == 'markdown' and ''.join(c['source']).strip() == NOTE
def _is_export(c): return c['cell_type'] == 'code' and 'nbdev_export()' in ''.join(c['source'])

def _cell(src, kind='code'):
    lines = src.split('\n')
    c = {'cell_type': kind, 'metadata': {}, 'source': [o + '\n' for o in lines[:-1]] + [lines[-1]]}
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c

def fix_cells(nb:dict, ver:str, note:bool=True)->dict:
    "`nb` with SETUP as its first code cell (after the title, below NOTE if `note`) and EXPORT as its last cell, each once"
    note_id = next((c.get('id') for c in nb['cells'] if _is_note(c)), None)
    cells = [c for c in nb['cells'] if not (_is_setup(c) or _is_export(c) or _is_note(c))]
    ids = {('setup' if _is_setup(c) else 'export'): c.get('id') for c in nb['cells'] if _is_setup(c) or _is_export(c)}
    at = 1 if cells and cells[0]['cell_type'] == 'markdown' else 0
    setup, export = _cell(setup_source(ver)), _cell(EXPORT)
    setup['id'], export['id'] = ids.get('setup') or 'hosted-setup', ids.get('export') or 'nbdev-export'
    top = [setup]
    if note:
        top.insert(0, _cell(NOTE, 'markdown'))
        top[0]['id'] = note_id or 'hosted-note'
    nb['cells'] = cells[:at] + top + cells[at:] + [export]
    return nb

def main(argv):
    check, ver, bad = '--check' in argv, version(), []
    for f in sorted(p for p in (ROOT/'nbs').rglob('*.ipynb') if not {'.ipynb_checkpoints', '_proc', '_docs'} & set(p.parts)):
        text = f.read_text()
        new = json.dumps(fix_cells(json.loads(text), ver, note=f.name != 'index.ipynb'), indent=1, ensure_ascii=False) + '\n'
        if json.loads(new) == json.loads(text): continue
        if check: bad.append(str(f.relative_to(ROOT/'nbs')))
        else: f.write_text(new); print(f"updated {f.relative_to(ROOT)}")
    if bad:
        print(f"first/last cells differ from tools/notebook_cells.py (fastsgd {ver}) in: {', '.join(bad)}\n"
              "run: python tools/notebook_cells.py, then nbdev-clean", file=sys.stderr)
        return 1
    return 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
