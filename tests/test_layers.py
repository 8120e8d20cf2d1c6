"""The package's layers (docs/architecture.md) hold: the import-linter contracts in pyproject.toml pass,
no module imports itself round a circle, and no chain of imports is deeper than ten."""

from __future__ import annotations

import functools
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
MAX_CHAIN = 10


@functools.cache
def _graph() -> dict[str, set[str]]:
    graph = grimp.build_graph("pressdraft")
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                work.append((child, iter(sorted(edges[child]))))
            elif child in stack:
                low[node] = min(low[node], index[child])
    return found


def _longest_chain(edges: dict[str, set[str]]) -> list[str]:
    @functools.cache
    def longest(module: str) -> tuple[str, ...]:
        return max(((module, *longest(m)) for m in edges[module]), key=len, default=(module,))

    return list(max((longest(m) for m in edges), key=len))


def test_the_layer_contracts_hold(monkeypatch):
    monkeypatch.chdir(ROOT)  # lint-imports reads pyproject.toml from the working folder
    assert lint_imports(no_cache=True) == 0  # its report, printed above, names each broken import


def test_no_module_imports_itself_round_a_circle():
    assert _cycles(_graph()) == []


def test_no_chain_of_imports_is_deeper_than_ten():
    assert _cycles(_graph()) == [], "a circle has no longest chain: see the test above"
    chain = _longest_chain(_graph())
    assert len(chain) - 1 <= MAX_CHAIN, " -> ".join(chain)
