#!/usr/bin/env python
"""The first and last code cells of every notebook: install fastsgd on Colab or Kaggle, export only inside this project.

Every notebook in nbs/ starts (right after its title) with SETUP, which on a hosted notebook (Colab, Kaggle) installs
fastsgd at the version these notebooks were written for when it is not importable, and does nothing anywhere else;
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

def setup_source(ver:str)->str:
    return f"""#| hide
# On Colab or Kaggle: install fastsgd {ver}, the version this notebook was written for, if it is missing. Elsewhere: nothing.
# To install from somewhere else (a wheel, a folder, a git URL), first run: %env FASTSGD_SOURCE=<what pip should install>
import os, sys, subprocess, importlib.util
if {{{', '.join(map(repr, HOSTED))}}} & set(os.environ) and importlib.util.find_spec('fastsgd') is None:
    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', os.environ.get('FASTSGD_SOURCE', 'fastsgd=={ver}')], check=True)
    importlib.invalidate_caches()"""

EXPORT = """#| hide
# In a clone of fastsgd: write the library from the notebooks. Anywhere else (a copy, Colab, Kaggle): nothing.
import importlib.util
if importlib.util.find_spec('nbdev'):
    from nbdev.config import is_nbdev, get_config
    if is_nbdev() and get_config().lib_name == 'fastsgd': import nbdev; nbdev.nbdev_export()"""

def _is_setup(c): return c['cell_type'] == 'code' and 'FASTSGD_SOURCE' in ''.join(c['source'])
def _is_export(c): return c['cell_type'] == 'code' and 'nbdev_export()' in ''.join(c['source'])

def _cell(src):
    lines = src.split('\n')
    return {'cell_type': 'code', 'execution_count': None, 'metadata': {}, 'outputs': [],
            'source': [o + '\n' for o in lines[:-1]] + [lines[-1]]}

def fix_cells(nb:dict, ver:str)->dict:
    "`nb` with SETUP as its first code cell (after the title) and EXPORT as its last cell, each once"
    cells = [c for c in nb['cells'] if not (_is_setup(c) or _is_export(c))]
    ids = {('setup' if _is_setup(c) else 'export'): c.get('id') for c in nb['cells'] if _is_setup(c) or _is_export(c)}
    at = 1 if cells and cells[0]['cell_type'] == 'markdown' else 0
    setup, export = _cell(setup_source(ver)), _cell(EXPORT)
    setup['id'], export['id'] = ids.get('setup') or 'hosted-setup', ids.get('export') or 'nbdev-export'
    nb['cells'] = cells[:at] + [setup] + cells[at:] + [export]
    return nb

def main(argv):
    check, ver, bad = '--check' in argv, version(), []
    for f in sorted(p for p in (ROOT/'nbs').rglob('*.ipynb') if not {'.ipynb_checkpoints', '_proc', '_docs'} & set(p.parts)):
        text = f.read_text()
        new = json.dumps(fix_cells(json.loads(text), ver), indent=1, ensure_ascii=False) + '\n'
        if json.loads(new) == json.loads(text): continue
        if check: bad.append(str(f.relative_to(ROOT/'nbs')))
        else: f.write_text(new); print(f"updated {f.relative_to(ROOT)}")
    if bad:
        print(f"first/last cells differ from tools/notebook_cells.py (fastsgd {ver}) in: {', '.join(bad)}\n"
              "run: python tools/notebook_cells.py, then nbdev-clean", file=sys.stderr)
        return 1
    return 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
