"""Stage 7: render the report. One model, one formatter per format."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from .github import render_github
from .html import render_html
from .json_format import render_json
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

__all__ = ["FORMATTERS"]
