"""Validation of the book XML with jing against the official DocBook 5.0 RELAX NG schema."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from lxml import etree

SCHEMA_PATHS = (
    Path("/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"),
    Path("/usr/share/xml/docbook5/schema/rng/5.0/docbook.rng"),
)


def docbook_schema() -> Path | None:
    return next((p for p in SCHEMA_PATHS if p.is_file()), None)


def validate_docbook(xml_path: Path) -> list[str]:
    """jing's messages for the file (empty when valid). Raises RuntimeError if jing or the schema is missing.

    jing would fetch a DTD or external entity the file names; book XML has none, so the file is first
    parsed with no network and no DTD loading, a DOCTYPE is a problem of its own, and jing sees a copy
    without one."""
    schema = docbook_schema()
    jing = shutil.which("jing")
    if schema is None or jing is None:
        raise RuntimeError("jing and the DocBook 5 schema are needed: run scripts/setup.sh (apt-get install jing docbook5-xml)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        tree = etree.parse(str(xml_path), parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        return [f"not readable as XML: {exc}"]
    problems = ["has a DOCTYPE (book XML has none; it was not loaded)"] if tree.docinfo.doctype else []
    with tempfile.NamedTemporaryFile(suffix=".xml") as copy:
        copy.write(etree.tostring(tree.getroot(), xml_declaration=True, encoding="UTF-8"))
        copy.flush()
        result = subprocess.run([jing, str(schema), copy.name], capture_output=True, text=True)
    messages = [line.replace(copy.name, str(xml_path))
                for line in result.stdout.splitlines() + result.stderr.splitlines()
                if line.strip() and not line.startswith("[warning]")]
    if result.returncode and not messages:
        messages = [f"jing failed (exit status {result.returncode})"]
    return problems + messages
