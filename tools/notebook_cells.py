#!/usr/bin/env python
"""The first cell of every lesson, and the last cell of every library notebook.

A lesson (nbs/NN_*.ipynb) opens, right after its title and a visible line saying so, with INSTALL: four lines that on
Colab or Kaggle install the fastsgd this notebook was written for (the repository at the release's tag), and do
nothing anywhere else; pip's own message says what went wrong. A lesson has no export cell: CI exports.
A library notebook (one with `#| default_exp`) ends with nbdev's own export cell. Test, evidence and other notebooks
have neither: they run in a clone, under nbdev-test.

    python tools/notebook_cells.py            # write those cells (the version from fastsgd/__init__.py)
    python tools/notebook_cells.py --check    # exit 1 where a notebook differs from what this would write

After `nbdev-bump-version`, run it again: the install cell pins the new tag.
"""
import json, re, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTE = "On Colab or Kaggle, run the first cell; it installs fastsgd."
EXPORT = "#| hide\nimport nbdev; nbdev.nbdev_export()"

def version(root=ROOT)->str: return re.search(r'__version__\s*=\s*["\']([^"\']+)', (root/'fastsgd'/'__init__.py').read_text())[1]
def repository(root=ROOT)->str: return tomllib.loads((root/'pyproject.toml').read_text())['project']['urls']['Repository']

def install_source(ver:str, repo:str)->str:
    return (f"#| hide\nimport os\nif {{'COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE'}} & set(os.environ):   # on Colab or Kaggle, "
            f"fastsgd {ver}\n    %pip install -q \"fastsgd @ git+{repo}@v{ver}\"")

def src(c): return ''.join(c['source'])
def _is_install(c): return c['cell_type'] == 'code' and ('COLAB_RELEASE_TAG' in src(c) or 'FASTSGD_SOURCE' in src(c))
def _is_note(c): return c['cell_type'] == 'markdown' and src(c).strip() == NOTE
def _is_export(c): return c['cell_type'] == 'code' and 'nbdev_export()' in src(c)
def is_lesson(path:Path)->bool: return path.parent.name == 'nbs' and re.match(r'\d\d_', path.name) is not None

def _cell(text, kind='code', id=None):
    lines = text.split('\n')
    c = {'cell_type': kind, 'id': id, 'metadata': {}, 'source': [o + '\n' for o in lines[:-1]] + [lines[-1]]}
    if kind == 'code': c.update(execution_count=None, outputs=[])
    return c

def fix_cells(nb:dict, path:Path, ver:str, repo:str)->dict:
    "`nb` with the install cell (and its note) only if a lesson, and the export cell only if a library notebook"
    old = nb['cells']
    cells = [c for c in old if not (_is_install(c) or _is_note(c) or _is_export(c))]
    if is_lesson(path):
        at = 1 if cells and cells[0]['cell_type'] == 'markdown' else 0
        note_id = next((c.get('id') for c in old if _is_note(c)), None) or 'hosted-note'
        inst_id = next((c.get('id') for c in old if _is_install(c)), None) or 'hosted-setup'
        cells[at:at] = [_cell(NOTE, 'markdown', note_id), _cell(install_source(ver, repo), id=inst_id)]
    elif any(re.search(r'^#\|\s*default_exp\b', src(c), re.M) for c in cells if c['cell_type'] == 'code'):
        cells.append(_cell(EXPORT, id=next((c.get('id') for c in old if _is_export(c)), None) or 'nbdev-export'))
    nb['cells'] = cells
    return nb

def main(argv):
    check, ver, repo, bad = '--check' in argv, version(), repository(), []
    for f in sorted(p for p in (ROOT/'nbs').rglob('*.ipynb') if not {'.ipynb_checkpoints', '_proc', '_docs'} & set(p.parts)):
        text = f.read_text()
        new = fix_cells(json.loads(text), f, ver, repo)
        if new == json.loads(text): continue
        if check: bad.append(str(f.relative_to(ROOT/'nbs')))
        else: f.write_text(json.dumps(new, indent=1, ensure_ascii=False) + '\n'); print(f"updated {f.relative_to(ROOT)}")
    if bad:
        print(f"first/last cells differ from tools/notebook_cells.py (fastsgd {ver}) in: {', '.join(bad)}\n"
              "run: python tools/notebook_cells.py, then nbdev-clean", file=sys.stderr)
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
