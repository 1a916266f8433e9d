#!/usr/bin/env python
"""Tests of tools/notebook_cells.py: the lessons' install cell as IPython runs it (`%pip` turned into
`get_ipython().run_line_magic`, which a stand-in records; no network: only the command it would run is checked), the
links, the your-turn cells saved without outputs, and the recall copies, written and checked in a folder of their own.

    python tools/test_notebook_cells.py      # exit 1 on a failure
"""
import contextlib, io, json, os, sys, tempfile
from pathlib import Path
from unittest import mock
from IPython.core.inputtransformer2 import TransformerManager
sys.path.insert(0, str(Path(__file__).parent))
import notebook_cells as nc
from notebook_cells import install_source, version, repository, fix_cells, recall_copy, urls, links, src, _cell as C

def run_cell(env:dict)->list:
    "The `run_line_magic` calls the install cell makes with environment `env`"
    calls, ip = [], mock.Mock()
    ip.run_line_magic.side_effect = lambda *a: calls.append(a)
    with mock.patch.dict(os.environ, env, clear=True): exec(TransformerManager().transform_cell(install_source(ver, repo)), {'get_ipython': lambda: ip})
    return calls

ver, repo = version(), repository()
cell = install_source(ver, repo)
assert len(cell.splitlines()) <= 4, cell
assert run_cell({}) == [], 'off Colab and Kaggle the cell must do nothing'
for env in ({'COLAB_RELEASE_TAG': 'x'}, {'KAGGLE_KERNEL_RUN_TYPE': 'Interactive'}):
    assert run_cell(env) == [('pip', f'install -q "fastsgd @ git+{repo}@v{ver}"')], (env, run_cell(env))
print(f"install cell ok: nothing off Colab and Kaggle; there, pip install of fastsgd {ver} from {repo} at v{ver}")

assert urls(repo, 'nbs/00_x.ipynb') == (f"https://colab.research.google.com/github/{repo[19:]}/blob/main/nbs/00_x.ipynb",
                                        f"https://kaggle.com/kernels/welcome?src={repo}/blob/main/nbs/00_x.ipynb"), urls(repo, 'nbs/00_x.ipynb')
def lesson(): return {'metadata': {'kernelspec': {'name': 'python3'}, 'widgets': {}}, 'nbformat': 4, 'nbformat_minor': 5, 'cells': [
    C('# T\n\n> what it is', 'markdown', 'a'), C('#| default_exp t', id='b'), C('#| hide\nfrom x import y', id='c'),
    C('## A heading\n\nprose\n\n**1. A question?**\n\nmore', 'markdown', 'd'), C('### Your turn\n\nWrite f.', 'markdown', 'e'),
    {**C("def f(): ...\ncheck('f', f);", id='f'), 'outputs': [{'output_type': 'stream', 'name': 'stdout', 'text': 'not done'}], 'execution_count': 3},
    C('#| hide\nassert f() is None', id='g'), C('#| export\ndef g(): return 1', id='h')]}
nb = fix_cells(lesson(), Path('nbs/07_t.ipynb'), ver, repo)
assert [c['id'] for c in nb['cells'][:3]] == ['a', 'hosted-note', 'hosted-setup'] and links(repo, 'nbs/07_t.ipynb') in src(nb['cells'][1])
assert nb['cells'][-3]['outputs'] == [] and nb['cells'][-3]['execution_count'] is None, 'a your-turn cell is saved without outputs'
cp = recall_copy(nb, '07_t.ipynb', repo)
assert [src(c) for c in cp['cells'] if c['id'] != 'hosted-note'] == ['# T', install_source(ver, repo).split('\n', 1)[1], 'from x import y',
    '## A heading\n\n**1. A question?**', '### Your turn\n\nWrite f.', "def f(): ...\ncheck('f', f);", 'def g(): return 1'], cp['cells']
assert links(repo, 'clean/07_t.ipynb') in src(cp['cells'][1]) and cp['metadata'] == {'kernelspec': {'name': 'python3'}}
with tempfile.TemporaryDirectory() as d, contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
    nc.ROOT = root = Path(d); (root/'nbs').mkdir(); (root/'nbs'/'07_t.ipynb').write_text(json.dumps(lesson()))
    (root/'README.md').write_text(' '.join(links(repo, f'{o}/07_t.ipynb') for o in ('nbs', 'clean')))
    assert nc.main([]) == 0 and nc.main(['--check']) == 0 and (root/'clean'/'07_t.ipynb').exists()
    (root/'clean'/'07_t.ipynb').write_text(json.dumps(lesson())); (root/'clean'/'08_gone.ipynb').write_text('{}'); (root/'README.md').write_text('')
    assert nc.main(['--check']) == 1 and all(o in err.getvalue() for o in ('clean/07_t.ipynb', 'clean/08_gone.ipynb (no such lesson)', 'no links to nbs/07_t'))
print("recall copies ok: links, headings, code without `#|` lines, your-turn tasks, no outputs; --check fails when one is out of step")
