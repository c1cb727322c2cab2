"""An article's publication date: an ISO date with its precision, from the front matter or the URL.

Front matters write dates in many ways (2014-09-26 12:26, 2014年9月26日, 2014/9/26,
a bare 9月26日) and many URLs carry one (/2018-07-24/, /201703/, /2014/0418/,
t20130725_…). ``published`` reads them all into one ``Published``: ``date`` is
ISO (YYYY-MM-DD, YYYY-MM or YYYY as ``precision`` says), ``raw`` what the source
wrote, and ``source`` where the date, or its year, came from, so an analyst can
judge a date before citing it.
Reads: front matter and URL. Provides: a Published date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from pipeline.language.datafiles import load_yaml

DAY, MONTH, YEAR = "day", "month", "year"
FRONT, URL = "front matter", "url"
YEAR_FROM_URL, YEAR_FROM_TEXT = "front matter, year from url", "front matter, year from text"
YEAR_FROM_ARTICLE = "text, year from the article's date"
_SLACK = dt.timedelta(days=31)  # a front-matter day may fall this far after the URL's date (a late upload)


@dataclass(frozen=True)
class Published:
    date: str  # ISO: 2014-09-26, 2014-09 or 2014
    precision: str  # DAY | MONTH | YEAR
    raw: str  # as written in the front matter, or the part of the URL read
    source: str  # FRONT | URL | YEAR_FROM_URL | YEAR_FROM_TEXT


_Y = r"(?P<y>(?:19|20)\d\d)"
_M = r"(?P<m>[01]?\d)"
_D = r"(?P<d>[0-3]?\d)"
# front-matter forms, tried in order on the NFKC-folded value (no spaces around 年, 月, 日, - or /)
_FRONT_FORMS = [
    re.compile(p)
    for p in (
        rf"^{_Y}[-/.]{_M}[-/.]{_D}(?!\d)",  # 2014-09-26 12:26, 2014/9/26, 2014.9.26
        rf"^{_Y}年{_M}月{_D}[日号]?",  # 2014年9月26日
        rf"^{_Y}年{_M}月",
        rf"^{_Y}[-/.]{_M}(?![\d/.-])",
        rf"^{_Y}年?(?!\d)",
    )
]
_MONTH_DAY = re.compile(rf"^{_M}月{_D}[日号]?")  # 9月26日: the year comes from elsewhere
# URL forms, tried in order on the URL's path; the first valid date wins
_URL_FORMS = [
    re.compile(p)
    for p in (
        rf"(?<![\d]){_Y}-{_M}-{_D}(?![\d])",  # /2018-07-24/, /2014-5-19/
        rf"(?<![\d]){_Y}-(?P<m>[01]\d)/(?P<d>[0-3]\d)/",  # /2014-03/04/
        rf"/{_Y}/(?P<m>[01]\d)/(?P<d>[0-3]\d)/",  # /2017/08/17/
        rf"/{_Y}/{_M}-{_D}/",  # /2014/1-15/, /2014/01-15/
        rf"/{_Y}/(?P<m>[01]\d)(?P<d>[0-3]\d)/",  # /2014/0418/
        rf"/{_Y}(?P<m>[01]\d)/(?P<d>[0-3]\d)/",  # /201307/25/
        rf"(?:/|\bt|_){_Y}(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.]|$)",  # /20230323/, t20130725_826372
        rf"/{_Y}(?P<m>[01]\d)/",  # /201703/
        rf"/{_Y}-(?P<m>[01]?\d)/",  # /2019-12/
    )
]
# dates the body writes, for the year of a bare 9月26日
_TEXT_DATE = re.compile(rf"{_Y}年(?:(?P<m>[01]?\d)月(?:(?P<d>[0-3]?\d)[日号])?)?")


@lru_cache(maxsize=1)
def _future_markers() -> tuple[str, ...]:
    return tuple(load_yaml("dates.yaml")["future_markers"])


def published(time: str | None, url: str | None = None, text: str = "") -> Published | None:
    """The article's date from its front-matter ``time``, else its ``url``; None when neither has one.

    A front matter's month and day without a year take the URL's year, else the
    year of the latest date the body ``text`` names (the article is dated on or
    after it).
    """
    from_url = url_date(url) if url else None
    if time and time.strip():
        raw = time.strip()
        value = re.sub(r"\s*([年月日号/.-])\s*", r"\1", unicodedata.normalize("NFKC", raw))
        for form in _FRONT_FORMS:
            if (m := form.match(value)) and (found := _date(m, raw, FRONT)):
                return found
        if m := _MONTH_DAY.match(value):
            month, day = int(m["m"]), int(m["d"])
            year, source = _year_from_url(from_url, month, day), YEAR_FROM_URL
            if year is None:
                year, source = _year_from_text(text, month, day), YEAR_FROM_TEXT
            if year is not None and _valid(year, month, day):
                return Published(f"{year:04d}-{month:02d}-{day:02d}", DAY, raw, source)
    return from_url


def in_article(raw: str, article: Published | None) -> Published | None:
    """A date an article's text names (9月25日, 2015年3月1日), its year taken from the article's
    date when it writes none: the year before when the day would fall after the article's."""
    value = re.sub(r"\s*([年月日号/.-])\s*", r"\1", unicodedata.normalize("NFKC", raw.strip()))
    for form in _FRONT_FORMS:
        if m := form.match(value):
            return _date(m, raw, FRONT)
    m = _MONTH_DAY.match(value)
    if m is None or article is None:
        return None
    year, month, day = int(article.date[:4]), int(m["m"]), int(m["d"])
    if article.precision == DAY and (month, day) > (int(article.date[5:7]), int(article.date[8:10])):
        year -= 1
    return (
        Published(f"{year:04d}-{month:02d}-{day:02d}", DAY, raw, YEAR_FROM_ARTICLE)
        if _valid(year, month, day)
        else None
    )


