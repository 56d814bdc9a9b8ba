"""Fingerprints of findings that survive moved lines, unrelated edits and renamed or reordered documents.

A fingerprint is made of what the finding is about (rule, subject, attribute) and what it says (the values in
play, normalized; for findings about a document's text, the text that triggered them), never of paths, line
numbers or claim ids.
"""

from __future__ import annotations

import hashlib
import re

from .display import normalized
from .models import Claim, Document, Finding


def _document_identity(doc: Document | None) -> str:
    """A document's identity that a rename does not change: its title, else its first line of text."""
    if doc is None:
        return ""
    if doc.title:
        return doc.title.strip().lower()
    first = _FIRST_LINE.match(doc.text)  # the first line with text, read without copying the rest
    return " ".join(first.group(1).lower().split())[:120] if first else ""


_FIRST_LINE = re.compile(r"\s*([^\n]*)")
_SPACES = re.compile(r"\s+")


def fingerprint(f: Finding, claims: dict[str, Claim], docs: dict[str, Document]) -> str:
    """The finding's fingerprint (16 hex digits)."""
    values = sorted({f"{c.attribute}={normalized(c)}" for cid in f.claims if (c := claims.get(cid))})
    if values:
        parts = [f.rule, f.subject, f.attribute, *values]
    else:
        texts = sorted({" ".join(loc.quote.lower().split())[:120] for loc in f.locations})
        identities = sorted({_document_identity(docs.get(loc.document)) for loc in f.locations})
        parts = [f.rule, f.attribute, *texts, *identities]
    digest = hashlib.sha256("\x1f".join(_SPACES.sub(" ", p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]
