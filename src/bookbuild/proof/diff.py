"""What changed between two versions of a book, as a proofreader wants to see it.

The two books' reading units (proof/reading.py) are compared, not their raw lines, so re-wrapping,
furniture and typography do not show. Paragraphs are aligned in reading order; a paragraph that
left one place and stands unchanged at another is one change, moved; one that became two
consecutive paragraphs (or two that became one) is one change, split (joined); a paragraph whose
words changed is shown word by word. Headings, footnotes and table cells are compared on their
own and listed as structural changes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .reading import Unit

SIMILAR = 0.5  # two paragraphs at least this alike (by words) are one paragraph changed
LOOKAHEAD = 8  # paragraphs of the other side tried for each changed one: the cost stays linear


@dataclass(frozen=True)
class Change:
    kind: str  # changed, added, removed, moved, split, joined; heading-renamed, heading-added, ...
    old: tuple[Unit, ...]
    new: tuple[Unit, ...]
    words: tuple[tuple[str, str], ...] = ()  # a changed text: ('=', 'same words'), ('-', 'gone'), ('+', 'new')

    @property
    def where(self) -> Unit:
        return (self.new or self.old)[0]

    @property
    def structural(self) -> bool:
        return self.kind.startswith(("heading", "note", "cell"))


@dataclass
class Comparison:
    changes: list[Change] = field(default_factory=list)

    def counts(self) -> Counter:
        return Counter(change.kind for change in self.changes)


def compare(old: list[Unit], new: list[Unit]) -> Comparison:
    text_kinds = ("para", "verse")
    changes = _paragraph_changes([u for u in old if u.kind in text_kinds], [u for u in new if u.kind in text_kinds])
    changes += _heading_changes([u for u in old if u.kind == "heading"], [u for u in new if u.kind == "heading"])
    changes += _keyed_changes("note", [u for u in old if u.kind == "note"], [u for u in new if u.kind == "note"])
    changes += _keyed_changes("cell", [u for u in old if u.kind == "cell"], [u for u in new if u.kind == "cell"])
    changes.sort(key=_reading_order(old, new))
    return Comparison(changes)


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
    return tuple(out)


def _paragraph_changes(old: list[Unit], new: list[Unit]) -> list[Change]:
    keys_old, keys_new = [_key(u.text) for u in old], [_key(u.text) for u in new]
    gone: list[int] = []  # indexes into old of paragraphs not found in place
    came: list[int] = []  # indexes into new
    blocks: list[tuple[list[int], list[int]]] = []  # each replaced run, to pair changed paragraphs within
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        if op != "equal":
            gone += range(i1, i2)
            came += range(j1, j2)
            blocks.append((list(range(i1, i2)), list(range(j1, j2))))
    changes: list[Change] = []
    # moved: the same paragraph gone from one place and come at another
    came_by_key: dict[str, list[int]] = {}
    for j in came:
        came_by_key.setdefault(keys_new[j], []).append(j)
    used_old, used_new = set(), set()
    for i in gone:
        if came_by_key.get(keys_old[i]):
            j = came_by_key[keys_old[i]].pop(0)
            changes.append(Change("moved", (old[i],), (new[j],)))
            used_old.add(i)
            used_new.add(j)
    # split and joined: one paragraph is two consecutive ones of the other side
    gone_by_key = {keys_old[i]: i for i in gone if i not in used_old}
    came_set = set(came) - used_new
    for j in sorted(came_set):
        i = gone_by_key.get(_key(new[j].text + " " + new[j + 1].text)) if j + 1 in came_set else None
        if i is not None and i not in used_old and not used_new & {j, j + 1}:
            changes.append(Change("split", (old[i],), (new[j], new[j + 1])))
            used_old.add(i)
            used_new.update((j, j + 1))
    came_by_key = {keys_new[j]: j for j in came if j not in used_new}
    gone_set = set(gone) - used_old
    for i in sorted(gone_set):
        j = came_by_key.get(_key(old[i].text + " " + old[i + 1].text)) if i + 1 in gone_set else None
        if j is not None and j not in used_new and not used_old & {i, i + 1}:
            changes.append(Change("joined", (old[i], old[i + 1]), (new[j],)))
            used_old.update((i, i + 1))
            used_new.add(j)
    # changed: within a replaced run, paragraphs alike enough, in order
    for run_old, run_new in blocks:
        run_old = [i for i in run_old if i not in used_old]
        run_new = [j for j in run_new if j not in used_new]
        k = 0
        for i in run_old:
            for n, j in enumerate(run_new[k:k + LOOKAHEAD], start=k):
                if _alike(old[i].text, new[j].text):
                    changes.append(Change("changed", (old[i],), (new[j],), word_diff(old[i].text, new[j].text)))
                    used_old.add(i)
                    used_new.add(j)
                    k = n + 1
                    break
    changes += [Change("removed", (old[i],), ()) for i in gone if i not in used_old]
    changes += [Change("added", (), (new[j],)) for j in came if j not in used_new]
    return changes


def _heading_changes(old: list[Unit], new: list[Unit]) -> list[Change]:
    changes: list[Change] = []
    a, b = [_key(u.text) for u in old], [_key(u.text) for u in new]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(pairs):
            changes.append(Change("heading-renamed", (old[i1 + k],), (new[j1 + k],),
                                  word_diff(old[i1 + k].text, new[j1 + k].text)))
        changes += [Change("heading-removed", (old[i],), ()) for i in range(i1 + pairs, i2)]
        changes += [Change("heading-added", (), (new[j],)) for j in range(j1 + pairs, j2)]
    return changes


def _keyed_changes(kind: str, old: list[Unit], new: list[Unit]) -> list[Change]:
    """Footnotes by their label, table cells by their table, row and column."""
    before = {u.key: u for u in old}
    after = {u.key: u for u in new}
    changes: list[Change] = []
    for key, unit in after.items():
        if key not in before:
            changes.append(Change(f"{kind}-added", (), (unit,)))
        elif _key(before[key].text) != _key(unit.text):
            name = "filled" if kind == "cell" and not before[key].text else "changed"
            changes.append(Change(f"{kind}-{name}", (before[key],), (unit,), word_diff(before[key].text, unit.text)))
        elif kind == "note" and _key(before[key].context) != _key(unit.context):
            changes.append(Change("note-relinked", (before[key],), (unit,),
                                  word_diff(before[key].context, unit.context)))
    changes += [Change(f"{kind}-removed", (unit,), ()) for key, unit in before.items() if key not in after]
    return changes


def _key(text: str) -> str:
    return " ".join(text.split())


def _alike(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio() >= SIMILAR


def _reading_order(old: list[Unit], new: list[Unit]):
    """Changes in the new book's reading order; a removed unit where its old predecessor now stands."""
    order = {id(u): n for n, u in enumerate(new)}
    place_of = {(u.kind, _key(u.text)): n for n, u in enumerate(new)}
    old_place: dict[int, float] = {}
    last = -1.0
    for u in old:
        last = place_of.get((u.kind, _key(u.text)), last + 0.001)
        old_place[id(u)] = last
    return lambda c: order[id(c.new[0])] if c.new else old_place[id(c.old[0])]


