"""The checks rules can configure: each is an options model and a function yielding findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from ...models import Finding
from ..corpus import Corpus
from ..rules import Rule
from . import aligned, arithmetic, hygiene, roles, values

CHECKS: dict[str, tuple[type[BaseModel], Callable[[Rule, Any, Corpus], Iterator[Finding]]]] = {
    "disagreement": (values.Options, values.run),
    "aligned-figure": (aligned.Options, aligned.run),
    "role-conflict": (roles.Options, roles.run),
    "derived": (arithmetic.DerivedOptions, arithmetic.run_derived),
    "parts-sum": (arithmetic.SumOptions, arithmetic.run_parts_sum),
    "change": (arithmetic.ChangeOptions, arithmetic.run_change),
    "placeholder": (hygiene.PlaceholderOptions, hygiene.run_placeholder),
    "shared-passage": (hygiene.PassageOptions, hygiene.run_shared_passage),
    "undated": (hygiene.UndatedOptions, hygiene.run_undated),
}

# The checks about documents themselves (their text, their metadata) rather than claims compared across sources.
DOCUMENT_CHECKS = frozenset({"placeholder", "shared-passage", "undated"})


def validate_options(rule: Rule) -> BaseModel:
    """The rule's options, validated against its check's options model."""
    model, _ = CHECKS[rule.check]
    return model.model_validate(rule.options)


def run_rule(rule: Rule, corpus: Corpus) -> Iterator[Finding]:
    """The findings of one rule on the corpus."""
    _, fn = CHECKS[rule.check]
    yield from fn(rule, validate_options(rule), corpus)
