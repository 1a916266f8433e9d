#!/usr/bin/env python
"""Figures a lesson quotes from an evidence notebook must be in that notebook's saved outputs.

A lesson (nbs/NN_*.ipynb) quotes a figure too slow to compute in its Run All (a sweep over seeds, a long run) from an
evidence notebook in nbs/lib/, linking to it by its docs-site address (https://.../lib/evidence_X.html). For every
markdown cell with such a link, each decimal figure in the cell (0.975, 43.5, 12%) must appear, as printed, in the
saved outputs of the notebooks it links to. Re-run an evidence notebook with the command at its top.

    python tools/check_quotes.py        # exit 1 and list the figures no saved output shows
"""
import json, re, sys
from pathlib import Path

NBS = Path(__file__).resolve().parent.parent/'nbs'
LINK = re.compile(r'https?://[^\s)]*/lib/(evidence_\w+)\.html[^\s)]*')
FIGURE = re.compile(r'(?<![\w.])\d+\.\d+%?|(?<![\w.])\d+%')

def outputs(path:Path)->str:
    "Every text a notebook's saved outputs show"
    res = []
    for c in json.loads(path.read_text())['cells']:
        for o in c.get('outputs', []):
            res.append(''.join(o.get('text', '')))
            for k,v in o.get('data', {}).items():
                if k.startswith('text/'): res.append(''.join(v))
    return '\n'.join(res)

def main()->int:
    bad, n = [], 0
    for nb in sorted(NBS.glob('[0-9][0-9]_*.ipynb')):
        for i,c in enumerate(json.loads(nb.read_text())['cells']):
            text = ''.join(c['source'])
            names = sorted(set(LINK.findall(text))) if c['cell_type'] == 'markdown' else []
            if not names: continue
            missing = [p for p in names if not (NBS/'lib'/f'{p}.ipynb').exists()]
            if missing: bad.append(f'{nb.name} cell {i}: links to {missing}, which nbs/lib/ does not have'); continue
            shown = '\n'.join(outputs(NBS/'lib'/f'{p}.ipynb') for p in names)
            for fig in FIGURE.findall(LINK.sub('', text)):
                n += 1
                if fig.rstrip('%') not in shown: bad.append(f"{nb.name} cell {i}: {fig} is not in the saved outputs of {', '.join(names)}")
    print('\n'.join(bad) or f'{n} figures quoted from evidence notebooks, each in their saved outputs')
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main())
