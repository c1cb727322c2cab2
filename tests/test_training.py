"""The training script's data handling (training/): fixed split, CLUENER spans, vector text."""
import json

import spacy

from training import train, vectors


def test_split_is_fixed_and_disjoint():
    lines = [f"line {i}" for i in range(200)]
    first, second = train.split(lines), train.split(lines)
    assert first == second
    rest, dev = first
    assert len(dev) == 20 and set(rest) | set(dev) == set(lines) and not set(rest) & set(dev)


def test_cluener_ends_are_inclusive_and_nested_spans_keep_the_longest():
    record = {"text": "浙商银行叶志刚说", "label": {
        "company": {"浙商银行": [[0, 3]], "浙商": [[0, 1]]}, "name": {"叶志刚": [[4, 6]]}, "book": {"说": [[7, 7]]}}}
    doc = train.to_doc(spacy.blank("xx").vocab, record, extra_labels=False)
    assert [(e.text, e.label_) for e in doc.ents] == [("浙商银行", "COMPANY"), ("叶志刚", "PERSON")]


def test_vector_text_is_cut_into_sentence_sized_pieces():
    text = "第一句话。第二句话！" + "长" * 450
    pieces = list(vectors.sentences([text], size=200))
    assert pieces[:2] == ["第一句话。", "第二句话！"]
    assert [len(p) for p in pieces[2:]] == [200, 200, 50]


def test_dev_split_on_disk_is_the_split_of_the_source():
    lines = train.SOURCE.read_text(encoding="utf-8").splitlines()
    _, dev = train.split(lines)
    assert train.DEV.read_text(encoding="utf-8").splitlines() == dev
    assert all("text" in json.loads(line) for line in dev[:10])
