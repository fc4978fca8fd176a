"""Bad input: one line naming the file, exit code 1, nothing written, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_fixtures_paths import FIXTURES

_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
_PROSE = "A synthetic sentence about an example town and its example harbour. " * 4

BAD_INPUTS: dict[str, tuple[str, bytes, str]] = {
    # name: (file name, content, what the message must say)
    "empty": ("empty.txt", b"", "is empty"),
    "only blank lines": ("blank.txt", b"\n  \n\t\n", "is empty"),
    "png image": ("picture.txt", _PNG, "is a PNG image"),
    "pdf": ("article.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is a PDF document"),
    "docx": ("article.docx", b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
    "binary with NUL bytes": ("data.bin", b"abc\x00\x01\x02def\x00" * 50, "binary file"),
    "control characters": ("noise.txt", bytes(range(1, 9)) * 200, "binary file"),
    "a note, not an article": (
        "note.txt",
        b"Remember to call the example office.\n",
        "does not look like an article",
    ),
    "json data": (
        "data.txt",
        b'{"title": "Example", "items": [1, 2, 3]}\n',
        "does not look like an article",
    ),
    "page without article text": (
        "menu.html",
        b"<!doctype html><html><head><title>Example</title></head><body><nav><a href='/'>"
        b"Home</a> <a href='/a'>About</a></nav><footer>Example footer</footer></body></html>",
        "does not look like an article",
    ),
    "headline missing": (
        "untitled.txt",
        (_PROSE + "\n" + _PROSE + "\n").encode(),
        "has no headline",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_with_one_line(name: str, run_import, tmp_path: Path) -> None:
    file_name, content, message = BAD_INPUTS[name]
    source = tmp_path / file_name
    source.write_bytes(content)
    run = run_import(source)
    assert run.code == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1, run.stderr
    assert run.stderr.startswith(f"error: {source}: ")
    assert message in run.stderr
    assert "Traceback" not in run.stderr
    assert run.written() == []


def test_undetectable_encoding_is_refused(run_import, tmp_path: Path) -> None:
    # High bytes in no pattern any legacy encoding explains (and invalid as UTF-8).
    noise = bytes((0x80 + (i * 37 + i // 7 * 11) % 128) for i in range(600))
    source = tmp_path / "noise.txt"
    source.write_bytes(b"Title: Example article 15\n\n" + noise)
    run = run_import(source)
    assert run.code == 1
    assert run.stderr.startswith(f"error: {source}: is not UTF-8 (byte ")
    assert "its encoding could not be detected (save it as UTF-8 and import it again)" in run.stderr
    assert run.written() == []


def test_missing_file_and_folder(run_import, tmp_path: Path) -> None:
    missing = run_import(tmp_path / "nowhere.txt")
    assert missing.code == 1
    assert missing.stderr == f"error: {tmp_path / 'nowhere.txt'}: no such file\n"
    # A folder is a batch import; one with nothing to import says so.
    folder = run_import(tmp_path)
    assert folder.code == 1
    assert f"error: {tmp_path}: no pages or text files to import" in folder.stderr


def test_non_utf8_text_is_decoded_and_reported(run_import) -> None:
    run = run_import(FIXTURES / "text-cp1252/input.txt")
    assert run.code == 0
    assert "not UTF-8: decoded as cp1252" in run.stdout
    assert "“We’re back.”" in run.written()[0].read_text(encoding="utf-8")


def test_html_page_in_its_declared_charset(run_import, tmp_path: Path) -> None:
    page = (
        "<html><head><meta charset='iso-8859-1'><title>Example article 10</title></head>"
        f"<body><article><h1>Example article 10</h1><p>Caf\xe9 news: {_PROSE}</p>"
        f"<p>{_PROSE}</p></article></body></html>"
    )
    source = tmp_path / "latin1.html"
    source.write_bytes(page.encode("latin-1"))
    run = run_import(source, "--date", "2026-01-20")
    assert run.code == 0, run.stderr
    assert "decoded as iso8859-1, the charset the page declares" in run.stdout
    assert "Café news:" in run.written()[0].read_text(encoding="utf-8")


def test_utf16_text_with_byte_order_mark(run_import, tmp_path: Path) -> None:
    source = tmp_path / "utf16.txt"
    source.write_bytes(f"Title: Example article 11\n\n{_PROSE}\n".encode("utf-16"))
    run = run_import(source, "--date", "2026-01-20")
    assert run.code == 0, run.stderr
    assert "decoded as UTF-16" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "25 January 2026"], "date '25 January 2026' is not an ISO date"),
        (["--date", "2026-02-30"], "is not an ISO date"),
        (["--topics", "Rafah Crossing"], "did you mean 'rafah-crossing'?"),
    ],
)
def test_bad_options_are_refused(args: list[str], message: str, run_import) -> None:
    run = run_import(FIXTURES / "text-no-date/input.txt", *args)
    assert run.code == 1
    assert message in run.stderr
    assert run.stderr.count("\n") == 1
    assert run.written() == []
