"""No import cycles among union_desk's modules (issue 13: "The import cycles are gone").

Every module under union_desk/ is parsed with `ast`; every import statement counts, also those
inside functions (a lazy import hides a cycle from start-up but not from the design) and under
`if TYPE_CHECKING:`. `from pkg import name` is an edge to the module `pkg.name` when that is a
module, else to `pkg`. Imports by name at run time (`areas.resolve("module:attr")`) are not
edges: that is how the area registry stays below the areas.
"""

from __future__ import annotations

import ast
from pathlib import Path

import union_desk

ROOT = Path(union_desk.__file__).resolve().parent
PACKAGE = "union_desk"

# Where no cycle may be at all.
GUARDED = ("union_desk.imports", "union_desk.ledgers", "union_desk.services.plan")
# Cycles elsewhere that are still there (each a group of modules); none may be added, and one
# that is gone must be taken off this list.
KNOWN: set[frozenset[str]] = set()  # none left (config ↔ paths went with issue 13)


def module_names() -> dict[str, Path]:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = [PACKAGE, *path.relative_to(ROOT).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """{module: the union_desk modules it imports}."""
    modules = module_names()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    targets.append(sub if sub in modules else base)
            for target in targets:
                # `import union_desk.a.b` or a name inside a module: the deepest module named
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target.startswith(PACKAGE) and target in modules and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]], through=lambda module: True) -> list[list[str]]:
    """One cycle (a → b → … → a) for each group of modules that import each other, round and round
    (a strongly connected component, Tarjan) and that has a module for which `through` is true;
    the cycle starts there."""
    found = []
    for group in components(graph):
        starts = [m for m in group if through(m)]
        if starts:
            found.append(_one_cycle(graph, group, starts[0]))
    return found


def components(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of more than one module that import each other (sorted)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:
        nonlocal counter
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return sorted(groups)


def _one_cycle(graph: dict[str, set[str]], group: list[str], start: str) -> list[str]:
    """The shortest way from `start` back to itself, inside the group."""
    inside = set(group)
    came_from: dict[str, str] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node] & inside):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle found in {group}")


def describe(found: list[list[str]]) -> str:
    return "\n".join(" → ".join(cycle) for cycle in found)


def guarded(module: str) -> bool:
    return any(module == g or module.startswith(g + ".") or module.startswith(g + "_") for g in GUARDED)


def test_the_graph_sees_lazy_imports():
    graph = import_graph()
    assert "union_desk.imports.reader" in graph["union_desk.imports.common"]
    # a function-level import is an edge too (records finds a ledger's importer through the registry)
    assert "union_desk.areas" in graph["union_desk.imports.records"]


def test_cycles_are_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e2"}, "e2": {"e"}}
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "e2", "e"]]
    assert cycles(graph, lambda m: m == "c") == [["c", "a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_cycle_among_imports_ledgers_and_plan():
    found = cycles(import_graph(), guarded)
    assert not found, "import cycles:\n" + describe(found)


def test_no_new_cycle_anywhere():
    graph = import_graph()
    groups = components(graph)
    new = [g for g in groups if frozenset(g) not in KNOWN]
    assert not new, "import cycles:\n" + describe([_one_cycle(graph, g, g[0]) for g in new])
    gone = KNOWN - {frozenset(g) for g in groups}
    assert not gone, f"no longer a cycle, take it off KNOWN: {sorted(sorted(g) for g in gone)}"


if __name__ == "__main__":  # python tests/imports/test_no_cycles.py: list the cycles
    print(describe(cycles(import_graph())) or "no cycles")
