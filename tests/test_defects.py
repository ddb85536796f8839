"""Bad and unusual input, one test per defect found by probing: each is built or refused with one
clear line, never an internal error, and a release in dist/ is replaced whole or not at all."""

import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import bookbuild.publish
from bookbuild.proof.check import run_epubcheck
from test_cli import GOOD_TOML, TEXT, assert_one_line_error, book, run

P = "The parties won their votes in the elections that year, and the count was disputed for months.\n\n"
TABLE = "A Title\n\n(1.2) Votes\n\nPeasant Parties\n\nRussian SRs\n\n\nUkrainian SRs\n\n\n" + P


def built(tmp_path, folder, formats="xml"):
    result = run("build", str(folder), "--out", str(tmp_path / "out"), "--format", formats)
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / folder.name, result


def test_two_authors_give_a_clean_epub(tmp_path):
    folder = book(tmp_path, toml=GOOD_TOML.replace('["A"]', '["Alice Smith", "Bob Jones"]'))
    out, _ = built(tmp_path, folder, "epub")
    result = run_epubcheck(out / "a-book.epub")
    assert result.clean, result.messages
    opf = zipfile.ZipFile(out / "a-book.epub").read("EPUB/content.opf").decode()
    assert opf.count("<dc:creator") == 2 and "Alice Smith" in opf and "Bob Jones" in opf


def test_form_feed_inside_a_line_is_a_page_break_in_all_three_formats(tmp_path):
    folder = book(tmp_path, raw=b"A Title\n\nFirst paragraph of the text.\fSecond page text.\n")
    out, _ = built(tmp_path, folder, "xml,epub,pdf")
    assert "<para>First paragraph of the text. Second page text.</para>" in (out / "a-book.xml").read_text()
    assert "line 3  paragraph joined across a page break" in (out / "a-book.report.txt").read_text()
    text = subprocess.run(["pdftotext", str(out / "a-book.pdf"), "-"], capture_output=True, text=True).stdout
    assert "First paragraph of the text. Second page text." in " ".join(text.split())
    assert run_epubcheck(out / "a-book.epub").clean


@pytest.mark.parametrize("character", ["\x07", "\ufffe", "\x1b", "\x85"])
def test_stray_control_characters_are_removed_and_reported(tmp_path, character):
    folder = book(tmp_path, raw=f"A Title\n\nFirst para{character}graph of the text.\n".encode())
    out, _ = built(tmp_path, folder)
    assert "<para>First paragraph of the text.</para>" in (out / "a-book.xml").read_text()
    assert f"line 3  control character(s) removed: U+{ord(character):04X}" in (out / "a-book.report.txt").read_text()


@pytest.mark.parametrize("toml, needle", [
    (GOOD_TOML.replace('"T"', '"Bad\\u0007Title"'), "book.toml:1: 'title' holds the control character U+0007"),
    (GOOD_TOML.replace('["A"]', '["Al\\u0000ice"]'), "book.toml:2: 'authors' holds the control character U+0000"),
    (GOOD_TOML.replace('"T"', '"' + "A very long title " * 6000 + '"'), "book.toml:1: 'title' is 108000 characters"),
    (GOOD_TOML + 'pubdate = "yesterday"\n', "book.toml:5: 'pubdate' must be an ISO date"),
    (GOOD_TOML + 'pubdate = "2017-13"\n', "'pubdate' must be an ISO date"),
    (GOOD_TOML + 'pubdate = "1 May 2017"\n', "'pubdate' must be an ISO date"),
    (GOOD_TOML + 'encoding = "klingon"\n', "book.toml:5: unknown encoding 'klingon'"),
])
def test_bad_book_toml_values_are_one_line(tmp_path, toml, needle):
    result = run("build", str(book(tmp_path, toml=toml)), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, needle)


@pytest.mark.parametrize("pubdate", ['"2017"', '"2017-05"', '"2017-05-01"', "2017-05-01"])
def test_iso_dates_are_accepted(tmp_path, pubdate):
    out, _ = built(tmp_path, book(tmp_path, toml=GOOD_TOML + f"pubdate = {pubdate}\n"))
    assert f"<pubdate>{pubdate.strip(chr(34))}</pubdate>" in (out / "a-book.xml").read_text()


def test_latin1_text_is_read_right_and_the_guess_is_said(tmp_path):
    raw = ("A Title\n\n" + "naïve café déjà vu, über straße. " * 50 + "\n").encode("latin-1")
    out, result = built(tmp_path, book(tmp_path, raw=raw))
    assert "naïve café déjà vu, über straße." in (out / "a-book.xml").read_text()
    assert "warning: a-book: the text encoding is a guess: raw.txt read as cp1252" in result.output
    assert "raw.txt read as cp1252" in (out / "a-book.report.txt").read_text()


