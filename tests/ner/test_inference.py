"""The shipped NER: loads offline, finds obvious entities, keeps offsets exact."""

import json
import socket

import kg_score
import pytest
from repo import ROOT

from pipeline import ner
from pipeline.ner import runtime as ner_runtime
from pipeline.ner import spacy_model as ner_spacy
from pipeline.records import LABELS

DEV = ROOT / "training" / "data" / "dev.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return ner_spacy.load()


def test_loads_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network used while loading the NER model")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    ner.load.cache_clear()
    ner_spacy.load.cache_clear()
    assert callable(ner.load())
    assert set(ner_runtime.load(ner.MODEL_DIR).labels) >= set(LABELS)
    nlp = ner_spacy.load()
    assert "ner" in nlp.pipe_names
    assert set(nlp.get_pipe("ner").labels) >= set(LABELS)


def test_model_folder_is_the_shipped_one_unless_the_environment_names_another(tmp_path, monkeypatch):
    monkeypatch.delenv(ner.MODEL_ENV, raising=False)
    assert ner.model_dir() == ner.MODEL_DIR
    other = tmp_path / "mine"
    other.mkdir()
    monkeypatch.setenv(ner.MODEL_ENV, str(other))
    with pytest.raises(FileNotFoundError, match="KG_NER_MODEL=.*mine: no spaCy model"):
        ner.model_dir()
    (other / "config.cfg").write_text("", encoding="utf-8")
    assert ner.model_dir() == other


def test_char_tokens_carry_segmenter_features(nlp):
    doc = nlp.make_doc("中国移动 发布")
    assert [t.text for t in doc] == list("中国移动 发布")
    assert doc[0].norm_ == "中国" and doc[0].lemma_ == "中国移动" and doc[0].tag_.startswith("B-")
    assert doc[3].tag_.startswith("E-")


@pytest.mark.parametrize("text", ["", "短句。", "无标点" * 150, "第一句。第二句！" * 40 + "尾巴"])
def test_chunks_cover_text_in_bounded_pieces(text):
    pieces = ner.chunks(text, size=50)
    assert "".join(p for _, p in pieces) == text
    assert all(0 < len(p) <= 50 and text[o : o + len(p)] == p for o, p in pieces)


def spans_of(text, spans, label):
    return [text[s:e] for s, e, lab in spans if lab == label]


def test_recognises_person_title_company_and_government(nlp):
    texts = [
        "阿里巴巴集团董事局主席马云昨天在杭州表示，公司将继续投资。",
        "工业和信息化部近日发布通知，要求各地加强电话实名登记。",
    ]
    first, second = ner.recognise(texts)
    assert "马云" in spans_of(texts[0], first, "PERSON")
    assert any("主席" in t for t in spans_of(texts[0], first, "POSITION"))
    assert any("阿里巴巴" in t for t in spans_of(texts[0], first, "COMPANY"))
    assert "工业和信息化部" in spans_of(texts[1], second, "GOVERNMENT")
    assert all(lab in LABELS for s, e, lab in first + second)


def test_offsets_exact_in_long_multi_sentence_text(nlp):
    sentence = "阿里巴巴集团董事局主席马云昨天在杭州表示，公司将继续投资。"
    text = ("据报道，" + sentence) * 12 + "没有标点的一长段文字" * 30 + sentence
    assert len(text) > 3 * ner.MAX_CHUNK
    [spans] = ner.recognise([text])
    people = [(s, e) for s, e, lab in spans if lab == "PERSON" and text[s:e] == "马云"]
    expected = []
    at = text.find("马云")
    while at >= 0:
        expected.append((at, at + 2))
        at = text.find("马云", at + 1)
    assert people == expected
    assert all(0 <= s < e <= len(text) for s, e, _ in spans)


def test_held_out_dev_lines_score_above_floor(nlp, tmp_path):
    lines = DEV.read_text(encoding="utf-8").splitlines()[:200]
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = ner.recognise(json.loads(l)["text"] for l in lines)
    pred.write_text(
        "".join(
            json.dumps({"entities": [{"label": lab, "mentions": [{"start": s, "end": e}]} for s, e, lab in spans]})
            + "\n"
            for spans in results
        ),
        encoding="utf-8",
    )
    report = kg_score.score_lines(str(gold), str(pred))
    # the shipped model scores 0.729, 0.786, 0.775, 0.789, 0.773 and 0.600 on these 200 lines (2026-12-04):
    # each floor is 0.05 under its label's figure, so a worse model fails here and a retrained one has room
    floors = {
        "name": 0.68,
        "company": 0.73,
        "government": 0.72,
        "organization": 0.74,
        "position": 0.72,
        "address": 0.55,
    }
    below = {label: round(report[label]["f1"], 3) for label, floor in floors.items() if report[label]["f1"] < floor}
    assert not below, below


def test_embedding_looks_up_char_and_bigram_rows_side_by_side():
    import numpy
    import spacy
    from spacy.attrs import NORM, ORTH
    from spacy.vectors import Vectors

    from pipeline.ner import embed as ner_embed

    nlp = spacy.blank("xx")
    nlp.tokenizer = ner_spacy.CharTokenizer(nlp.vocab)
    strings = nlp.vocab.strings
    data = numpy.arange(12, dtype="float32").reshape(4, 3)
    nlp.vocab.vectors = Vectors(strings=strings, data=data, keys=[strings.add(k) for k in ["移", "动", "移动", "动力"]])
    docs = [nlp.make_doc("移动"), nlp.make_doc("")]
    out, _ = ner_embed.vector_lookup([ORTH, NORM])(docs, is_train=False)
    assert list(out.lengths) == [2, 0]
    # 移: its own row, then its bigram 移动's; 动: its row, and zeros for the unseen bigram 动+end
    assert out.data.tolist() == [[0, 1, 2, 6, 7, 8], [3, 4, 5, 0, 0, 0]]


def test_shipped_model_carries_its_static_vectors(nlp):
    assert nlp.vocab.vectors.shape[0] > 10_000
    doc = nlp.make_doc("中国移动")
    assert all(nlp.vocab.vectors.find(key=t.orth) >= 0 for t in doc)


def test_a_model_only_spacy_runs_without_spacy_installed_names_the_train_extra(tmp_path, monkeypatch):
    """spaCy is in the train extra: a KG_NER_MODEL the numpy runtime does not know is then refused
    in one line that says what to install, not with an ImportError's traceback."""
    import sys

    from pipeline.errors import KgFailure
    from pipeline.ner import inference

    (tmp_path / "config.cfg").write_text("[nlp]\nlang = zh\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pipeline.ner.spacy_model", None)  # as if spaCy were not installed
    monkeypatch.delattr(ner, "spacy_model", raising=False)
    inference.load.cache_clear()
    with pytest.raises(KgFailure, match=r"runs in spaCy: pip install 'kg\[train\]'"):
        inference.load(tmp_path)
    inference.load.cache_clear()
