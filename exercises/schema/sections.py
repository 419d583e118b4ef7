"""The schema of the handbook sections (exercises/data/sections.yml) that every source cites."""

from __future__ import annotations

from typing import Any

from .toolkit import Checker


def check_sections(c: Checker, data: Any) -> dict[str, dict[str, str]]:
    if not isinstance(data, dict):
        c.add(1, "sections.yml skal være en samling af afsnit (A-2.3: …)")
        return {}
    return {str(k): dict(v) for k, v in data.items()}
