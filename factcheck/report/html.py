"""A self-contained HTML report: summary, findings by subject and attribute, value charts in inline SVG, quotes,
documents, and filters that work offline. Everything drawn from documents is escaped, and a content security
policy lets only this file's own script run and no request leave the page."""

from __future__ import annotations

import math
import secrets
from collections import defaultdict
from collections.abc import Iterator
from html import escape

from ..display import normalized, period, short_paths
from ..models import Claim, ClaimsById, Finding, NameValue, NumberValue, Report
from ..normalize.units import format_value

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
WIDTH, LABEL, RIGHT, ROW = 720, 190, 150, 24

CSS = """
:root { --err: #b3261e; --warn: #9a6700; --info: #0b57d0; --ink: #1f1f1f; --muted: #5f6368; --line: #dadce0; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; }
header, main { max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.summary { display: flex; gap: 18px; flex-wrap: wrap; color: var(--muted); }
.summary b { color: var(--ink); }
.filters { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 10px 0; }
.filters label { cursor: pointer; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: .8rem; }
.badge.error { background: var(--err); } .badge.warning { background: var(--warn); }
.badge.info { background: var(--info); }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 10px 0; }
.finding.error { border-color: var(--err); } .finding.warning { border-color: var(--warn); }
.finding.info { border-color: var(--info); }
.rule { font-weight: 600; margin-left: 6px; }
.status { color: var(--muted); font-size: .85rem; margin-left: 6px; }
.message { margin: 6px 0; }
svg.chart { width: 100%; max-width: 760px; height: auto; display: block; margin: 8px 0; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .axis { stroke: var(--line); }
svg .value { fill: #1a73e8; } svg .value.derived { fill: none; stroke: #188038; stroke-width: 2;
  stroke-dasharray: 4 3; } svg .value.derived.point { fill: #fff; }
svg .former { opacity: .45; }
svg .band { fill: #d2e3fc; }
svg a:focus rect, svg a:focus circle { stroke: #000; stroke-width: 2; }
.values { margin: 4px 0 0 0; padding-left: 18px; }
details { margin: 4px 0; } summary { cursor: pointer; }
blockquote { margin: 6px 0 6px 16px; padding: 6px 10px; background: #f8f9fa; border-left: 3px solid var(--line); }
mark { background: #fde68a; }
table.docs { border-collapse: collapse; width: 100%; }
table.docs td, table.docs th { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left;
  vertical-align: top; }
.muted { color: var(--muted); }
fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 12px; align-items: center; }
svg text.chip { fill: #fff; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
@media print { .filters { display: none; } section[hidden], .finding[hidden] { display: block !important; }
  details > blockquote { display: block; } }
"""

SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-sev]'));
  var subject = document.getElementById('subject');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-sev')] = b.checked; });
    var wanted = subject.value;
    document.querySelectorAll('.finding').forEach(function (f) { f.hidden = !on[f.getAttribute('data-sev')]; });
    document.querySelectorAll('section.group').forEach(function (s) {
      var visible = Array.prototype.some.call(s.querySelectorAll('.finding'), function (f) { return !f.hidden; });
      s.hidden = (wanted !== '' && s.getAttribute('data-subject') !== wanted) || !visible;
    });
    var shown = document.querySelectorAll('.finding:not([hidden])').length;
    document.getElementById('shown').textContent = shown;
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  subject.addEventListener('change', apply);
  document.querySelectorAll('a[href^="#q-"]').forEach(function (a) {
    a.addEventListener('click', function () {
      var d = document.getElementById(a.getAttribute('href').slice(1));
      if (d) { d.open = true; }
    });
  });
  apply();
})();
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _quote(c: Claim) -> str:
    """The claim's sentence, escaped, with the value as written highlighted."""
    q = c.quote
    i = q.find(c.text)
    if i < 0:
        return _e(q)
    return f"{_e(q[:i])}<mark>{_e(c.text)}</mark>{_e(q[i + len(c.text):])}"


