"""A small, safe expression language over interval values with units: names, numbers, + - * / and parentheses.

Rule formulas are parsed here, never passed to eval().
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..normalize.intervals import Interval
from ..normalize.units import combine_units, conversion_factor

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_][A-Za-z_0-9]*)|(?P<op>[-+*/()]))")


class ExpressionError(ValueError):
    """A formula that does not parse, or names a value that is not there."""


@dataclass(frozen=True)
class Node:
    op: str  # "num", "name", "+", "-", "*", "/", "neg"
    value: float | str | None = None
    left: Node | None = None
    right: Node | None = None


def parse(formula: str) -> Node:
    """Parse `formula` into a tree, or raise ExpressionError saying where it went wrong."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    formula = formula.strip()
    while pos < len(formula):
        m = _TOKEN.match(formula, pos)
        if not m or m.end() == pos:
            raise ExpressionError(f"unexpected {formula[pos:pos + 10]!r} at column {pos + 1}")
        kind = m.lastgroup or "op"
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    node, rest = _expr(tokens)
    if rest:
        raise ExpressionError(f"unexpected {rest[0][1]!r} after a complete expression")
    return node


Tokens = list[tuple[str, str]]


def _binary(tokens: Tokens, ops: str, operand: Callable[[Tokens], tuple[Node, Tokens]]) -> tuple[Node, Tokens]:
    """A left-associative chain of `operand`s joined by any of `ops`."""
    node, tokens = operand(tokens)
    while tokens and tokens[0][0] == "op" and tokens[0][1] in ops:
        op = tokens[0][1]
        right, tokens = operand(tokens[1:])
        node = Node(op, left=node, right=right)
    return node, tokens


def _expr(tokens: Tokens) -> tuple[Node, Tokens]:
    return _binary(tokens, "+-", _term)


def _term(tokens: Tokens) -> tuple[Node, Tokens]:
    return _binary(tokens, "*/", _factor)


def _factor(tokens: list[tuple[str, str]]) -> tuple[Node, list[tuple[str, str]]]:
    if not tokens:
        raise ExpressionError("the formula ends too early")
    kind, text = tokens[0]
    if kind == "num":
        return Node("num", float(text)), tokens[1:]
    if kind == "name":
        return Node("name", text), tokens[1:]
    if text == "-":
        inner, rest = _factor(tokens[1:])
        return Node("neg", left=inner), rest
    if text == "(":
        inner, rest = _expr(tokens[1:])
        if not rest or rest[0][1] != ")":
            raise ExpressionError("a '(' is not closed")
        return inner, rest[1:]
    raise ExpressionError(f"unexpected {text!r}")


def names(node: Node) -> set[str]:
    """The value names a formula uses."""
    if node.op == "name":
        return {str(node.value)}
    out: set[str] = set()
    for child in (node.left, node.right):
        if child is not None:
            out |= names(child)
    return out


def _ratio(x: Interval) -> Interval:
    """Percentages enter arithmetic as ratios (49% is 0.49)."""
    if x.unit in ("percent", "percentage_point"):
        return x.scaled(0.01, "dimensionless")
    return x


def evaluate(node: Node, env: dict[str, Interval]) -> Interval:
    """The interval a formula gives for the intervals in `env`, with its unit."""
    if node.op == "num":
        v = float(node.value)  # type: ignore[arg-type]
        return Interval(v, v, "dimensionless")
    if node.op == "name":
        if node.value not in env:
            raise ExpressionError(f"no value named {node.value!r}")
        return _ratio(env[str(node.value)])
    assert node.left is not None
    left = evaluate(node.left, env)
    if node.op == "neg":
        return Interval(-left.high, -left.low, left.unit)
    assert node.right is not None
    right = evaluate(node.right, env)
    if node.op in "+-":
        r = right.scaled(conversion_factor(right.unit, left.unit), left.unit)
        return left + r if node.op == "+" else left - r
    unit, factor = combine_units(node.op, left.unit, right.unit)
    result = left * right if node.op == "*" else left / right
    return result.scaled(factor, unit)
