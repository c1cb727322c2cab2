"""Traditional, Hong Kong and Taiwan characters, mixed and glossed text read as simplified; not-Chinese refused."""

import json
from pathlib import Path

import opencc
import pytest
from repo import DATA

from pipeline.extract import extract, extract_batched
from pipeline.read.articles import read_paths
from pipeline.read.clean import normalise
from pipeline.read.script import simplified
from pipeline.records import Article, InputError

ARTICLES = sorted((DATA / "articles").glob("*.txt"))
TEXTS = ("statements", "figures", "relations")


def _shape(x: dict) -> dict:
    """An extraction with each text replaced by its length: what must not change with the script."""
    x = json.loads(json.dumps(x))
    x.pop("article")
    x.pop("doc")
    for e in x["entities"]:
        for m in e["mentions"]:
            m["text"] = len(m["text"])
    for kind in TEXTS:
        for item in x[kind]:
            item["text"] = len(item["text"])
    return x


def _as_written(x: dict, article: Article) -> None:
    """Every text of the extraction is the file's own, where its offsets say (width folded)."""
    body = normalise(article.body)
    for e in x["entities"]:
        for m in e["mentions"]:
            assert article.text[m["start"] : m["end"]] == m["text"]
    for kind in TEXTS:
        for item in x[kind]:
            assert body[item["start"] - article.body_start : item["end"] - article.body_start] == item["text"]


@pytest.fixture(scope="module")
def originals():
    articles = [a for a in read_paths([str(p) for p in ARTICLES]) if isinstance(a, Article)]
    assert len(articles) == len(ARTICLES)
    return [(a, x.to_json()) for a, x in extract_batched(articles)]


@pytest.mark.parametrize("config", ["s2t", "s2hk", "s2tw"])
def test_the_test_articles_in_traditional_give_the_same_extraction(tmp_path, originals, config):
    converter = opencc.OpenCC(config)
    for article, _ in originals:  # GBK ones too, written back as UTF-8
        (tmp_path / Path(article.doc).name).write_text(converter.convert(article.text), encoding="utf-8")
    converted = list(read_paths([str(tmp_path / p.name) for p in ARTICLES]))
    for (article, want), (written, got) in zip(originals, extract_batched(converted)):
        assert simplified(written.text) is not None, written.doc  # it was converted: this is not the same text
        found = got.to_json()
        _as_written(found, written)
        assert _shape(found) == _shape(want), article.doc  # names simplified: 中國聯通 is 中国联通


MIXED_SIMPLIFIED = "中国联通副总经理闻库表示，联通已与十二家虚拟运营商签约。蜗牛移动的用户超过三百万户。"
MIXED = "中國聯通副總經理聞庫表示，联通已与十二家虚拟运营商签约。蝸牛移動的用户超过三百万户。"


def test_a_page_mixing_scripts_reads_as_its_simplified_text():
    want = extract(Article(doc="s.txt", text=MIXED_SIMPLIFIED)).to_json()
    got = extract(Article(doc="m.txt", text=MIXED)).to_json()
    assert _shape(got) == _shape(want)
    assert {e["name"] for e in got["entities"]} >= {"中国联通", "闻库", "蜗牛移动"}
    assert [m["text"] for e in got["entities"] if e["name"] == "闻库" for m in e["mentions"]] == ["聞庫"]


def test_traditional_numerals_are_read():
    text = "中國聯通表示，其虛擬運營商用戶已達三仟萬戶，收入兩億元，另有5佰家門店。"
    figures = extract(Article(doc="t.txt", text=text)).figures
    assert [(f.text, f.value) for f in figures] == [("三仟萬戶", 30_000_000), ("兩億元", 200_000_000), ("5佰家", 500)]


GLOSSED = "中國(guó)聯(lián)通副總經理王帥表示，聯通已與十二家虛擬運營商(shāng)簽約。"


def test_pinyin_glosses_are_dropped_for_the_stages_and_offsets_point_into_the_text_as_written():
    s = simplified(GLOSSED)
    assert s is not None and s.text == "中国联通副总经理王帅表示，联通已与十二家虚拟运营商签约。"
    x = extract(Article(doc="g.txt", text=GLOSSED))
    unicom = next(e for e in x.entities if e.name == "中国联通")
    assert (unicom.mentions[0].text, unicom.mentions[0].start) == ("中國(guó)聯(lián)通", 0)
    (st,) = x.statements
    assert st.speaker == "王帅"
    assert GLOSSED[st.start : st.end].startswith("聯通已與十二家虛擬運營商(shāng)")
    assert st.text == "聯通已與十二家虛擬運營商簽約"  # what was said, in its script, without the gloss


def test_a_bracketed_word_that_is_not_pinyin_stays():
    assert simplified("联通推出新套餐（5G），面向年轻用户(app)。") is None


def test_simplified_text_is_left_alone():
    assert simplified("中国联通表示，虚拟运营商用户超过一亿户。") is None


@pytest.mark.parametrize(
    "text",
    [
        "China Unicom said on Monday that its MVNO partners (虚拟运营商) now serve over ten million users.",
        "日本の携帯電話会社は、格安スマホの料金プランを発表しました。社長は契約者数が増えると述べた。",
    ],
)
def test_a_page_that_is_not_chinese_is_refused_naming_the_file_and_the_batch_goes_on(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("中国联通表示，虚拟运营商用户超过一亿户。", encoding="utf-8")
    first, second = read_paths([str(tmp_path)])
    assert isinstance(first, InputError) and first.doc.endswith("a.txt") and "not Chinese" in first.reason
    assert isinstance(second, Article)


def test_a_chinese_page_quoting_english_is_chinese(tmp_path):
    (tmp_path / "a.txt").write_text(
        "小米移动（Xiaomi Mobile）负责人表示，MVNO业务将与iPhone用户的eSIM服务一同推出。", encoding="utf-8"
    )
    assert all(isinstance(a, Article) for a in read_paths([str(tmp_path)]))


def test_a_conversion_that_changes_a_length_is_redone_in_pieces_that_keep_it(monkeypatch):
    from pipeline.read import script

    convert = script._conversion
    monkeypatch.setattr(script, "_conversion", lambda text: convert(text).replace("软件", "软件程序"))
    s = simplified("中國軟件公司表示\n聯通說")
    assert s is not None and s.text == "中国软件公司表示\n联通说"
    assert list(s.origin) == list(range(len(s.text)))
