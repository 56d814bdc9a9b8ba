"""Each input format, front matter and metadata, and folder walking."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.documents import load_documents
from factcheck.errors import InputError


def test_txt_with_front_matter_keeps_file_lines(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("---\ntitle: Acme news\nsource: Wire\nurl: https://example.com/a\npublished: 2025-06-20\n---\n"
                 "Acme was valued at $29 billion.\n", encoding="utf-8")
    (doc,) = load_documents([str(p)])
    assert (doc.title, doc.source, doc.url, doc.published) == ("Acme news", "Wire", "https://example.com/a",
                                                               dt.date(2025, 6, 20))
    assert doc.text.startswith("Acme") and doc.file_line(1) == 7


@pytest.mark.parametrize(("head", "published", "title"), [
    ("Published: 2025-03-14\n\n", dt.date(2025, 3, 14), None),
    ("Title: Jet crashes\nSource: Wire\nDate: March 14, 2025\n\n", dt.date(2025, 3, 14), "Jet crashes"),
    ("Publication date: 14 March 2025\n\n", dt.date(2025, 3, 14), None),
    # not a header, but text: an unknown key, no blank line after it, a date that cannot be read
    ("Update: the airline said more.\n\n", None, None),
    ("Date: 2025-03-14\n", None, None),
    ("Date: sometime soon\n\n", None, None),
])
def test_txt_with_a_plain_header(tmp_path: Path, head: str, published: dt.date | None, title: str | None) -> None:
    p = tmp_path / "a.txt"
    p.write_text(head + "Acme was valued at $29 billion.\n", encoding="utf-8")
    (doc,) = load_documents([str(p)])
    assert (doc.published, doc.title) == (published, title)
    assert doc.text.startswith("Acme") == (published is not None)
    at = doc.text.index("Acme")  # its file line either way
    assert doc.file_line(doc.text.count("\n", 0, at) + 1) == head.count("\n") + 1


def test_markdown_and_written_dates(tmp_path: Path) -> None:
    p = tmp_path / "b.md"
    p.write_text("---\npublished: June 20, 2025\n---\n# Acme\n\nAcme grew.\n", encoding="utf-8")
    (doc,) = load_documents([str(p)])
    assert doc.published == dt.date(2025, 6, 20)


def test_html_visible_text_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "c.html"
    p.write_text(
        "<html><head><title>Acme story</title><meta property='og:site_name' content='Daily'>"
        "<meta property='article:published_time' content='2025-06-20T10:00:00Z'>"
        "<script>var x = '$99 billion';</script><style>p{}</style></head>\n<body>\n"
        "<p>Acme was valued at\n$29 billion.</p>\n<p>Second paragraph.</p></body></html>\n", encoding="utf-8")
    (doc,) = load_documents([str(p)])
    assert doc.title == "Acme story" and doc.source == "Daily" and doc.published == dt.date(2025, 6, 20)
    assert "$99" not in doc.text and "var x" not in doc.text
    assert doc.text.split("\n") == ["Acme was valued at $29 billion.", "Second paragraph."]
    assert doc.file_line(1) == 3 and doc.file_line(2) == 5


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    j = tmp_path / "d.json"
    j.write_text(json.dumps([{"text": "Acme grew.", "title": "One", "published": "2025-01-02"},
                             {"body": "Globex fell.", "metadata": {"source": "Wire"}}]), encoding="utf-8")
    jl = tmp_path / "e.jsonl"
    jl.write_text('{"text": "Acme grew.", "url": "https://x"}\n\n{"content": "Globex fell."}\n', encoding="utf-8")
    docs = load_documents([str(tmp_path)])
    assert [d.path.rsplit("/", 1)[-1] for d in docs] == ["d.json#1", "d.json#2", "e.jsonl#1", "e.jsonl#2"]
    assert docs[0].published == dt.date(2025, 1, 2) and docs[1].source == "Wire" and docs[2].url == "https://x"


def test_folders_walk_recursively_in_stable_order(tmp_path: Path) -> None:
    for name in ["b/z.txt", "a/y.md", "c.txt", "b/a.txt", ".hidden/x.txt", "notes.png"]:
        f = tmp_path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("Acme grew.", encoding="utf-8")
    docs = load_documents([str(tmp_path)])
    assert [Path(d.path).relative_to(tmp_path).as_posix() for d in docs] == ["a/y.md", "b/a.txt", "b/z.txt", "c.txt"]


@pytest.mark.parametrize(("content", "message", "line"), [
    (b"", "empty file", None),
    (b"  \n\n ", "empty file", None),
    (b"abc\x00\x01\x02", "binary file", None),
    (b"fine line\nbad \xff\xfe byte\n", "not valid UTF-8", 2),
    (b"---\ntitle: [unclosed\n---\ntext", "invalid front matter", None),
    (b"---\npublished: not a date at all\n---\nAcme grew.", "publication date", 2),
])
def test_bad_files(tmp_path: Path, content: bytes, message: str, line: int | None) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as exc:
        load_documents([str(p)])
    assert message in str(exc.value) and exc.value.path == p.as_posix()
    if line:
        assert exc.value.line == line


def test_too_large(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("Acme grew. " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        load_documents([str(p)], max_bytes=100)


def test_bad_json_names_the_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "ok"}\n{"text": broken}\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_documents([str(p)])
    assert exc.value.line == 2 and "invalid JSON" in str(exc.value)
