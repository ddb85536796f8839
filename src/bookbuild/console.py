"""What a build shows on the terminal: a progress bar per book and stage (rich) on a terminal, one
plain line per finished book otherwise, nothing but errors and warnings with --quiet, and a summary
table at the end."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import click


@dataclass
class Row:
    book: str
    status: str  # "built", "up to date", "failed"
    pages: int | None = None
    words: int | None = None
    footnotes: int | None = None
    tables: int | None = None
    flags: int | None = None
    seconds: float | None = None

    @classmethod
    def of(cls, book: str, status: str, record: dict, seconds: float | None = None) -> "Row":
        return cls(book, status, record.get("pages"), record.get("words"), record.get("footnotes"),
                   record.get("tables"), record.get("flags"), seconds)


COLUMNS = ("book", "status", "pages", "words", "footnotes", "tables", "flags", "time")


class Display:
    """Progress while books build, then the summary. Use as a context manager."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.live = not quiet and sys.stdout.isatty()
        self.progress = None
        self.tasks: dict[str, int] = {}
        self.stages: dict[str, int] = {}

    def __enter__(self) -> "Display":
        return self

    def start(self, books: dict[str, int]) -> None:
        """Bars for the books about to build (name -> number of stages), on a terminal."""
        self.stages = books
        if self.live and books:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.progress = Progress(TextColumn("{task.fields[book]:<40.40}"), BarColumn(), MofNCompleteColumn(),
                                     TextColumn("{task.description}"), TimeElapsedColumn())
            self.progress.start()
            for book, stages in books.items():
                self.tasks[book] = self.progress.add_task("waiting", total=stages, book=book)

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def stage(self, book: str, stage: str) -> None:
        if self.progress is not None and book in self.tasks:
            self.progress.update(self.tasks[book], description=stage, advance=1)

    def finished(self, book: str, line: str) -> None:
        if self.progress is not None and book in self.tasks:
            self.progress.update(self.tasks[book], description="done", completed=self.stages[book])
        if not self.quiet:
            self._echo(line)

    def error(self, line: str) -> None:
        self._echo(line, err=True)

    def summary(self, rows: list[Row]) -> None:
        if self.quiet or not rows:
            return
        cells = [[r.book, r.status, *(_number(v) for v in (r.pages, r.words, r.footnotes, r.tables, r.flags)),
                  f"{r.seconds:.1f} s" if r.seconds is not None else "–"] for r in rows]
        if self.live:
            from rich import box
            from rich.console import Console
            from rich.table import Table
            self.__exit__()  # the bars end above the table
            table = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, collapse_padding=True)  # 80 columns
            for i, column in enumerate(COLUMNS):
                table.add_column(column, justify="left" if i < 2 else "right", no_wrap=True,
                                 max_width=20 if i == 0 else None, min_width=6 if column == "time" else None,
                                 overflow="ellipsis")
            for row in cells:
                table.add_row(*row)
            Console().print(table)
            return
        widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(COLUMNS)]
        for row in [list(COLUMNS), *cells]:
            click.echo("  ".join(cell.ljust(width) if i < 2 else cell.rjust(width)
                                 for i, (cell, width) in enumerate(zip(row, widths))).rstrip())

    def _echo(self, line: str, err: bool = False) -> None:
        if self.progress is not None:
            self.progress.console.print(line, markup=False, highlight=False)
        else:
            click.echo(line, err=err)


def _number(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def diff_lines(comparison, colour: bool) -> list[str]:
    """The changes as terminal lines: where each is, then its words, deletions and insertions in red and
    green ([-so-] and {+so+} without colour)."""
    from .proof.diff import KIND_NAMES, shown_words

    lines = []
    for change in comparison.changes:
        where = change.where
        place = " › ".join(p for p in (where.chapter, where.section, where.key) if p)
        spans = [f"{side} {u.lines[0]}" for side, units in (("old", change.old), ("new", change.new))
                 for u in units[:1] if u.lines]
        lines.append(click.style(f"@@ {KIND_NAMES.get(change.kind, change.kind)}: {place}"
                                 + (f" ({', '.join(spans)})" if spans else ""), fg="cyan", bold=True) if colour
                     else f"@@ {KIND_NAMES.get(change.kind, change.kind)}: {place}"
                     + (f" ({', '.join(spans)})" if spans else ""))
        words = []
        for op, text in shown_words(change):
            if op == "=":
                words.append(text)
            elif colour:
                words.append(click.style(text, fg="red" if op == "-" else "green",
                                         strikethrough=op == "-", bold=op == "+"))
            else:
                words.append(f"[-{text}-]" if op == "-" else f"{{+{text}+}}")
        lines.append("   " + " ".join(words))
    return lines
