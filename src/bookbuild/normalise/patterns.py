"""Regular expressions and tests shared by more than one stage (each written once)."""

import re

MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
DATELINE = re.compile(
    rf"^\s*(([A-Z][a-z]+,?\s+)?\d{{1,2}}(st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    rf"|([A-Z][a-z]+,?\s+)?{MONTH}\s+\d{{1,2}}(st|nd|rd|th)?,?\s+\d{{4}}|{MONTH},?\s+\d{{4}})\.?\s*$")
WORD = re.compile(r"[^\W\d_]+")  # a run of letters
YEAR = re.compile(r"\b(1[5-9]|2\d)\d\d\b")
SENTENCE_END = re.compile(r"[.!?…:;,]['’\"”)\]]*$")
# an item of a flattened note list: '[1] text', '(1) text', '1. text', '1) text'
NOTE_ITEM = re.compile(r"^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])\s*(\S.*)$", re.S)  # a book may number 1100 notes


def item_number(text: str) -> int | None:
    """The number of a note or list item opening a line ('[3] …', '(3) …', '3. …')."""
    match = NOTE_ITEM.match(text)
    return int(next(g for g in match.groups()[:3] if g)) if match else None
