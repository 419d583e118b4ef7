"""The registry of exercise kinds: the only place the validator, runtime and renderer learn them.

Adding a kind is one module here (building a :class:`~exercises.kinds.base.Kind`), one line below,
one partial ``overrides/partials/skp/exercise-<kind>.html`` and one ES module
``overrides/assets/javascripts/exercise-<kind>.mjs`` (see CONTRIBUTING.md).
"""

from __future__ import annotations

from . import checklist, choice_grid, decision_tree, zones
from .base import Kind

# In this order on the exercise overview and in the field reference.
KINDS: dict[str, Kind] = {k.name: k for k in (decision_tree.KIND, zones.KIND, choice_grid.KIND, checklist.KIND)}
