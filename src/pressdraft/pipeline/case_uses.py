"""Which values of its context a template puts in a grammatical case, read from its syntax tree.

``pressdraft check`` asks for a reading only of names a release inflects (docs/checks.md, "Readings
the check cannot know"): a name printed as it is (a dateline's city, a signatory the lead lists) needs
none. The source is parsed, never run (Jinja's grammar, as the renderer reads it): a case filter
(``place|locative``, ``map("genitive")``), a list joined in a case (``with_list(case="genitive")``),
and what an inflected name was set to or loops over (``{% set where = venue … %}`` then
``where|locative``) are followed. Where values travel in ways a tree walk does not follow (macros,
captured or filtered blocks, ``with``) or the source does not parse, any value may be inflected.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, TemplateSyntaxError, nodes

from pressdraft.language._base import CASES

#: Where a value can reach a case by a way the walk below does not follow (another file's tags are
#: refused by the renderer, ``safety/sandbox.py``, and told where it compiles the source).
_UNTRACEABLE = (
    nodes.Macro,
    nodes.CallBlock,
    nodes.FilterBlock,
    nodes.AssignBlock,
    nodes.With,
    nodes.Include,
    nodes.Import,
    nodes.FromImport,
    nodes.Extends,
)
_PARSER = Environment(autoescape=False)


#: A value of the context as a template reaches it: ``("event", "venue")`` for ``event.venue``.
Reach = tuple[str, ...]


def _chain(node: nodes.Node) -> Reach | None:
    """``event.venue`` or ``event["venue"]`` as the keys it reaches; None for anything else."""
    if isinstance(node, nodes.Name | nodes.NSRef):
        return (node.name,)
    key = node.attr if isinstance(node, nodes.Getattr) else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        key = node.arg.value
    inner = _chain(node.node) if key is not None else None
    return (*inner, key) if inner and key else None


def _reaches(node: nodes.Node) -> set[Reach]:
    """The values an expression reads, each as far as its keys are written (``event.time|time``: the time)."""
    chain = _chain(node)
    if chain:
        return {chain}
    return set().union(*(_reaches(child) for child in node.iter_child_nodes()))


def _in_a_case(node: nodes.Filter) -> bool:
    return (
        node.name in CASES
        or any(keyword.key == "case" for keyword in node.kwargs)
        or any(isinstance(arg, nodes.Const) and arg.value in CASES for arg in node.args)
    )


@lru_cache(maxsize=64)
def inflected(source: str) -> frozenset[Reach] | None:
    """The values of the context a template source may put in a case; None when any may."""
    try:
        tree = _PARSER.parse(source)
    except TemplateSyntaxError:
        return None
    if any(True for _ in tree.find_all(_UNTRACEABLE)):
        return None
    found: set[Reach] = set()
    for node in tree.find_all(nodes.Filter):
        if node.node is not None and _in_a_case(node):
            found |= _reaches(node.node)
    # a name set to a value or looping over one passes it on: what reaches a case through it is read
    passed = [(node.target, node.node) for node in tree.find_all(nodes.Assign)]
    passed += [(node.target, node.iter) for node in tree.find_all(nodes.For)]
    edges = [({name for name, *_ in _reaches(target)}, _reaches(value)) for target, value in passed]
    while grown := [read for names, read in edges if names & {name for name, *_ in found} and not read <= found]:
        found.update(*grown)
    return frozenset(found)


def reaches_a_case(inflected: frozenset[Reach] | None, value: Reach) -> bool:
    """Whether ``value`` (``("release", "city")``) is, holds or is part of a value put in a case."""
    if inflected is None:
        return True
    return any(value[: len(used)] == used or used[: len(value)] == value for used in inflected)
