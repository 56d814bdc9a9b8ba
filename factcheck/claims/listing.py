"""`factcheck claims`: every claim read, so a user can see what the checker sees."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from ..display import normalized
from ..models import SCHEMA_VERSION, Claim, Document
from ..normalize import dates as nd
from ..report.table import table


def qualifier_text(c: Claim) -> str:
    """The qualifiers that matter to a reader, in a few words."""
    q = c.qualifiers
    parts = []
    if q.hedge:
        parts.append(f"hedge: {q.hedge}")
    if q.as_of_source == "explicit":
        parts.append(f"as of {nd.describe(q.as_of)}")
    elif q.as_of_source == "published":
        parts.append("as of publication")
    tense = q.tense if q.tense != "current" else None
    for value, label in ((q.segment, "segment: "), (q.party, "party: "), (tense, "")):
        if value:
            parts.append(f"{label}{value}")
    for flag, label in ((q.prior, "earlier value"), (q.forecast, "forecast"), (q.reported, "reported")):
        if flag:
            parts.append(label)
    if q.copied_from:
        parts.append(f"copied from {PurePosixPath(q.copied_from).name}")
    return "; ".join(parts)


def render_claims(docs: list[Document], claims: list[Claim], fmt: str = "table") -> str:
    """The claims as a table (a row each) or as JSON."""
    if fmt == "json":
        data = {
            "schema": SCHEMA_VERSION,
            "documents": [{"path": d.path, "title": d.title, "source": d.source, "url": d.url,
                           "published": d.published.isoformat() if d.published else None} for d in docs],
            "claims": [json.loads(c.model_dump_json()) for c in claims],
        }
        return json.dumps(data, indent=2) + "\n"
    rows = [[f"{PurePosixPath(c.document).name}:{c.line}", c.subject, c.attribute, c.text, normalized(c),
             qualifier_text(c)] for c in claims]
    headers = ["source", "subject", "attribute", "as written", "normalized", "qualifiers"]
    out = table(rows, headers, [None, 20, None, 30, 24, 40]) if rows else "No claims."
    with_claims = {c.document for c in claims}
    empty = [d.path for d in docs if d.path not in with_claims]
    tail = f"\n{len(claims)} claims from {len(docs)} documents"
    if empty:
        tail += f"; no claims in: {', '.join(empty)}"
    return out + tail + "\n"