KIND_NAMES = {
    "changed": "paragraph changed", "added": "paragraph added", "removed": "paragraph removed",
    "moved": "paragraph moved", "split": "paragraph split", "joined": "paragraphs joined",
    "heading-renamed": "heading renamed", "heading-added": "heading added", "heading-removed": "heading removed",
    "note-changed": "footnote changed", "note-added": "footnote added", "note-removed": "footnote removed",
    "note-relinked": "footnote relinked", "cell-changed": "table cell changed", "cell-filled": "table cell filled",
    "cell-added": "table cell added", "cell-removed": "table cell removed",
}


def summary(comparison: Comparison) -> str:
    """One line: the number of changes of each kind, or that there are none."""
    counts = comparison.counts()
    if not counts:
        return "no differences in the text"
    return f"{len(comparison.changes)} change(s): " + ", ".join(
        f"{counts[kind]} {name}" for kind, name in KIND_NAMES.items() if counts[kind])


def shown_words(change: Change) -> tuple[tuple[str, str], ...]:
    """What to show of a change: its word diff, or the text it added, removed, moved, split or joined."""
    if change.words:
        return change.words
    if change.kind in ("split", "joined"):
        parts = change.new if change.kind == "split" else change.old
        return (("=", parts[0].text), ("+" if change.kind == "split" else "-", "¶"), ("=", parts[1].text))
    if not change.new:
        return (("-", change.old[0].text),)
    if not change.old:
        return (("+", change.new[0].text),)
    return (("=", change.new[0].text),)
