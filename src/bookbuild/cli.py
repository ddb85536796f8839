"""The command line: a thin layer over build.py. Errors print as one line and exit non-zero."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .build import FORMATS, build_book, find_manuscripts, parse_formats
from .errors import BookbuildError
from .proof.check import check_folder
from .publish import check_writable


@click.group()
@click.version_option(package_name="bookbuild")
def main() -> None:
    """bookbuild: raw manuscripts to DocBook 5 (and EPUB and PDF)."""


@main.command(short_help="Build every manuscript, or the one at PATH.")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--out", "out", default=Path("dist"), type=click.Path(path_type=Path), show_default=True,
              help="Folder for the results.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True,
              metavar="FORMATS", help=f"Comma-separated formats to build, from: {', '.join(FORMATS)}.")
def build(path: Path | None, out: Path, formats: str) -> None:
    """Build every manuscript under manuscript/, or the one at PATH (a folder or a .txt file)."""
    try:
        chosen = parse_formats(formats)
        targets = [path] if path is not None else find_manuscripts(Path("manuscript"))
        check_writable(out)
    except BookbuildError as exc:
        _fail(exc)
    failed = 0
    for target in targets:
        try:
            result = build_book(target, out, chosen)
        except BookbuildError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        except Exception as exc:  # a bug in bookbuild, not bad input: one line, and how to see more
            if os.environ.get("BOOKBUILD_DEBUG"):
                raise
            click.echo(f"error: {target}: internal error ({type(exc).__name__}: {exc}); "
                       "please report it (BOOKBUILD_DEBUG=1 shows the traceback)", err=True)
            failed += 1
            continue
        for warning in result.warnings:
            click.echo(f"warning: {result.slug}: {warning}", err=True)
        click.echo(f"built {result.slug}: {', '.join(p.name for p in result.outputs)} ({result.flags} flags)")
    if failed:
        click.echo(f"{failed} of {len(targets)} book(s) failed", err=True)
        sys.exit(1)


@main.command(short_help="Validate built books with jing and EPUBCheck.")
@click.argument("folder", required=False, type=click.Path(path_type=Path), default=Path("dist"))
def check(folder: Path) -> None:
    """Validate built books: jing on each XML, EPUBCheck on each EPUB (FOLDER: dist/ or dist/<slug>/)."""
    folders = [folder] if any(folder.glob("*.xml")) or any(folder.glob("*.epub")) else \
        sorted(p for p in folder.glob("*/") if p.is_dir())
    if not folders:
        _fail(BookbuildError("nothing built here; run bookbuild build first", folder))
    problems = []
    for book in folders:
        try:
            found = check_folder(book)
        except RuntimeError as exc:
            _fail(BookbuildError(str(exc)))
        problems += found
        click.echo(f"checked {book}: {'ok' if not found else f'{len(found)} problem(s)'}")
    for problem in problems:
        click.echo(problem, err=True)
    sys.exit(1 if problems else 0)


def _fail(exc: BookbuildError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)
