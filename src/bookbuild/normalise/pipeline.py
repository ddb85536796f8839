"""The normaliser's ordered list of stages, and the function that runs them.

Line stages, then block stages, then the tree is built, then tree stages. Tests pin the order.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from ..config import BookConfig
from ..diagnostics import Diagnostics
from ..model.docbook import build_tree
from ..read import SourceLine, TextKind, recognise_kind
from . import footnotes, tables
from .front import read_front_matter, remove_contents_list
from .furniture import remove_page_furniture, remove_site_furniture
from .garbled import remove_garbled_text
from .paragraphs import group_lines
from .state import State
from .structure import recognise_structure
from .typography import apply_typography


def _build(state: State) -> None:
    state.tree = build_tree(state)


Stage = Callable[[State], None]
PIPELINE: list[tuple[str, Stage]] = [
    ("site-furniture", remove_site_furniture),
    ("page-furniture", remove_page_furniture),
    ("paragraphs", group_lines),
    ("front-matter", read_front_matter),
    ("contents", remove_contents_list),
    ("tables", tables.restore_tables),
    ("garbled", remove_garbled_text),
    ("structure", recognise_structure),
    ("tree", _build),
    ("footnotes", footnotes.restore_footnotes),
    ("typography", apply_typography),
]


def normalise(lines: list[SourceLine], config: BookConfig) -> tuple[etree._Element, State]:
    """Raw source lines to the DocBook tree; the state keeps the diagnostics for the report."""
    kind = TextKind(config.kind) if config.kind else recognise_kind(lines)
    state = State(config=config, kind=kind, lines=list(lines), diagnostics=Diagnostics())
    for _name, stage in PIPELINE:
        stage(state)
    return state.tree, state
