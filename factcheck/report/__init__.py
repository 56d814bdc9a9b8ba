"""Stage 7: render the report. One model, one formatter per format."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..models import Report
from ..output import encoded_pieces
from .github import github_lines, render_github
from .html import html_pieces, render_html
from .json_format import json_chunks, render_json
from .junit import junit_pieces, render_junit
from .markdown import markdown_lines, render_markdown
from .sarif import render_sarif, sarif_chunks
from .table import render_table, table_pieces

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "table": render_table,
    "json": render_json,
    "markdown": render_markdown,
    "sarif": render_sarif,
    "junit": render_junit,
    "github": render_github,
    "html": render_html,
}



def render(report: Report, fmt: str, jobs: int = 1) -> str:
    """The report in one format; the table, the costliest, may use `jobs` processes (the same text)."""
    return render_table(report, jobs) if fmt == "table" else FORMATTERS[fmt](report)


def render_chunks(report: Report, fmt: str, jobs: int = 1) -> Iterator[bytes]:
    """`render`'s text in UTF-8, a piece at a time, as files and the cache take it: every format is made in pieces
    (the JSON report and SARIF log a thousand findings or so at a time, a table at a time, the others a line, a
    test case or a finding at a time), so a large report is never held whole (see `output.Output`)."""
    if fmt == "json":
        return json_chunks(report)
    if fmt == "sarif":
        return sarif_chunks(report)
    if fmt == "table":
        return (piece.encode("utf-8") for piece in table_pieces(report, jobs))
    return encoded_pieces(PIECES[fmt](report))


PIECES: dict[str, Callable[[Report], Iterator[str]]] = {
    "markdown": markdown_lines,
    "junit": junit_pieces,
    "github": github_lines,
    "html": html_pieces,
}


__all__ = ["FORMATTERS", "render", "render_chunks"]
