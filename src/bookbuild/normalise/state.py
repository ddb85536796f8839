"""The state every normalising stage reads and writes: one object, passed down the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..config import BookConfig
from ..diagnostics import Diagnostics
from ..read import SourceLine, TextKind
from ..read.corrections import Correction
from ..read.manuscript import TableData
from .blocks import Block


@dataclass
class BookInfo:
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # lines such as 'Published: ...' or a journal issue
    blurb: list[Block] = field(default_factory=list)
    title_line: int | None = None


@dataclass
class State:
    config: BookConfig
    kind: TextKind
    lines: list[SourceLine | None]  # None: removed as furniture (a page break in a PDF extraction)
    diagnostics: Diagnostics
    blocks: list[Block] = field(default_factory=list)
    contents: list[tuple[int, str]] = field(default_factory=list)  # the source's own contents list
    info: BookInfo = field(default_factory=BookInfo)
    navigation: list[tuple[int, str]] = field(default_factory=list)  # (line, 'on to' target) of nav lines
    page_starts: set[int] = field(default_factory=set)  # source line numbers of lines that begin a page
    site_trailer: set[int] = field(default_factory=set)  # source line numbers of a web dump's flagged trailer
    measure: int = 0  # in a PDF extraction: the length of a full line of text, in characters
    lost_pages: dict[int, int] = field(default_factory=dict)  # in a PDF extraction: line before pages lost -> how many
    chapter_heads: list[tuple[int, str]] = field(default_factory=list)  # (line, chapter named) of running heads removed
    lost_titles: dict[int, str] = field(default_factory=dict)  # first line after a chapter's lost opening -> its title
    figures_as_text: list[tuple[int, int]] = field(default_factory=list)  # first and last lines of a table's figures no table took
    tree: etree._Element | None = None
    table_data: dict[str, TableData] = field(default_factory=dict)  # the manuscript's tables/*.csv, by number
    corrections: list[Correction] = field(default_factory=list)  # a proofreader's, from corrections.toml

    def remove_line(self, index: int, code: str) -> None:
        """Drop one source line as furniture, logging its text so that no word is lost silently."""
        line = self.lines[index]
        if line is None:
            return
        if line.text.strip():
            self.diagnostics.add(code, line.number, line.text.strip())
        self.lines[index] = None
