#!/usr/bin/env python
"""Test the logic of every notebook's first cell (install fastsgd on Colab or Kaggle) and last cell (export in a clone).

    python tools/test_notebook_cells.py      # CI runs it with the Python where fastsgd was installed from the wheel

There is no network here, and nothing may be installed for real: each case executes the cell's source as the
notebooks hold it (tools/notebook_cells.py writes it, and its --check keeps every notebook equal to it) with a
simulated environment: Colab's or Kaggle's variable set or not, fastsgd importable or not (a stand-in
`importlib.util.find_spec`), and a stand-in `subprocess.run` that records the pip command instead of running it, and
fails for the sources it is told to (`-v` prints what the cell printed when installable, from the repository, neither).
For the last cell, a stand-in `nbdev` says whether the folder is an nbdev project and which library it writes.
Exit 1 on the first case that fails.
"""
import contextlib, importlib.machinery, importlib.util, io, os, subprocess, sys, types
from pathlib import Path
from unittest import mock
sys.path.insert(0, str(Path(__file__).resolve().parent))   # also under `python -I`
from notebook_cells import EXPORT, HOSTED, repository, setup_source, version

def _run_cell(src, env=None, missing=(), fails=()):
    "Execute cell `src` with only `env` of the hosted variables set and modules `missing`: the pip commands it ran, and what it printed"
    calls, real_find_spec, out = [], importlib.util.find_spec, io.StringIO()
    def find_spec(name, *a, **kw): return None if name.split('.')[0] in missing else real_find_spec(name, *a, **kw)
    def run(cmd, *a, **kw):
        calls.append((cmd, kw))
        bad = cmd[-1] in fails
        err = (f"WARNING: a warning\n\x1b[31mERROR: no way to install {cmd[-1]}\x1b[0m\n\x1b[1;35mnote\x1b[0m: This error originates from a subprocess\n"
               if not cmd[-1].startswith('git+') else
               f"      fatal: unable to access '{cmd[-1][4:]}/': Could not resolve host\n  note: This error originates from a subprocess\n")
        return subprocess.CompletedProcess(cmd, int(bad), '', err if bad else '')
    clean = {k: v for k, v in os.environ.items() if k not in HOSTED + ('FASTSGD_SOURCE',)}
    with mock.patch.dict(os.environ, {**clean, **(env or {})}, clear=True), contextlib.redirect_stdout(out), \
         mock.patch.object(importlib.util, 'find_spec', find_spec), mock.patch.object(subprocess, 'run', run):
        exec(compile(src, '<notebook cell>', 'exec'), {'__name__': '__main__'})
    return calls, out.getvalue()

def _pips(calls): return [cmd[-1] for cmd, _ in calls]

def test_setup(show=False):
    ver, git = version(), f'git+{repository()}'
    src, pinned = setup_source(ver), f'fastsgd=={ver}'
    assert importlib.util.find_spec('fastsgd') is not None, 'run this where fastsgd is installed'
    # Not hosted: nothing, whether fastsgd is there or not (a clone, a pip install, a local Jupyter)
    assert _run_cell(src) == ([], '')
    assert _run_cell(src, missing={'fastsgd'}) == ([], '')
    assert _run_cell(src, {'FASTSGD_SOURCE': '/x.whl'}, missing={'fastsgd'}) == ([], '')
    for var in HOSTED:
        # Hosted and fastsgd already importable (a second run of the cell, or installed by hand): nothing
        assert _run_cell(src, {var: '1'}) == ([], ''), var
        # Hosted and missing: pip installs the version the notebook was written for, quietly, checking its exit status
        calls, printed = _run_cell(src, {var: '1'}, missing={'fastsgd'})
        assert _pips(calls) == [pinned] and calls[0][0][:-1] == [sys.executable, '-m', 'pip', 'install', '-q'], (var, calls)
        assert printed == f'installed fastsgd from {pinned}\n', printed
        if show and var == HOSTED[0]: print(f'  installable: {printed.strip()}')
        # Not on the package index yet (before a release): the repository's own source
        calls, printed = _run_cell(src, {var: '1'}, missing={'fastsgd'}, fails={pinned})
        assert _pips(calls) == [pinned, git] and printed == f'installed fastsgd from {git}\n', (var, calls, printed)
        if show and var == HOSTED[0]: print(f'  only the repository: {printed.strip()}')
        # Neither: one sentence that says what failed and the line to run, never a bare CalledProcessError
        try: _run_cell(src, {var: '1'}, missing={'fastsgd'}, fails={pinned, git})
        except Exception as e:
            msg = ''.join(e._render_traceback_())
            assert type(e).__name__ == 'FastsgdInstallError' and '\n' not in msg, (var, e)
            assert pinned in msg and git in msg and '%env FASTSGD_SOURCE=' in msg, msg
            assert f'ERROR: no way to install {pinned}' in msg and 'fatal: unable to access' in msg and '\x1b' not in msg, msg   # pip's and git's reasons
            if show and var == HOSTED[0]: print(f'  neither: {msg}')
        else: raise AssertionError(f'{var}: a failed install must stop the notebook at its first cell')
        # FASTSGD_SOURCE: the one setting for where to install from (a wheel, a folder, a git URL), tried alone
        calls, _ = _run_cell(src, {var: '1', 'FASTSGD_SOURCE': 'git+https://example.invalid/fastsgd'}, missing={'fastsgd'})
        assert _pips(calls) == ['git+https://example.invalid/fastsgd'], calls
        try: _run_cell(src, {var: '1', 'FASTSGD_SOURCE': '/x.whl'}, missing={'fastsgd'}, fails={'/x.whl'})
        except Exception as e: assert '/x.whl' in str(e) and git not in str(e), e
        else: raise AssertionError(f'{var}: a failed FASTSGD_SOURCE must stop the notebook')
    return 3 + 6*len(HOSTED)

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
            assert _run_cell(EXPORT, missing=() if has_nbdev else {'nbdev'}) == ([], '')
        assert bool(exported) == want, (has_nbdev, is_proj, lib)
    return len(cases)

if __name__ == '__main__':
    n = test_setup(show='-v' in sys.argv) + test_export()
    print(f"hosted-install and export cells: {n} simulated environments behave as intended (fastsgd {version()})")
