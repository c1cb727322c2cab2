"""Publication dates: every front-matter and URL form read into an ISO date with its precision."""

from __future__ import annotations

import pytest

from pipeline.read.dates import DAY, FRONT, MONTH, URL, YEAR, YEAR_FROM_TEXT, YEAR_FROM_URL, published, url_date


@pytest.mark.parametrize(
    "raw, iso, precision",
    [
        ("2014-09-26 12:26", "2014-09-26", DAY),
        ("2016-05-17 19:33:00", "2016-05-17", DAY),
        ("2014-09-26T12:26:00+08:00", "2014-09-26", DAY),
        ("2014年9月26日", "2014-09-26", DAY),
        ("2013年07月25日 09:46", "2013-07-25", DAY),
        ("２０１４年９月２６日", "2014-09-26", DAY),
        ("2014 年 9 月 26 日", "2014-09-26", DAY),
        ("2014/9/26", "2014-09-26", DAY),
        ("2015/11/3 16:38", "2015-11-03", DAY),
        ("2014.9.26", "2014-09-26", DAY),
        ("2014年9月", "2014-09", MONTH),
        ("2014-09", "2014-09", MONTH),
        ("2014年", "2014", YEAR),
        ("2014", "2014", YEAR),
    ],
)
def test_front_matter_forms(raw, iso, precision):
    assert published(raw) == published(raw, "https://example.cn/a.html")
    p = published(raw)
    assert (p.date, p.precision, p.raw, p.source) == (iso, precision, raw, FRONT)


@pytest.mark.parametrize(
    "url, iso, precision",
    [
        ("https://m.example.cn/articles/2018-07-24/775643.html", "2018-07-24", DAY),
        ("http://example.com/html/2014-5-19/2014519113868494_2.htm", "2014-05-19", DAY),
        ("https://example.com.cn/dfpd/2014-03/04/content_17321734.htm", "2014-03-04", DAY),
        ("https://example.net/main3/2017/08/17/%e8%85%be117", "2017-08-17", DAY),
        ("http://example.net/news/2014/0418/104542.shtml", "2014-04-18", DAY),
        ("http://example.com/news/2014/1-15/123.html", "2014-01-15", DAY),  # no zero padding
        ("http://example.com/news/2014/01-15/123.html", "2014-01-15", DAY),
        ("http://example.cn/rolling/201307/25/t20130725_826372.shtml", "2013-07-25", DAY),
        ("http://example.cn/rolling/t20130725_826372.shtml", "2013-07-25", DAY),
        ("http://example.com/jijin/20230323/1001206394.html", "2023-03-23", DAY),
        ("http://example.com/it/201703/233738.html", "2017-03", MONTH),
        ("http://example.com/html/2019-12/367318.html", "2019-12", MONTH),
    ],
)
def test_url_forms(url, iso, precision):
    p = published(None, url)
    assert (p.date, p.precision, p.source) == (iso, precision, URL)
    assert p.raw in url


@pytest.mark.parametrize(
    "url",
    [
        "http://example.cn/plus/view.php?arcID=20140418",  # the query is not read
        "http://example.cn/vno/4333/a926057.html",
        "http://example.cn/p/20141399.html",  # no such month
        "http://example.cn/127/68381.html",
    ],
)
def test_urls_without_a_date(url):
    assert url_date(url) is None and published(None, url) is None


def test_the_front_matter_wins_over_the_url():
    p = published("2014-09-25 08:00", "https://example.cn/2014-09-26/1.html")
    assert (p.date, p.source) == ("2014-09-25", FRONT)


def test_a_month_and_day_take_the_year_of_the_url():
    p = published("9月23日", "https://example.cn/articles/2013-09-24/1.html")
    assert (p.date, p.precision, p.raw, p.source) == ("2013-09-23", DAY, "9月23日", YEAR_FROM_URL)
    assert published("3 月 22 日", "http://example.com/jijin/20230323/1.html").date == "2023-03-22"
    assert published("7月23日", "http://example.com/it/202007/1.html").date == "2020-07-23"
    # a day well after the URL's date is the year before's (an article filed on 2 January)
    assert published("12月30日", "https://example.cn/2015-01-02/1.html").date == "2014-12-30"


def test_a_month_and_day_take_the_year_of_the_latest_date_the_text_names():
    text = "2016年，甲公司被列入试点。2016年10月10日，甲公司公布方案。到2020年，用户将翻番。"
    p = published("4月5日", None, text)  # after 2016年10月10日, so 2017's 4月5日
    assert (p.date, p.source) == ("2017-04-05", YEAR_FROM_TEXT)
    assert published("11月5日", None, text).date == "2016-11-05"
    assert published("8月8日", None, "甲公司披露2022年半年报。").date == "2022-08-08"


def test_no_year_anywhere_is_no_date():
    assert published("3月6日", "http://example.cn/p/106763.html", "会议召开。") is None
    assert published(None, None) is None and published("", None) is None
    assert published("昨天", None) is None


def test_the_url_is_read_when_the_front_matter_has_no_date():
    p = published("昨天下午", "https://example.cn/2018-07-24/1.html")
    assert (p.date, p.source) == ("2018-07-24", URL)


def test_a_date_in_the_text_takes_the_articles_year():
    from pipeline.read.dates import in_article

    article = published("2014-09-26 12:26")
    assert in_article("9月25日", article).date == "2014-09-25"
    assert in_article("12月30日", article).date == "2013-12-30"  # after the article's day: the year before
    assert in_article("2015年3月1日", article).date == "2015-03-01"
    assert in_article("9月25日", None) is None and in_article("上周", article) is None
