#!/usr/bin/env python
"""The first cells of every lesson, the last cell of every library notebook, and the lessons' recall copies.

A lesson (nbs/NN_*.ipynb) opens, after its title, with a note (its "Open in Colab" and "Open in Kaggle" links) and
INSTALL: four lines that on Colab or Kaggle install the fastsgd this notebook was written for (the repository at the
release's tag), and do nothing anywhere else. It has no export cell (CI exports), and its your-turn (`check(`) and
`progress(` cells are saved without outputs. A library notebook (`#| default_exp`) ends with nbdev's export cell.
clean/NN_*.ipynb (outside nbs/: nbdev never exports, tests nor documents it) is each lesson's recall copy, as fastbook's
clean/: headings (and bold question lines), the code cells without `#|` lines nor hidden tests (a lesson's hidden cells
are imports and print options: a Run All needs them), the your-turn tasks; no other prose, no outputs. README.md must
link every lesson and copy (the walk table of nbs/index.ipynb).

    python tools/notebook_cells.py            # write them all (again after `nbdev-bump-version`: the install cell pins the tag)
    python tools/notebook_cells.py --check    # exit 1 where a notebook, a copy or README.md differs
"""
import json, re, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTE = "On Colab or Kaggle, run the first cell; it installs fastsgd."
EXPORT = "#| hide\nimport nbdev; nbdev.nbdev_export()"
TURN = re.compile(r'(?<![\w.])(check|progress)\(')   # a your-turn cell (`check(`), or a lesson's record

def version(root=ROOT)->str: return re.search(r'__version__\s*=\s*["\']([^"\']+)', (root/'fastsgd'/'__init__.py').read_text())[1]
def repository(root=ROOT)->str: return tomllib.loads((root/'pyproject.toml').read_text())['project']['urls']['Repository']

def install_source(ver:str, repo:str)->str:
    return (f"#| hide\nimport os\nif {{'COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE'}} & set(os.environ):   # on Colab or Kaggle, "
            f"fastsgd {ver}\n    %pip install -q \"fastsgd @ git+{repo}@v{ver}\"")

def urls(repo:str, path:str)->tuple:
    "Where notebook `path` (e.g. 'nbs/00_data.ipynb') of GitHub repository `repo` opens in Colab, and in Kaggle"
    return (f"https://colab.research.google.com/github/{repo.removeprefix('https://github.com/')}/blob/main/{path}",
            f"https://kaggle.com/kernels/welcome?src={repo}/blob/main/{path}")
def links(repo, path): return '[Open in Colab]({}) · [Open in Kaggle]({})'.format(*urls(repo, path))

def src(c): return ''.join(c['source'])
def _is_install(c): return c['cell_type'] == 'code' and ('COLAB_RELEASE_TAG' in src(c) or 'FASTSGD_SOURCE' in src(c))
def _is_note(c): return c['cell_type'] == 'markdown' and src(c).strip().endswith(NOTE)
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
        cells[at:at] = [_cell(f"{links(repo, f'nbs/{path.name}')}\n\n{NOTE}", 'markdown', note_id), _cell(install_source(ver, repo), id=inst_id)]
        for c in cells:
            if c['cell_type'] == 'code' and TURN.search(src(c)): c.update(execution_count=None, outputs=[])
    elif any(re.search(r'^#\|\s*default_exp\b', src(c), re.M) for c in cells if c['cell_type'] == 'code'):
        cells.append(_cell(EXPORT, id=next((c.get('id') for c in old if _is_export(c)), None) or 'nbdev-export'))
    nb['cells'] = cells
    return nb

def recall_copy(nb:dict, name:str, repo:str)->dict:
    "The recall copy of lesson `nb` (nbs/`name`, as `fix_cells` writes it), for clean/`name`"
    cells, res = nb['cells'], []
    for i, c in enumerate(cells):
        s, task = src(c), i+1 < len(cells) and cells[i+1]['cell_type'] == 'code' and 'check(' in src(cells[i+1])
        if _is_note(c): s = f"The recall copy of [{name}]({repo}/blob/main/nbs/{name}): say what each cell does, and why, before you run it.\n\n{links(repo, f'clean/{name}')}\n\n{NOTE}"
        elif c['cell_type'] == 'markdown' and not task: s = '\n\n'.join(re.findall(r'^(?:#{1,6} .*|\*\*.*\*\*)$', s, re.M))
        elif c['cell_type'] == 'code':
            if re.search(r'\bassert\b|\btest_\w*\(', s) and re.search(r'^#\|\s*hide', s, re.M): continue
            s = re.sub(r'^#\|.*(\n|$)', '', s, flags=re.M).strip()
        if s.strip(): res.append(_cell(s.strip(), c['cell_type'], c.get('id')))
    return {**nb, 'cells': res, 'metadata': {k: v for k, v in nb['metadata'].items() if k == 'kernelspec'}}

def main(argv):
    check, ver, repo, bad = '--check' in argv, version(), repository(), []
    new = {f: fix_cells(json.loads(f.read_text()), f, ver, repo) for f in sorted((ROOT/'nbs').rglob('*.ipynb')) if not {'.ipynb_checkpoints', '_proc', '_docs'} & set(f.parts)}
    new |= {ROOT/'clean'/f.name: recall_copy(nb, f.name, repo) for f, nb in list(new.items()) if is_lesson(f)}
    for f in set((ROOT/'clean').glob('*.ipynb')) - set(new): bad.append(f'{f.relative_to(ROOT)} (no such lesson)') if check else f.unlink()
    for f, nb in new.items():
        if f.exists() and nb == json.loads(f.read_text()): continue
        if check: bad.append(str(f.relative_to(ROOT)))
        else: f.parent.mkdir(exist_ok=True); f.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + '\n'); print(f"updated {f.relative_to(ROOT)}")
    readme = (ROOT/'README.md').read_text()
    bad += [f'README.md (no links to {p})' for f in new if f.parent.name == 'clean' for p in (f'nbs/{f.name}', f'clean/{f.name}') if not all(u in readme for u in urls(repo, p))]
    if bad:
        print(f"not what tools/notebook_cells.py writes (fastsgd {ver}): {', '.join(bad)}\n"
              "run: python tools/notebook_cells.py, then nbdev-clean (README's links: in the walk table of nbs/index.ipynb)", file=sys.stderr)
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
