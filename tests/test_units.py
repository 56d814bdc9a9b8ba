"""The factors that bring written units to the one each dimension is compared in, checked against pint's own."""

from __future__ import annotations

import pint
import pytest

from factcheck.normalize.units import CANONICAL_UNITS, canonical_unit, format_value

# pint's names for the written units whose spelling it does not read
PINT_NAMES = {"km²": "km**2", "km2": "km**2", "m²": "m**2", "sq km": "km**2", "sq mi": "mile**2", "sq m": "m**2",
              "sq ft": "foot**2", "square kilometre": "km**2", "square kilometer": "km**2", "square mile": "mile**2",
              "square metre": "m**2", "square meter": "m**2", "square foot": "foot**2", "square feet": "foot**2",
              "kilometre": "km", "metre": "m", "centimetre": "cm", "millimetre": "mm", "litre": "liter", "ml": "mL",
              "kph": "km/hour", "km/h": "km/hour", "mph": "mile/hour", "tonne": "metric_ton", "ton": "short_ton",
              "barrel": "oil_barrel", "inches": "inch", "nautical mile": "nautical_mile", "feet": "foot", "ft": "foot",
              **{w: "oil_barrel/day" for w in ("barrels per day", "barrels a day", "barrel per day", "barrel a day",
                                               "bpd", "b/d")}}
PINT_UNITS = {"km2": "km**2", "km": "km", "kg": "kg", "L": "liter", "km/h": "km/hour", "bbl/d": "oil_barrel/day"}


@pytest.fixture(scope="module")
def ureg() -> pint.UnitRegistry:
    return pint.UnitRegistry()


@pytest.mark.parametrize("written", sorted(CANONICAL_UNITS))
def test_each_factor_is_pints(ureg: pint.UnitRegistry, written: str) -> None:
    unit, factor = CANONICAL_UNITS[written]
    expected = ureg.Quantity(1.0, PINT_NAMES.get(written, written)).to(PINT_UNITS[unit]).magnitude
    assert factor == pytest.approx(expected, rel=1e-5)  # (pint's acre is the US survey acre)


@pytest.mark.parametrize(("written", "unit"), [("acres", "km2"), ("Hectares", "km2"), ("square  miles", "km2"),
                                               ("miles", "km"), ("tonnes", "kg"), ("MW", "MW"), ("GB", "GB")])
def test_written_units_are_read_in_their_dimensions_unit(written: str, unit: str) -> None:
    assert canonical_unit(written)[0] == unit


@pytest.mark.parametrize(("low", "high", "unit", "shown"), [(4.5e-4, 5.5e-4, "kg", "450–550 mg"),
                                                             (75.0, 85.0, "km2", "75–85 km²"),
                                                             (0.00045, 0.00047, "km", "45.0–47.0 cm")])
def test_small_figures_are_shown_in_small_units(low: float, high: float, unit: str, shown: str) -> None:
    assert format_value(low, high, unit) == shown
