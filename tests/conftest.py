"""Shared fixtures: the five real books are built once per test session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from bookbuild.build import build_book
from bookbuild.read.manuscript import read_manuscript, read_table_data
from bookbuild.config import BookConfig
from bookbuild.normalise import normalise
from bookbuild.normalise.state import State
from bookbuild.read import SourceLine

ROOT = Path(__file__).resolve().parent.parent
MANUSCRIPTS = ROOT / "manuscript"
SLUGS = sorted(p.parent.name for p in MANUSCRIPTS.glob("*/book.toml"))
DB = "http://docbook.org/ns/docbook"
NS = {"db": DB}


@dataclass
class BuiltBook:
    slug: str
    folder: Path
    xml_path: Path
    epub_path: Path
    pdf_path: Path
    tree: etree._Element
    report: dict
    source_text: str


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from this build (then review the diff in git)")
    parser.addoption("--update-images", action="store_true",
                     help="rewrite tests/images/ from this build (then look at every changed image)")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def update_images(request) -> bool:
    return request.config.getoption("--update-images")


@pytest.fixture(scope="session")
def built_books(tmp_path_factory) -> dict[str, BuiltBook]:
    """Every real book built once (XML, EPUB, PDF) for the whole session."""
    out = tmp_path_factory.mktemp("dist")
    books = {}
    for slug in SLUGS:
        folder = MANUSCRIPTS / slug
        build_book(folder, out, ("xml", "epub", "pdf", "cover"))
        xml_path = out / slug / f"{slug}.xml"
        lines = read_manuscript(folder).lines
        books[slug] = BuiltBook(slug, folder, xml_path, out / slug / f"{slug}.epub", out / slug / f"{slug}.pdf", etree.parse(str(xml_path)).getroot(),
                                json.loads((out / slug / f"{slug}.report.json").read_text()),
                                "\n".join(line.text for line in lines))
    return books


def make_config(**overrides) -> BookConfig:
    values = dict(slug="test", title="Test Book", authors=("A. Writer",), language="en", sources=())
    values.update(overrides)
    return BookConfig(**values)


def normalise_text(text: str, **config) -> tuple[etree._Element, State]:
    """Run the whole normaliser on a crafted input."""
    lines = [SourceLine(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    folder = config.get("folder")
    return normalise(lines, make_config(**config), read_table_data(folder) if folder else None)


def apply_rules(text: str, names: list[str], kind: str = "web", **config) -> State:
    """Run only the named rules (in the normaliser's order) on a crafted input: a rule tested alone."""
    from bookbuild.diagnostics import Diagnostics
    from bookbuild.normalise import RULES
    from bookbuild.read import TextKind

    lines = [SourceLine(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    state = State(config=make_config(**config), kind=TextKind(kind), lines=lines, diagnostics=Diagnostics())
    for rule in RULES.rules:
        if rule.name in names:
            rule.run(state)
    return state


def kept(state: State) -> list[str]:
    """The text lines a line rule left."""
    return [line.text for line in state.lines if line is not None and line.text.strip()]


def texts(tree: etree._Element, xpath: str) -> list[str]:
    return [e if isinstance(e, str) else "".join(e.itertext()).strip() for e in tree.xpath(xpath, namespaces=NS)]


def codes(state: State) -> list[str]:
    return [d.code for d in state.diagnostics.items]
