"""Proofreading: the diff between two versions of a book, the proof queue, and corrections that stick."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import MANUSCRIPTS, NS

BIN = Path(sys.executable).parent
EDITED = "back-in-the-ussr"


def cli(*args, cwd: Path | None = None, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(BIN / "bookbuild"), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                            timeout=600, env={**os.environ, "NO_COLOR": "1", **(env or {})})
    if check:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


def edited_copy(tmp_path: Path) -> Path:
    """The manuscript (a web dump: a paragraph a line) with a handful of known edits."""
    folder = tmp_path / EDITED
    shutil.copytree(MANUSCRIPTS / EDITED, folder)
    raw = next(folder.glob("*.txt"))
    lines = raw.read_text().split("\n")

    def at(start: str) -> int:
        return next(i for i, line in enumerate(lines) if line.startswith(start))

    # a word changed
    lines[at("We were fortunate")] = lines[at("We were fortunate")].replace("election campaign", "electoral campaign")
    # a paragraph moved: from the opening to after 'To understand the current crisis …'
    moved = lines.pop(at("Three years ago"))
    lines.pop(at("Instead we found") - 1)  # its blank line
    lines[at("To understand the current crisis") + 1:at("To understand the current crisis") + 1] = ["", moved]
    # a paragraph split in two at a sentence
    i = at("Thus the purges played a dual role")
    first, second = lines[i].split(". ", 1)
    lines[i:i + 1] = [first + ".", "", second]
    # a heading renamed
    lines[at("The Legacy of Terror")] = "The Legacy of the Terror"
    # a footnote's text changed
    i = at("  6. Interview with Kagarlitsky")
    lines[i] = lines[i].replace("Critique 22", "Critique 23")
    raw.write_text("\n".join(lines))
    return folder


def test_the_diff_reports_exactly_the_edits(tmp_path):
    from bookbuild.proof.diff import compare
    from bookbuild.proof.versions import load_version

    edited = edited_copy(tmp_path)
    comparison = compare(load_version(MANUSCRIPTS / EDITED).units, load_version(edited).units)
    kinds = sorted(change.kind for change in comparison.changes)
    assert kinds == ["changed", "heading-renamed", "moved", "note-changed", "split"], \
        [(c.kind, [u.text[:50] for u in c.old], [u.text[:50] for u in c.new]) for c in comparison.changes]
    by_kind = {change.kind: change for change in comparison.changes}
    assert [w for w in by_kind["changed"].words if w[0] != "="] == [("-", "election"), ("+", "electoral")]
    assert by_kind["moved"].new[0].text.startswith("Three years ago")
    assert [u.text[:20] for u in by_kind["split"].new] == ["Thus the purges play", by_kind["split"].new[1].text[:20]]
    assert by_kind["heading-renamed"].new[0].text == "The Legacy of the Terror"
    assert by_kind["note-changed"].new[0].key == "note 6" and ("+", "23.") in by_kind["note-changed"].words
    # the terminal: one line per change and its words, [-…-]{+…+} without colour, and a summary
    result = cli("diff", MANUSCRIPTS / EDITED, edited)
    assert "[-election-] {+electoral+}" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == ("5 change(s): 1 paragraph changed, 1 paragraph moved, "
                                                     "1 paragraph split, 1 heading renamed, 1 footnote changed")
    assert "\x1b[" not in result.stdout


def test_a_rewrapped_paragraph_is_no_change(tmp_path):
    """In a PDF extraction, lines are the printed page's: moving a word from one line to the next is
    a re-wrap, and the normalised text, which is what the diff compares, does not change."""
    folder = tmp_path / "revolution-betrayed"
    shutil.copytree(MANUSCRIPTS / "revolution-betrayed", folder)
    raw = next(folder.glob("*.txt"))
    lines = raw.read_text().split("\n")
    i = next(i for i in range(len(lines) // 2, len(lines)) if len(lines[i]) > 60 and len(lines[i + 1]) > 60
             and lines[i][-1].isalpha() and lines[i + 1][0].isalpha())
    head, last = lines[i].rsplit(" ", 1)
    lines[i:i + 2] = [head, last + " " + lines[i + 1]]
    raw.write_text("\n".join(lines))
    assert cli("diff", MANUSCRIPTS / "revolution-betrayed", folder).stdout.strip() == "no differences in the text"


def test_the_period_of_stagnation_is_chapter_6_of_the_larger_book_word_for_word():
    result = cli("diff", MANUSCRIPTS / "period-of-stagnation", MANUSCRIPTS / "russia-revolution-counter-revolution",
                 "--chapter", "6")
    assert result.stdout.strip() == "no differences in the text"
    missing = cli("diff", MANUSCRIPTS / EDITED, MANUSCRIPTS / "russia-revolution-counter-revolution",
                  "--chapter", "99", check=False)
    assert missing.returncode != 0 and missing.stderr.startswith("error: ") and "no chapter 99" in missing.stderr


def test_a_git_revision_against_the_working_tree(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(MANUSCRIPTS / EDITED, repo / "manuscript" / EDITED)
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "release", "--no-gpg-sign"], check=True)
    subprocess.run(git + ["tag", "v1"], check=True)
    raw = next((repo / "manuscript" / EDITED).glob("*.txt"))
    raw.write_text(raw.read_text().replace("election campaign", "electoral campaign", 1))
    result = cli("diff", repo / "manuscript" / EDITED, "--rev", "v1")
    assert "[-election-] {+electoral+}" in result.stdout and "1 change(s): 1 paragraph changed" in result.stdout
    bad = cli("diff", repo / "manuscript" / EDITED, "--rev", "no-such-tag", check=False)
    assert bad.returncode != 0 and bad.stderr.startswith("error: ") and "Traceback" not in bad.stderr


def _dom(page: Path, tmp_path: Path, fragment: str = ""):
    chromium = shutil.which("chromium") or pytest.fail("Chromium is not installed: run scripts/setup.sh --test")
    proc = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri() + fragment],
                          capture_output=True, text=True, timeout=120)
    return etree.fromstring(proc.stdout.encode(), etree.HTMLParser())


def _internal_links_resolve(dom) -> int:
    ids = set(dom.xpath("//@id"))
    links = [href[1:] for href in dom.xpath("//a/@href") if href.startswith("#")]
    assert links and all(link in ids for link in links), [link for link in links if link not in ids]
    assert not [href for href in dom.xpath("//a/@href|//link/@href|//img/@src|//script/@src")
                if not href.startswith("#")]  # self-contained: nothing outside the file
    return len(links)


def test_the_html_diff_and_the_proof_queue_open_in_a_browser_and_their_links_work(tmp_path):
    edited = edited_copy(tmp_path)
    report = tmp_path / "diff.html"
    cli("diff", MANUSCRIPTS / EDITED, edited, "--html", report)
    dom = _dom(report, tmp_path)
    chapters = dom.xpath("//nav//a")
    assert chapters and all(a.get("href").startswith("#chapter-") for a in chapters)
    assert _internal_links_resolve(dom) >= 5 + len(chapters)
    assert dom.xpath("//del[text()='election']") and dom.xpath("//ins[text()='electoral']")
    source_links = dom.xpath("//p[@class='where']/a")
    assert len(source_links) >= 5 and all(a.get("href")[1:].startswith(("old-", "new-")) for a in source_links)

    cli("proof", MANUSCRIPTS / "socialism-and-the-soviet-union", "--out", tmp_path / "proof")
    queue = json.loads((tmp_path / "proof" / "socialism-and-the-soviet-union.proof.json").read_text())
    report = json.loads(cli("build", MANUSCRIPTS / "socialism-and-the-soviet-union", "--format", "xml",
                            "--out", tmp_path / "dist").stdout and
                        (tmp_path / "dist" / "socialism-and-the-soviet-union" /
                         "socialism-and-the-soviet-union.report.json").read_text())
    flags = [item for item in report["items"] if item["severity"] == "flag"]
    assert len(queue["items"]) >= len(flags) > 0
    lines = [item["line"] for item in queue["items"] if item["line"] is not None]
    assert lines == sorted(lines)  # reading order
    assert all(item["context"] and item["source"] for item in queue["items"] if item["line"] is not None)
    dom = _dom(tmp_path / "proof" / "socialism-and-the-soviet-union.proof.html", tmp_path)
    assert len(dom.xpath("//div[@class='item']")) == len(queue["items"])
    _internal_links_resolve(dom)


CORRECTED = "Ta Title\n\nChapter 1\n\nA first paragraph, which says somthing worth keeping.\n\nChapter 2\n\nAnother.\n"
TOML = 'title = "A Book"\nauthors = ["An Author"]\nlanguage = "en"\nsources = ["raw.txt"]\npubdate = "1921"\n'


def test_a_correction_changes_the_xml_epub_and_pdf_shows_in_the_diff_and_a_stale_one_fails(tmp_path):
    folder = tmp_path / "manuscript" / "a-book"
    folder.mkdir(parents=True)
    (folder / "book.toml").write_text(TOML)
    (folder / "raw.txt").write_text(CORRECTED)
    before = tmp_path / "before"
    shutil.copytree(folder, before / "a-book")
    (folder / "corrections.toml").write_text(
        '[[correction]]\nfind = "says somthing"\nreplace = "says something"\nnote = "a typo"\n')
    cli("build", folder, "--out", tmp_path / "dist")
    out = tmp_path / "dist" / "a-book"
    xml = etree.parse(str(out / "a-book.xml"))
    phrase = xml.xpath("//db:phrase[@role='correction']", namespaces=NS)
    assert [p.text for p in phrase] == ["says something"] and phrase[0].get("revisionflag") == "changed"
    assert "somthing" not in "".join(xml.getroot().itertext())
    with zipfile.ZipFile(out / "a-book.epub") as epub:
        text = b"".join(epub.read(n) for n in epub.namelist() if n.endswith(".xhtml")).decode()
    assert "says something" in text and "somthing" not in text
    pdf = subprocess.run(["pdftotext", str(out / "a-book.pdf"), "-"], capture_output=True, text=True).stdout
    assert "says something" in pdf and "somthing" not in pdf
    report = json.loads((out / "a-book.report.json").read_text())
    assert any(i["code"] == "restore.correction" and "a typo" in i["text"] for i in report["items"])
    assert not report["accounting"]["missing"] and not report["accounting"]["added"]
    diff = cli("diff", before / "a-book", folder)
    assert "[-somthing-] {+something+}" in diff.stdout
    # the source changed under the correction: the build stops and names it
    (folder / "raw.txt").write_text(CORRECTED.replace("says somthing", "says nothing"))
    stale = cli("build", folder, "--out", tmp_path / "dist", check=False)
    assert stale.returncode != 0 and stale.stderr.splitlines()[0].startswith("error: ")
    assert "corrections.toml:1: correction 1 (find 'says somthing') no longer matches" in stale.stderr
    assert "says something" in (out / "a-book.xml").read_text()  # the last release stays
    # text that occurs twice needs its line
    (folder / "raw.txt").write_text(CORRECTED.replace("Another.", "It says somthing too."))
    twice = cli("build", folder, "--out", tmp_path / "dist", check=False)
    assert "matches 2 places (source lines 5, 9); add line = N" in twice.stderr
    (folder / "corrections.toml").write_text('[[correction]]\nfind = "somthing"\nreplace = "something"\nline = 9\n')
    cli("build", folder, "--out", tmp_path / "dist", "--format", "xml")
    assert (out / "a-book.xml").read_text().count("somthing") == 1