def _chart(f: Finding, claims: list[Claim], paths: dict[str, str]) -> str:
    """Every source's value as a point or an interval on one axis, with its period; derived values dashed."""
    rows: list[tuple[str, float | None, float | None, str, str, bool, str]] = []
    unit = ""
    # One row per document and value; a derived finding charts the attribute it implies, not its inputs.
    by_row: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, NumberValue) and c.attribute == f.attribute:
            by_row[(c.document, normalized(c))].append(c)
    for (document, norm), cs in by_row.items():
        v = cs[0].value
        assert isinstance(v, NumberValue)
        unit = unit or v.unit
        if v.unit != unit:
            continue
        lines = ", ".join(str(c.line) for c in cs)
        rows.append((f"{paths.get(document, document)}:{lines}", v.low, v.high, period(cs[0]), f"#q-{cs[0].id}",
                     False, f"{cs[0].text} = {norm}"))
    derived = f.details.get("derived") if isinstance(f.details.get("derived"), dict) else None
    if isinstance(derived, dict) and derived.get("unit") == unit:
        low, high = derived.get("low"), derived.get("high")
        rows.append((f"derived: {derived.get('formula', '')}", low if isinstance(low, (int, float)) else None,
                     high if isinstance(high, (int, float)) else None, "", "", True,
                     f"derived {format_value(low, high, unit)}"))  # type: ignore[arg-type]
    if len(rows) < 1:
        return ""
    finite = [x for r in rows for x in (r[1], r[2]) if x is not None and math.isfinite(x)]
    if not finite:
        return ""
    lo, hi = min(finite), max(finite)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad
    plot = WIDTH - LABEL - RIGHT

    def x(v: float | None, default: float) -> float:
        if v is None or not math.isfinite(v):
            return default
        return LABEL + (v - lo) / (hi - lo) * plot

    height = 30 + ROW * len(rows)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-label="{_e(f.subject)} {_e(f.attribute)}: values by source">']
    for t in range(5):
        tick = lo + (hi - lo) * t / 4
        tx = x(tick, LABEL)
        parts.append(f'<line class="axis" x1="{tx:.1f}" y1="6" x2="{tx:.1f}" y2="{height - 18}"/>'
                     f'<text x="{tx:.1f}" y="{height - 4}" text-anchor="middle">'
                     f'{_e(format_value(tick, tick, unit))}</text>')
    tolerance = f.details.get("tolerance") if isinstance(f.details.get("tolerance"), dict) else {}
    rel = float(tolerance.get("relative") or 0) if isinstance(tolerance, dict) else 0.0
    absolute = float(tolerance.get("absolute") or 0) if isinstance(tolerance, dict) else 0.0
    for i, (label, low, high, when, href, is_derived, title) in enumerate(rows):
        y = 14 + i * ROW
        x1, x2 = x(low, LABEL), x(high, LABEL + plot)
        cls = "value derived" if is_derived else "value"
        if (rel or absolute) and not is_derived:  # the tolerance band: how far the rule lets the value stray
            mags = [abs(v) for v in (low, high) if v is not None and math.isfinite(v)]
            pad = absolute + rel * (max(mags) if mags else 0.0)
            b1 = x(None if low is None else low - pad, LABEL)
            b2 = x(None if high is None else high + pad, LABEL + plot)
            parts.append(f'<rect class="band" x="{b1:.1f}" y="{y - 3}" width="{max(3.0, b2 - b1):.1f}" height="18" '
                         f'rx="4"><title>tolerance {rel:.0%} + {absolute:g}</title></rect>')
        shape = (f'<circle class="{cls} point" cx="{x1:.1f}" cy="{y + 6}" r="5"/>' if x2 - x1 < 3
                 else f'<rect class="{cls}" x="{x1:.1f}" y="{y}" width="{max(3.0, x2 - x1):.1f}" height="12" rx="3"/>')
        mark = f"<title>{_e(title)}</title>{shape}"
        if href:
            mark = f'<a href="{_e(href)}" aria-label="{_e(label)}: {_e(title)}">{mark}</a>'
        parts.append(f'<text x="4" y="{y + 10}">{_e(label[:30])}</text>{mark}'
                     f'<text x="{WIDTH - RIGHT + 8}" y="{y + 10}" class="muted">{_e(when)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _timeline(claims: list[Claim], paths: dict[str, str]) -> str:
    """Who held the role according to which source: a row per person, a chip per source, former ones faded."""
    people: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if isinstance(c.value, NameValue):
            people[c.value.name].append(c)
    if not people:
        return ""
    height = 12 + ROW * len(people)
    parts = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="who held the role">']
    for i, (person, cs) in enumerate(sorted(people.items())):
        y = 8 + i * ROW
        parts.append(f'<text x="4" y="{y + 11}">{_e(person[:28])}</text>')
        for j, c in enumerate(cs[:6]):
            cx = LABEL + j * 88
            tense = c.qualifiers.tense or "current"
            cls = "former" if tense == "former" else ""
            label = f"{paths.get(c.document, c.document)}:{c.line}"
            parts.append(f'<a href="#q-{_e(c.id)}" aria-label="{_e(label)}: {_e(tense)}" class="{cls}">'
                         f'<title>{_e(label)} says {_e(tense)}, {_e(period(c))}</title>'
                         f'<rect class="value" x="{cx}" y="{y}" width="84" height="16" rx="8"/>'
                         f'<text x="{cx + 42}" y="{y + 12}" text-anchor="middle" class="chip">'
                         f'{_e(tense)}</text></a>')
    parts.append("</svg>")
    return "".join(parts)


def _finding(f: Finding, claims: ClaimsById, paths: dict[str, str]) -> str:
    cs = [c for i in f.claims if (c := claims.get(i)) is not None]
    context = [c for i in _ids(f.details.get("agrees")) if (c := claims.get(i)) is not None]
    chart = ""
    if cs and all(isinstance(c.value, NameValue) for c in cs):
        chart = _timeline(cs, paths)
    elif cs:
        chart = _chart(f, cs + context, paths)
    status = f'<span class="status">{_e(f.status)}</span>' if f.status else ""
    internal = '<span class="status">within one document</span>' if f.internal else ""
    values = "".join(
        f'<li><a href="#q-{_e(c.id)}">{_e(paths.get(c.document, c.document))}:{c.line}</a> '
        f'“{_e(c.text)}” → {_e(normalized(c))} <span class="muted">({_e(period(c))})</span></li>'
        for c in cs + context)
    places = "".join(f'<li>{_e(paths.get(loc.document, loc.document))}:{loc.line} “{_e(loc.quote[:160])}”</li>'
                     for loc in f.locations if not f.claims)
    return (f'<article class="finding {_e(f.severity)}" data-sev="{_e(f.severity)}" id="{_e(f.id)}">'
            f'<span class="badge {_e(f.severity)}">{_e(f.severity)}</span><span class="rule">{_e(f.rule)} '
            f'{_e(f.name)}</span>{status}{internal}<p class="message">{_e(f.message)}</p>{chart}'
            f'<ul class="values">{values}{places}</ul></article>')


def _ids(value: object) -> list[str]:
    return [str(i) for i in value] if isinstance(value, list) else []


def render_html(report: Report) -> str:
    """The report as one self-contained, offline HTML page."""
    return "".join(html_pieces(report))


def html_pieces(report: Report) -> Iterator[str]:
    """`render_html`'s page a finding, a quote and a document at a time, so a large report is never held whole
    (as one text it took several times its size: 1 GB for a 118 MB page of 12,188 documents)."""
    nonce = secrets.token_urlsafe(16)
    claims = ClaimsById(report.claims)
    paths = short_paths(d.path for d in report.documents)
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        groups[(f.subject, f.attribute) if f.claims else ("documents", f.name)].append(f)
    ordered = sorted(groups.items(), key=lambda kv: (min(SEVERITY_ORDER[f.severity] for f in kv[1]), kv[0]))
    counts = report.counts()
    copies = sum(1 for f in report.findings if f.rule == "FC302")
    subjects = sorted({k[0] for k, _ in ordered})
    options = "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in subjects)
    csp = (f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src data:; "
           "form-action 'none'; base-uri 'none'")
    yield f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>factcheck report</title>
<style nonce="{nonce}">{CSS}</style>
</head>
<body>
<header>
<h1>factcheck report</h1>
<div class="summary" role="status">
<span><b>{len(report.documents)}</b> documents</span><span><b>{len(report.claims)}</b> claims</span>
<span><b>{counts['error']}</b> errors</span><span><b>{counts['warning']}</b> warnings</span>
<span><b>{counts['info']}</b> info</span><span><b>{copies}</b> shared passages</span>
<span><b id="shown">{len(report.findings)}</b> findings shown</span>
</div>
<form class="filters" aria-label="filters">
<fieldset><legend class="muted">Severity</legend>
<label><input type="checkbox" data-sev="error" checked> errors</label>
<label><input type="checkbox" data-sev="warning" checked> warnings</label>
<label><input type="checkbox" data-sev="info" checked> info</label></fieldset>
<label>Subject <select id="subject"><option value="">all</option>{options}</select></label>
</form>
</header>
<main>
"""
    quoted: list[Claim] = []  # the claims the findings cite, in the order they come, for the quotes after them
    for (subject, attribute), findings in ordered:
        findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
        yield (f'<section class="group" data-subject="{_e(subject)}"><h2>{_e(subject)} · '
               f'{_e(attribute.replace("_", " "))}</h2>')
        for f in findings:
            yield _finding(f, claims, paths)
            quoted += [c for i in [*f.claims, *_ids(f.details.get("agrees"))] if (c := claims.get(i)) is not None]
        yield "</section>"
    if not ordered:
        yield "<p>No findings.</p>"
    yield "\n<h2>Quotes</h2>\n"
    seen: set[str] = set()
    for c in quoted:
        if c.id in seen:
            continue
        seen.add(c.id)
        yield (f'<details id="q-{_e(c.id)}"><summary>{_e(paths.get(c.document, c.document))}:{c.line} — '
               f'{_e(c.subject)} {_e(c.attribute)}: “{_e(c.text)}”</summary><blockquote>{_quote(c)}'
               f'</blockquote></details>')
    if not seen:
        yield '<p class="muted">No claims are involved in the findings.</p>'
    yield """
<h2>Documents</h2>
<table class="docs"><thead><tr><th>document</th><th>title</th><th>outlet</th><th>published</th><th>claims</th>
<th>link</th></tr></thead><tbody>"""
    for d in report.documents:
        yield (f"<tr><td>{_e(paths[d.path])}</td><td>{_e(d.title or '')}</td><td>{_e(d.source or '')}</td>"
               f"<td>{_e(d.published.isoformat() if d.published else 'undated')}</td><td>{d.claims}</td><td>"
               + (f'<a href="{_e(d.url)}" rel="noreferrer noopener">{_e(d.url)}</a>'
                  if d.url and d.url.lower().startswith(("http://", "https://")) else _e(d.url or ""))
               + "</td></tr>")
    yield f"""</tbody></table>
</main>
<script nonce="{nonce}">{SCRIPT}</script>
</body>
</html>
"""
