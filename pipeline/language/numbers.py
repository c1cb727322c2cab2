"""Chinese and Arabic numerals to numbers: 约20万 → 200000, 三千万 → 30000000, 1.5亿 → 150000000;
and back, for display: 20590000 → 2059万."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 佰 and 仟 are the banker's 百 and 千, which Hong Kong and Taiwan text keeps (三仟萬); the traditional
# 萬, 億 and 兩 reach here simplified (script.py).
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000, "佰": 100, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


def _chinese_below_10000(s: str) -> float:
    total, digit = 0.0, None
    for ch in s:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a numeral: {s!r}")
    return total + (digit or 0)


def parse_number(s: str) -> float:
    """Value of a numeral that may mix Arabic digits, Chinese digits and 十百千万亿.

    Handles 20万, 1.5亿, 3千万, 三千万, 十二, 一万二千, 2500. Raises ValueError otherwise.
    """
    s = s.replace(",", "").strip()
    if not s:
        raise ValueError("empty numeral")
    # Split on the big units from the largest down: 1亿2000万 → 1*1e8 + 2000*1e4
    for unit_char in ("亿", "万"):
        if unit_char in s:
            head, _, tail = s.partition(unit_char)
            head_value = parse_number(head) if head else 1.0
            return head_value * BIG_UNITS[unit_char] + (parse_number(tail) if tail else 0.0)
    # A trailing small unit after Arabic digits: 3千 → 3000
    if s[-1] in SMALL_UNITS and _is_arabic(s[:-1]):
        return float(s[:-1]) * SMALL_UNITS[s[-1]]
    if _is_arabic(s):
        return float(s)
    return _chinese_below_10000(s)


def _is_arabic(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def natural(n: float) -> str:
    """A number as a person writes it: 987, 1.234万, 2059万, 3.5亿 (at most four significant digits)."""
    for name, size in reversed(BIG_UNITS.items()):
        if abs(n) >= size:
            return f"{n / size:.4g}{name}"
    return f"{n:.4g}" if isinstance(n, float) and not n.is_integer() else str(int(n))
