"""The DocBook tree built from the recognised blocks (see model/docbook.py for the provenance PIs)."""

from __future__ import annotations

import re

from lxml import etree

from ..model.docbook import SOURCE_PI, el, sub
from ..namespaces import DB
from .blocks import Block
from .state import State


def build_tree(state: State) -> etree._Element:
    """The whole document: <book> or <article>, its <info>, and its divisions and sections."""
    has_divisions = any(b.kind == "heading" and b.level == 0 for b in state.blocks)
    root_tag = state.config.division or ("book" if has_divisions else "article")
    root = el(root_tag, version="5.0", xml_lang=state.config.language)
    _build_info(state, root)
    _Builder(state, root, root_tag == "book").run()
    return root


def mark_empty_headings(state: State) -> None:
    """A division or section with nothing under its title (none in the source, or its only block became
    footnotes) is invalid DocBook and suspect: a remark says so in the book, and the report flags it."""
    root = state.tree
    heads = {f"{{{DB}}}{t}" for t in ("title", "subtitle", "info")}
    for element in root.iter(*(f"{{{DB}}}{t}" for t in ("chapter", "preface", "appendix", "part", "section"))):
        if any(isinstance(c.tag, str) and c.tag not in heads for c in element):
            continue
        source = next((c for c in element if isinstance(c, etree._ProcessingInstruction)), None)
        line = int(source.text.split("-")[0]) if source is not None and source.text[:1].isdigit() else None
        title = element.find(f"{{{DB}}}title")
        state.diagnostics.add("flag.empty-heading", line, "".join(title.itertext()) if title is not None else "")
        sub(element, "remark", "Nothing stands under this heading in the source.", role="empty")
    if root.tag == f"{{{DB}}}article" and not any(isinstance(c.tag, str) and c.tag not in heads for c in root):
        state.diagnostics.add("flag.empty-heading", None, "the whole text: nothing stands under the title block")
        sub(root, "remark", "Nothing stands under the title in the source.", role="empty")


def _build_info(state: State, root: etree._Element) -> None:
    config, info = state.config, state.info
    box = sub(root, "info")
    title = config.title or info.title or config.slug
    sub(box, "title", title)
    if info.title and config.title and _words(info.title) != _words(title) + _words(config.subtitle or ""):
        state.diagnostics.add("furniture.title-line", info.title_line, info.title)
    if config.subtitle:
        sub(box, "subtitle", config.subtitle)
    for name in config.authors or info.authors:
        sub(sub(box, "author"), "personname", name)
    for name in info.authors:
        if config.authors and name not in config.authors:
            sub(sub(box, "author"), "personname", name)
    if config.pubdate:
        sub(box, "pubdate", config.pubdate)
    if config.publisher:
        sub(sub(box, "publisher"), "publishername", config.publisher)
    if config.edition:
        sub(box, "edition", config.edition)
    for role, isbn in (("epub", config.isbn_epub), ("print", config.isbn_print)):
        if isbn:
            sub(box, "biblioid", isbn, **{"class": "isbn", "role": role})
    for line in info.sources:
        sub(box, "bibliosource", line)
    if config.source:
        sub(box, "bibliosource", config.source)
    if info.blurb:
        abstract = sub(box, "abstract")
        for block in info.blurb:
            _source_pi(abstract, block)
            sub(abstract, "para", block.text)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _source_pi(parent: etree._Element, block: Block) -> None:
    parent.append(etree.ProcessingInstruction(SOURCE_PI, block.source_range))


