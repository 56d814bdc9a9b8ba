"""Markdown for a pull-request comment: a summary line and a table."""

from __future__ import annotations

from ..display import short_paths
from ..models import Report

ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_markdown(report: Report) -> str:
    """A summary line, then a table of findings (new ones first), then fixed findings and notices."""
    c = report.counts()
    names = short_paths(d.path for d in report.documents)
    new = sum(1 for f in report.findings if f.status == "new")
    head = (f"**factcheck**: {len(report.documents)} documents, {len(report.claims)} claims; "
            f"{c['error']} errors, {c['warning']} warnings, {c['info']} info")
    if any(f.status for f in report.findings) or report.fixed:
        head += f"; {new} new, {len(report.fixed)} fixed"
    lines = [head, ""]
    findings = sorted(report.findings, key=lambda f: (f.status != "new", f.status == "suppressed"))
    if findings:
        lines += ["| | rule | about | sources | why |", "|---|---|---|---|---|"]
        for f in findings:
            places = sorted({f"{names.get(loc.document, loc.document)}:{loc.line}" for loc in f.locations})
            status = f" ({f.status})" if f.status else ""
            lines.append(f"| {ICONS[f.severity]} {f.severity}{status} | {f.rule} {f.name} | "
                         f"{_cell(f.subject)} · {_cell(f.attribute)} | {_cell(', '.join(places[:6]))} | "
                         f"{_cell(f.summary or f.message)} |")
    else:
        lines.append("No findings.")
    if report.fixed:
        lines += ["", "Fixed since the baseline:"] + [f"- {e.rule} {e.subject} · {e.attribute}: {e.summary}"
                                                      for e in report.fixed]
    if report.notices:
        lines += ["", "Notices:"] + [f"- {n}" for n in report.notices]
    return "\n".join(lines) + "\n"
