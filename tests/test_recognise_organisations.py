"""Organisations in one sentence (real and invented companies)."""
import pytest

from pipeline import segment
from pipeline.recognise.organisations import defined_short_names, organisations


def orgs(text, short_names=None):
    return [(h.name, h.text) for h in organisations(text, segment.boundaries(text), short_names)]


@pytest.mark.parametrize("text, expected", [
    ("迪信通公司创始人在会上发言", [("迪信通", "迪信通公司")]),                    # gazetteer name with its tail
    ("中国联通浙江省分公司宣布", [("中国联通", "中国联通浙江省分公司")]),          # a branch is its parent's mention
    ("在2017中国移动转售产业峰会上", []),                                        # 中国移动|转售 is a domain term
    ("星联通信今年三季度营收增长", [("星联通信", "星联通信")]),                    # a coined name before a suffix
    ("移动通信市场竞争激烈", []),                                                # a common word before it is no name
    ("据南京市公安局反诈骗中心统计", [("南京市公安局反诈骗中心", "南京市公安局反诈骗中心")]),
    ("联通方面表示同意", [("中国联通", "联通")]),                                  # a weak alias in context
    ("他在移动理财领域创业", []),                                                # and out of it
])
def test_organisations(text, expected):
    assert orgs(text) == expected


def test_a_registered_name_defines_its_short_name_for_the_article():
    first = "深圳华信智联通信科技有限公司（以下简称“华信智联”）专注物联网"
    hits = organisations(first, segment.boundaries(first))
    assert ("华信智联", "深圳华信智联通信科技有限公司") in [(h.name, h.text) for h in hits]
    assert orgs("华信智联去年营收增长", defined_short_names(first, hits)) == [("华信智联", "华信智联")]
    assert orgs("华信智联去年营收增长") == []  # known only to the article that defined it
