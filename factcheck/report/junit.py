"""JUnit XML: one test case per subject and attribute checked; findings that count are failures."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..models import Finding, Report


def render_junit(report: Report) -> str:
    """The report as JUnit XML (error and warning findings that are new and not suppressed fail their case)."""
    cases: dict[tuple[str, str], list[Finding]] = {(c.subject, c.attribute): [] for c in report.claims}
    for f in report.findings:
        key = (f.subject, f.attribute) if f.claims else ("documents", f"{f.name} {f.subject}")
        cases.setdefault(key, []).append(f)
    suite = ET.Element("testsuite", name="factcheck")
    failures = 0
    for (subject, attribute), findings in sorted(cases.items()):
        case = ET.SubElement(suite, "testcase", classname=subject, name=attribute)
        failing = [f for f in findings
                   if f.severity in ("error", "warning") and f.status not in ("known", "suppressed")]
        for f in failing:
            failure = ET.SubElement(case, "failure", message=f.summary or f.message, type=f"{f.rule} {f.name}")
            failure.text = f.message
        if failing:
            failures += 1
        others = [f for f in findings if f not in failing]
        if others:
            out = ET.SubElement(case, "system-out")
            out.text = "\n".join(f"[{f.severity}{', ' + f.status if f.status else ''}] {f.rule}: {f.message}"
                                 for f in others)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name="factcheck", tests=str(len(cases)), failures=str(failures), errors="0")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
