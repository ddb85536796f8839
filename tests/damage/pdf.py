"""A clean book typeset for real with WeasyPrint under a page design chosen by the seed, then read
back with pdftotext, as a PDF print-out becomes a manuscript.

Page designs vary: trim (A5, 6 × 9 in, US letter), running heads (top or bottom; book title,
author, chapter; the same on every page or different on verso and recto), folios (outer,
centred, "Page N of M", none), a page URL with a print timestamp, hyphenation, notes per
division or per book, one document or one per division (a print-out of web pages). Then a few
pages are dropped and a line or two garbled. The answer key records every furniture line (with
its line number), the words the damage took, and the paragraphs a page break cut.
"""

from __future__ import annotations

import hashlib
import html
import random
import re
import subprocess
import tempfile
from pathlib import Path

from bookbuild.proof.accounting import TOKEN, words

from .book import Block, Book, Heading, Inline, Table, plain
from .common import (HEADING_STYLES, NOTE_LIST_STYLES, Damaged, HeadingKey, acceptable_titles,
                     call_contexts, choose, heading_lines, key, number_notes, to_int)

CACHE = Path(__file__).resolve().parents[2] / ".cache" / "damage"
TRIMS = {"a5": "148mm 210mm", "6x9": "6in 9in", "letter": "8.5in 11in"}
HEADS = ("title-chapter", "author-title-chapter", "verso-recto", "title", "none")
FOLIOS = ("outer", "centre", "page-of", "dashed", "none")
NOTE_HEADINGS = ["Notes", "Endnotes", "Notes to this chapter", "Notes and references"]
STAMP = "[22/08/2000 01:01:05]"


def print_extraction(book: Book, seed: int) -> Damaged:
    rng = random.Random(f"pdf-{book.slug}-{seed}")
    settings = {
        "trim": choose(rng, TRIMS),
        "head": choose(rng, HEADS, [3, 3, 3, 2, 1]),
        "head_bottom": rng.random() < 0.3,
        "folio": choose(rng, FOLIOS),
        "url": rng.random() < 0.5,
        "per_division_documents": rng.random() < 0.4,
        "hyphenate": rng.random() < 0.6,
        "ascii_hyphen": rng.random() < 0.5,
        "spaced_paragraphs": rng.random() < 0.5,
        "layout": rng.random() < 0.2,
        "page_breaks": rng.random() < 0.3,
        "heading_style": choose(rng, HEADING_STYLES),
        "note_list_style": choose(rng, NOTE_LIST_STYLES),
        "notes_per_division": rng.random() < 0.5,
        "dropped_pages": rng.choice((0, 1, 2, 3)),
        "garbled_lines": rng.choice((0, 1, 2)),
    }
    return _Print(book, seed, rng, settings).run()


def _edges(settings: dict) -> tuple[str, str]:
    """Where a page design sets its running head and its folio: 'top' or 'bottom'."""
    head_edge = "bottom" if settings["head_bottom"] else "top"
    folio_edge = "top" if settings["folio"] == "outer" and head_edge == "bottom" and settings["url"] else "bottom"
    return head_edge, folio_edge


def _short_title(title: str) -> str:
    return re.split(r"[:;,]| of the ", title)[0].strip() if len(title) > 30 else title


