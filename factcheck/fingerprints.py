"""Fingerprints of findings that survive moved lines, unrelated edits and renamed or reordered documents.

A fingerprint is made of what the finding is about (rule, subject, attribute) and what it says (the values in
play, normalized; for findings about a document's text, the text that triggered them), never of paths, line
numbers or claim ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from .display import normalized
from .models import Claim, ClaimsById, Document, Finding


def _document_identity(doc: Document | None) -> str:
    """A document's identity that a rename does not change: its title, else its first line of text."""
    if doc is None:
        return ""
    if doc.title:
        return doc.title.strip().lower()
    first = _FIRST_LINE.match(doc.read_text())  # the first line with text, read without copying the rest
    return " ".join(first.group(1).lower().split())[:120] if first else ""


_FIRST_LINE = re.compile(r"\s*([^\n]*)")
_SPACES = re.compile(r"\s+")


class Fingerprints:
    """The fingerprints of one report's findings. Each value and each document's identity is worked out once,
    however many findings cite them (on a large story, thousands of findings cite the same documents).

    `claims`: the report's claims, in its order; a claim numbered Cn, found at place n, needs no index of its
    own (on a large corpus such an index, of the hundreds of thousands of claims findings cite, would be the
    largest thing this step holds)."""

    def __init__(self, claims: Sequence[Claim], docs: dict[str, Document]) -> None:
        self.claims, self.docs = ClaimsById(claims), docs
        self._values: dict[int, str] = {}  # by the value object, which the claims of one value share
        self._identities: dict[str, str] = {}

    def _value(self, cid: str) -> str | None:
        c = self.claims.get(cid)
        if c is None:
            return None
        value = self._values.get(id(c.value))
        if value is None:
            value = self._values[id(c.value)] = normalized(c)
        return f"{c.attribute}={value}"

    def _identity(self, path: str) -> str:
        identity = self._identities.get(path)
        if identity is None:
            identity = self._identities[path] = _document_identity(self.docs.get(path))
        return identity

    def __call__(self, f: Finding) -> str:
        """The finding's fingerprint (16 hex digits)."""
        values = sorted({v for cid in f.claims if (v := self._value(cid))})
        if values:
            parts = [f.rule, f.subject, f.attribute, *values]
        else:
            texts = sorted({" ".join(loc.quote.lower().split())[:120] for loc in f.locations})
            identities = sorted({self._identity(loc.document) for loc in f.locations})
            parts = [f.rule, f.attribute, *texts, *identities]
        digest = hashlib.sha256("\x1f".join(_SPACES.sub(" ", p) for p in parts).encode("utf-8"))
        return digest.hexdigest()[:16]
