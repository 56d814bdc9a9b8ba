"""Score factcheck.recognize (and quantulum3, side by side) on test material others wrote, in ../shared/eval.

Run from a checkout: `python bench/accuracy.py` (after `pip install ".[bench]"`). Prints a table, then one
line with every figure. Nothing here is tuned on: it only measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck import recognize  # noqa: E402
from factcheck.models import DateValue, NumberValue  # noqa: E402

# Currency names in Recognizers-Text, and the ISO code and factor factcheck uses for them.
RT_CURRENCY = {
    "Dollar": ("USD", 1.0), "United States dollar": ("USD", 1.0), "Euro": ("EUR", 1.0), "Chinese yuan": ("CNY", 1.0),
    "Pound": ("GBP", 1.0), "British pound": ("GBP", 1.0), "Cent": ("USD", 0.01), "Pence": ("GBP", 0.01),
    "Penny": ("GBP", 0.01), "Canadian dollar": ("CAD", 1.0), "Japanese yen": ("JPY", 1.0), "Franc": ("CHF", 1.0),
    "Swiss franc": ("CHF", 1.0), "Australian dollar": ("AUD", 1.0), "Rupee": ("INR", 1.0),
    "Sri Lankan rupee": ("LKR", 1.0), "Hong Kong dollar": ("HKD", 1.0), "New Zealand dollar": ("NZD", 1.0),
    "Mexican peso": ("MXN", 1.0), "Turkish lira": ("TRY", 1.0),
}
MAJOR = {"Dollar", "United States dollar", "Euro", "Chinese yuan", "Pound", "British pound", "Cent", "Pence", "Penny",
         "Canadian dollar", "Japanese yen", "Franc", "Swiss franc", "Australian dollar", "Rupee", "Sri Lankan rupee",
         "Hong Kong dollar", "New Zealand dollar"}
MAJOR_CODES = {"USD", "EUR", "CNY", "GBP", "CAD", "JPY", "CHF", "AUD", "INR", "LKR", "HKD", "NZD", "SGD"}


@dataclass
class Score:
    """Counts for precision and recall, with the cases the reference implementation also fails kept apart."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    aspirational_tp: int = 0
    aspirational_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Gold:
    start: int
    end: int  # exclusive
    kind: str
    values: tuple[object, ...]  # acceptable readings


@dataclass(frozen=True)
class Pred:
    start: int
    end: int
    kind: str
    value: object


def load(path: Path) -> list[dict[str, object]]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def same(kind: str, gold: object, pred: object) -> bool:
    if kind in ("money",):
        (gc, gv), (pc, pv) = gold, pred  # type: ignore[misc]
        return gc == pc and close(float(gv), float(pv))
    if kind in ("number", "percent"):
        return close(float(gold), float(pred))  # type: ignore[arg-type]
    return gold == pred


def score_case(score: Score, golds: list[Gold], preds: list[Pred], aspirational: bool, label: str) -> None:
    used: set[int] = set()
    for g in golds:
        hit = None
        for i, p in enumerate(preds):
            if i in used or p.kind != g.kind or not (p.start < g.end and g.start < p.end):
                continue
            if any(same(g.kind, v, p.value) for v in g.values):
                hit = i
                break
        if aspirational:
            score.aspirational_total += 1
            score.aspirational_tp += hit is not None
        elif hit is not None:
            score.tp += 1
        else:
            score.fn += 1
            if len(score.misses) < 400:
                score.misses.append(f"{label}: missed {g.values[0]!r}")
        if hit is not None:
            used.add(hit)
    if not aspirational:
        for i, p in enumerate(preds):
            if i not in used and not any(p.start < g.end and g.start < p.end and g.kind == p.kind for g in golds):
                score.fp += 1
                if len(score.misses) < 400:
                    score.misses.append(f"{label}: extra {p.value!r}")


def is_aspirational(case: dict[str, object]) -> bool:
    return "dotnet" in str(case.get("NotSupported", "")).lower()


# ---- factcheck's readings -------------------------------------------------------------------------------------


def fc_money(text: str) -> list[Pred]:
    out = []
    for m in recognize(text):
        v = m.value
        if m.kind == "money" and isinstance(v, NumberValue) and v.value is not None and v.unit in MAJOR_CODES:
            out.append(Pred(m.start, m.end, "money", (v.unit, v.value)))
    return out


def fc_percent(text: str) -> list[Pred]:
    return [Pred(m.start, m.end, "percent", m.value.value) for m in recognize(text)
            if m.kind == "percent" and isinstance(m.value, NumberValue)]


