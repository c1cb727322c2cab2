"""What a figure counts and for which period, read from its clause."""

from __future__ import annotations

import pytest

from pipeline.relate.metrics import metric, period


def at(text: str, figure: str) -> tuple[int, int]:
    start = text.index(figure)
    return start, start + len(figure)


@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("截至2015年12月底，蓝海移动用户已经超过50万户。", "超过50万户", "用户"),
        ("蓝海移动2023年上半年营收达到12亿元，同比增长15%。", "12亿元", "营收"),
        ("蓝海移动2023年上半年营收达到12亿元，同比增长15%。", "15%", "营收增长"),
        ("今年一季度，公司净利润为3亿元。", "3亿元", "净利润"),  # not 利润: the longest word
        ("公司在全国拥有2000家门店。", "2000家", "门店"),
        ("2019年已建设5万个基站。", "5万个", "基站"),
        ("4G用户占比约30%。", "约30%", "用户占比"),
        ("该公司市值约为300亿元。", "300亿元", None),
    ],
)
def test_metric(text, figure, expected):
    assert metric(text, *at(text, figure)) == expected


@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("截至2015年12月底，蓝海移动用户已经超过50万户。", "超过50万户", "as of 2015-12-31"),
        ("截至2015年底，全国共有42家转售企业。", "42家", "as of 2015-12-31"),
        ("截至2015年12月31日，用户数为50万。", "50万", "as of 2015-12-31"),
        ("截至2016年6月，用户数为50万。", "50万", "as of 2016-06"),
        ("蓝海移动2023年上半年营收达到12亿元。", "12亿元", "2023-H1"),
        ("公司2022年前三季度营收为30亿元。", "30亿元", "2022-Q1..Q3"),
        ("公司2022年第三季度营收为9亿元。", "9亿元", "2022-Q3"),
        ("今年一季度，公司净利润为3亿元。", "3亿元", "2016-Q1"),
        ("截至去年底，转售企业达到42家。", "42家", "as of 2015-12-31"),
        ("公司2022年营收为30亿元。", "30亿元", "2022"),
        ("公司营收为30亿元。", "30亿元", None),
        ("2015年公司成立。目前用户为50万。", "50万", None),  # another sentence's year is not this figure's period
    ],
)
def test_period(text, figure, expected):
    assert period(text, at(text, figure)[0], 2016) == expected


def test_a_relative_year_needs_the_articles_year():
    assert period("今年一季度，公司净利润为3亿元。", 9) is None