def url_date(url: str) -> Published | None:
    """The date a URL's path carries (query and fragment are not read)."""
    path = unquote(urlsplit(url).path)
    for form in _URL_FORMS:
        for m in form.finditer(path):
            if found := _date(m, m.group().strip("/_.t"), URL):
                return found
    return None


def _date(m: re.Match[str], raw: str, source: str) -> Published | None:
    groups = m.groupdict()
    year = int(groups["y"])
    month = int(groups["m"]) if groups.get("m") else None
    day = int(groups["d"]) if groups.get("d") else None
    if not _valid(year, month or 1, day or 1):
        return None
    if day is not None and month is not None:
        return Published(f"{year:04d}-{month:02d}-{day:02d}", DAY, raw, source)
    if month is not None:
        return Published(f"{year:04d}-{month:02d}", MONTH, raw, source)
    return Published(f"{year:04d}", YEAR, raw, source)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1990 <= year <= 2099


def _year_from_url(url: Published | None, month: int, day: int) -> int | None:
    """The URL's year, or the one before when the day would fall well after the URL's date (12月30日, /2015-01-02/)."""
    if url is None:
        return None
    year = int(url.date[:4])
    if url.precision == YEAR or not _valid(year, month, day):
        return year
    parts = [int(p) for p in url.date.split("-")]
    limit = dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 28) + _SLACK
    return year - 1 if dt.date(year, month, day) > limit else year


def _year_from_text(text: str, month: int, day: int) -> int | None:
    """The year of the latest date the body names (not one it looks ahead to), moved on a year
    when that date falls after this month and day (2016年10月10日 … then 4月5日 is 2017's)."""
    markers = _future_markers()
    latest: tuple[int, int, int] | None = None
    body = re.sub(r"(?<=[\d年月]) +(?=[\d年月日])", "", unicodedata.normalize("NFKC", text))
    for m in _TEXT_DATE.finditer(body):
        if any(body.endswith(w, 0, m.start()) for w in markers):
            continue
        when = (int(m["y"]), int(m["m"] or 0), int(m["d"] or 0))
        if when[1] <= 12 and (latest is None or when > latest):
            latest = when
    if latest is None:
        return None
    return latest[0] + 1 if (month, day) < latest[1:] else latest[0]
