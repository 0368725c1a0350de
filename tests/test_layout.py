"""Imports point one way through the pipeline: no cycle, no upward import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "diplodiff"
#: Layers from the bottom up; a module may import only its own layer or lower ones.
LAYERS = ("_errors", "_options", "_models", "_data", "read", "text", "find", "diff", "timeline",
          "_analyzer", "render", "__init__", "cli", "__main__")


def layer(module: str) -> int:
    """The layer index of a dotted module name inside the package (``diff.align`` -> diff)."""
    return LAYERS.index(module.split(".")[0])


def imports() -> dict[str, set[str]]:
    """Every package module and the package modules it imports (relative imports resolved)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)
        package = parts[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = list(package[: len(package) - node.level + 1])
                if node.module:
                    base += node.module.split(".")
                targets.add(".".join(base) if base else "__init__")
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                targets |= {n.removeprefix("diplodiff.") for n in names if n.startswith("diplodiff.")}
                if "diplodiff" in names:
                    targets.add("__init__")
        found[name] = targets
    return found


def test_no_upward_import() -> None:
    """Each module imports only modules of its own layer or a lower one."""
    upward = [f"{m} -> {t}" for m, ts in imports().items() for t in ts if layer(t) > layer(m)]
    assert upward == []


def test_no_import_cycle() -> None:
    """The module import graph has no cycle."""
    graph = imports()
    state: dict[str, int] = {}
    cycles: list[str] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join([*trail[trail.index(nxt):], nxt]))
            elif nxt in graph and not state.get(nxt):
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if not state.get(start):
            visit(start, [start])
    assert cycles == []


def test_import_loads_no_heavy_library() -> None:
    """``import diplodiff`` loads neither nltk, numpy nor importlib.metadata: the stages that need
    them load them."""
    heavy = ("nltk", "numpy", "importlib.metadata", "rapidfuzz", "attrs")
    code = f"import sys, diplodiff; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_import_loads_no_stage() -> None:
    """``import diplodiff`` imports no stage module: each name loads its module on first use."""
    code = "import sys, diplodiff; print(sorted(m for m in sys.modules if m.startswith('diplodiff.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _bound_names(node: ast.stmt) -> list[str]:
    """The module-level names a statement binds (an ``@overload`` stub binds none)."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        stub = any(isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list)
        return [] if stub else [node.name]
    if isinstance(node, ast.ClassDef):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
        return [node.target.id]
    return []


def test_no_module_binds_a_name_twice() -> None:
    """A second module-level ``_MODALS = ...`` or ``def _year`` silently replaces the first
    for every function of the module, the ones written for the first included."""
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            for name in _bound_names(node):
                if name in seen:
                    twice.append(f"{path.relative_to(PACKAGE)}: {name} (line {node.lineno})")
                seen.add(name)
    assert not twice, twice
