#!/usr/bin/env python
"""Tests of the lessons' install cell (tools/notebook_cells.py), as IPython runs it: `%pip` turned into
`get_ipython().run_line_magic`, which a stand-in records. No network: only the command it would run is checked.

    python tools/test_notebook_cells.py      # exit 1 on a failure
"""
import os, sys
from pathlib import Path
from unittest import mock
from IPython.core.inputtransformer2 import TransformerManager
sys.path.insert(0, str(Path(__file__).parent))
from notebook_cells import install_source, version, repository

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
