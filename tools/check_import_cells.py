#!/usr/bin/env python
"""Fail on the cells nbdev warns about: "Found cells containing imports and other code".

nbdev's docs build (`nbdev-proc-nbs`, `nbdev-docs`) runs every cell that imports something, to make the imported names
available to `show_doc`, and shows the saved outputs of all the others. A cell that mixes imports with other code is
therefore run on its own, without the cells before it: it fails there when it uses a name they made (06_learner's
`synth_learner`), or trains a model again on every docs build. nbdev only warns, once per cell, without naming the
notebook; this check asks nbdev's own rule (`nbdev.processors._do_eval`) about every cell and names each one.

    python tools/check_import_cells.py                 # every notebook nbdev would process
    python tools/check_import_cells.py nbs/06_learner.ipynb

Exit 1 if any cell mixes imports with other code.
"""
import sys, warnings
from pathlib import Path

def mixed_cells(path)->list:
    "(index, id, first line) of each cell of the notebook at `path` that nbdev warns about"
    from nbdev.process import NBProcessor
    from nbdev.processors import _do_eval
    res = []
    for i, cell in enumerate(NBProcessor(path, rm_directives=False, process=True).nb.cells):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            _do_eval(cell)
        if any('containing imports and other code' in str(o.message) for o in w):
            first = next((l for l in cell.source.splitlines() if l.strip() and not l.lstrip().startswith('#|')), '')
            res.append((i, cell.get('id', '?'), first.strip()))
    return res

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv: files = [Path(o) for o in argv]
    else:
        from nbdev.config import get_config
        from nbdev.doclinks import nbglob
        files = sorted(nbglob(get_config().nbs_path, as_path=True))
    n = 0
    for f in files:
        for i, cid, first in mixed_cells(f):
            n += 1
            print(f'{f.name}: cell {i} (id {cid}) mixes imports with other code: {first[:90]}', file=sys.stderr)
    if n:
        print(f"{n} cell(s) mixing imports with other code: nbdev's docs build runs each of them alone. Move the "
              f"imports into a cell of their own (the notebook's #| hide test-import cell)", file=sys.stderr)
        return 1
    print(f'no cell mixes imports with other code in {len(files)} notebook(s)')
    return 0

if __name__ == '__main__': sys.exit(main())
