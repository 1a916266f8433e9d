#!/usr/bin/env python
"""The library's layers, checked where ruff can't: imports run one way, no private name crosses a module, no module
patches another's class, and each public name is one object.

    python tools/check_library.py       # exit 1 and one line per problem

Modules are read with `ast` (every import, at the top or inside a function: a lazy import still closes a circle), then
imported to compare the objects behind their `__all__`.
"""
import ast, graphlib, importlib, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def modules()->dict:
    "'data', 'exercises.core', 'exercises' (a package's __init__) -> path; not fastsgd/__init__.py nor _modidx"
    res = {}
    for p in sorted((ROOT/'fastsgd').rglob('*.py')):
        parts = p.relative_to(ROOT/'fastsgd').with_suffix('').parts
        if parts[-1] == '__init__': parts = parts[:-1]
        if parts and parts[-1] != '_modidx': res['.'.join(parts)] = p
    return res

def imports(me:str, path:Path, mods:dict):
    "(module, names, line) for each import of a fastsgd module in `me`"
    pkg = me.split('.') if path.name == '__init__.py' else me.split('.')[:-1]
    for n in ast.walk(ast.parse(path.read_text())):
        if isinstance(n, ast.Import):
            for a in n.names:
                if a.name.startswith('fastsgd.'): yield a.name[8:], [], n.lineno
        elif isinstance(n, ast.ImportFrom):
            base = (n.module or '') if n.level == 0 else '.'.join(pkg[:len(pkg)-n.level+1] + ([n.module] if n.module else []))
            if n.level == 0 and not base.startswith('fastsgd'): continue
            base = base.removeprefix('fastsgd').lstrip('.')
            for a in n.names:
                sub = f'{base}.{a.name}'.lstrip('.')
                yield (sub, [], n.lineno) if sub in mods else (base, [a.name], n.lineno)

def problems()->list:
    mods, res, graph = modules(), [], {}
    for me, path in mods.items():
        graph[me] = set()
        for mod, names, line in imports(me, path, mods):
            if mod in mods and mod != me: graph[me].add(mod)
            res += [f'{path.relative_to(ROOT)}:{line}: imports the private name {o} from {mod}' for o in names if o.startswith('_')]
        for n in ast.walk(ast.parse(path.read_text())):
            if isinstance(n, ast.FunctionDef) and any(getattr(d, 'id', None) == 'patch' for d in n.decorator_list):
                cls = getattr(n.args.args[0].annotation, 'id', None) if n.args.args else None
                if cls and not any(isinstance(o, ast.ClassDef) and o.name == cls for o in ast.walk(ast.parse(path.read_text()))):
                    res.append(f'{path.relative_to(ROOT)}:{n.lineno}: patches {n.name} onto {cls}, a class of another module')
    try: graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as e: res.append(f"modules import each other: {' -> '.join(e.args[1])}")
    sys.path.insert(0, str(ROOT))
    seen = {}
    for me in mods:
        m = importlib.import_module(f'fastsgd.{me}')
        for name in getattr(m, '__all__', []):
            obj = getattr(m, name, None)
            if name in seen and seen[name][1] is not obj: res.append(f'{name} is two objects: in fastsgd.{seen[name][0]} and fastsgd.{me}')
            seen.setdefault(name, (me, obj))
    return res

if __name__ == '__main__':
    res = problems()
    print('\n'.join(res) or 'the library: imports run one way, no private name crosses a module, no patch of another '
          "module's class, one object per public name")
    sys.exit(1 if res else 0)
