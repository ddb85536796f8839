"""Errors that stop a build: each carries the file, the line and what to do, and prints as one line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class BookbuildError(Exception):
    """A problem with the input that the user must fix. Never a bug in bookbuild."""

    message: str
    path: Path | str | None = None
    line: int | None = None
    exit_code: int = 2

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"

    def __reduce__(self):  # travels from a worker process or a Dask worker back to the command line
        return BookbuildError, (self.message, self.path, self.line, self.exit_code)
