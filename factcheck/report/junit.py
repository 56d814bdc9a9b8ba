"""JUnit XML: one test case per subject and attribute checked; findings that count are failures."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree import ElementTree as ET

from ..models import Finding, Report

INDENT = "  "  # as `ET.indent` lays the document out


def render_junit(report: Report) -> str:
    """The report as JUnit XML (error and warning findings that are new and not suppressed fail their case)."""
    return "".join(junit_pieces(report))


def _failing(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in ("error", "warning") and f.status not in ("known", "suppressed")]


def junit_pieces(report: Report) -> Iterator[str]:
    """`render_junit`'s text a test case at a time: the counts the root names first, then each case made, laid out
    and written on its own, so a large report is never held as one tree (or one text)."""
    cases: dict[tuple[str, str], list[Finding]] = {(c.subject, c.attribute): [] for c in report.claims}
    for f in report.findings:
        key = (f.subject, f.attribute) if f.claims else ("documents", f"{f.name} {f.subject}")
        cases.setdefault(key, []).append(f)
    failures = sum(1 for findings in cases.values() if _failing(findings))
    tests = str(len(cases))
    root = ET.Element("testsuites", name="factcheck", tests=tests, failures=str(failures), errors="0")
    suite = ET.SubElement(root, "testsuite", name="factcheck", tests=tests, failures=str(failures), errors="0",
                          skipped="0")
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    if not cases:
        ET.indent(root)
        yield ET.tostring(root, encoding="unicode") + "\n"
        return
    # the root and the suite written around a stand-in case, which the cases then replace
    ET.SubElement(suite, "testcase")
    ET.indent(root)
    head, _, tail = ET.tostring(root, encoding="unicode").partition("<testcase />")
    yield head
    for n, ((subject, attribute), findings) in enumerate(sorted(cases.items())):
        case = ET.Element("testcase", classname=subject, name=attribute)
        failing = _failing(findings)
        for f in failing:
            failure = ET.SubElement(case, "failure", message=f.summary or f.message, type=f"{f.rule} {f.name}")
            failure.text = f.message
        failed = {id(f) for f in failing}
        others = [f for f in findings if id(f) not in failed]
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"[{f.severity}{', ' + f.status if f.status else ''}] {f.rule}: {f.message}"
                                 for f in others)
        ET.indent(case, INDENT, level=2)
        yield ("\n" + INDENT * 2 if n else "") + ET.tostring(case, encoding="unicode")
    yield tail + "\n"
