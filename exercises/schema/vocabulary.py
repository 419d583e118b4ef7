"""The schema of the vocabulary (exercises/data/vocabulary.yml): the values filters and fields may use."""

from __future__ import annotations

from typing import Any

from .toolkit import Checker

VOCABULARY_KEYS = ("handbooks", "phases", "maalgrupper", "henvisere", "themes", "audiences")


def check_vocabulary(c: Checker, data: Any) -> dict[str, dict[str, str]]:
    if not c.mapping(data, VOCABULARY_KEYS, (), "ordforrådet"):
        return {}
    result = {}
    for key in VOCABULARY_KEYS:
        entries = data[key]
        if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
            c.add(c.line(data, key), f"'{key}' skal være en samling af nøgle: Dansk betegnelse")
            continue
        result[key] = dict(entries)
    return result
