"""Stage 7: render the report. One model, one formatter per format."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Report
from .json_format import render_json
from .table import render_table

FORMATTERS: dict[str, Callable[[Report], str]] = {
    "table": render_table,
    "json": render_json,
}

__all__ = ["FORMATTERS", "render_json", "render_table"]
