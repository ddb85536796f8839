"""Typography on the tree's text: curly quotes and apostrophes, dashes, ellipses, primes misused as
quotes, stray non-breaking and doubled spaces. Each rule is a small function over one string.
What is no prose keeps its characters: URLs, and table cells an editor supplied from a data file."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from .state import State

OPENING_CONTEXT = r"(^|(?<=[\s(\[{“‘\"—–/]))"
URL = re.compile(r"\b(?:https?://|www\.)\S+?(?=[.,;:!?)\]'\"’”]*(?:\s|$))")  # closing punctuation is prose


def clean_spaces(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2009", " ")
    return re.sub(r" {2,}", " ", text)


def curl_double_quotes(text: str) -> str:
    text = re.sub(OPENING_CONTEXT + r'"', "“", text)
    return text.replace('"', "”")


def curl_single_quotes(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)  # don't, workers'd
    text = re.sub(OPENING_CONTEXT + r"'(?=\d\ds\b)", "’", text)  # the '30s
    text = re.sub(OPENING_CONTEXT + r"'(?=\w)", "‘", text)
    return text.replace("'", "’")


def fix_misused_quotes(text: str) -> str:
    """’ opening a quotation before a capital is an opening ‘; a prime ′ closing one is a ’."""
    text = re.sub(r"(^|(?<=[\s(\[{“‘\"—–/.]))’(?=[A-Z])", "‘", text)
    text = re.sub(r"(?<=\S)′(?=[\s,.;:!?)]|$)", _prime_as_quote, text)
    return text


def _prime_as_quote(match: re.Match) -> str:
    before = match.string[max(0, match.start() - 200):match.start()]
    return "’" if before.count("‘") > before.count("’") - _apostrophes(before) else "′"


def _apostrophes(text: str) -> int:
    return len(re.findall(r"(?<=\w)’(?=\w)", text))


def dashes_and_ellipses(text: str) -> str:
    text = re.sub(r"(?<=\w) ?--- ?(?=\w)", "—", text)
    text = re.sub(r"(?<=\w) ?-- ?(?=\w)", "—", text)
    return re.sub(r"(?<!\.)\.\.\.(?!\.)", "…", text)


# each rule with the characters it acts on: a text with none of them is left alone (and fast)
RULES: list[tuple[Callable[[str], str], tuple[str, ...]]] = [
    (clean_spaces, ("\u00a0", "\u2009", "  ")),
    (curl_double_quotes, ('"',)),
    (curl_single_quotes, ("'",)),
    (fix_misused_quotes, ("’", "′")),
    (dashes_and_ellipses, ("--", "...")),
]


def apply_typography(state: State) -> None:
    """Curly quotes, dashes, ellipses and clean spaces in every text of the tree (verse keeps its line breaks)."""
    for node in state.tree.iter():
        if node.get("role") == "supplied":  # a value from a table data file, set as the editor wrote it
            if node.tail:
                node.tail = typeset(node.tail)
            continue
        if isinstance(node, etree._ProcessingInstruction):
            if node.tail:
                node.tail = typeset(node.tail)
            continue
        if node.text and not isinstance(node, etree._Comment):
            node.text = typeset(node.text)
        if node.tail:
            node.tail = typeset(node.tail)


def typeset(text: str) -> str:
    """The text with every rule applied, URLs in it left as they are."""
    if "://" in text or "www." in text:
        pieces = URL.split(text)
        urls = URL.findall(text)
        # text after a URL follows a word: a quote there closes ('x' stands for the URL, then goes)
        return "".join((typeset_prose("x" + piece)[1:] if k else typeset_prose(piece)) + (urls[k] if k < len(urls) else "")
                       for k, piece in enumerate(pieces))
    return typeset_prose(text)


def typeset_prose(text: str) -> str:
    for rule, triggers in RULES:
        if any(t in text for t in triggers):
            text = rule(text) if "\n" not in text else "\n".join(rule(line) for line in text.split("\n"))
    return text
