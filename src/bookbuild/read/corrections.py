"""A proofreader's corrections: corrections.toml in the manuscript folder, read and checked here,
applied by the normaliser (normalise/corrections.py) on every build.

    [[correction]]
    find = "says somthing"         # the text as the book has it (after typography: curly quotes)
    replace = "says something"     # what it should read
    line = 1234                    # optional: the source line, where the text occurs more than once
    note = "a typo in the source"  # optional
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import BookbuildError

FILE = "corrections.toml"
KEYS = {"find": str, "replace": str, "line": int, "note": str}


@dataclass(frozen=True)
class Correction:
    number: int  # its place in the file, from 1
    find: str
    replace: str
    line: int | None = None
    note: str | None = None
    path: Path | None = None  # where it is written, for messages
    at: int | None = None  # the line of its [[correction]] in the file

    def fail(self, problem: str) -> BookbuildError:
        return BookbuildError(f"correction {self.number} (find {self.find!r}) {problem}", self.path, self.at)


def read_corrections(folder: Path) -> list[Correction]:
    path = folder / FILE
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise BookbuildError(f"{FILE} is not UTF-8 text; save it as UTF-8", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise BookbuildError(f"not valid TOML ({exc}); fix the syntax", path) from None
    unknown = set(data) - {"correction"}
    if unknown or not isinstance(data.get("correction", []), list):
        raise BookbuildError("write each correction as a [[correction]] table with find and replace", path)
    starts = [n for n, line in enumerate(text.splitlines(), start=1) if re.match(r"\s*\[\[\s*correction\s*\]\]", line)]
    corrections = []
    for number, entry in enumerate(data.get("correction", []), start=1):
        at = starts[number - 1] if number <= len(starts) else None
        for key, value in entry.items():
            if key not in KEYS or not isinstance(value, KEYS[key]):
                raise BookbuildError(f"correction {number}: unknown key or wrong type '{key}' (keys: find, replace, "
                                     "line, note)", path, at)
        if not entry.get("find") or "replace" not in entry:
            raise BookbuildError(f"correction {number} needs find and replace", path, at)
        corrections.append(Correction(number, entry["find"], entry["replace"], entry.get("line"), entry.get("note"),
                                      path, at))
    return corrections
