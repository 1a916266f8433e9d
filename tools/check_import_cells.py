#!/usr/bin/env python
"""Cells that mix imports with other code, which nbdev's docs build runs alone ("Found cells containing imports and
other code"): there they fail when they use a name an earlier cell made, or train a model again on every docs build.
nbdev only warns, without naming the notebook; this names each cell, by nbdev's rule as its FAQ states it: a cell
with an import at its top level and an expression or assignment beside it, not marked `#| export`, `#| exports`,
`#| exporti`, `#| exec_doc` or `#| eval: false`.

    python tools/check_import_cells.py [NOTEBOOK ...]      # default: every notebook under nbs/; exit 1 if any
"""
import ast, json, re, sys
from pathlib import Path

def mixed(path:Path):
    for i, c in enumerate(json.loads(path.read_text())['cells']):
        src = ''.join(c['source'])
        if c['cell_type'] != 'code' or 'nbdev_export()' in src: continue
        dirs = dict(re.findall(r'^#\|\s*([\w-]+):?\s*(.*)$', src, re.M))
        if dirs.keys() & {'export', 'exports', 'exporti', 'exec_doc'} or dirs.get('eval', '').strip().lower() == 'false': continue
        try: body = ast.parse(re.sub(r'^(\s*)[%!].*$', r'\1pass', src, flags=re.M)).body
        except SyntaxError: continue
        if any(isinstance(o, (ast.Import, ast.ImportFrom)) for o in body) and any(isinstance(o, (ast.Expr, ast.Assign)) for o in body):
            yield i, src.strip().splitlines()[-1][:80]

if __name__ == '__main__':
    files = [Path(o) for o in sys.argv[1:]] or sorted(p for p in Path(__file__).resolve().parent.parent.joinpath('nbs').rglob('*.ipynb')
                                                      if '.ipynb_checkpoints' not in p.parts)
    bad = [f'{f.name}: cell {i} mixes imports with other code: {line}' for f in files for i, line in mixed(f)]
    print('\n'.join(bad) or f'no cell mixes imports with other code in {len(files)} notebook(s)')
    sys.exit(1 if bad else 0)
