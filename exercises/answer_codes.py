"""Answer codes: a group's choices in one exercise as at most 12 characters, for the presenter screen.

A group plays an exercise on its own device and reads the code (or its QR code) out to the
facilitator, whose browser turns it back into the same choices. Nothing but the choices travels:
free text (grid cells, reflections, next steps) is never part of a code, so a code cannot carry a
citizen's details.

Layout, in Crockford base-32 symbols (no I, L, O or U, so a code reads aloud without doubt)::

    [exercise 8 bits + version 7 bits = 3 symbols] [choices, 1–8 symbols] [check symbol]

* *exercise* comes from the exercise id and *version* from the whole definition, so a code made in
  another exercise, or in an older or newer edition of this one, is refused with its own message
  instead of being read as wrong choices.
* the *choices* are one mixed-radix number, one digit per question / item, so the code is as short
  as the answers allow (see :func:`_digits`);
* the *check symbol* catches a mistyped or swapped character.

Why Python and not JavaScript: the same engine that already knows each kind's rules (the tree's
branching, the zones, the grid's cells) checks and reads codes, on CPython in the tests and in
Pyodide in the browser, so the format has one implementation.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .models import HORIZONS, SIDES, ZONES, Exercise
from .sheets import grid_cell_key

FORMAT = 1
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Letters people write for a digit that looks the same (Crockford's rule).
LOOKALIKES = {"O": "0", "I": "1", "L": "1"}
MAX_LENGTH = 12
HEADER = 3  # symbols: 8 bits exercise + 7 bits version
MIN_LENGTH = HEADER + 2  # at least one symbol of choices and the check symbol
ZONE_KEYS = tuple(ZONES)


class CodeError(ValueError):
    """A code that cannot be made or read; the message is plain Danish for the facilitator."""


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big")


def exercise_check(exercise: Exercise) -> tuple[int, int]:
    """(exercise, version): 8 bits from the id, 7 bits from the canonical definition and the format."""
    canonical = json.dumps(exercise.to_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return _hash("exercise:" + exercise.id) & 0xFF, _hash(f"format-{FORMAT}:" + canonical) & 0x7F


def _check_symbol(body: str) -> str:
    return ALPHABET[_hash("check:" + body) & 0x1F]


def _grid_keys(exercise: Exercise) -> list[str]:
    return [
        grid_cell_key(index, horizon, side)
        for index in range(len(exercise.options))
        for horizon in HORIZONS
        for side in SIDES
    ]


def _check_items(exercise: Exercise) -> list[str]:
    return [item.id for group in exercise.groups for item in group.items]


def _digits(exercise: Exercise, state: dict[str, Any]) -> list[tuple[int, int]]:
    """The choices as (digit, radix) pairs; digit 0 always means "not answered"."""
    if exercise.kind == "decision_tree":
        return _tree_digits(exercise, state.get("choices", []))
    if exercise.kind == "zones":
        placements = state.get("placements", {})
        return [(_zone_digit(placements.get(item.id, "")), len(ZONE_KEYS) + 1) for item in exercise.items]
    if exercise.kind == "choice_grid":
        decision = state.get("decision", "")
        weights = state.get("weights", {})
        digits = [(int(decision) + 1 if decision.isdigit() and int(decision) < len(exercise.options) else 0, len(exercise.options) + 1)]
        return digits + [(_weight_digit(weights.get(key)), 4) for key in _grid_keys(exercise)]
    ticked = set(state.get("ticked", []))
    return [(int(item in ticked), 2) for item in _check_items(exercise)]


def _zone_digit(zone: str) -> int:
    return ZONE_KEYS.index(zone) + 1 if zone in ZONE_KEYS else 0


def _weight_digit(weight: Any) -> int:
    return weight if type(weight) is int and 1 <= weight <= 3 else 0


def _tree_digits(exercise: Exercise, choices: list[int]) -> list[tuple[int, int]]:
    """One digit per question met, in the radix of its options + 1; a path that stops early ends in 0."""
    digits: list[tuple[int, int]] = []
    at = exercise.start
    for number in choices:
        node = exercise.node(at)
        if node is None or not 1 <= number <= len(node.options):
            raise CodeError("Svarene passer ikke til øvelsen. Nulstil øvelsen, og gå den igennem igen.")
        digits.append((number, len(node.options) + 1))
        at = node.options[number - 1].next
    return digits


def _pack(digits: list[tuple[int, int]]) -> int:
    value = 0
    for digit, radix in reversed(digits):
        value = value * radix + digit
    return value


def encode(exercise: Exercise, state: dict[str, Any]) -> str:
    """The answer code for the choices in ``state`` (the page's own saved state for this exercise)."""
    value = _pack(_digits(exercise, state))
    symbols = ""
    while value:
        symbols = ALPHABET[value & 0x1F] + symbols
        value >>= 5
    symbols = symbols or ALPHABET[0]
    ex_bits, version_bits = exercise_check(exercise)
    header = (ex_bits << 7) | version_bits
    body = "".join(ALPHABET[(header >> shift) & 0x1F] for shift in (10, 5, 0)) + symbols
    if len(body) + 1 > MAX_LENGTH:
        raise CodeError(
            "Der er for mange svar til én svarkode (højst 12 tegn). Gå øvelsen igennem uden at gå så mange skridt tilbage."
        )
    return body + _check_symbol(body)


def normalise(text: str) -> str:
    """Upper case without spaces or dashes, look-alike letters read as the digits they resemble."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-–.")
    return "".join(LOOKALIKES.get(ch, ch) for ch in cleaned)


def decode(exercise: Exercise, text: str) -> dict[str, Any]:
    """The choices a code holds, in the page's state shape for the kind; CodeError says why not."""
    code = normalise(text)
    if not code:
        raise CodeError("Skriv gruppens svarkode.")
    bad = next((ch for ch in code if ch not in ALPHABET), None)
    if bad is not None:
        raise CodeError(f"Tegnet «{bad}» findes ikke i svarkoder. Tjek koden igen.")
    if len(code) > MAX_LENGTH:
        raise CodeError(f"Koden er for lang: en svarkode har højst {MAX_LENGTH} tegn, denne har {len(code)}.")
    if len(code) < MIN_LENGTH:
        raise CodeError(f"Koden er for kort: en svarkode har mindst {MIN_LENGTH} tegn.")
    body = code[:-1]
    if _check_symbol(body) != code[-1]:
        raise CodeError("Koden er ikke skrevet rigtigt af: et eller flere tegn passer ikke. Tjek den igen.")
    header = 0
    for ch in body[:HEADER]:
        header = header << 5 | ALPHABET.index(ch)
    ex_bits, version_bits = exercise_check(exercise)
    if header >> 7 != ex_bits:
        raise CodeError("Koden hører til en anden øvelse. Skriv den ind på den øvelse, gruppen lavede den i.")
    if header & 0x7F != version_bits:
        raise CodeError(
            "Koden er lavet i en anden udgave af øvelsen, så svarene kan ikke læses her. "
            "Bed gruppen genindlæse siden og lave en ny kode."
        )
    value = 0
    for ch in body[HEADER:]:
        value = value << 5 | ALPHABET.index(ch)
    return _unpack(exercise, value)


def _unpack(exercise: Exercise, value: int) -> dict[str, Any]:
    wrong = CodeError("Koden passer ikke til øvelsens spørgsmål. Tjek den igen.")
    if exercise.kind == "decision_tree":
        choices: list[int] = []
        at = exercise.start
        while (node := exercise.node(at)) is not None and value:
            value, digit = divmod(value, len(node.options) + 1)
            if digit == 0:
                break
            choices.append(digit)
            at = node.options[digit - 1].next
        if value:
            raise wrong
        return {"choices": choices}
    radices = [radix for _, radix in _digits(exercise, {})]
    digits = []
    for radix in radices:
        value, digit = divmod(value, radix)
        digits.append(digit)
    if value:
        raise wrong
    if exercise.kind == "zones":
        return {"placements": {item.id: ZONE_KEYS[d - 1] for item, d in zip(exercise.items, digits, strict=True) if d}}
    if exercise.kind == "choice_grid":
        weights = {key: d for key, d in zip(_grid_keys(exercise), digits[1:], strict=True) if d}
        return {"decision": str(digits[0] - 1) if digits[0] else "", "weights": weights}
    return {"ticked": [key for key, d in zip(_check_items(exercise), digits, strict=True) if d]}


def read(exercise: Exercise, text: str) -> dict[str, Any]:
    """The engine action: ``{"valid": true, "code", "state"}`` or ``{"valid": false, "message"}``.

    A refused code is an ordinary answer, not an engine failure: the facilitator sees the message.
    """
    try:
        return {"valid": True, "code": normalise(text), "state": decode(exercise, text)}
    except CodeError as exc:
        return {"valid": False, "message": str(exc)}


def make(exercise: Exercise, state: dict[str, Any]) -> dict[str, Any]:
    """The engine action: ``{"code"}`` or ``{"code": null, "message"}`` when the choices do not fit."""
    try:
        return {"code": encode(exercise, state)}
    except CodeError as exc:
        return {"code": None, "message": str(exc)}
