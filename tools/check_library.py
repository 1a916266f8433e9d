#!/usr/bin/env python
"""Two checks of the exported library that ruff does not make.

    python tools/check_library.py imports   # no two fastsgd modules import each other, directly or through others
    python tools/check_library.py names     # each public name (across every module's __all__) is one object

`imports` reads every module under fastsgd/ (subpackages such as fastsgd/exercises/ too) with `ast`, without importing them, and follows every import of a fastsgd module:
at the top of a module or inside a function (a lazy import still closes a circle), relative (`.core`, `..data`) or absolute, and the
names `importlib.import_module` is given as text (`'fastsgd.bench'`, or a table of `'module:function'` strings
such as the command's stages). A circle is printed as the chain of imports that closes it, each with its line.

`names` imports every module and fails when one name in two `__all__` lists is two different objects (two functions
called `linear_stage`, say): a reader who meets a name must know which thing it is. Re-exporting the same object
(`from fastsgd.data import set_seed` listed again) is fine.
Exit 1 if the check finds anything.
"""
import ast, importlib, re, sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIB = 'fastsgd'

def modules(root=ROOT)->dict:
    "Module name -> path, for every module of the library: 'data', 'exercises.core', 'exercises' (a package's __init__); not fastsgd/__init__.py nor nbdev's `_modidx`"
    res = {}
    for p in sorted((root/LIB).rglob('*.py')):
        parts = p.relative_to(root/LIB).with_suffix('').parts
        if '__pycache__' in parts: continue
        if parts[-1] == '__init__': parts = parts[:-1]
        if parts and parts[-1] != '_modidx': res['.'.join(parts)] = p
    return res

def _within(name, mods):
    "The longest prefix of the dotted `name` (inside fastsgd) that is one of `mods`, as a list of 0 or 1"
    parts = name.split('.')
    for i in range(len(parts), 0, -1):
        if '.'.join(parts[:i]) in mods: return ['.'.join(parts[:i])]
    return []

def _targets(node, mods, me='', package=False):
    "The fastsgd modules that the import `node`, in module `me` (a package's __init__ if `package`), brings in"
    if isinstance(node, ast.Import):
        return [t for a in node.names if a.name.startswith(LIB + '.') for t in _within(a.name[len(LIB)+1:], mods)]
    if isinstance(node, ast.ImportFrom):
        if node.level == 0:
            if not (node.module == LIB or (node.module or '').startswith(LIB + '.')): return []
            base = node.module[len(LIB)+1:]
        else:                                   # relative: from the package `me` is in (or is)
            pkg = me.split('.') if package else me.split('.')[:-1]
            if node.level - 1 > len(pkg): return []
            pkg = pkg[:len(pkg)-(node.level-1)]
            base = '.'.join(pkg + ([node.module] if node.module else []))
        subs = [f'{base}.{a.name}' if base else a.name for a in node.names]
        res = [o for o in subs if o in mods]     # from . import x / from fastsgd.exercises import ex02_sgd
        return res or (_within(base, mods) if base else [])
    return []

def _text_targets(node, mods):
    "Modules named by a string that is passed to `importlib.import_module`: 'fastsgd.x', or 'x:function' in a table"
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)): return []
    m = re.fullmatch(rf'{LIB}\.([\w.]+)', node.value) or re.fullmatch(r'([\w.]+):\w+', node.value)
    return [m[1]] if m and m[1] in mods else []

def import_graph(root=ROOT)->dict:
    "{module: {imported module: (line, how)}} for the library at `root`"
    mods, g = modules(root), {}
    for name, path in mods.items():
        tree, edges = ast.parse(path.read_text(), str(path)), {}
        dynamic = 'import_module' in path.read_text()
        lazy = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in ast.walk(f)}
        for node in ast.walk(tree):
            for t in _targets(node, mods, name, path.name == '__init__.py'): edges.setdefault(t, (node.lineno, 'inside a function' if id(node) in lazy else 'at import'))
            if dynamic:
                for t in _text_targets(node, mods): edges.setdefault(t, (node.lineno, f'import_module({node.value!r})'))
        edges.pop(name, None)
        g[name] = edges
    return g

def cycles(g:dict)->list:
    "The strongly connected groups of more than one module in `g` (Tarjan), each as a sorted list"
    index, low, stack, on, res, n = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
        for w in g.get(v, {}):
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: res.append(sorted(comp))
    for v in sorted(g):
        if v not in index: visit(v)
    return res

def _circle(g, comp):
    "One chain of imports inside `comp` that returns to its start, as (module, imported, line, how) steps"
    start = comp[0]
    def walk(v, seen):
        for w, (line, how) in sorted(g[v].items()):
            if w not in comp: continue
            if w == start: return [(v, w, line, how)]
            if w not in seen:
                rest = walk(w, seen | {w})
                if rest: return [(v, w, line, how)] + rest
    return walk(start, {start})

def check_imports(root=ROOT)->int:
    g, mods = import_graph(root), modules(root)
    found = cycles(g)
    for comp in found:
        chain = _circle(g, comp)
        print(f"import circle among {', '.join(comp)}:\n" + '\n'.join(
            f"  {mods[a].relative_to(root).as_posix()}:{line} imports {b} ({how})" for a, b, line, how in chain), file=sys.stderr)
    if found:
        print(f"{len(found)} import circle(s): move what both sides need into the lowest module they both import "
              f"(fastsgd.data for most things)", file=sys.stderr)
        return 1
    print(f'no import circles among the {len(g)} modules of {LIB}/ ({sum(map(len, g.values()))} imports between them)')
    return 0

def check_names(root=ROOT)->int:
    if str(root) not in sys.path: sys.path.insert(0, str(root))
    owners = defaultdict(list)                     # name -> [(module, object)]
    mods = modules(root)
    for m in mods:
        mod = importlib.import_module(f'{LIB}.{m}')
        for nm in getattr(mod, '__all__', []): owners[nm].append((m, getattr(mod, nm)))
    bad = {nm: os for nm, os in owners.items() if len({id(o) for _, o in os}) > 1}
    for nm, os in sorted(bad.items()):
        print(f"`{nm}` names {len({id(o) for _, o in os})} different objects: " +
              ', '.join(f'{LIB}.{m}.{nm}' for m, _ in os), file=sys.stderr)
    if bad:
        print(f"{len(bad)} public name(s) with more than one meaning: rename one of each, or re-export the one object",
              file=sys.stderr)
        return 1
    print(f"each of the {len(owners)} public names in the __all__ of {len(mods)} modules is one object")
    return 0

if __name__ == '__main__':
    what = sys.argv[1:] or ['imports', 'names']
    if set(what) - {'imports', 'names'}: sys.exit('usage: python tools/check_library.py [imports] [names]')
    sys.exit(max(check_imports() if 'imports' in what else 0, check_names() if 'names' in what else 0))