class _Print:
    def __init__(self, book: Book, seed: int, rng: random.Random, settings: dict):
        self.book, self.rng, self.settings = book, rng, settings
        self.numbering = number_notes(book, settings["notes_per_division"])
        self.damaged = Damaged(book.slug, "pdf", seed, "", book, settings, numbering=self.numbering)
        self.heads: set[str] = set()
        self.pending: list[int] = []  # notes called and not yet listed
        self.urls: list[str] = []

    # ------------------------------------------------------------ the documents to typeset

    def run(self) -> Damaged:
        documents = self._documents()
        pages: list[list[str]] = []
        self.page_numbers: list[tuple[str, int, int]] = []  # (url, page number, pages) of each page
        for url, document in zip(self.urls, documents):
            typeset = self._typeset(document)
            pages.extend(typeset)
            self.page_numbers.extend((url, n, len(typeset)) for n in range(1, len(typeset) + 1))
        self._finish(pages)
        return self.damaged

    def _documents(self) -> list[str]:
        """The book as HTML: one document, or one per division."""
        bodies: list[list[str]] = [[]]
        pending = self.pending
        per_division = self.settings["notes_per_division"]
        division_count = 0
        for index, item in enumerate(self.book.items):
            if isinstance(item, Heading) and item.division:
                if per_division:
                    bodies[-1].extend(self._notes(pending))
                division_count += 1
                if self.settings["per_division_documents"] and any(bodies[-1]):
                    bodies.append([])
                bodies[-1].append(self._heading(index, item, division_count))
            elif isinstance(item, Heading):
                bodies[-1].append(self._heading(index, item, division_count))
            else:
                bodies[-1].append(self._block(item, pending))
        bodies[-1].extend(self._notes(pending))
        documents = []
        for number, body in enumerate(b for b in bodies if b):
            url = f"http://www.example.org/lib/{self.book.slug[:12]}/p{number + 1:02d}.htm"
            self.urls.append(url)
            documents.append(self._page(url, "\n".join(body)))
        return documents

    def _render(self, parts: list[Inline], pending: list[int] | None = None) -> str:
        out = ""
        for part in parts:
            if isinstance(part, str):
                out += html.escape(part)
            else:
                if pending is not None and part.note not in pending:
                    pending.append(part.note)
                out += f"<sup>{self.numbering[part.note][1]}</sup>"
        return out

    def _heading(self, index: int, heading: Heading, division_number: int) -> str:
        style = self.settings["heading_style"] if heading.division else "native"
        lines = heading_lines(heading, style, lambda parts: self._render(parts, self.pending))
        texts = heading_lines(heading, style, plain)
        titles = acceptable_titles(heading, plain)
        if heading.division and heading.title:  # as the running heads give it: restored where the title is lost
            titles.append(_short_title(plain(heading.title)))
        self.damaged.headings.append(HeadingKey(index, heading.division, titles + texts + [" ".join(texts)], True))
        self.damaged.lost += words(" ".join(p for p in (heading.ordinal, heading.title_text) if p)) - words(" ".join(texts))
        if not heading.division:
            return "".join(f"<h3>{line}</h3>" for line in lines)
        title = heading.title_text or " ".join(p for p in (heading.label, heading.ordinal) if p)
        number = to_int(heading.ordinal) if heading.ordinal else None
        chapter = f"Chapter {number}" if number else _short_title(title)
        head = {
            "title-chapter": f"{_short_title(self.book.title)}: {chapter}",
            "author-title-chapter": f"{self.book.author} — {_short_title(self.book.title)}: {_short_title(title)}",
            "verso-recto": _short_title(title),
        }.get(self.settings["head"], "")
        self.heads.add(head)
        attribute = html.escape(head, quote=True)
        return f'<section class="division" data-head="{attribute}"></section>' + \
            "".join(f"<h2>{line}</h2>" for line in lines)

    def _block(self, item, pending: list[int]) -> str:
        if isinstance(item, Table):
            self.damaged.tables.append([[plain(c) or None for c in row] for row in item.rows])
            rows = "".join("<tr>" + "".join(f"<td>{self._render(c, pending)}</td>" for c in row) + "</tr>"
                           for row in item.rows)
            caption = f"<caption>{html.escape(item.caption)}</caption>" if item.caption else ""
            return f"<table>{caption}{rows}</table>"
        lines = [self._render(line, pending) for line in item.lines]
        if item.kind == "verse":
            return '<div class="verse">' + "".join(f"<span>{line}</span>" for line in lines) + "</div>"
        if item.kind == "quote":
            return f"<blockquote><p>{lines[0]}</p></blockquote>"
        if item.kind == "list":
            return "<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"
        if item.kind == "break":
            return '<p class="break">* * *</p>'
        if item.kind == "attribution":
            return f'<p class="attribution">{lines[0]}</p>'
        return f"<p>{lines[0]}</p>"

    def _notes(self, pending: list[int]) -> list[str]:
        if not pending:
            return []
        style = self.settings["note_list_style"]
        out = [f"<h3>{self.rng.choice(NOTE_HEADINGS)}</h3>"]
        for note in pending:
            number = self.numbering[note][1]
            marker = {"bracket": f"[{number}]", "paren": f"({number})", "dot": f"{number}."}[style]
            out.append(f'<p class="note">{marker} {html.escape(plain(self.book.notes[note]))}</p>')
        pending.clear()
        return out

    def _page(self, url: str, body: str) -> str:
        """The HTML document: margin boxes for the page design, then the body."""
        s = self.settings
        head_edge, folio_edge = _edges(s)
        folio = {"outer": "counter(page)", "centre": "counter(page)", "dashed": '"- " counter(page) " -"',
                 "page-of": '"Page " counter(page) " of " counter(pages)'}.get(s["folio"])
        rules = [f"@page {{ size: {TRIMS[s['trim']]}; margin: 22mm 18mm; }}"]
        for side in ("left", "right"):
            heads = {"title-chapter": "string(head)", "author-title-chapter": "string(head)",
                     "title": f'"{_css(_short_title(self.book.title))}"',
                     "verso-recto": f'"{_css(_short_title(self.book.title))}"' if side == "left" else "string(head)"}
            edges: dict[str, dict] = {"top": {"long": [], "folio": None}, "bottom": {"long": [], "folio": None}}
            if s["head"] in heads:
                edges[head_edge]["long"].append(heads[s["head"]])
            if s["url"]:
                edges["bottom"]["long"].append(f'"{url} (" counter(page) " of " counter(pages) ") {STAMP}"')
            if folio:
                edges[folio_edge]["folio"] = folio
            boxes = []
            for edge, items in edges.items():
                long = ' "\\A" '.join(items["long"])
                outer = "left" if side == "left" else "right"
                inner = "right" if outer == "left" else "left"
                if long and items["folio"]:
                    boxes.append(f"@{edge}-{inner} {{ content: {long}; width: 78%; white-space: pre-line; }}")
                    boxes.append(f"@{edge}-{outer} {{ content: {items['folio']}; width: 22%; }}")
                elif long:
                    boxes.append(f"@{edge}-center {{ content: {long}; width: 100%; white-space: pre-line; }}")
                elif items["folio"]:
                    where = "center" if s["folio"] != "outer" else outer
                    boxes.append(f"@{edge}-{where} {{ content: {items['folio']}; }}")
            rules.append(f"@page :{side} {{ {' '.join(boxes)} }}")
        style = "\n".join(rules) + f"""
            @page {{ font-size: 6.5pt; }}
            body {{ font-family: serif; font-size: 10.5pt; line-height: 1.3; }}
            p, li {{ margin: 0 0 {'0.9em' if s['spaced_paragraphs'] else '0'}; text-indent: {'0' if s['spaced_paragraphs'] else '1.2em'};
                     text-align: justify; hyphens: {'auto' if s['hyphenate'] else 'manual'}; }}
            section.division {{ string-set: head attr(data-head); break-before: page; }}
            h2 {{ font-size: 14pt; text-align: center; margin: 0.6em 0; hyphens: manual; }}
            h3 {{ font-size: 11pt; margin: 1em 0 0.4em; hyphens: manual; }}
            blockquote {{ margin: 0.6em 2em; }}
            .verse span {{ display: block; margin-left: 2em; }}
            .attribution {{ text-align: right; }}
            .break {{ text-align: center; }}
            sup {{ font-size: 7pt; }}
            table {{ border-collapse: collapse; margin: 0.6em 0; font-size: 9pt; }}
            td {{ padding: 0 0.4em; }}
        """
        return f'<html lang="en"><head><meta charset="utf-8"><style>{style}</style></head><body>{body}</body></html>'

    # ------------------------------------------------------------ typesetting, with a cache

    def _typeset(self, document: str) -> list[str]:
        options = ["-layout"] if self.settings["layout"] else []
        digest = hashlib.sha256((document + repr(options)).encode()).hexdigest()[:24]
        cached = CACHE / f"{digest}.txt"
        if not cached.exists():
            from weasyprint import HTML
            with tempfile.TemporaryDirectory() as tmp:
                pdf = Path(tmp) / "book.pdf"
                HTML(string=document).write_pdf(pdf)
                text = subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"],
                                      check=True, capture_output=True).stdout.decode("utf-8")
            CACHE.mkdir(parents=True, exist_ok=True)
            cached.write_text(text, encoding="utf-8")
        text = cached.read_text(encoding="utf-8")
        return [page.split("\n") for page in text.split("\f")[:-1]]

    # ------------------------------------------------------------ the damage, the key

    def _finish(self, pages: list[list[str]]) -> None:
        damaged, rng, s = self.damaged, self.rng, self.settings
        furniture = [self._furniture_lines(page, *self.page_numbers[p]) for p, page in enumerate(pages)]
        dropped = set(rng.sample(range(1, len(pages)), min(s["dropped_pages"], max(0, len(pages) - 2))))
        body_lines = [(p, i) for p in range(len(pages)) if p not in dropped
                      for i, line in enumerate(pages[p]) if i not in furniture[p] and len(line.split()) >= 4]
        garbled = dict((where, _garble(pages[where[0]][where[1]], rng))
                       for where in rng.sample(body_lines, min(s["garbled_lines"], len(body_lines))))
        self._split_paragraphs(pages, furniture, dropped)
        out: list[str] = []
        breaks = 0  # form feeds so far: each joins a page's first line to the last line before it
        for p, page in enumerate(pages):
            if p in dropped:
                damaged.lost += words(_unbroken([line for i, line in enumerate(page) if i not in furniture[p]]))
                damaged.dropped_at.append(len(out) + 1 - breaks)
                continue
            for i, line in enumerate(page):
                if (p, i) in garbled:
                    damaged.lost += words(line)
                    line = garbled[(p, i)]
                if s["ascii_hyphen"]:
                    line = line.replace("\u2010", "-")
                if i in furniture[p] and line.strip():
                    damaged.furniture.append((len(out) + 1 - breaks, line.strip()))
                out.append(line)
            if s["page_breaks"]:
                out[-1] += "\f"
                breaks += 1
        damaged.text = "\n".join(out).replace("\f\n", "\f") + "\n"
        damaged.pages = len(pages) - len(dropped)
        lost_text = [line for p in dropped for i, line in enumerate(pages[p]) if i not in furniture[p]]
        lost_text += [pages[p][i] for p, i in garbled]
        self._lost_notes(f" {key(' '.join(lost_text))} ")

    def _lost_notes(self, lost: str) -> None:
        """Notes the damage made unlinkable: a call on a dropped page or a garbled line (its context and
        number are in the lost text), or a note whose item was (its first words are)."""
        contexts = call_contexts(self.book)
        for note, (_, shown) in self.numbering.items():
            context = contexts.get(note, "")
            opening = " ".join(key(plain(self.book.notes[note])).split()[:8])
            if context and f" {context} {shown} " in lost or opening and f" {opening} " in lost:
                self.damaged.lost_calls.add(note)

    def _furniture_lines(self, page: list[str], url: str, number: int, count: int) -> set[int]:
        """The lines of a page that its margin boxes made, at its top and bottom: whole boxes, a box
        broken over several lines, or (pdftotext -layout) the boxes of one row on one line. Each box
        stands once at an edge, and one running head at most: a title under a running head is the page's
        text, even one that reads the same."""
        heads = {_squeeze(h) for h in (*self.heads, _short_title(self.book.title)) if h}
        folios = {_squeeze(f) for f in (f"Page {number} of {count}", f"- {number} -", str(number))}
        url_line = _squeeze(f"{url} ({number} of {count}) {STAMP}")
        head_edge, folio_edge = _edges(self.settings)
        found: set[int] = set()
        filled = [i for i, line in enumerate(page) if line.strip()]
        for edge, order, joined in (("top", filled[:4], lambda a, b: a + b),
                                    ("bottom", list(reversed(filled))[:5], lambda a, b: b + a)):
            # only the boxes the design sets at this edge: a chapter's title at the top of its first page
            # reads as the running head, but where the heads stand at the foot it is the page's text
            boxes = (heads if edge == head_edge else set()) | (folios if edge == folio_edge else set()) \
                | ({url_line} if edge == "bottom" else set())
            pending: list[int] = []
            text = ""
            for i in order:
                parts = [_squeeze(p) for p in re.split(r"\s{2,}", page[i].strip()) if p]
                whole = [p for p in parts if p in boxes]
                if len(parts) > 1 and len(whole) == len(parts):  # a row of boxes on one line
                    found.update([*pending, i])
                    boxes -= {*parts, *(heads if heads & set(parts) else ())}
                    pending, text = [], ""
                    continue
                broken = joined(text, next((p for p in parts if p not in whole), ""))
                if len(parts) > 1 and len(whole) == len(parts) - 1 \
                        and any(box.startswith(broken) or box.endswith(broken) for box in boxes):
                    found.add(i)  # a row of boxes, one of them broken over the line next to it
                    boxes -= {*whole, *(heads if heads & set(whole) else ())}
                    pending.append(i)
                    text = broken
                    if text in boxes:
                        found.update(pending)
                        boxes -= {text}
                        pending, text = [], ""
                    continue
                text = joined(text, _squeeze(page[i]))
                pending.append(i)
                if text in boxes:
                    found.update(pending)
                    boxes -= {text, *(heads if text in heads else ())}
                    pending, text = [], ""
                elif not any(box.startswith(text) or box.endswith(text) for box in boxes):
                    break
        return found

    def _split_paragraphs(self, pages: list[list[str]], furniture: list[set[int]], dropped: set[int]) -> None:
        """Paragraphs that run on from one kept page to the next: the key for the page-join score."""
        stream: list[str] = []
        owner: list[int] = []
        paragraphs: list[list[str]] = []
        for item in self.book.items:
            if isinstance(item, Block) and item.kind in ("para", "quote"):
                tokens = [t.lower() for t in TOKEN.findall(plain(item.lines[0]))]
                paragraphs.append(tokens)
                stream.extend(tokens)
                owner.extend([len(paragraphs) - 1] * len(tokens))
        index: dict[tuple[str, ...], list[int]] = {}
        for k in range(len(stream) - 2):
            index.setdefault(tuple(stream[k:k + 3]), []).append(k)
        seen: set[int] = set()
        for p in range(len(pages) - 1):
            if p in dropped or p + 1 in dropped:
                continue
            before = [pages[p][i] for i in range(len(pages[p])) if i not in furniture[p] and pages[p][i].strip()]
            after = [pages[p + 1][i] for i in range(len(pages[p + 1])) if i not in furniture[p + 1]
                     and pages[p + 1][i].strip()]
            if not before or not after:
                continue
            tail = [t.lower() for t in TOKEN.findall(re.sub(r"\S+[\u2010-]$", "", before[-1]))][-3:]
            head = [t.lower() for t in TOKEN.findall(after[0])][1:4]
            if len(tail) < 3 or len(head) < 3:
                continue
            for k in index.get(tuple(tail), []):
                j = k + 3
                window = stream[j:j + 6]
                if any(tuple(window[m:m + 3]) == tuple(head) for m in range(4)) and owner[j] == owner[k] and \
                        owner[k] not in seen:
                    seen.add(owner[k])
                    tokens = paragraphs[owner[k]]
                    self.damaged.split_paragraphs.append((" ".join(tokens[:6]), " ".join(tokens[-6:])))
                    break


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _unbroken(lines: list[str]) -> str:
    """The lines' text, the words hyphenation broke at their ends whole again ('ab‐' / 'stain'): a lost
    page loses 'abstain', not 'ab' and 'stain'."""
    return re.sub(r"\u2010[ \t]*\n\s*", "", "\n".join(lines)).replace("\n", " ")


def _garble(line: str, rng: random.Random) -> str:
    """A line of a PDF's text layer gone wrong: letters shuffled, digits and capitals thrown in."""
    out = []
    for word in line.split():
        chars = list(word)
        rng.shuffle(chars)
        if rng.random() < 0.5:
            chars.insert(rng.randrange(len(chars) + 1), str(rng.randrange(10)))
        if rng.random() < 0.4:
            k = rng.randrange(len(chars))
            chars[k] = chars[k].upper()
        out.append("".join(chars))
    return " ".join(out)


def _css(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
