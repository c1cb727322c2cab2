import pytest

from pipeline.numbers import parse_number


@pytest.mark.parametrize("text, value", [
    ("20万", 200_000), ("1.5亿", 150_000_000), ("3千万", 30_000_000), ("三千万", 30_000_000),
    ("十二", 12), ("一万二千", 12_000), ("2500", 2500), ("1,500", 1500), ("两百", 200), ("1亿2000万", 120_000_000),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "万万x"])
def test_parse_number_rejects_non_numerals(text):
    with pytest.raises(ValueError):
        parse_number(text)