def test_encoding_in_book_toml_overrides_the_guess(tmp_path):
    raw = "A Title\n\nPříliš žluťoučký kůň úpěl ďábelské ódy, řekl.\n".encode("cp1250")
    out, result = built(tmp_path, book(tmp_path, toml=GOOD_TOML + 'encoding = "cp1250"\n', raw=raw))
    assert "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl." in (out / "a-book.xml").read_text()
    assert "warning" not in result.output


def test_a_title_near_the_limit_sets_quickly_with_a_one_line_running_head(tmp_path):
    title = " ".join(f"Longword{i}" for i in range(27))
    chapter = "Chapter 1\n\n" + "A long paragraph of the text of the chapter, which runs on and on. " * 120 + "\n"
    folder = book(tmp_path, toml=GOOD_TOML.replace('"T"', f'"{title}"'), raw=f"{title}\n\n{chapter}".encode())
    out, _ = built(tmp_path, folder, "pdf")
    pages = subprocess.run(["pdftotext", "-layout", str(out / "a-book.pdf"), "-"],
                           capture_output=True, text=True).stdout.split("\f")
    # the first page opens with the title block (a short work) and has no running head
    heads = [p.strip().splitlines()[0] for p in pages[1:] if "Longword0" in p and "paragraph of the text" in p]
    assert heads and all(len(h.split()) <= 8 and h.rstrip().endswith("…") for h in heads), heads


def table_book(tmp_path, csv_text=None):
    folder = book(tmp_path, raw=TABLE.encode())
    if csv_text is not None:
        (folder / "tables").mkdir()
        (folder / "tables" / "1.2.csv").write_text(csv_text)
    return folder


@pytest.mark.parametrize("character", ["\x00", "\x07"])
def test_control_character_in_table_data_is_one_line(tmp_path, character):
    folder = table_book(tmp_path, f"Peasant Parties,\nRussian SRs,16{character}500\nUkrainian SRs,4400000\n")
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, "tables/1.2.csv:2:", f"U+{ord(character):04X}")


def test_data_file_for_a_table_the_book_lacks_is_an_error(tmp_path):
    folder = table_book(tmp_path)
    (folder / "tables").mkdir()
    (folder / "tables" / "9.9.csv").write_text("a,b\n")
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, "tables/9.9.csv", "a table the book does not have")


def test_table_data_symlinked_from_outside_is_refused(tmp_path):
    folder = table_book(tmp_path)
    (folder / "tables").mkdir()
    outside = tmp_path / "outside.csv"
    outside.write_text("Peasant Parties,\nRussian SRs,1\nUkrainian SRs,2\n")
    (folder / "tables" / "1.2.csv").symlink_to(outside)
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, "tables/1.2.csv", "inside the manuscript folder")


def test_blank_value_in_table_data_is_reported_as_blank_not_as_no_data_file(tmp_path):
    out, _ = built(tmp_path, table_book(tmp_path, "Peasant Parties,\nRussian SRs,\nUkrainian SRs,2\n"))
    report = (out / "a-book.report.txt").read_text()
    assert "1 lost cell(s) its data file leaves blank: (1.2) Votes" in report
    assert "no data file" not in report


def test_supplied_cells_and_urls_keep_their_quotes(tmp_path):
    folder = table_book(tmp_path, "Peasant Parties,\nRussian SRs,\"16 \"\"final\"\"\"\nUkrainian SRs,2\n")
    (folder / "raw.txt").write_text(TABLE + 'See https://example.org/search?q="bread"&x=1 and "this".\n')
    out, _ = built(tmp_path, folder)
    xml = (out / "a-book.xml").read_text()
    assert '16 "final"' in xml
    assert 'https://example.org/search?q="bread"&amp;x=1 and “this”.' in xml


def test_a_number_in_brackets_after_a_word_is_no_call_where_notes_are_called_otherwise(tmp_path):
    raw = ("A Title\n\nChapter 1\n\nThe script calls alert(1) in running text, which is a long enough sentence.\n\n"
           "A claim that needs a source.[1] And another one, sourced as well.[2]\n\nNotes\n\n"
           "[1] The first source.\n\n[2] The second source.\n")
    out, _ = built(tmp_path, book(tmp_path, raw=raw.encode()))
    xml = (out / "a-book.xml").read_text()
    assert "calls alert(1) in running text" in xml
    assert xml.count("<footnote") == 2


