"""Validation of the book XML with jing against the official DocBook 5.0 RELAX NG schema."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

SCHEMA_PATHS = (
    Path("/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"),
    Path("/usr/share/xml/docbook5/schema/rng/5.0/docbook.rng"),
)


def docbook_schema() -> Path | None:
    return next((p for p in SCHEMA_PATHS if p.is_file()), None)


def validate_docbook(xml_path: Path) -> list[str]:
    """jing's messages for the file (empty when valid). Raises RuntimeError if jing or the schema is missing."""
    schema = docbook_schema()
    jing = shutil.which("jing")
    if schema is None or jing is None:
        raise RuntimeError("jing and the DocBook 5 schema are needed: run scripts/setup.sh (apt-get install jing docbook5-xml)")
    result = subprocess.run([jing, str(schema), str(xml_path)], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() + result.stderr.splitlines() if line.strip() and not line.startswith("[warning]")]
