"""A proofreader's corrections (read/corrections.py) applied to the book's text on every build.

A correction names the text as the book has it and, where that text occurs more than once, the
source line it comes from. It must match exactly one place: a correction that matches nothing
(the source changed under it) or several stops the build, naming the correction, rather than
being dropped or applied twice. The corrected text is a <phrase role="correction"
revisionflag="changed">, and the report lists what it replaced.
"""

from __future__ import annotations

from lxml import etree

from ..model.docbook import SOURCE_PI, el
from ..namespaces import DB
from ..read.corrections import Correction
from .state import State

QUOTES = str.maketrans("‘’“”", "''\"\"")  # a correction may be typed with straight quotes


def apply_corrections(state: State) -> None:
    """Each of a proofreader's corrections applied where it matches, once; one that matches nothing or
    more than once stops the build."""
    for correction in state.corrections:
        places = list(_places(state.tree, correction))
        if not places:
            raise correction.fail("no longer matches the text (has the source changed?); update or remove it")
        if len(places) > 1:
            lines = ", ".join(str(first) for *_, first in places)
            raise correction.fail(f"matches {len(places)} places (source lines {lines}); add line = N to say which")
        holder, is_tail, start, first = places[0]
        _replace(holder, is_tail, start, correction)
        text = f"{correction.find} → {correction.replace}" + (f" ({correction.note})" if correction.note else "")
        state.diagnostics.add("restore.correction", first, text)


def _places(tree: etree._Element, correction: Correction):
    """(text holder, is it the tail, offset, the block's first source line) of each match."""
    needle = correction.find.translate(QUOTES)
    for pi in tree.iter(etree.PI):
        block = pi.getnext()
        if pi.target != SOURCE_PI or block is None or not isinstance(block.tag, str):
            continue
        numbers = [int(n) for n in (pi.text or "").replace("-", " ").split()]
        if not numbers or correction.line is not None and not numbers[0] <= correction.line <= numbers[-1]:
            continue
        for element in block.iter(etree.Element):
            if any(e.tag == f"{{{DB}}}remark" for e in (element, *element.iterancestors())):
                continue
            for holder, is_tail in [(element, False), *((child, True) for child in element)]:
                text = holder.tail if is_tail else holder.text
                start = (text or "").translate(QUOTES).find(needle)
                while start != -1:
                    yield holder, is_tail, start, numbers[0]
                    start = text.translate(QUOTES).find(needle, start + 1)


def _replace(holder: etree._Element, is_tail: bool, start: int, correction: Correction) -> None:
    text = holder.tail if is_tail else holder.text
    phrase = el("phrase", correction.replace, role="correction", revisionflag="changed")
    phrase.tail = text[start + len(correction.find):]
    if is_tail:
        holder.tail = text[:start]
        holder.addnext(phrase)
    else:
        holder.text = text[:start]
        holder.insert(0, phrase)
