"""Progress bars read naturally: percentages with one decimal, 万/亿 for large counts, a total and ETA."""

from __future__ import annotations

from pipeline.apps.progress import Bar, share, speed


def test_shares_and_speeds():
    assert share(26, 1000) == "2.6%" and share(1000, 1000) == "100.0%" and share(3, 0) == "?"
    assert speed(30, 10.0, "articles") == "3 articles/s"
    assert speed(2, 10.0, "articles") == "5.0 s/article"
    assert speed(0, 0.0, "rows") == "? rows/s"


def test_a_bar_with_a_total_shows_share_counts_and_time_left():
    with Bar(total=20_590_000, unit="rows", disable=False) as bar:
        bar.update(535_340)
        line = str(bar)
    assert line.startswith("2.6% |") and "53.53万/2059万 rows" in line, line
    assert "e+" not in line and "<" in line


def test_a_disabled_bar_is_silent(capsys):
    with Bar(total=5, disable=True) as bar:
        bar.update(5)
    assert capsys.readouterr().err == ""
