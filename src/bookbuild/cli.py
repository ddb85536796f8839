"""The command line: a thin layer over build.py. Errors print as one line and exit non-zero."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict
from pathlib import Path

import click

from .build import Product, find_manuscripts
from .console import Display, Row
from .errors import BookbuildError
from .proof.check import check_folder, check_sums, pdf_fonts
from .publish import check_writable
from .release import book_slug, inputs_digest, publish_product, source_bytes, up_to_date, write_manifest
from .render import FORMATS
from .schedule import Task, run_dask, run_local, run_serial


@click.group()
@click.version_option(package_name="bookbuild")
def main() -> None:
    """bookbuild: raw manuscripts to DocBook 5 (and EPUB and PDF)."""


class FormatChoice(click.Choice):
    """A format, or several separated by commas ('xml,epub'); the option may also be given again."""

    def convert(self, value, param, ctx):
        formats = tuple(f.strip() for f in value.split(",") if f.strip())
        for f in formats:
            if f not in self.choices:  # one line, as every other error, not click's usage screen
                _fail(BookbuildError(f"unknown format '{f}'; choose from {', '.join(self.choices)}"))
        if not formats:
            _fail(BookbuildError(f"no format given; use --format {','.join(self.choices)}"))
        return formats


@main.command(short_help="Build every manuscript, or the one at PATH.")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("dist"), type=click.Path(path_type=Path), show_default=True,
              help="Folder for the results.")
@click.option("--format", "formats", type=FormatChoice(FORMATS), multiple=True, metavar="FORMAT",
              help=f"A format to build, from: {', '.join(FORMATS)} (repeat it, or separate by commas; "
                   "default: all).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the cores",
              help="Books built at once, each in a process of its own.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the books' build tasks on this Dask cluster (tcp://host:8786) instead of locally.")
@click.option("--force", is_flag=True, help="Rebuild books that are up to date.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and warnings.")
def build(path: Path | None, out: Path, formats: tuple[tuple[str, ...], ...], jobs: int, scheduler: str | None,
          force: bool, quiet: bool) -> None:
    """Build every manuscript under manuscript/, or the one at PATH (a folder or a .txt file).

    A book whose inputs (its manuscript folder, bookbuild's code, templates and styles, the formats)
    have not changed since its last build into --out, and whose outputs are intact, is not rebuilt."""
    chosen = tuple(dict.fromkeys(f for group in formats for f in group)) or FORMATS
    try:
        targets = [path] if path is not None else find_manuscripts(Path("manuscript"))
        check_writable(out)
    except BookbuildError as exc:
        _fail(exc)
    with Display(quiet) as display:
        tasks, rows, digests = _plan(targets, chosen, out, force, display)
        display.start({task.book: 3 + len(chosen) for task in tasks})  # read, normalise, each format, report
        tasks.sort(key=lambda task: -source_bytes(task.path))  # the longest first: the last to finish is short
        try:
            if scheduler:
                outcomes = run_dask(tasks, scheduler, display.stage)
            elif jobs == 1 or len(tasks) <= 1:
                outcomes = run_serial(tasks, display.stage)
            else:
                outcomes = run_local(tasks, min(jobs, len(tasks)), display.stage)
            for task, outcome in outcomes:
                rows.append(_publish(task, outcome, out, digests[task.book], display))
        except BookbuildError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            display.__exit__()
            _fail(BookbuildError("interrupted; the books not yet built keep their previous release", out, exit_code=130))
        if any(row.status != "failed" for row in rows):
            write_manifest(out)
            display.summary(sorted(rows, key=lambda row: list(digests).index(row.book) if row.book in digests else 0))
    failed = len(targets) - sum(row.status != "failed" for row in rows)
    if failed:
        click.echo(f"{failed} of {len(targets)} book(s) failed", err=True)
        sys.exit(1)


def _plan(targets: list[Path], formats: tuple[str, ...], out: Path, force: bool,
          display: Display) -> tuple[list[Task], list[Row], dict[str, str]]:
    """The books to build, the rows of those up to date, and each book's inputs digest."""
    tasks, rows, digests = [], [], {}
    for target in targets:
        try:
            slug = book_slug(target)
            digests[slug] = inputs_digest(target, formats)
        except BookbuildError as exc:
            display.error(f"error: {exc}")
            continue
        record = None if force else up_to_date(out, slug, digests[slug])
        if record is None:
            tasks.append(Task(slug, target, formats))
        else:
            rows.append(Row.of(slug, "up to date", record))
            display.finished(slug, f"up to date {slug}")
    return tasks, rows, digests


def _publish(task: Task, outcome: Product | BaseException, out: Path, digest: str, display: Display) -> Row:
    """A book's outcome: its outputs published, or its error reported."""
    if not isinstance(outcome, BaseException):
        try:
            written = publish_product(out, task.path, outcome, task.formats, digest)
        except BookbuildError as exc:
            outcome = exc
    if isinstance(outcome, BaseException):
        display.error(_error_line(task.path, outcome))
        return Row(task.book, "failed")
    for warning in outcome.warnings:
        display.error(f"warning: {outcome.slug}: {warning}")
    display.finished(task.book, f"built {outcome.slug}: {', '.join(p.name for p in written)} "
                                f"({outcome.facts.flags} flags)")
    return Row.of(task.book, "built", asdict(outcome.facts), outcome.seconds)


@main.command(short_help="Show what changed between two versions of a book.")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", required=False, type=click.Path(path_type=Path))
@click.option("--rev", metavar="REV", help="Take OLD as git has it at this revision (a tag, a commit); "
                                           "NEW is then OLD as it stands, unless given.")
@click.option("--chapter", metavar="N", help="Compare only chapter N (its label, or its place) of each version; "
                                             "a version with no chapters is taken whole.")
@click.option("--html", "html", type=click.Path(path_type=Path), help="Also write the report as one HTML file.")
def diff(old: Path, new: Path | None, rev: str | None, chapter: str | None, html: Path | None) -> None:
    """Compare two versions of a book (each a manuscript folder or .txt file, or a built .xml) by their
    normalised text: re-wrapping, furniture and typography are not changes. Paragraphs moved, split or
    joined are one change each; changed paragraphs are shown word by word; headings, footnotes and table
    cells are compared too. Honours NO_COLOR."""
    from .proof.diff import compare, summary
    from .proof.reading import in_chapter
    from .proof.versions import load_version
    from .console import diff_lines

    if new is None and rev is None:
        _fail(BookbuildError("give two versions, or one with --rev REV (that version at a git revision)"))
    try:
        before = load_version(old, rev)
        after = load_version(new or old)
        if chapter is not None:
            for version in (before, after):
                try:
                    version.units = in_chapter(version.units, chapter)
                except LookupError:
                    raise BookbuildError(f"no chapter {chapter} in this version", version.label) from None
        comparison = compare(before.units, after.units)
        if html is not None:
            from .render.proofpages import diff_html
            from .release import write_atomically
            write_atomically(html, diff_html(comparison, before, after).encode())
    except BookbuildError as exc:
        _fail(exc)
    colour = "NO_COLOR" not in os.environ and sys.stdout.isatty()
    for line in diff_lines(comparison, colour):
        click.echo(line, color=colour)
    click.echo(summary(comparison))


@main.command(short_help="Write a book's proof queue (HTML and JSON).")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("proof"), type=click.Path(path_type=Path), show_default=True,
              help="Folder for <slug>.proof.html and <slug>.proof.json.")
