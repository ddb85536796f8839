"""The working unit of the normaliser: a Block of source text with its line numbers and what it is."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """A run of text from the source.

    kind is what the normaliser decided the block is (para, heading, verse, quote, ...); lines are
    the block's text lines (one for a paragraph, several for verse, dialogue or lists); first and
    last are the source line numbers it came from; lost_before counts lines lost just before it.
    """

    lines: list[str]
    first: int
    last: int
    kind: str = "para"
    lost_before: int = 0
    level: int = 0  # of a heading: 0 a division, 1 a section, 2 a section within a section
    label: str | None = None
    division: str | None = None  # for headings that open a division: preface, chapter, appendix
    restored: bool = False
    subtitle: str | None = None
    attribution: str | None = None
    notes: list[str] = field(default_factory=list)  # remarks for proofreaders attached to this block
    table: object | None = None  # a tables.TableGrid for kind 'table'
    source_lines: list[str] | None = None  # a heading's lines as the source has them (number, title)

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def source_range(self) -> str:
        return f"{self.first}" if self.first == self.last else f"{self.first}-{self.last}"
