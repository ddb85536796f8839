"""Flattened footnotes (not yet restored; see the footnotes issue)."""

from __future__ import annotations

from .state import State


def restore_footnotes(state: State) -> None:
    return None
