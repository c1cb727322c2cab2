"""The learned second look at `about` (invented companies and sentences; the model stubbed where the
test is of the step, not of the shipped weights)."""

import pytest

from pipeline.extract import extract
from pipeline.records import Article
from pipeline.relate.speech import about_model


def statements(text):
    return extract(Article(doc="t", text=text)).statements


@pytest.fixture
def stub(monkeypatch):
    def use(weights, add=0.5, drop=0.5):
        monkeypatch.setattr(about_model, "model", lambda: about_model.Model(0.0, add, drop, weights))

    return use


def seen(text):
    """Each statement's candidates, as the step reads them."""
    found = []
    original = about_model.candidates

    def recording(article, st):
        out = original(article, st)
        found.append(out)
        return out

    about_model.candidates = recording
    try:
        statements(text)
    finally:
        about_model.candidates = original
    return found


def test_the_candidates_are_the_organisations_around_a_statement(stub):
    stub({"listed:any": 5.0})  # keeps the rules' choice, so every candidate is read
    (found,) = seen("中国移动宣布调价。华为副总裁张明表示，中国联通已完成招标。")
    by_name = {c.name: c for c in found}
    assert by_name["中国联通"].chosen and "listed:where=content" in by_name["中国联通"].features
    assert not by_name["华为"].chosen and "left:where=employer" in by_name["华为"].features
    assert "left:where=previous" in by_name["中国移动"].features


def test_a_confident_model_adds_a_speakers_company_the_rules_left_out(stub):
    stub({"listed:any": 5.0, "left:where=employer": 10.0, "left:any": -5.0}, add=0.9, drop=0.1)
    for text, company in [
        ("华为副总裁张明表示，海外收入占比已过半。", "华为"),
        ("小米集团总裁李强介绍，年内将在十个城市上线。", "小米"),
        ("中兴通讯执行副总裁王磊透露，欧洲订单仍在增长。", "中兴通讯"),
    ]:
        (st,) = statements(text)
        assert company in st.about


def test_a_confident_model_drops_what_the_rules_listed(stub):
    stub({"listed:where=content": -10.0, "listed:any": 5.0}, add=0.9, drop=0.1)
    for text in [
        "张明表示，腾讯、百度都将参与。",
        "李强称，与中国联通的谈判仍在进行。",
        "王磊介绍，华为的方案更便宜。",
    ]:
        (st,) = statements(text)
        assert st.about == []


def test_an_empty_model_leaves_the_rules_alone(stub):
    stub({})
    (st,) = statements("张明表示，腾讯、百度都将参与。")
    assert set(st.about) == {"腾讯", "百度"}


def test_the_shipped_model_reads():
    m = about_model.model()
    assert 0.0 <= m.drop <= m.add and 0.0 <= m.probability(("listed:any",)) <= 1.0