def proof(path: Path, out: Path) -> None:
    """List everything the build flags in the book at PATH (lost lines, calls without notes, lost table
    cells, garbled text, truncated paragraphs, inferred headings, corrections applied), in reading order,
    each with the book's text there and the source lines around it."""
    import json

    from .normalise import normalise
    from .proof.queue import proof_items
    from .proof.reading import reading_units
    from .read.manuscript import read_manuscript
    from .release import write_atomically
    from .render.proofpages import queue_html

    try:
        manuscript = read_manuscript(path)
        tree, state = normalise(manuscript.lines, manuscript.config, manuscript.table_data, manuscript.corrections)
        items = proof_items(reading_units(tree), state.diagnostics, [line.text for line in manuscript.lines])
        check_writable(out)
        slug = manuscript.config.slug
        title = manuscript.config.title or slug
        write_atomically(out / f"{slug}.proof.json", (json.dumps(
            {"book": slug, "items": [item.to_json() for item in items]}, ensure_ascii=False, indent=1) + "\n").encode())
        write_atomically(out / f"{slug}.proof.html", queue_html(items, title).encode())
    except BookbuildError as exc:
        _fail(exc)
    click.echo(f"{len(items)} place(s) to check: {out / (slug + '.proof.html')}")


def _error_line(target: Path, exc: BaseException) -> str:
    if isinstance(exc, BookbuildError):
        return f"error: {exc}"
    if os.environ.get("BOOKBUILD_DEBUG"):
        raise exc
    return (f"error: {target}: internal error ({type(exc).__name__}: {exc}); "
            "please report it (BOOKBUILD_DEBUG=1 shows the traceback)")


@main.command(short_help="Validate a release: checksums, jing, EPUBCheck, pdfinfo.")
@click.argument("folder", required=False, type=click.Path(path_type=Path), default=Path("dist"))
def check(folder: Path) -> None:
    """Validate built books (FOLDER: dist/ or dist/<slug>/): every file against the checksums it was
    released with, jing on each XML, EPUBCheck on each EPUB, pdfinfo on each PDF."""
    release = (folder / "SHA256SUMS").is_file()
    folders = [folder] if not release and (any(folder.glob("*.xml")) or any(folder.glob("*.epub"))) else \
        sorted(p for p in folder.glob("*/") if p.is_dir() and not p.name.startswith("."))
    if not folders:
        _fail(BookbuildError("nothing built here; run bookbuild build first", folder))
    problems = check_sums(folder) if release else []
    if problems:
        click.echo(f"checked {folder / 'SHA256SUMS'}: {len(problems)} problem(s)")
    for book in folders:
        try:
            found = check_folder(book)
        except RuntimeError as exc:
            _fail(BookbuildError(str(exc)))
        problems += found
        click.echo(f"checked {book}: {'ok' if not found else f'{len(found)} problem(s)'}")
        for pdf in sorted(book.glob("*.pdf")):
            click.echo(f"  {pdf.name}: fonts {', '.join(sorted({name for name, _ in pdf_fonts(pdf)})) or 'none'}")
    for problem in dict.fromkeys(problems):  # a file the book's record and SHA256SUMS both list: once
        click.echo(problem, err=True)
    sys.exit(1 if problems else 0)


def _fail(exc: BookbuildError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)
