"""Word accounting: every word of the source is in the book or in the report, and the book adds none.

Words are compared as a multiset of normalised tokens: case, apostrophes and hyphens ignored (so a
line-end hyphen removed or kept, and a straight quote made curly, change nothing), digits kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from lxml import etree

from ..diagnostics import Diagnostics
from ..namespaces import DB
from ..wordcount import count_tokens, pieces

# a word: letters (with inner apostrophes or hyphens), or digits; 'control4' is two words
TOKEN = re.compile(r"[^\W\d_]+(?:['’‘-][^\W\d_]+)*|\d+")
# numbers moved from the text into the markup: a footnote's label stands for its call and its note's number
COUNTED_ATTRIBUTES = {"label": 1, "override": 1}
FOOTNOTE = f"{{{DB}}}footnote"
ACCOUNTED_SEVERITIES = ("removed",)
ACCOUNTED_CODES = ("flag.garbled", "restore.correction")  # the text they name left the book


_FOLD = str.maketrans("", "", "'’‘-")
LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


def _folded(tokens: Counter) -> Counter:
    counts: Counter = Counter()
    for token, n in tokens.items():  # each distinct token folded once
        counts[token.translate(_FOLD).lower()] += n
    return counts


def words(text: str) -> Counter:
    return _folded(count_tokens(pieces(text), TOKEN))


def source_words(text: str) -> Counter:
    """The source's words, with a word broken by a line-end hyphen counted once."""
    return _folded(count_tokens((LINE_END_HYPHEN.sub("", p) for p in pieces(text, hyphen_safe=True)), TOKEN))


def book_words(tree: etree._Element, body_only: bool = False) -> Counter:
    """Words of the reading text: all text but remarks, added (restored) text, and PIs; plus label numbers."""
    body, front = _book_words(tree)
    return body if body_only else body + front


def _book_words(tree: etree._Element) -> tuple[Counter, Counter]:
    """The words of the book's body, and of its own info (its title page)."""
    info = tree.find(f"{{{DB}}}info")
    body = _folded(count_tokens(_reading_texts(tree, info), TOKEN))
    front = _folded(count_tokens(_reading_texts(info), TOKEN)) if info is not None else Counter()
    return body, front


def _reading_texts(top: etree._Element, left_out: etree._Element | None = None) -> Iterable[str]:
    for element in top.iter(etree.Element):
        if element is left_out:
            continue
        if _skipped(element) or left_out is not None and any(e is left_out for e in element.iterancestors()):
            continue
        for attribute, times in COUNTED_ATTRIBUTES.items():
            value = element.get(attribute)
            if value and not _in_own_title(element, value):
                yield from [value] * (2 if element.tag == FOOTNOTE and attribute == "label" else times)
        if element.text:
            yield element.text
        for child in element:
            if child.tail:
                yield child.tail


def _in_own_title(element: etree._Element, label: str) -> bool:
    """A division titled by its label alone ('Chapter I', no other title) keeps the number in its text."""
    title = element.find(f"{{{DB}}}title")
    if title is None:
        return False
    in_title, number = words("".join(title.itertext())), words(label)
    return number <= in_title and sum((in_title - number).values()) <= 1  # the label and a word at most


def _skipped(element: etree._Element) -> bool:
    return any(e.tag == f"{{{DB}}}remark" or e.get("revisionflag") in ("added", "changed")
               for e in (element, *element.iterancestors()))


def report_words(diagnostics: Diagnostics) -> Counter:
    return words("\n".join(d.text for d in diagnostics.items
                           if d.severity in ACCOUNTED_SEVERITIES or d.code in ACCOUNTED_CODES))


@dataclass(frozen=True)
class Accounting:
    source: int
    book: int
    report: int
    missing: Counter  # in the source, in neither the book nor the report
    added: Counter  # in the book's body, not in the source

    @property
    def balanced(self) -> bool:
        return not self.missing and not self.added


def account(source_text: str, tree: etree._Element, diagnostics: Diagnostics) -> Accounting:
    source = source_words(source_text)
    body, front = _book_words(tree)
    book = body + front
    report = report_words(diagnostics)
    missing = source - book - report
    added = body - source
    return Accounting(sum(source.values()), sum(book.values()), sum(report.values()), missing, added)


def epub_words(epub: bytes) -> Counter:
    """The words of an EPUB's content documents, with list numbers (<li value>) counted like labels, and
    of its description and sources (the blurb and the source note live in the package's metadata)."""
    import io
    import zipfile

    texts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(epub)) as archive:
        for item in archive.namelist():
            if item.endswith(".opf"):
                package = etree.fromstring(archive.read(item))
                texts += package.xpath("//*[local-name()='description' or local-name()='source']/text()")
            if not item.endswith(".xhtml") or item.endswith("nav.xhtml"):
                continue
            root = etree.fromstring(archive.read(item))
            texts.append(" ".join(root.itertext()))
            texts += root.xpath("//*[local-name()='li']/@value")
    return words("\n".join(texts))