def fc_numbers(text: str) -> list[Pred]:
    out = []
    for m in recognize(text):
        v = m.value
        if isinstance(v, NumberValue) and v.value is not None:
            if m.kind == "quantity" and v.unit != "count":
                continue  # a measure in a physical unit ("180ml") is not a bare number in these specs
            value = v.value / 0.01 if m.kind == "money" and "cent" in m.text.lower() else v.value
            out.append(Pred(m.start, m.end, "number", value))
        elif isinstance(v, DateValue) and v.granularity == "year" and m.text.strip().isdigit():
            out.append(Pred(m.start, m.end, "number", float(m.text)))  # a year is a number too
    return out


def fc_dates(text: str, ref: dt.date | None) -> list[Pred]:
    out = []
    for m in recognize(text, ref):
        v = m.value
        if isinstance(v, DateValue) and v.start is not None and v.end is not None:
            out.append(Pred(m.start, m.end, "date", (v.start, v.end)))
    return out


# ---- quantulum3's readings --------------------------------------------------------------------------------------

Q_CURRENCY = {"dollar": ("USD", 1.0), "euro": ("EUR", 1.0), "pound sterling": ("GBP", 1.0), "cent": ("USD", 0.01),
              "yen": ("JPY", 1.0), "yuan": ("CNY", 1.0), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01),
              "rupee": ("INR", 1.0), "swiss franc": ("CHF", 1.0), "franc": ("CHF", 1.0),
              "canadian dollar": ("CAD", 1.0), "australian dollar": ("AUD", 1.0), "hong kong dollar": ("HKD", 1.0),
              "renminbi": ("CNY", 1.0), "japanese yen": ("JPY", 1.0), "indian rupee": ("INR", 1.0)}


