"""Visible text of an HTML page, line by line, with the source line each text line came from."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
    "header", "footer", "blockquote", "pre", "figcaption", "figure", "dt", "dd", "aside", "main", "nav", "hr",
    "title", "td", "th",
}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
META_KEYS = {
    "og:title": "title", "twitter:title": "title", "og:site_name": "source", "og:url": "url",
    "article:published_time": "published", "date": "published", "pubdate": "published",
    "publish-date": "published", "dc.date": "published", "author": "author",
}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, int]] = []
        self.current: list[str] = []
        self.current_line = 0
        self.hidden_depth = 0
        self.in_title = False
        self.meta: dict[str, Any] = {}
        self.title_parts: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append((text, self.current_line))
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in META_KEYS and a.get("content"):
                self.meta.setdefault(META_KEYS[key], a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("url", a["href"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("published", a["datetime"])
        if tag in HIDDEN and tag not in VOID:
            self.hidden_depth += 1
        if tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        if tag in BLOCK:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.hidden_depth:
            return
        if not self.current and data.strip():
            self.current_line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.current.append(data)


def html_to_text(html: str) -> tuple[str, list[int], dict[str, Any]]:
    """The page's visible text (a block a line), each line's source line, and its metadata."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser.flush()
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    text = "\n".join(t for t, _ in parser.lines)
    return text, [line for _, line in parser.lines], meta
