"""Goods and oil conditions: HS codes, value, carat and engine-size thresholds, origin rules,
and the oil price cap's product classes and prices."""

from __future__ import annotations

from seisai.rules.facts import Facts
from seisai.rules.hs import format_hs, hs_matches
from seisai.rules.logic import FALSE, Check, Truth, all_of, any_of, check_member, check_threshold
from seisai.rules.spec import GoodsCond, OilCond
from seisai.rules.transaction import Goods

# HS headings of crude oil and of petroleum products (for cargoes given without an oil block).
CRUDE_HS = "2709"
PRODUCTS_HS = "2710"


def _origin(facts: Facts, line: Goods, index: int, cond: GoodsCond) -> Check:
    """The line's origin is one of ``cond.origin``. Goods processed in a third country take
    that country as origin, unless the measure reaches processed goods (``include_processed``)."""
    origin = line.origin_country or facts.tx.origin_country
    if origin is None:
        return Check.unknown(f"goods[{index}].origin_country")
    processed = line.processed_in
    if processed and processed != origin and not cond.include_processed:
        if processed in cond.origin:
            return Check.true(f"goods[{index}] processed in {processed.upper()}")
        return Check.false(f"goods[{index}] of {origin.upper()} origin was processed in {processed.upper()}")
    if origin in cond.origin:
        via = f", processed in {processed.upper()}" if processed and processed != origin else ""
        return Check.true(f"goods[{index}] of {origin.upper()} origin{via}")
    return FALSE


def check_line(facts: Facts, line: Goods, index: int, cond: GoodsCond) -> Check:
    """One goods line against one goods condition."""
    matched = hs_matches(line.hs_code, cond.hs) if cond.hs else None
    if cond.hs and matched is None:
        return FALSE
    if cond.exclude_hs and hs_matches(line.hs_code, cond.exclude_hs):
        return FALSE
    if cond.controlled is not None and line.controlled != cond.controlled:
        return FALSE
    what = f"goods[{index}] HS {format_hs(line.hs_code)}"
    head = f"{what} is {cond.label}"
    if matched is not None:
        head += f" (HS {format_hs(matched)}" + (f", mapping {cond.confidence.value}" if cond.confidence else "") + ")"
    elif cond.controlled:
        head += f" (control list item {line.control_item or 'marked controlled'})"
    checks = [Check.true(head)]
    if cond.origin:
        checks.append(_origin(facts, line, index, cond))
    for name, threshold, value in (
        ("unit_value_jpy", cond.unit_value_jpy, line.unit_value_jpy),
        ("carat", cond.carat, line.carat),
        ("engine_cc", cond.engine_cc, line.engine_cc),
    ):
        if threshold is not None:
            field = "value_jpy" if name == "unit_value_jpy" else name
            check = check_threshold(value, threshold, f"goods[{index}].{field}")
            if name == "unit_value_jpy" and check.truth is Truth.TRUE and line.quantity != 1:
                check.details = [f"goods[{index}] value per unit ¥{value:,.0f} {threshold.describe()}"]
            checks.append(check)
    return all_of(checks)


def check_goods(facts: Facts, conds: tuple[GoodsCond, ...]) -> Check:
    """Some goods line meets some goods condition. Every matching line is reported."""
    results = [check_line(facts, line, i, c) for i, line in enumerate(facts.tx.goods) for c in conds]
    hits = [r for r in results if r.truth is Truth.TRUE]
    if hits:
        out = any_of(hits)
        out.details = [d for r in hits for d in r.details]
        return out
    return any_of(results)


def _product_of(facts: Facts) -> tuple[str | None, str]:
    """The oil product class of the transaction, and where it was read from."""
    if facts.tx.oil is not None:
        return facts.tx.oil.product, "oil.product"
    codes = [g.hs_code for g in facts.tx.goods]
    if any(c.startswith(CRUDE_HS) for c in codes):
        return "crude", f"HS {CRUDE_HS} goods"
    if any(c.startswith(PRODUCTS_HS) for c in codes):
        return None, "oil.product (premium or discount products?)"
    return None, ""


def check_oil(facts: Facts, cond: OilCond) -> Check:
    """Product class, price per barrel and project. A crude or products cargo given only as
    goods (HS 2709/2710) without an ``oil`` block is UNKNOWN: the price is needed."""
    product, source = _product_of(facts)
    if product is None and not source:
        return FALSE
    checks: list[Check] = []
    if cond.products:
        checks.append(
            Check.unknown(source) if product is None else check_member(product, cond.products, "oil.product")
        )
    oil = facts.tx.oil
    if cond.price_usd_per_barrel is not None:
        price = oil.price_usd_per_barrel if oil is not None else None
        checks.append(check_threshold(price, cond.price_usd_per_barrel, "oil.price_usd_per_barrel"))
    if cond.projects:
        project = oil.project if oil is not None else None
        checks.append(Check.true(f"oil.project {project}") if project in cond.projects else FALSE)
    return all_of(checks)
