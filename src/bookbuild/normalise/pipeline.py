"""The normaliser's rules in the order they run, and the function that runs a book's chain.

Line rules, then block rules, then the tree is built, then tree rules. Tests pin the order.
"""

from __future__ import annotations

from lxml import etree

from ..config import BookConfig
from ..diagnostics import Diagnostics
from ..read import SourceLine, TextKind, recognise_kind
from ..read.corrections import Correction
from ..read.manuscript import TableData
from . import footnotes, tables
from .corrections import apply_corrections
from .characters import read_page_breaks, remove_stray_characters
from .front import read_front_matter, remove_contents_list
from .furniture import flag_site_trailer, remove_boilerplate, remove_navigation, remove_site_tag, remove_title_blocks
from .garbled import remove_garbled_text
from .pages import remove_page_furniture
from .paragraphs import group_lines
from .rules import BOTH, PDF, WEB, Rule, Ruler
from .state import State
from .structure import (flag_gaps, recase_capital_titles, recognise_structure, restore_chapters_from_navigation,
                        restore_headings_from_bylines, restore_lost_titles, restore_skipped_chapters)
from .tree import build_tree, mark_empty_headings
from .typography import apply_typography


def build_docbook(state: State) -> None:
    """The DocBook tree from the recognised blocks."""
    state.tree = build_tree(state)


RULES = Ruler([
    # lines
    Rule("stray-characters", remove_stray_characters),
    Rule("page-breaks", read_page_breaks),
    Rule("site-tag", remove_site_tag, WEB, opt_in=True),
    Rule("boilerplate", remove_boilerplate),
    Rule("site-trailer", flag_site_trailer, WEB),
    Rule("page-furniture", remove_page_furniture, PDF),
    Rule("navigation", remove_navigation, BOTH, opt_in=True),
    Rule("title-blocks", remove_title_blocks, PDF),
    # blocks
    Rule("paragraphs", group_lines),
    Rule("front-matter", read_front_matter, WEB),
    Rule("contents", remove_contents_list, WEB),
    Rule("tables", tables.restore_tables),
    Rule("garbled", remove_garbled_text),
    Rule("structure", recognise_structure),
    Rule("restore-headings-from-bylines", restore_headings_from_bylines, WEB, opt_in=True),
    Rule("restore-chapters-from-navigation", restore_chapters_from_navigation, PDF, opt_in=True),
    Rule("restore-titles-from-running-heads", restore_lost_titles, PDF),
    Rule("restore-skipped-chapters", restore_skipped_chapters, PDF),
    Rule("gaps", flag_gaps),
    Rule("title-case", recase_capital_titles),
    # the tree
    Rule("tree", build_docbook),
    Rule("footnotes", footnotes.restore_footnotes),
    Rule("empty-headings", mark_empty_headings),
    Rule("typography", apply_typography),
    Rule("corrections", apply_corrections),
])


def normalise(lines: list[SourceLine], config: BookConfig, table_data: dict[str, TableData] | None = None,
              corrections: list[Correction] | None = None) -> tuple[etree._Element, State]:
    """Raw source lines (with the manuscript's table data and a proofreader's corrections) to the
    DocBook tree; the state keeps the diagnostics for the report."""
    kind = TextKind(config.kind) if config.kind else recognise_kind(lines)
    state = State(config=config, kind=kind, lines=list(lines), diagnostics=Diagnostics(),
                  table_data=dict(table_data or {}), corrections=list(corrections or []))
    for rule in RULES.chain(kind, config.rules.enable, config.rules.disable):
        rule.run(state)
    return state.tree, state
