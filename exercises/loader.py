"""Build-time loading of the YAML data files, keeping line numbers for error messages.

Only the build, the tests and the CLI import this module (it needs PyYAML); the browser gets JSON
made from the validated models and never sees YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .syntax import explain, misplaced_parent


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings and sequences carry line numbers."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"nøglen '{key}' står to gange", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path, display: str) -> tuple[Any, list[DataError]]:
    """Parse one YAML file; a syntax error becomes a DataError with the line the parser stopped at."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [DataError(display, 1, "filen er ikke gemt som UTF-8 – gem den igen som UTF-8")]
    try:
        return yaml.load(text, Loader=_LineLoader), []
    except yaml.MarkedYAMLError as exc:
        if isinstance(exc, yaml.constructor.ConstructorError) and exc.problem and "står to gange" in exc.problem:
            line = exc.problem_mark.line + 1 if exc.problem_mark else 1
            line, message = misplaced_parent(text, line) or (line, f"{exc.problem} – slet den ene, eller giv den et andet navn")
        else:
            line, message = explain(exc, text)
        return None, [DataError(display, line, message)]
