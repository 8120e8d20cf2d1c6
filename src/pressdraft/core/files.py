"""Reading and writing YAML and JSON data safely and deterministically.

Drafts, the directory and template metadata are files people edit, so reading refuses what
YAML allows but a draft never needs: aliases (the "billion laughs" blow-up), duplicate keys
(the second silently wins), implicit timestamps and yes/no booleans (``en: No`` would
become ``False``), and numbers no draft needs: more than ``MAX_INT_DIGITS`` digits (Python's
own limit, 4,300 digits, would stop the reader with a bare ValueError) or not finite (``.inf``,
``NaN``, ``1e999999``). Such a number is never constructed: a placeholder stands in for it and
every one is then refused naming its key. Dates stay strings here and are typed by the models.
Writing is canonical, so a file written, read and written again is the same bytes.

Reading uses libyaml's C parser and composer where PyYAML has it (ten times the pure-Python
parser's speed: a render reads a dozen files). Its composer is C, so an alias cannot be refused
as it is met; it is found instead in the composed graph, where an alias is a node reached twice
(cheap: the graph is not expanded), before anything is constructed, and the text is then read
again by the pure-Python loader, which refuses it naming its line. libyaml refuses nesting deeper
than 1,000 levels itself.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from pressdraft import N_
from pressdraft.core.problems import Location, PressdraftError, Problem

Format = Literal["yaml", "json"]
MAX_FILE_BYTES = 2_000_000
MAX_INT_DIGITS = 18  # what a 64-bit integer holds; the models' ranges are narrower (docs/draft-format.md)
TOO_MANY_DIGITS = N_("the number has more than {limit} digits")
NOT_FINITE = N_("must be a finite number")


@dataclass(frozen=True, eq=False)
class _Refused:
    """Stands in for a number the readers do not construct; refused with its key once the file is read."""

    template: str
    text: str


def _int(text: str) -> Any:
    """An integer of JSON (``-123``) of at most ``MAX_INT_DIGITS`` digits."""
    return int(text) if len(text.lstrip("+-")) <= MAX_INT_DIGITS else _Refused(TOO_MANY_DIGITS, text)


def _float(text: str) -> Any:
    value = float(text)
    return value if math.isfinite(value) else _Refused(NOT_FINITE, text)


def _not_finite(text: str) -> Any:
    return _Refused(NOT_FINITE, text)


def _refused_numbers(data: Any, source: str) -> list[Problem]:
    """A problem for each number left unconstructed, named by its key path (walked without recursion)."""
    problems = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Refused):
            params = {"limit": str(MAX_INT_DIGITS)} if value.template == TOO_MANY_DIGITS else {}
            problems.append(Problem(Location(file=source, field=path), value.template, params))
        elif isinstance(value, dict):
            items = [((*path, _key(k)), k) for k in value if isinstance(k, _Refused)]
            items += [((*path, _key(k)), v) for k, v in value.items()]
            stack.extend(reversed(items))
        elif isinstance(value, list):
            stack.extend(reversed([((*path, i), v) for i, v in enumerate(value)]))
    return problems


def _key(key: Any) -> str:
    """A key as it appears in a path, shortened: a key can be as long as the file."""
    text = key.text if isinstance(key, _Refused) else str(key)
    return text if len(text) <= 40 else text[:40] + "…"


class _Hardened(yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
    """SafeConstructor refusing duplicate keys, with the numbers and resolvers set below."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class _SafeLoader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, _Hardened):
    """The pure-Python loader: refuses an alias as it is met, naming its line."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _Hardened.__init__(self)

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.constructor.ConstructorError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


class _AliasFound(Exception):
    """The C loader composed a node reached twice: an alias, to be refused by ``_SafeLoader``."""


def _has_alias(root: yaml.Node) -> bool:
    """Whether a node of the composed graph is reached twice (walked without recursion, each node once)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return False


if yaml.__with_libyaml__:

    class _FastLoader(yaml.cyaml.CParser, _Hardened):
        """libyaml's parser and composer, the graph checked for aliases before it is constructed."""

        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            _Hardened.__init__(self)

        def get_single_data(self) -> Any:
            node = self.get_single_node()
            if node is None:
                return None
            if _has_alias(node):
                raise _AliasFound
            return self.construct_document(node)

    _LOADER: type = _FastLoader
else:  # PyYAML built without libyaml
    _LOADER = _SafeLoader


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeConstructor, hardened
    except _AliasFound:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - raises, naming the alias's line


def _yaml_int(loader: _Hardened, node: yaml.ScalarNode) -> Any:
    """An int of YAML 1.1 (``0x…``, ``0o…``, ``1_000``) of at most ``MAX_INT_DIGITS`` digits.

    A base-60 "number" (``11:00``) is the text as written, as in YAML 1.2: in a draft it is a clock
    time (``event.time: 11:00``), never 660."""
    if ":" in str(node.value):
        return str(node.value)
    body = str(node.value).replace("_", "").replace(":", "").lstrip("+-")
    if body[:2].lower() in {"0x", "0o", "0b"}:
        body = body[2:]
    if len(body) > MAX_INT_DIGITS:
        return _Refused(TOO_MANY_DIGITS, str(node.value))
    try:
        return loader.construct_yaml_int(node)
    except ValueError:  # an explicit !!int on something else
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a number", node.start_mark
        ) from None


def _yaml_float(loader: _Hardened, node: yaml.ScalarNode) -> Any:
    try:
        value = loader.construct_yaml_float(node)
    except ValueError:  # an explicit !!float on something else
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a number", node.start_mark
        ) from None
    return value if math.isfinite(value) else _Refused(NOT_FINITE, str(node.value))


_Hardened.add_constructor("tag:yaml.org,2002:int", _yaml_int)
_Hardened.add_constructor("tag:yaml.org,2002:float", _yaml_float)


def _without_resolvers(cls: type, tags: set[str]) -> None:
    cls.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in tags]
        for first, resolvers in cls.yaml_implicit_resolvers.items()
    }


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"
_without_resolvers(_Hardened, {_TIMESTAMP, _BOOL})
_Hardened.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class _Dumper(yaml.SafeDumper):
    """Block style, Unicode as is, multi-line strings as literal blocks."""


_without_resolvers(_Dumper, {_TIMESTAMP, _BOOL})
_Dumper.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _represent_str(dumper: yaml.SafeDumper, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def format_of(name: str) -> Format:
    return "json" if name.lower().endswith(".json") else "yaml"


def read_data(text: str, fmt: Format, *, source: str = "") -> Any:
    """Parse YAML or JSON text; a syntax error names the line and column."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise PressdraftError(
            Problem(Location(file=source), "file is larger than {limit} bytes", {"limit": str(MAX_FILE_BYTES)})
        )
    try:
        if fmt == "json":
            data = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_not_finite)
        else:
            data = _load_yaml(text)
    except json.JSONDecodeError as error:
        message = f"not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        message = f"not valid YAML{where}: {error.problem or error.context}"
    except yaml.YAMLError as error:
        message = f"not valid YAML: {error}"
    except RecursionError:
        message = "nested too deeply"
    else:
        refused = _refused_numbers(data, source)
        if refused:
            raise PressdraftError(refused)
        return data
    raise PressdraftError(Problem(Location(file=source), "{message}", {"message": message}))


def dump_data(data: Any, fmt: Format) -> str:
    """Canonical text for plain data (dicts keep their order)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
