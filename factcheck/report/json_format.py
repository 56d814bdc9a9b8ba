"""The JSON report: the Report model as is, with a versioned `schema` field."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter

from ..models import Report

_LISTS = ("documents", "claims", "findings")  # the fields that grow with the corpus
_CHUNK = 1_000


def render_json(report: Report) -> str:
    """The report as indented JSON (unbounded interval ends are null)."""
    return json_bytes(report).decode("utf-8")


def json_bytes(report: Report) -> bytes:
    """The report as indented JSON, encoded in UTF-8: what pydantic writes for the whole report plus a final
    newline, made with less memory and time.

    The long lists are serialized a thousand items at a time: given the whole report, pydantic's serializer holds
    about twice the encoded size while it works, and the text it returns takes two or four bytes a character
    once one character is not ASCII (a 60 MB report then takes some 250 MB to make, and this some 130 MB)."""
    rest = report.model_copy(update=dict.fromkeys(_LISTS, [])).model_dump_json(by_alias=True, indent=2).encode()
    parts: list[bytes] = []
    for name in _LISTS:
        head, empty, rest = rest.partition(f'\n  "{name}": []'.encode())
        assert empty, name  # the skeleton holds each of the lists, empty
        parts += [head, f'\n  "{name}": '.encode()]
        parts += _items(getattr(report, name))
    parts += [rest, b"\n"]
    return b"".join(parts)


def _items(items: Sequence[BaseModel]) -> list[bytes]:
    """A list of models as the report's JSON writes it, one level in: "[", the items in pieces, "]"."""
    if not items:
        return [b"[]"]
    adapter = _adapter(type(items[0]))
    out = [b"["]
    for start in range(0, len(items), _CHUNK):
        text = adapter.dump_json(items[start : start + _CHUNK], by_alias=True, indent=2)
        # "[\n  {...},\n  {...}\n]": the items, between the brackets, indented by two more spaces (a newline in a
        # string is written as an escape, so every newline here is the layout's)
        out.append((b"," if start else b"") + text[1:-2].replace(b"\n", b"\n  "))
    out.append(b"\n  ]")
    return out


@cache
def _adapter(kind: type[BaseModel]) -> TypeAdapter[Any]:
    return TypeAdapter(list[kind])  # type: ignore[valid-type]
