"""Load articles from .txt, .md, .html, .json and .jsonl files, with their metadata."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .. import yamlfile
from ..errors import InputError
from ..files import SUFFIXES, iter_paths
from ..models import Document, share_records
from .html_text import html_to_text

MAX_BYTES = 20 * 1024 * 1024

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
TITLE_KEYS = ("title", "headline")
SOURCE_KEYS = ("source", "outlet", "publisher", "site", "site_name", "source_domain")
URL_KEYS = ("url", "link", "canonical")
DATE_KEYS = ("published", "date", "published_at", "publication_date", "date_publish", "pubdate", "datePublished",
             "date_published", "published_on")


HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# The rest: files whose document is their text after any front matter (see `load_file`), so it can be read again
TEXT_SUFFIXES = frozenset(SUFFIXES.difference(HTML_SUFFIXES, JSON_SUFFIXES, JSONL_SUFFIXES))


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The file's text, refusing what is too large, empty, binary or not UTF-8."""
    name = path.as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file too large ({size:,} bytes; the limit is {max_bytes:,})", name)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if not data.strip():
        raise InputError("empty file", name)
    if b"\x00" in data[:65536]:
        raise InputError("binary file (contains NUL bytes), not text", name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", name, line) from None


def parse_date(value: Any, path: str, line: int | None = None) -> date | None:
    """A publication date from metadata: a date, a datetime or an ISO-like or written string."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and 1800 <= value <= 2200:
        return date(int(value), 1, 1)
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from ..normalize.dates import parse_date_expression

    parsed = parse_date_expression(text)
    if parsed is None:
        raise InputError(f"cannot read the publication date {text!r}", path, line)
    return parsed


def _pick(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for k in keys:
        if lowered.get(k.lower()) not in (None, ""):
            return lowered[k.lower()]
    return None


def _document(path: str, text: str, meta: dict[str, Any], line_map: list[int], meta_line: int | None,
              line_shift: int = 0) -> Document:
    def as_str(v: Any) -> str | None:
        return None if v is None else str(v)

    return Document(
        path=path,
        title=as_str(_pick(meta, TITLE_KEYS)),
        source=as_str(_pick(meta, SOURCE_KEYS)),
        url=as_str(_pick(meta, URL_KEYS)),
        published=parse_date(_pick(meta, DATE_KEYS), path, meta_line),
        text=text,
        line_map=line_map,
        line_shift=line_shift,
    )


_SIMPLE_LINE = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^\s\[{'\"&*!|>%@`#][^#]*?)[ \t]*$|^\s*$")


def _simple_front_matter(lines: list[str]) -> dict[str, Any] | None:
    """Plain `key: value` lines read without a YAML parser (a tenth of its cost); None when YAML is needed."""
    meta: dict[str, Any] = {}
    for line in lines:
        m = _SIMPLE_LINE.match(line)
        if m is None:
            return None
        if m.group(1):
            meta[m.group(1)] = m.group(2)
    return meta


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """YAML front matter between `---` lines, the body, and how many file lines precede the body."""
    if not text.startswith("---"):
        return {}, text, 0
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text, 0
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            simple = _simple_front_matter(lines[1:i])
            if simple is not None:
                return simple, "\n".join(lines[i + 1 :]), i + 1
            try:
                meta = yamlfile.load("\n".join(lines[1:i])) or {}
            except yaml.MarkedYAMLError as exc:
                line = exc.problem_mark.line + 2 if exc.problem_mark else 1
                raise InputError(f"invalid front matter: {exc.problem}", path, line) from None
            if not isinstance(meta, dict):
                raise InputError("front matter must be a mapping of keys to values", path, 2)
            return meta, "\n".join(lines[i + 1 :]), i + 1
    raise InputError("front matter starts with '---' but never ends", path, 1)


# Keys a plain header may hold, as scrapers write them ("Published: 2025-03-14", "Source: Reuters").
HEADER_KEYS = frozenset(k.lower().replace("_", " ") for k in (*TITLE_KEYS, *SOURCE_KEYS, *URL_KEYS, *DATE_KEYS)) | {
    "author", "authors", "byline", "publication date", "date published", "published on", "updated"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{1,24}):[ \t]+(\S.*?)[ \t]*$")


def split_header(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """A plain header of known `Key: value` lines ended by a blank line, the body, and the lines before the body.

    Without one (any unknown key, no blank line after, or a date that cannot be read) the whole text is the body:
    a first line such as "Update: the company said ..." is text, not metadata."""
    meta: dict[str, Any] = {}
    lines = text.split("\n", 12)[:12]
    for i, line in enumerate(lines):
        if not line.strip():
            if meta and i < len(lines) - 1 and _readable(meta, path):
                return meta, text.split("\n", i + 1)[i + 1], i + 1
            return {}, text, 0
        m = _HEADER_LINE.match(line)
        key = m.group(1).strip().lower().replace("_", " ").replace("-", " ") if m else ""
        if m is None or key not in HEADER_KEYS:
            return {}, text, 0
        meta[key.replace(" ", "_")] = m.group(2)
    return {}, text, 0


def _readable(meta: dict[str, Any], path: str) -> bool:
    try:
        parse_date(_pick(meta, DATE_KEYS), path)
    except InputError:
        return False
    return True


def load_text_file(path: Path, text: str) -> Document:
    """A .txt or .md file, with optional front matter or a plain header of known keys."""
    name = path.as_posix()
    meta, body, offset = split_front_matter(text, name)
    if not meta and offset == 0:
        meta, body, offset = split_header(text, name)
        return _document(name, body, meta, [], 1 if meta else None, offset)
    return _document(name, body, meta, [], 2 if meta else None, offset)


def load_html_file(path: Path, text: str) -> Document:
    """Visible text of an HTML page; metadata from <title>, <meta> and <time>."""
    body, line_map, meta = html_to_text(text)
    return _document(path.as_posix(), body, meta, line_map, None)


def _record(path: str, index: int, record: Any, line: int) -> Document:
    if not isinstance(record, dict):
        raise InputError(f"record {index} is not an object", path, line)
    text = _pick(record, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"record {index} has no text (expected one of: {', '.join(TEXT_KEYS)})", path, line)
    nested = record.get("metadata")
    meta = {**record, **(nested if isinstance(nested, dict) else {})}
    doc_path = f"{path}#{index}"
    return _document(doc_path, text, meta, [], line)


def load_json_file(path: Path, text: str) -> list[Document]:
    """Records in a JSON array, a single object, or an object with a `documents` list."""
    name = path.as_posix()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", name, exc.lineno) from None
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError("no records in the file", name)
    return [_record(name, i + 1, r, 1) for i, r in enumerate(records)]


def load_jsonl_file(path: Path, text: str) -> list[Document]:
    """One JSON record a line; blank lines are skipped."""
    name = path.as_posix()
    docs: list[Document] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", name, lineno) from None
        docs.append(_record(name, len(docs) + 1, record, lineno))
    if not docs:
        raise InputError("no records in the file", name)
    return docs


def load_file(path: Path, max_bytes: int = MAX_BYTES) -> list[Document]:
    """The documents one file holds."""
    text = read_text(path, max_bytes)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [load_html_file(path, text)]
    if suffix in JSON_SUFFIXES:
        return load_json_file(path, text)
    if suffix in JSONL_SUFFIXES:
        return load_jsonl_file(path, text)
    return [load_text_file(path, text)]


def load_documents(paths: list[str], max_bytes: int = MAX_BYTES, compress: bool = False) -> list[Document]:
    """Every document under `paths`; raises InputError naming the first bad file. With `compress`, no text is held
    whole from the time it is read: a text file's is read again from the file when needed (`Document.release`),
    others' are held compressed (`Document.compress`). A large corpus is then never held whole."""
    docs: list[Document] = []
    for p in iter_paths(paths):
        loaded = load_file(p, max_bytes)
        share_records(loaded)  # a record of set fields per document is a sixth of a corpus's documents' memory
        if compress:
            for d in loaded:
                if p.suffix.lower() in TEXT_SUFFIXES:
                    d.release()
                else:
                    d.compress()
        docs.extend(loaded)
    if not docs:
        raise InputError(f"no documents found (supported: {', '.join(sorted(SUFFIXES))})", " ".join(paths))
    return docs
