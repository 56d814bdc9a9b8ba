"""The JSON report: the Report model as is, with a versioned `schema` field."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter

from ..models import Report
from .batches import batches

_LISTS = ("documents", "claims", "findings")  # the fields that grow with the corpus


def render_json(report: Report) -> str:
    """The report as indented JSON (unbounded interval ends are null)."""
    return b"".join(json_chunks(report)).decode("utf-8")


def json_chunks(report: Report) -> Iterator[bytes]:
    """The report as indented JSON, encoded in UTF-8, in pieces: what pydantic writes for the whole report plus a
    final newline, made with less memory and time.

    The long lists are serialized a thousand items or so at a time (`batches`): given the whole report, pydantic's
    serializer holds about twice the encoded size while it works, and the text it returns takes two or four bytes
    a character once one character is not ASCII (a 60 MB report then took some 250 MB to make, and the whole text
    in pieces some 130 MB); written to a file as they come, the pieces take a few megabytes."""
    rest = report.model_copy(update=dict.fromkeys(_LISTS, [])).model_dump_json(by_alias=True, indent=2).encode()
    for name in _LISTS:
        head, empty, rest = rest.partition(f'\n  "{name}": []'.encode())
        assert empty, name  # the skeleton holds each of the lists, empty
        yield head + f'\n  "{name}": '.encode()
        yield from _items(getattr(report, name))
    yield rest + b"\n"


def _items(items: Sequence[BaseModel]) -> Iterator[bytes]:
    """A list of models as the report's JSON writes it, one level in: "[", the items in pieces, "]"."""
    if not items:
        yield b"[]"
        return
    adapter = _adapter(type(items[0]))
    yield b"["
    for n, batch in enumerate(batches(items)):
        text = adapter.dump_json(batch, by_alias=True, indent=2)
        # "[\n  {...},\n  {...}\n]": the items, between the brackets, indented by two more spaces (a newline in a
        # string is written as an escape, so every newline here is the layout's)
        yield (b"," if n else b"") + text[1:-2].replace(b"\n", b"\n  ")
    yield b"\n  ]"


@cache
def _adapter(kind: type[BaseModel]) -> TypeAdapter[Any]:
    return TypeAdapter(list[kind])  # type: ignore[valid-type]
