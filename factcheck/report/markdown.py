"""Markdown for a pull-request comment: a summary line and a table."""

from __future__ import annotations

from collections.abc import Iterator

from ..display import short_paths
from ..models import Report

ICONS = {"error": "❌", "warning": "⚠️", "info": "ℹ️"}


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


def render_markdown(report: Report) -> str:
    """A summary line, then a table of findings (new ones first), then fixed findings and notices."""
    return "".join(markdown_lines(report))


def markdown_lines(report: Report) -> Iterator[str]:
    """`render_markdown`'s text a line at a time (each with its newline), so a large report is never held whole."""
    c = report.counts()
    names = short_paths(d.path for d in report.documents)
    new = sum(1 for f in report.findings if f.status == "new")
    head = (f"**factcheck**: {len(report.documents)} documents, {len(report.claims)} claims; "
            f"{c['error']} errors, {c['warning']} warnings, {c['info']} info")
    if any(f.status for f in report.findings) or report.fixed:
        head += f"; {new} new, {len(report.fixed)} fixed"
    yield head + "\n\n"
    findings = sorted(report.findings, key=lambda f: (f.status != "new", f.status == "suppressed"))
    if findings:
        yield "| | rule | about | sources | why |\n|---|---|---|---|---|\n"
        for f in findings:
            places = sorted({f"{names.get(loc.document, loc.document)}:{loc.line}" for loc in f.locations})
            status = f" ({f.status})" if f.status else ""
            yield (f"| {ICONS[f.severity]} {f.severity}{status} | {f.rule} {f.name} | "
                   f"{_cell(f.subject)} · {_cell(f.attribute)} | {_cell(', '.join(places[:6]))} | "
                   f"{_cell(f.summary or f.message)} |\n")
    else:
        yield "No findings.\n"
    if report.fixed:
        yield "\nFixed since the baseline:\n"
        for e in report.fixed:
            yield f"- {e.rule} {e.subject} · {e.attribute}: {e.summary}\n"
    if report.notices:
        yield "\nNotices:\n"
        for n in report.notices:
            yield f"- {n}\n"
