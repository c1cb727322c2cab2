import pytest

from pipeline.language.numbers import natural, parse_number


@pytest.mark.parametrize(
    "text, value",
    [
        ("20万", 200_000),
        ("1.5亿", 150_000_000),
        ("3千万", 30_000_000),
        ("三千万", 30_000_000),
        ("十二", 12),
        ("一万二千", 12_000),
        ("2500", 2500),
        ("1,500", 1500),
        ("两百", 200),
        ("1亿2000万", 120_000_000),
        ("三仟万", 30_000_000),
        ("5佰", 500),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "万万x"])
def test_parse_number_rejects_non_numerals(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_numbers_are_written_back_as_a_person_writes_them():
    assert [natural(n) for n in (0, 987, 9999, 12345, 20_590_000, 350_000_000)] == [
        "0",
        "987",
        "9999",
        "1.234万",
        "2059万",
        "3.5亿",
    ]
    assert natural(2.5) == "2.5" and natural(3.0) == "3"
    assert all(parse_number(natural(n)) == n for n in (12340, 20_590_000, 350_000_000))