def test_unwritable_out_is_one_line_before_any_work(tmp_path):
    folder = book(tmp_path)
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    for out in ("/proc/bookbuild-out", str(a_file / "dist")):
        result = run("build", str(folder), "--out", out)
        assert_one_line_error(result, out, "cannot write the output folder", "--out")
        assert "built" not in result.output


MANIFEST = ["SHA256SUMS", "catalog.xml", "index.html", "release.json"]  # beside the books, in sorted order


def release(out):
    return {p.name: p.read_bytes() for p in out.iterdir()}


@pytest.mark.parametrize("exchange", [True, False], ids=["rename-exchange", "two-renames"])
def test_a_build_that_fails_while_swapping_in_leaves_the_previous_release_whole(tmp_path, monkeypatch, exchange):
    folder = book(tmp_path)
    out, _ = built(tmp_path, folder, "xml,epub")
    before = release(out)
    (folder / "raw.txt").write_text(TEXT.replace("says something", "says something else"))
    real_rename = os.rename
    if exchange:
        def failing_exchange(a, b):
            raise OSError(5, "Input/output error")
        monkeypatch.setattr(bookbuild.publish, "_exchange", failing_exchange)
    else:  # the fallback: the previous release moved aside, then the second rename fails
        monkeypatch.setattr(bookbuild.publish, "_exchange", lambda a, b: False)

        def rename(src, dst):
            if ".staging-" in str(src):
                raise OSError(28, "No space left on device")
            real_rename(src, dst)
        monkeypatch.setattr(os, "rename", rename)
    result = run("build", str(folder), "--out", str(tmp_path / "out"), "--format", "xml,epub")
    assert_one_line_error(result, "cannot write the book's outputs", "nothing was changed")
    assert release(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([".a-book.lock", *MANIFEST, "a-book"])


def test_a_build_killed_while_swapping_in_is_repaired_by_the_next(tmp_path):
    folder = book(tmp_path)
    out, _ = built(tmp_path, folder, "xml,epub")
    before = release(out)
    # what a kill between the two renames of the fallback leaves: the release aside, staging beside it
    os.rename(out, out.parent / ".a-book.previous")
    (out.parent / ".a-book.staging-x1").mkdir()
    (out.parent / ".a-book.staging-x1" / "a-book.xml").write_text("half")
    bookbuild.publish.clean_stale(out.parent, "a-book")
    assert release(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == sorted([".a-book.lock", *MANIFEST, "a-book"])


def test_a_book_folder_holds_exactly_the_outputs_of_its_last_build(tmp_path):
    folder = book(tmp_path)
    out, _ = built(tmp_path, folder, "xml,epub,pdf")
    (out / ".a-book.xml.x1.tmp").write_text("left by an old build")
    built(tmp_path, folder, "xml")
    assert sorted(p.name for p in out.iterdir()) == ["a-book.build.json", "a-book.report.json", "a-book.report.txt",
                                                     "a-book.xml"]


def test_check_fails_on_a_dangling_epub(tmp_path):
    folder = tmp_path / "dist" / "a-book"
    folder.mkdir(parents=True)
    (folder / "a-book.epub").symlink_to(tmp_path / "nowhere.epub")
    result = run("check", str(folder))
    assert result.exit_code == 1 and "1 problem(s)" in result.output and "dangling" in result.output


def test_check_never_fetches_a_dtd_named_in_the_xml(tmp_path):
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY x "y">')

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out, _ = built(tmp_path, book(tmp_path))
        xml = out / "a-book.xml"
        url = f"http://127.0.0.1:{server.server_address[1]}/jing-dtd"
        xml.write_text(xml.read_text().replace("?>\n", f'?>\n<!DOCTYPE article SYSTEM "{url}">\n', 1))
        assert etree.parse(str(xml)).docinfo.system_url == url
        result = run("check", str(out))
    finally:
        server.shutdown()
    assert requests == []
    assert result.exit_code == 1 and "has a DOCTYPE" in result.output


def test_two_builds_into_one_folder_at_once_both_succeed_with_one_release(tmp_path):
    folder = book(tmp_path)
    exe = shutil.which("bookbuild", path=str(Path(sys.executable).parent))
    out = tmp_path / "out"
    command = [exe, "build", str(folder), "--out", str(out), "--format", "xml,epub"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for proc in runs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0 and ("built a-book" in stdout or "up to date a-book" in stdout), stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([".a-book.lock", *MANIFEST, "a-book"])
    assert sorted(p.name for p in (out / "a-book").iterdir()) == [
        "a-book.build.json", "a-book.epub", "a-book.report.json", "a-book.report.txt", "a-book.xml"]
    assert run_epubcheck(out / "a-book" / "a-book.epub").clean
