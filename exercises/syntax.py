"""YAML syntax errors explained in Danish, at the line an author has to change.

PyYAML reports where its parser gave up (often the line *after* the mistake) in parser terms such
as ``expected <block end>, but found '<block mapping start>'``. Authors need the line to edit and
what to do, so this module re-reads the indentation itself and translates the common problems.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import yaml

_KEY = re.compile(r"""^(?:[^"'\s#][^:#]*|"[^"]*"|'[^']*'):(?:\s|$)""")
_BLOCK_SCALAR = re.compile(r":\s*[|>][-+]?\s*(?:#.*)?$")


@dataclass(frozen=True)
class Level:
    """An indentation that later lines may line up with, and the line that set it."""

    indent: int
    line: int
    dash: bool  # a list item ("- ") rather than a key


def _content(raw: str) -> str:
    """The line without a trailing comment (a '#' after a space, outside quotes)."""
    quote = ""
    for index, char in enumerate(raw):
        if char in "\"'" and not quote:
            quote = char
        elif char == quote:
            quote = ""
        elif char == "#" and not quote and (index == 0 or raw[index - 1] == " "):
            return raw[:index].rstrip()
    return raw.rstrip()


def _places(n: int) -> str:
    return "én plads" if n == 1 else f"{n} pladser"


def indentation_problems(text: str) -> list[tuple[int, str]]:
    """Lines whose indentation lines up with nothing above them: (line, Danish message).

    A line may go deeper only under a line that opens a block (``key:`` or ``-``); otherwise it has
    to line up with a line above it. Block scalars (``|``/``>``) and quoted or bracketed values over
    several lines are skipped.
    """
    problems: list[tuple[int, str]] = []
    step = _usual_step(text)
    content_lines = [(n, len(row) - len(row.lstrip(" "))) for n, row in enumerate(text.splitlines(), 1) if row.strip() and not row.lstrip().startswith("#")]
    next_indent = {a[0]: b[1] for a, b in pairwise(content_lines)}
    key_indents: dict[str, set[int]] = {}
    for line in text.splitlines():
        match = _KEY.match(line.strip().removeprefix("- "))
        if match:
            key_indents.setdefault(match.group(0).rstrip(": "), set()).add(len(line) - len(line.lstrip(" ")) + (2 if line.strip().startswith("- ") else 0))
    stack: list[Level] = []
    opens = False
    block: _Block | None = None  # the text block (key: |) the lines belong to, if any
    pending = _Pending()
    for number, raw in enumerate(text.splitlines(), start=1):
        content = _content(raw)
        if not content.strip() or content.lstrip().startswith("#"):
            continue
        indent = len(content) - len(content.lstrip(" "))
        if block is not None and indent > block.key_indent:
            problem = block.check(number, indent, content.strip(), step)
            if problem is _INSIDE:
                continue
            if problem:
                problems.append(problem)
                continue
        block = None
        if pending.open:
            pending.feed(content)
            continue
        stripped = content.strip()
        dash = stripped == "-" or stripped.startswith("- ")
        child = opens and (not stack or indent > stack[-1].indent or (dash and indent == stack[-1].indent))
        if child and stack and indent > stack[-1].indent and indent - stack[-1].indent != step:
            parent = stack[-1]
            way = "for langt ind" if indent - parent.indent > step else "for lidt ind"
            problems.append(
                (number, f"linje {number} er rykket {_places(abs(indent - parent.indent - step))} {way} – ret den, så den står {_places(step)} længere inde end linje {parent.line}")
            )
            indent = parent.indent + step
        elif stack and not child and (
            indent not in {lv.indent for lv in stack} or _dash_among_keys(stack, indent, dash) or _key_among_dashes(stack, indent, dash)
        ):
            target = _likely_level(stack, indent, dash, stripped, next_indent.get(number), step, key_indents)
            way = "for langt ind" if indent > target.indent else "for lidt ind"
            problems.append(
                (number, f"linje {number} er rykket {_places(abs(indent - target.indent))} {way} – ret den, så den står under linje {target.line}")
            )
            indent = target.indent
        while stack and stack[-1].indent >= indent:
            stack.pop()
        stack.append(Level(indent, number, dash))
        body = (stripped[1:].lstrip() if dash else stripped)
        if dash and body and _KEY.match(body):
            stack.append(Level(indent + len(stripped) - len(body), number, False))
        opens = not body or body.endswith(":")
        if _BLOCK_SCALAR.search(content):
            block = _Block(stack[-1].indent, number)
        else:
            pending.feed(body.split(": ", 1)[1] if _KEY.match(body) and ": " in body else body)
    return problems


_SCHEMA_KEY = re.compile(r"^[a-z0-9_-]+:(?:\s|$)")
_INSIDE = (0, "")  # marker: the line is ordinary text inside the block


class _Block:
    """A text block (``key: |``): every line must stand at least as far in as its first line."""

    def __init__(self, key_indent: int, key_line: int) -> None:
        self.key_indent, self.key_line = key_indent, key_line
        self.indent: int | None = None
        self.first = 0

    def check(self, number: int, indent: int, stripped: str, step: int) -> tuple[int, str] | None:
        """_INSIDE for a text line, a problem for a misplaced one, None when the block has ended."""
        if self.indent is None:
            self.indent, self.first = indent, number
            return _INSIDE
        if indent >= self.indent:
            return _INSIDE
        if _SCHEMA_KEY.match(stripped):
            return None  # the next key, placed wrongly; the ordinary rules name it
        if self.indent != self.key_indent + step:
            way = "for langt ind" if self.indent > self.key_indent + step else "for lidt ind"
            message = (
                f"linje {self.first} er rykket {_places(abs(self.indent - self.key_indent - step))} {way} – "
                f"ret den, så den står {_places(step)} længere inde end linje {self.key_line}"
            )
            return self.first, message
        return (number, f"linje {number} er rykket {_places(self.indent - indent)} for lidt ind – ret den, så den står under linje {self.first}")


def misplaced_parent(text: str, line: int) -> tuple[int, str] | None:
    """A key "twice" because the line above it was moved in: that line is the one to change.

    ``hvad-skriver-du:`` moved in under the previous question makes its own ``question:`` a second
    one there; the parser blames the second ``question``, the author must move ``hvad-skriver-du``.
    """
    lines = text.splitlines()

    def indent(n: int) -> int:
        return len(lines[n - 1]) - len(lines[n - 1].lstrip(" "))

    content = [n for n in range(1, line) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")]
    if not content:
        return None
    above = content[-1]
    if not _content(lines[above - 1]).endswith(":") or indent(above) != indent(line):
        return None
    step = _usual_step(text)
    target = next((n for n in reversed(content[:-1]) if indent(n) == indent(line) - step), None)
    if target is None:
        return None
    return above, f"linje {above} er rykket {_places(indent(above) - indent(target))} for langt ind – ret den, så den står under linje {target}"


def _dash_among_keys(stack: list[Level], indent: int, dash: bool) -> bool:
    """A new list item ("- ") lined up with the keys inside the item above instead of with its "- "."""
    same = [lv for lv in stack if lv.indent == indent]
    return dash and bool(same) and all(not lv.dash for lv in same) and any(lv.dash and lv.indent + 2 == indent for lv in stack)


def _key_among_dashes(stack: list[Level], indent: int, dash: bool) -> bool:
    """A key lined up with the "- " of the list above it: the list has to end first, so the key is misplaced."""
    same = [lv for lv in stack if lv.indent == indent]
    return not dash and bool(same) and all(lv.dash for lv in same)


def _likely_level(
    stack: list[Level], indent: int, dash: bool, stripped: str, following: int | None, step: int, key_indents: dict[str, set[int]]
) -> Level:
    """Which line above a misplaced line was meant to line up with.

    A line that opens a block belongs one step above its first child; a key belongs where the same
    key stands elsewhere in the file; otherwise the nearest indentation of the same sort wins.
    """
    candidates = [lv for lv in stack if not (dash and lv.indent == indent and not lv.dash)] or stack
    nearest = sorted(candidates, key=lambda lv: (abs(lv.indent - indent), lv.dash != dash, -lv.indent))
    close = [lv for lv in nearest if abs(lv.indent - indent) == abs(nearest[0].indent - indent)]
    if stripped.endswith(":") and following is not None:
        close = [lv for lv in close if following - lv.indent == step] or close
    match = _KEY.match(stripped.removeprefix("- "))
    if match and len(close) > 1:
        known = key_indents.get(match.group(0).rstrip(": "), set())
        close = [lv for lv in close if lv.indent + (2 if dash else 0) in known] or close
    return close[0]


def _usual_step(text: str) -> int:
    """How far this file indents a child under ``key:`` or ``key: |`` (2 in every shipped file)."""
    lines = [_content(row) for row in text.splitlines() if row.strip() and not row.lstrip().startswith("#")]
    indents = [len(row) - len(row.lstrip(" ")) for row in lines]
    steps = Counter(
        b - a for a, b, above in zip(indents, indents[1:], lines, strict=False) if b > a and (above.endswith(":") or _BLOCK_SCALAR.search(above))
    )
    return max(steps, key=lambda delta: (steps[delta], delta == 2, -delta)) if steps else 2


class _Pending:
    """Tracks a quoted or bracketed value that goes on past its line (a rough count is enough)."""

    def __init__(self) -> None:
        self.quote = False
        self.depth = 0

    @property
    def open(self) -> bool:
        return self.quote or self.depth > 0

    def feed(self, value: str) -> None:
        if self.quote or value.lstrip().startswith('"'):
            if value.replace('\\"', "").count('"') % 2 == 1:
                self.quote = not self.quote
            return
        if self.depth or value.lstrip().startswith(("[", "{")):
            self.depth += value.count("[") + value.count("{") - value.count("]") - value.count("}")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line to change and a Danish message for a YAML syntax error."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    context_line = exc.context_mark.line + 1 if exc.context_mark else None
    problem = exc.problem or ""
    lines = text.splitlines()
    if "found character '\\t'" in problem:
        return line, "der står et tabulatortegn – ryk ind med mellemrum i stedet"
    if "while scanning a quoted scalar" in (exc.context or "") and context_line:
        return context_line, "anførselstegnet på denne linje bliver aldrig lukket – sæt \" i slutningen af teksten"
    if "flow sequence" in (exc.context or "") or "flow mapping" in (exc.context or ""):
        return context_line or line, (
            "listen i [ ] på denne linje kan ikke læses – luk den med ], og sæt tekst med ?, : eller komma "
            "i anførselstegn (eller skriv listen med '- ' på hver sin linje)"
        )
    # The line to change can stand just above where the parser's context starts (a key moved in).
    first = max(1, (context_line if context_line and context_line <= line else line) - 3)
    near = [p for p in indentation_problems(text) if first <= p[0] <= line]
    if near:
        return near[-1]
    if "could not find expected ':'" in problem and context_line:
        return context_line, "der mangler et kolon efter nøglen på denne linje (fx «title: Min titel»)"
    if "mapping values are not allowed" in problem and mark:
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if ": " in before or before.lstrip().startswith("- ") and ": " in before[before.index("- ") + 2 :]:
            return line, "teksten på denne linje indeholder et kolon – sæt hele teksten i anførselstegn (\"…\")"
        previous = next((n for n in range(mark.line, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), line)
        return previous, "der mangler et kolon efter nøglen på denne linje (fx «question: Hvad gør du?»)"
    if "but found '<scalar>'" in problem:
        return line, "der står tekst efter et lukket anførselstegn – sæt hele teksten i anførselstegn, eller fjern det ekstra"
    return line, "filen kan ikke læses her – tjek indrykning, kolon og anførselstegn på denne linje og linjen før"
