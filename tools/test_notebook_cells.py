#!/usr/bin/env python
"""Test the logic of every notebook's first cell (install fastsgd on Colab or Kaggle) and last cell (export in a clone).

    python tools/test_notebook_cells.py      # CI runs it with the Python where fastsgd was installed from the wheel

There is no network here, and nothing may be installed for real: each case executes the cell's source as the
notebooks hold it (tools/notebook_cells.py writes it, and its --check keeps every notebook equal to it) with a
simulated environment: Colab's or Kaggle's variable set or not, fastsgd importable or not (a stand-in
`importlib.util.find_spec`), and a stand-in `subprocess.run` that records the pip command instead of running it.
For the last cell, a stand-in `nbdev` says whether the folder is an nbdev project and which library it writes.
Exit 1 on the first case that fails.
"""
import importlib.machinery, importlib.util, os, subprocess, sys, types
from pathlib import Path
from unittest import mock
sys.path.insert(0, str(Path(__file__).resolve().parent))   # also under `python -I`
from notebook_cells import EXPORT, HOSTED, setup_source, version

def _run_cell(src, env=None, missing=(), pip_fails=False):
    "Execute cell `src` with only `env` of the hosted variables set and modules `missing`; the pip commands it ran"
    calls, real_find_spec = [], importlib.util.find_spec
    def find_spec(name, *a, **kw): return None if name.split('.')[0] in missing else real_find_spec(name, *a, **kw)
    def run(cmd, *a, **kw):
        calls.append((cmd, kw))
        if pip_fails: raise subprocess.CalledProcessError(1, cmd)
        return subprocess.CompletedProcess(cmd, 0)
    clean = {k: v for k, v in os.environ.items() if k not in HOSTED + ('FASTSGD_SOURCE',)}
    with mock.patch.dict(os.environ, {**clean, **(env or {})}, clear=True), \
         mock.patch.object(importlib.util, 'find_spec', find_spec), mock.patch.object(subprocess, 'run', run):
        exec(compile(src, '<notebook cell>', 'exec'), {'__name__': '__main__'})
    return calls

def test_setup():
    ver = version()
    src, pinned = setup_source(ver), f'fastsgd=={ver}'
    assert importlib.util.find_spec('fastsgd') is not None, 'run this where fastsgd is installed'
    # Not hosted: nothing, whether fastsgd is there or not (a clone, a pip install, a local Jupyter)
    assert _run_cell(src) == []
    assert _run_cell(src, missing={'fastsgd'}) == []
    assert _run_cell(src, {'FASTSGD_SOURCE': '/x.whl'}, missing={'fastsgd'}) == []
    for var in HOSTED:
        # Hosted and fastsgd already importable (a second run of the cell, or installed by hand): nothing
        assert _run_cell(src, {var: '1'}) == [], var
        # Hosted and missing: pip installs the version the notebook was written for, and a failure is not swallowed
        [(cmd, kw)] = _run_cell(src, {var: '1'}, missing={'fastsgd'})
        assert cmd == [sys.executable, '-m', 'pip', 'install', '-q', pinned] and kw.get('check'), (var, cmd, kw)
        try: _run_cell(src, {var: '1'}, missing={'fastsgd'}, pip_fails=True)
        except subprocess.CalledProcessError: pass
        else: raise AssertionError(f'{var}: a failed pip install must stop the notebook at its first cell')
        # FASTSGD_SOURCE: the one setting for where to install from (a wheel, a folder, a git URL)
        [(cmd, _)] = _run_cell(src, {var: '1', 'FASTSGD_SOURCE': 'git+https://example.invalid/fastsgd'}, missing={'fastsgd'})
        assert cmd[-1] == 'git+https://example.invalid/fastsgd', cmd
    return 4 + 4*len(HOSTED)

def _fake_nbdev(is_nbdev:bool, lib_name:str, exported:list):
    "Stand-in `nbdev` and `nbdev.config` modules; `nbdev_export()` appends to `exported`"
    nbdev, config = types.ModuleType('nbdev'), types.ModuleType('nbdev.config')
    nbdev.__spec__ = importlib.machinery.ModuleSpec('nbdev', None)
    config.is_nbdev = lambda: is_nbdev
    config.get_config = lambda: types.SimpleNamespace(lib_name=lib_name)
    nbdev.config, nbdev.nbdev_export = config, lambda: exported.append(1)
    return {'nbdev': nbdev, 'nbdev.config': config}

def test_export():
    cases = [  # (nbdev importable, in an nbdev project, its library, exports?)
        (False, False, None,      False),   # Colab, Kaggle, a pip install: no nbdev at all
        (True,  False, None,      False),   # nbdev installed, the notebook copied out of the clone
        (True,  True,  'otherlib', False),  # the notebook copied into someone else's nbdev project
        (True,  True,  'fastsgd', True),    # a clone of fastsgd: write the library
    ]
    for has_nbdev, is_proj, lib, want in cases:
        exported = []
        with mock.patch.dict(sys.modules, _fake_nbdev(is_proj, lib, exported)):
            assert _run_cell(EXPORT, missing=() if has_nbdev else {'nbdev'}) == []
        assert bool(exported) == want, (has_nbdev, is_proj, lib)
    return len(cases)

if __name__ == '__main__':
    n = test_setup() + test_export()
    print(f"hosted-install and export cells: {n} simulated environments behave as intended (fastsgd {version()})")
