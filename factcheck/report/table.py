"""The terminal report: findings grouped by subject and attribute, a row per value and its sources."""

from __future__ import annotations

import textwrap
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import accumulate

from tabulate import tabulate

from ..display import normalized, short_paths
from ..models import Claim, Finding, Report

HEADERS = ["severity", "rule", "as written", "normalized", "source", "why"]


@cache
def _wrapper(width: int) -> textwrap.TextWrapper:
    return textwrap.TextWrapper(width, break_on_hyphens=False)  # building one costs more than wrapping a cell


@lru_cache(maxsize=65536)
def _wrap(cell: str, width: int) -> str:
    # A large report repeats many cells (the same values and reasons under many findings), hence the cache.
    return "\n".join("\n".join(_wrapper(width).wrap(part) or [""]) for part in cell.split("\n"))


def table(rows: list[list[str]], headers: list[str], widths: list[int | None]) -> str:
    """A plain-text table; cells wrapped to `widths` here (tabulate's own wrapping mis-parses "108,900")."""
    wrapped = [[_wrap(str(cell), w) if w else str(cell) for cell, w in zip(row, widths, strict=False)] for row in rows]
    return tabulate(wrapped, headers=headers, tablefmt="simple", disable_numparse=True)


def _rows(f: Finding, claims: dict[str, Claim], names: dict[str, str]) -> list[list[str]]:
    """A row per distinct value of the finding, with every place it is written."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for cid in f.claims:
        c = claims.get(cid)
        if c is not None:
            tense = c.qualifiers.tense if c.qualifiers.tense not in (None, "current") else ""
            groups[(normalized(c), tense)].append(c)
    rows = []
    for (norm, tense), cs in groups.items():
        written = ", ".join(dict.fromkeys(f'"{c.text}"' for c in cs)) + (f" ({tense})" if tense else "")
        by_doc: dict[str, list[int]] = defaultdict(list)
        for c in cs:
            by_doc[c.document].append(c.line)
        src = "\n".join(f"{names[d]}:{', '.join(map(str, sorted(set(ls))))}" for d, ls in by_doc.items())
        rows.append([written, norm, src])
    if not rows:  # a finding about text: a row per distinct quote (a passage reprinted by many: one), with its places
        places: dict[str, list[str]] = defaultdict(list)
        for loc in f.locations:
            quote = loc.quote[:40] + ("…" if len(loc.quote) > 40 else "")
            places[quote].append(f"{names.get(loc.document, loc.document)}:{loc.line}")
        rows = [[quote, "", "\n".join(srcs)] for quote, srcs in places.items()]
    return rows or [["", "", ""]]


Group = tuple[tuple[str, str], list[Finding]]
PARALLEL_FINDINGS = 1000  # a report with fewer findings is rendered in one process (forking costs more)


def _group(key: tuple[str, str], findings: list[Finding], claims: dict[str, Claim], names: dict[str, str]) -> str:
    """One subject and attribute's table, under its heading."""
    subject, attribute = key
    rows_out: list[list[str]] = []
    for f in findings:
        rows = _rows(f, claims, names)
        why = ("[within one document] " if f.internal else "") + (f.summary or f.message)
        for i, (written, norm, src) in enumerate(rows):
            first = i == 0
            status = f"\n({f.status})" if f.status else ""
            rows_out.append([f.severity + status if first else "", f"{f.rule}\n{f.name}" if first else "", written,
                             norm, src, why if first else ""])
    label = attribute.replace("_", " ").replace("-", " ")
    return f"{subject} · {label}\n{table(rows_out, HEADERS, [None, None, 28, 22, 32, 56])}\n"


def _groups(span: tuple[int, int]) -> list[str]:
    """The tables of a span of the groups shared by `render_table` (run by any of its processes)."""
    from ..parallel import shared

    groups, claims, names = shared()
    return [_group(key, fs, claims, names) for key, fs in groups[span[0] : span[1]]]


def render_table(report: Report, jobs: int = 1) -> str:
    """Findings as tables, one per subject and attribute, errors first; then a summary line. Each table depends
    on its own findings only, so with `jobs` > 1 a large report's tables are rendered in forked processes."""
    return "".join(table_pieces(report, jobs))


def table_pieces(report: Report, jobs: int = 1) -> Iterator[str]:
    """`render_table`'s text in pieces (a table, a line), each ending with its newline, so that a large report is
    written as it is made rather than joined first."""
    claims = {c.id: c for c in report.claims}
    names = short_paths(d.path for d in report.documents)
    grouped: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        # Findings about documents themselves (no claims) are grouped by rule under "documents".
        key = (f.subject, f.attribute) if f.claims else ("documents", f.name)
        grouped[key].append(f)
    groups: list[Group] = list(grouped.items())
    if jobs > 1 and len(report.findings) >= PARALLEL_FINDINGS:
        from ..parallel import Forked

        # Spans of groups of about equal cost (a table costs about as much as five findings), eight per process,
        # taken largest first so that no core idles at the end; a group is never split (its columns are as wide
        # as its widest cell). The texts are put back in order.
        parts = 8 * jobs
        ends = list(accumulate(len(fs) + 5 for _, fs in groups))
        bounds = sorted({0, len(groups)} | {bisect_left(ends, ends[-1] * k / parts) + 1 for k in range(1, parts)})
        before = [0, *ends]  # the cost of the groups before each one
        spans = sorted(zip(bounds, bounds[1:], strict=False), key=lambda s: before[s[0]] - before[s[1]])
        with Forked(_groups, spans, jobs, share=(groups, claims, names)) as forked:
            texts = dict(zip(spans, forked.results(), strict=True))
        for span in sorted(texts):
            yield from (f"{t}\n" for t in texts.pop(span))
    else:
        yield from (f"{_group(key, fs, claims, names)}\n" for key, fs in groups)
    counts = report.counts()
    undated = sum(1 for d in report.documents if d.published is None)
    summary = (f"{len(report.documents)} document{'s' if len(report.documents) != 1 else ''}, "
               f"{len(report.claims)} claims; findings: {counts['error']} error{'s' if counts['error'] != 1 else ''}, "
               f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}, {counts['info']} info")
    if undated:
        summary += f"; {undated} undated"
    out = ["No findings."] if not report.findings else []
    if any(f.status for f in report.findings) or report.fixed:
        statuses = [f.status for f in report.findings]
        summary += (f"; {statuses.count('new')} new, {statuses.count('known')} known, "
                    f"{statuses.count('suppressed')} suppressed, {len(report.fixed)} fixed")
    for e in report.fixed:
        out.append(f"fixed: {e.rule} {e.subject} · {e.attribute}: {e.summary}")
    for n in report.notices:
        out.append(f"notice: {n}")
    out.append(summary)
    yield from (f"{line}\n" for line in out)
