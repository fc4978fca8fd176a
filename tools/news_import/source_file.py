"""Read the file to import: refuse empty and binary files, decode, tell HTML from text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from news_import.errors import ImportInputError

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
# Signatures of common binary formats, to name what the editor passed by mistake.
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt file?)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)
_HTML_START = re.compile(rb"\A\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass
class SourceFile:
    path: Path
    text: str
    is_html: bool
    encoding_note: str | None = None


def read_source(path: Path) -> SourceFile:
    """Return the decoded text of ``path``; raise :class:`ImportInputError` for bad input."""
    name = str(path)
    if not path.exists():
        raise ImportInputError(name, "no such file")
    if path.is_dir():
        raise ImportInputError(name, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportInputError(name, f"cannot be read: {error.strerror}") from None
    if not data.strip():
        raise ImportInputError(name, "is empty", hint="nothing to import")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportInputError(name, f"is {what}, not text or HTML")
    is_html = path.suffix.lower() in _HTML_SUFFIXES or bool(_HTML_START.match(data[:4096]))
    text, note = _decode(data, name, is_html)
    if _CONTROL.search(text[:65536]) and len(_CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise ImportInputError(name, "is a binary file, not text or HTML")
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(path=path, text=text, is_html=is_html, encoding_note=note)


def _decode(data: bytes, name: str, is_html: bool) -> tuple[str, str | None]:
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding), "decoded as UTF-16 (it has a byte-order mark)"
    if b"\x00" in data:
        raise ImportInputError(name, "is a binary file, not text or HTML")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        utf8_error = error
    declared = _declared_charset(data) if is_html else None
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return text, f"decoded as {declared}, the charset the page declares (not UTF-8)"
    guess = _detect(data)
    if guess is None:
        raise ImportInputError(
            name,
            f"is not UTF-8 (byte {utf8_error.start}) and its encoding could not be detected",
            hint="save it as UTF-8 and import it again",
        )
    encoding, text = guess
    return text, (f"not UTF-8: decoded as {encoding} (detected); check quotes, dashes and accents")


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    charset = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """The likeliest legacy encoding (cp1252, latin-1, ...) via charset-normalizer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if _CONTROL.search(text):
        return None
    # Single-byte guesses often tie; name cp1252 (the usual one for copied news text)
    # when it reads the bytes the same way.
    try:
        if data.decode("cp1252") == text:
            return "cp1252", text
    except UnicodeDecodeError:
        pass
    return best.encoding, text
