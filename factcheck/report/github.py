"""GitHub Actions workflow commands: an annotation per finding on the article's line."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """`::error file=...,line=...,col=...,title=...::message` lines (known and suppressed findings left out)."""
    return "".join(github_lines(report))


def github_lines(report: Report) -> Iterator[str]:
    """`render_github`'s text a line at a time (each with its newline)."""
    for f in report.findings:
        if f.status in ("known", "suppressed"):
            continue
        loc = f.locations[0] if f.locations else None
        props = []
        if loc is not None:
            props += [f"file={_prop(loc.document.split('#', 1)[0])}", f"line={loc.line}", f"col={loc.column}"]
        props.append(f"title={_prop(f'{f.rule} {f.name}: {f.subject} {f.attribute}')}")
        yield f"::{LEVELS[f.severity]} {','.join(props)}::{_data(f.message)}\n"
    c = report.counts()
    yield f"factcheck: {c['error']} errors, {c['warning']} warnings, {c['info']} info\n"