class _Builder:
    """Walks the blocks once, keeping the open division and section."""

    def __init__(self, state: State, root: etree._Element, book: bool):
        self.state, self.root, self.book = state, root, book
        self.division: etree._Element | None = None
        self.section: etree._Element | None = None
        self.subsection: etree._Element | None = None
        self.ids: set[str] = set()

    @property
    def container(self) -> etree._Element:
        if self.subsection is not None:
            return self.subsection
        if self.section is not None:
            return self.section
        if self.division is not None:
            return self.division
        if self.book:  # text before the first division of a book: an untitled preface
            self.division = sub(self.root, "preface", xml_id=self._id("front"))
            sub(self.division, "title")
            return self.division
        return self.root

    def run(self) -> None:
        lost_pages = sorted(self.state.lost_pages.items())
        for block in self.state.blocks:
            while lost_pages and lost_pages[0][0] < block.first:  # a page lost before it: its text is no one's
                sub(self.container, "remark", f"{lost_pages.pop(0)[1]} page(s) lost here in the source.", role="lost-page")
            if block.lost_before and block.kind != "heading":
                self._lost(block)
            getattr(self, "_" + block.kind.replace("-", "_"))(block)
            if block.lost_before and block.kind == "heading":
                self._lost(block)  # inside the division or section it opens
            for note in block.notes:
                sub(self.container, "remark", note)
        for _, pages in lost_pages:  # the text's last pages
            sub(self.container, "remark", f"{pages} page(s) lost here in the source.", role="lost-page")

    def _lost(self, block: Block) -> None:
        self.state.diagnostics.add("flag.lost-line", block.first - 1, count=block.lost_before)
        sub(self.container, "remark", f"{block.lost_before} line(s) lost here in the source.", role="lost-line")

    def _id(self, stem: str) -> str:
        stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:40].strip("-") or "x"
        if not stem[0].isalpha():
            stem = "id-" + stem
        candidate, n = stem, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{stem}-{n}"
        self.ids.add(candidate)
        return candidate

    def _heading(self, block: Block) -> None:
        title = block.text
        if block.level == 0:
            tag = block.division or "chapter"
            attrs = {"xml_id": self._id(f"{tag}-{block.label}" if block.label else title)}
            if block.label:
                attrs["label"] = block.label
            self.division = parent = el(tag, **attrs)
            self.root.append(parent)
            self.section = self.subsection = None
        else:
            attrs = {"xml_id": self._id(f"s-{block.label}-{title}" if block.label else title)}
            if block.label:
                attrs["label"] = block.label
            parent = el("section", **attrs)
            self.subsection = None
            if block.level == 2 and self.section is not None:  # a section's own numbered sections
                self.section.append(parent)
                self.subsection = parent
            else:
                self.section = None
                self.container.append(parent)
                self.section = parent
        parent.append(etree.ProcessingInstruction(SOURCE_PI, block.source_range))
        title_el = sub(parent, "title", title)
        if block.restored:
            title_el.set("revisionflag", "added")
        if block.subtitle:
            sub(parent, "subtitle", block.subtitle)

    def _block(self, block: Block, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
        _source_pi(self.container, block)
        return sub(self.container, tag, block.text if text is None else text, **attrs)

    def _para(self, block: Block) -> None:
        if block.text:
            self._block(block, "para")


    def _quote(self, block: Block) -> None:
        quote = self._block(block, "blockquote", "")
        quote.text = None
        sub(quote, "para", block.text)

    def _attribution(self, block: Block) -> None:
        previous = self.container[-1] if len(self.container) else None
        if previous is not None and previous.tag == f"{{{DB}}}para" and previous.get("role") is None:
            previous.tag = f"{{{DB}}}blockquote"
            inner = el("para", previous.text)
            for child in list(previous):
                inner.append(child)
            previous.text = None
            previous.append(inner)
        elif previous is not None and previous.tag == f"{{{DB}}}literallayout":
            quote = el("blockquote")
            previous.addprevious(quote)
            quote.append(previous)
            previous = quote
        if previous is not None and previous.tag == f"{{{DB}}}blockquote" and previous.find(f"{{{DB}}}attribution") is None:
            attribution = el("attribution", block.text.strip().removeprefix("(").removesuffix(")").strip())
            previous.insert(len(previous.findall(f"{{{DB}}}info")), attribution)
            attribution.addprevious(etree.ProcessingInstruction(SOURCE_PI, block.source_range))
        else:
            self._block(block, "para", role="source")

    def _verse(self, block: Block) -> None:
        self._block(block, "literallayout", "\n".join(block.lines), role="verse")

    def _dialogue(self, block: Block) -> None:
        _source_pi(self.container, block)
        for line in block.lines:
            sub(self.container, "para", line, role="dialogue")

    def _list(self, block: Block) -> None:
        numbered = all(re.match(r"^(\(?\d+[.)]|\[\d+\])", t) for t in block.lines)
        _source_pi(self.container, block)
        box = sub(self.container, "orderedlist" if numbered else "itemizedlist")
        for line in block.lines:
            marker = re.match(r"^(\(?(\d+|[a-z])[.)]|\[(\d+)\]|[•·▪–-])\s*", line)
            item = sub(box, "listitem")
            if numbered and marker:
                item.set("override", marker.group(2) or marker.group(3))
                line = line[marker.end():]
            sub(item, "para", line)

    def _notes_heading(self, block: Block) -> None:
        self._block(block, "para", role="notes-heading")

    def _dateline(self, block: Block) -> None:
        self._block(block, "para", role="dateline")

    def _byline(self, block: Block) -> None:
        self._block(block, "para", role="byline")

    def _epigraph(self, block: Block) -> None:
        epigraph = self._block(block, "epigraph", "")
        epigraph.text = None
        sub(epigraph, "attribution", block.attribution)
        if len(block.lines) > 1:  # verse
            sub(epigraph, "literallayout", "\n".join(block.lines), role="verse")
        else:
            sub(epigraph, "para", block.text)

    def _scene_break(self, block: Block) -> None:
        self._block(block, "bridgehead", block.text, renderas="other", otherrenderas="scene-break")

    def _poem_title(self, block: Block) -> None:
        self._block(block, "bridgehead", block.text, renderas="other", otherrenderas="poem-title")

    def _table(self, block: Block) -> None:
        grid = block.table
        _source_pi(self.container, block)
        if grid.caption is None:  # a table the source gave no caption
            table = sub(self.container, "informaltable", xml_id=self._id(f"table-{grid.number}"), frame="all")
        else:
            table = sub(self.container, "table", xml_id=self._id(f"table-{grid.number}"), label=grid.number,
                        frame="all")
            sub(table, "title", grid.caption)
        group = sub(table, "tgroup", cols=str(grid.columns))
        for n in range(1, grid.columns + 1):
            sub(group, "colspec", colname=f"c{n}")
        head = [r for r in grid.rows if r.header]
        body = [r for r in grid.rows if not r.header]
        if not body:  # a table is its body: a lone row of heads is read as one
            head, body = [], head
        for part, rows in (("thead", head), ("tbody", body)):
            if not rows:
                continue
            box = sub(group, part)
            for row in rows:
                row_el = sub(box, "row")
                for cell in row.cells:
                    attrs = {"namest": "c1", "nameend": f"c{grid.columns}"} if row.spanning and grid.columns > 1 else {}
                    if cell.text is None:
                        attrs["role"] = "lost"
                    elif cell.supplied:
                        attrs.update(role="supplied", revisionflag="added")
                    sub(row_el, "entry", cell.text, **attrs)

    def _lost_tail(self, block: Block) -> None:
        pass  # its lost lines were reported by run()