def quantulum() -> Callable[[str], list[object]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None

    def parse(text: str) -> list[object]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return list(parser.parse(text))
            except Exception:  # noqa: BLE001 - a crash of the peer counts as finding nothing
                return []

    return parse


def q_preds(parse: Callable[[str], list[object]], text: str, kind: str) -> list[Pred]:
    out = []
    for q in parse(text):
        unit = q.unit.name.lower()  # type: ignore[attr-defined]
        start, end = q.span  # type: ignore[attr-defined]
        value = float(q.value)  # type: ignore[attr-defined]
        if kind == "money" and unit in Q_CURRENCY:
            code, factor = Q_CURRENCY[unit]
            out.append(Pred(start, end, "money", (code, value * factor)))
        elif kind == "percent" and unit == "percentage":
            out.append(Pred(start, end, "percent", value))
        elif kind == "number":
            out.append(Pred(start, end, "number", value))
    return out


# ---- the sets ---------------------------------------------------------------------------------------------------

EVAL = ROOT.parent / "shared" / "eval"


def rt_currency(predict: Callable[[str], list[Pred]], major_only: bool) -> Score:
    score = Score()
    for case in load(EVAL / "recognizers/NumberWithUnit/English/CurrencyModel.json"):
        text = str(case["Input"])
        golds = []
        skip_spans = []
        for r in case["Results"]:  # type: ignore[union-attr]
            unit = r["Resolution"].get("unit")
            start, end = r["Start"], r["End"] + 1
            if unit not in RT_CURRENCY or (major_only and unit not in MAJOR) or r["Resolution"].get("value") is None:
                skip_spans.append((start, end))
                continue
            code, factor = RT_CURRENCY[unit]
            golds.append(Gold(start, end, "money", ((code, float(r["Resolution"]["value"]) * factor),)))
        preds = [p for p in predict(text) if not any(p.start < e and s < p.end for s, e in skip_spans)]
        score_case(score, golds, preds, is_aspirational(case), text[:60])
    return score


def rt_simple(file: str, kind: str, predict: Callable[[str], list[Pred]]) -> Score:
    score = Score()
    for case in load(EVAL / file):
        text = str(case["Input"])
        golds = []
        for r in case["Results"]:  # type: ignore[union-attr]
            raw = str(r["Resolution"].get("value", ""))
            try:
                value = float(raw.rstrip("%").replace(",", ""))
            except ValueError:
                continue  # a fraction or a range the spec writes as text: not scored
            if kind == "number" and r.get("TypeName") not in ("number", None):
                continue
            golds.append(Gold(r["Start"], r["End"] + 1, kind, (value,)))
        score_case(score, golds, predict(text), is_aspirational(case), text[:60])
    return score


def _ref(case: dict[str, object]) -> dt.date | None:
    ctx = case.get("Context") or {}
    ref = ctx.get("ReferenceDateTime") if isinstance(ctx, dict) else None
    return dt.datetime.fromisoformat(str(ref)).date() if ref else None


def _ranges(start: str, end: str) -> list[tuple[dt.date, dt.date]]:
    """Readings of a Recognizers-Text range that count as the same: its end exclusive or inclusive, and "A to B"
    taken to include all of B ("2014-2018" through December 2018, "May to Oct" through October 31)."""
    s, e = dt.date.fromisoformat(start[:10]), dt.date.fromisoformat(end[:10])
    out = [(s, e), (s, e - dt.timedelta(days=1))]
    if e.day == 1:
        nxt = dt.date(e.year + (e.month == 12), e.month % 12 + 1, 1)
        out.append((s, nxt - dt.timedelta(days=1)))
        if e.month == 1:
            out.append((s, dt.date(e.year, 12, 31)))
    return out


Reading = tuple[int, int, list[tuple[dt.date, dt.date]], bool]  # start, end, acceptable ranges, scored


def _model_result(r: dict[str, object]) -> Reading:
    """A DateTimeModel result: date and daterange results are scored, the others (times) are not."""
    values: list[tuple[dt.date, dt.date]] = []
    for v in r.get("Resolution", {}).get("values", []):  # type: ignore[union-attr]
        if v.get("type") == "date" and "value" in v and len(str(v["value"])) == 10:
            d = dt.date.fromisoformat(v["value"])
            values.append((d, d))
        elif v.get("type") == "daterange" and v.get("start") and v.get("end"):
            values.extend(_ranges(v["start"], v["end"]))
    wanted = r.get("TypeName", "") in ("datetimeV2.date", "datetimeV2.daterange")
    return int(r["Start"]), int(r["End"]) + 1, values, wanted  # type: ignore[call-overload]


def _parser_result(r: dict[str, object]) -> Reading:
    """A DatePeriodParser result: its future and past resolutions are both acceptable."""
    values: list[tuple[dt.date, dt.date]] = []
    for res in ("FutureResolution", "PastResolution"):
        v = (r.get("Value") or {}).get(res) or {}  # type: ignore[union-attr]
        if v.get("startDate") and v.get("endDate"):
            values.extend(_ranges(v["startDate"], v["endDate"]))
    start = int(r["Start"])  # type: ignore[call-overload]
    return start, start + int(r["Length"]), values, r.get("Type") == "daterange"  # type: ignore[call-overload]


def rt_dates(file: str, read: Callable[[dict[str, object]], Reading],
             predict: Callable[[str, dt.date | None], list[Pred]]) -> Score:
    score = Score()
    for case in load(EVAL / file):
        text = str(case["Input"])
        golds, skip = [], []
        for r in case["Results"]:  # type: ignore[union-attr]
            start, end, values, wanted = read(r)
            if wanted and values:
                golds.append(Gold(start, end, "date", tuple(values)))
            else:
                skip.append((start, end))
        preds = [p for p in predict(text, _ref(case)) if not any(p.start < e and s < p.end for s, e in skip)]
        score_case(score, golds, preds, is_aspirational(case), text[:60])
    return score


Q_KIND = {"dollar": "money", "euro": "money", "pound sterling": "money", "cent": "money", "percentage": "percent",
          "dimensionless": "number"}


def quantulum_set(predict_by_kind: Callable[[str, str], list[Pred]]) -> Score:
    score = Score()
    for case in load(EVAL / "quantulum3/quantities.json"):
        text = str(case["req"])
        golds, kinds = [], set()
        for r in case["res"]:  # type: ignore[union-attr]
            kind = Q_KIND.get(str(r["unit"]))
            if kind is None:
                continue
            kinds.add(kind)
            surface = str(r["surface"])
            start = text.find(surface)
            if start < 0:
                continue
            value: object = float(r["value"])
            if kind == "money":
                code, factor = Q_CURRENCY[str(r["unit"])]
                value = (code, float(r["value"]) * factor)
            golds.append(Gold(start, start + len(surface), kind, (value,)))
        preds = [p for k in ("money", "percent", "number") for p in predict_by_kind(text, k)]
        # Only the kinds this sentence expects are scored: other quantities (metres, grams) are not factcheck's.
        preds = [p for p in preds if p.kind in kinds or not golds]
        if not golds and case["res"]:
            continue
        score_case(score, golds, preds, False, text[:60])
    return score


def fc_by_kind(text: str, kind: str) -> list[Pred]:
    if kind == "money":
        return fc_money(text)
    if kind == "percent":
        return fc_percent(text)
    return [p for p in fc_numbers(text)
            if not any(p.start < m.end and m.start < p.end for m in fc_money(text) + fc_percent(text))]


# ---- SummEdits: the whole checker, document against summary --------------------------------------------------------

def summedits(limit: int | None) -> tuple[Score, dict[str, int]]:
    import re

    from factcheck.engine.rules import load_rules
    from factcheck.models import Document
    from factcheck.pipeline import check_documents

    checks = ("disagreement", "aligned-figure", "role-conflict", "derived", "parts-sum", "change")
    rules = [r for r in load_rules() if r.check in checks]
    score = Score()
    counts = {"numeric_inconsistent": 0, "consistent": 0}
    cases: list[dict[str, object]] = []
    for name in ("summedits_news.json", "summedits_ectsum.json"):
        cases.extend(load(EVAL / "summedits" / name))
    digits = re.compile(r"\d(?:[\d,.]*\d)?")
    for case in cases[:limit] if limit else cases:
        summary, original = str(case["summary"]), str(case["original_summary"])
        # A numeric edit puts a figure in the summary that the original summary did not have; an edit that only
        # drops a figure leaves nothing to contradict.
        numeric = bool(set(digits.findall(summary)) - set(digits.findall(original)))
        label = int(case["label"])  # type: ignore[arg-type]
        if label == 0 and not numeric:
            continue
        docs = [Document(path="document", text=str(case["doc"]), line_map=[]),
                Document(path="summary", text=summary, line_map=[])]
        report = check_documents(docs, rules)
        flagged = any(f.severity in ("error", "warning") and "summary" in f.documents and "document" in f.documents
                      for f in report.findings)
        if label == 0:
            counts["numeric_inconsistent"] += 1
            score.tp += flagged
            score.fn += not flagged
        else:
            counts["consistent"] += 1
            score.fp += flagged
    return score, counts


# ---- report -----------------------------------------------------------------------------------------------------


def _floor3(x: float) -> str:
    """Three decimals, rounded down: a target of 0.85 is not met by 0.8496."""
    return f"{math.floor(x * 1000) / 1000:.3f}"


def fmt(s: Score | None) -> list[str]:
    if s is None:
        return ["n/a"] * 4
    asp = f"{s.aspirational_tp}/{s.aspirational_total}" if s.aspirational_total else "-"
    return [_floor3(s.precision), _floor3(s.recall), _floor3(s.f1), asp]


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--summedits-limit", type=int, default=None, help="check only the first N SummEdits cases")
    ap.add_argument("--misses", metavar="SET", help="print the misses and extras of one set (by its name)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if not EVAL.is_dir():
        print(f"error: {EVAL} not found (the shared evaluation material sits beside the checkout)", file=sys.stderr)
        return 2
    q = quantulum()
    t0 = time.perf_counter()
    rows: list[tuple[str, Score, Score | None]] = []
    rows.append(("Currency (major)", rt_currency(fc_money, True),
                 rt_currency(lambda t: q_preds(q, t, "money"), True) if q else None))
    rows.append(("Currency (all)", rt_currency(fc_money, False),
                 rt_currency(lambda t: q_preds(q, t, "money"), False) if q else None))
    rows.append(("Percent", rt_simple("recognizers/Number/English/PercentModel.json", "percent", fc_percent),
                 rt_simple("recognizers/Number/English/PercentModel.json", "percent",
                           lambda t: q_preds(q, t, "percent")) if q else None))
    rows.append(("Number", rt_simple("recognizers/Number/English/NumberModel.json", "number", fc_numbers),
                 rt_simple("recognizers/Number/English/NumberModel.json", "number",
                           lambda t: q_preds(q, t, "number")) if q else None))
    rows.append(("DateTimeModel (date, daterange)",
                 rt_dates("recognizers/DateTime/English/DateTimeModel.json", _model_result, fc_dates), None))
    rows.append(("DatePeriodParser (daterange)",
                 rt_dates("recognizers/DateTime/English/DatePeriodParser.json", _parser_result, fc_dates), None))
    rows.append(("quantulum3 quantities (money, %, counts)", quantulum_set(fc_by_kind),
                 quantulum_set(lambda t, k: q_preds(q, t, k)) if q else None))
    se, counts = summedits(args.summedits_limit)
    elapsed = time.perf_counter() - t0
    from tabulate import tabulate

    table = [[name, *fmt(fc), *fmt(qs)[:3]] for name, fc, qs in rows]
    table.append([f"SummEdits numeric edits ({counts['numeric_inconsistent']} inconsistent, "
                  f"{counts['consistent']} consistent)", *fmt(se)[:3], "-", "n/a", "n/a", "n/a"])
    print(tabulate(table, headers=["set", "P", "R", "F1", "ref. fails (hit/total)", "quantulum3 P", "R", "F1"],
                   tablefmt="simple", disable_numparse=True))
    print(f"\n(quantulum3 {'not installed' if q is None else 'side by side'}; dates: quantulum3 does not read them; "
          f"{elapsed:.1f} s)")
    if args.misses:
        for name, fc, _ in rows + [("SummEdits", se, None)]:
            if name.lower().startswith(args.misses.lower()):
                print("\n".join(fc.misses))
    figures = [f"{name.split(' (')[0].split(' ')[0].lower()}{'-major' if 'major' in name else ''}"
               f"={_floor3(fc.f1)}" + (f"/q{_floor3(qs.f1)}" if qs else "") for name, fc, qs in rows]
    figures.append(f"summedits-P={_floor3(se.precision)} summedits-R={_floor3(se.recall)}")
    print("\nFIGURES " + " ".join(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
