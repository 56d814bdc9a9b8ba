"""The JSON report: the Report model as is, with a versioned `schema` field."""

from __future__ import annotations

from ..models import Report


def render_json(report: Report) -> str:
    """The report as indented JSON (unbounded interval ends are null)."""
    return report.model_dump_json(by_alias=True, indent=2) + "\n"
