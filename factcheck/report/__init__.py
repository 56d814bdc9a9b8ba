"""Stage 7: render the report. One model, one formatter per format."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from .github import render_github
from .html import render_html
from .json_format import json_bytes, render_json
from .junit import render_junit
from .markdown import render_markdown
from .sarif import render_sarif
from .table import render_table

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


def render_bytes(report: Report, fmt: str, jobs: int = 1) -> bytes:
    """`render`'s text encoded in UTF-8, as files and the cache take it (the JSON report made in pieces, which
    a large report's memory needs)."""
    return json_bytes(report) if fmt == "json" else render(report, fmt, jobs).encode("utf-8")


__all__ = ["FORMATTERS", "render", "render_bytes"]
