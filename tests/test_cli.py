"""The command line on good and bad input: one line, non-zero exit, no traceback, no half-written file."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bookbuild.cli import main

GOOD_TOML = 'title = "T"\nauthors = ["A"]\nlanguage = "en"\nsources = ["raw.txt"]\n'
TEXT = "A Title\n\nA first paragraph of the manuscript, which says something.\n\nAnother one, to close.\n"


def run(*args, cwd=None):
    runner = CliRunner()
    old = os.getcwd()
    if cwd:
        os.chdir(cwd)
    try:
        return runner.invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def book(tmp_path, toml=GOOD_TOML, raw: bytes = TEXT.encode()):
    folder = tmp_path / "manuscript" / "a-book"
    folder.mkdir(parents=True)
    if toml is not None:
        (folder / "book.toml").write_text(toml)
    (folder / "raw.txt").write_bytes(raw)
    return folder


def assert_one_line_error(result, *needles):
    assert result.exit_code != 0
    lines = [l for l in result.output.splitlines() if l.strip()]
    assert lines and lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]


def test_builds_a_folder_and_a_bare_text_file(tmp_path):
    folder = book(tmp_path)
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert {p.name for p in (tmp_path / "out" / "a-book").iterdir()} == {
        "a-book.xml", "a-book.epub", "a-book.pdf", "a-book-cover.pdf", "a-book-cover.png", "a-book.report.json",
        "a-book.report.txt",
        "a-book.build.json"}
    bare = tmp_path / "My Notes.txt"
    bare.write_text(TEXT)
    result = run("build", str(bare), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    xml = (tmp_path / "out" / "my-notes" / "my-notes.xml").read_text()
    assert "<title>A Title</title>" in xml and 'xml:lang="en"' in xml


@pytest.mark.parametrize("raw, needle", [
    (b"", "empty"),
    (b"text\x00with a NUL", "NUL"),
    (os.urandom(4096).replace(b"\x00", b"\x01") + b"\x00", "NUL"),
    (b"\x01\x02\x03\x04\x05\x06" * 200, "control characters"),
])
def test_bad_text_files(tmp_path, raw, needle):
    folder = book(tmp_path, raw=raw)
    out = tmp_path / "out"
    result = run("build", str(folder), "--out", str(out))
    assert_one_line_error(result, "raw.txt", needle)
    assert not list(out.rglob("*.*"))  # nothing written, not even a half


@pytest.mark.parametrize("toml, needle", [
    (None, "no book.toml"),
    ("title = [", "book.toml:1"),
    (GOOD_TOML.replace('title = "T"\n', ""), "missing required key 'title'"),
    (GOOD_TOML + "size = 3\n", "unknown key 'size'"),
    (GOOD_TOML.replace("raw.txt", "../../../etc/passwd"), "outside the manuscript folder"),
    (GOOD_TOML.replace("raw.txt", "nope.txt"), "does not exist"),
])
def test_bad_manuscript_folders(tmp_path, toml, needle):
    folder = book(tmp_path, toml=toml)
    result = run("build", str(folder), "--out", str(tmp_path / "out"))
    assert_one_line_error(result, needle)


def test_bad_arguments(tmp_path):
    assert_one_line_error(run("build", str(tmp_path / "missing")), "no such file or folder")
    assert_one_line_error(run("build", "--format", "mobi"), "unknown format 'mobi'")
    assert_one_line_error(run("build", cwd=tmp_path), "no manuscript folder")


def test_one_bad_book_does_not_stop_the_others(tmp_path):
    book(tmp_path)
    bad = tmp_path / "manuscript" / "b-book"
    bad.mkdir()
    (bad / "book.toml").write_text("oops = ")
    result = run("build", "--out", "out", cwd=tmp_path)
    assert result.exit_code == 1
    assert "built a-book" in result.output and "b-book" in result.output
    assert (tmp_path / "out" / "a-book" / "a-book.xml").is_file()


def test_one_line_of_fifty_megabytes(tmp_path):
    line = ("the workers state planned economy " * 1_500_000)[:50_000_000]
    bare = tmp_path / "long.txt"
    bare.write_text(line)
    result = run("build", str(bare), "--out", str(tmp_path / "out"), "--format", "xml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "long" / "long.xml").stat().st_size > 50_000_000


def test_real_process_prints_no_traceback(tmp_path):
    exe = shutil.which("bookbuild", path=str(Path(sys.executable).parent))
    folder = book(tmp_path, raw=b"\x00\x00")
    proc = subprocess.run([exe, "build", str(folder), "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 2 and "Traceback" not in proc.stderr  # the error and the summary


def test_check_validates_what_was_built(tmp_path):
    folder = book(tmp_path)
    out = tmp_path / "out"
    assert run("build", str(folder), "--out", str(out), "--format", "xml,epub").exit_code == 0
    result = run("check", str(out))
    assert result.exit_code == 0, result.output
    assert "checked" in result.output and "ok" in result.output
    xml = out / "a-book" / "a-book.xml"
    xml.write_text(xml.read_text().replace("<para>", "<paragraph>", 1).replace("</para>", "</paragraph>", 1))
    result = run("check", str(out))
    assert result.exit_code == 1 and "a-book.xml" in result.output


def test_release_date_from_source_date_epoch(monkeypatch):
    from datetime import datetime, timezone

    from bookbuild.render.release import release_date
    from conftest import make_config

    assert release_date(make_config(pubdate="September 2020")) == datetime(2020, 1, 1, tzinfo=timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert release_date(make_config(pubdate="2020")) == datetime.fromtimestamp(1700000000, tz=timezone.utc)


def test_a_book_without_chapter_headings_gives_a_clean_epub(tmp_path):
    folder = book(tmp_path, toml=GOOD_TOML + 'division = "book"\n')
    out = tmp_path / "out"
    assert run("build", str(folder), "--out", str(out), "--format", "xml,epub").exit_code == 0
    result = run("check", str(out / "a-book"))
    assert result.exit_code == 0, result.output
