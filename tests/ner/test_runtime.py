"""The NER in numpy (pipeline/ner/runtime.py): spaCy's and thinc's hashes, the spaCy model's
scores and spans, independence from the batch, and a clear refusal of other networks."""

import json
import subprocess
import sys

import numpy
import pytest
from repo import DATA, ROOT

from pipeline import ner
from pipeline.ner import runtime as ner_runtime
from pipeline.ner import spacy_model as ner_spacy
from pipeline.read.articles import read_paths
from pipeline.read.clean import sentences

DEV = ROOT / "training" / "data" / "dev.jsonl"
STRINGS = [
    "",
    "a",
    "中",
    "中国",
    "中国移动通信集团公司",
    "B-hmm",
    "S-nr",
    "abcdefgh",
    "abcdefghi",
    "移\u2403",
    "cc",
    " ",
]


@pytest.fixture(scope="module")
def runtime():
    return ner_runtime.load(ner.MODEL_DIR)


@pytest.fixture(scope="module")
def nlp():
    return ner_spacy.load(ner.MODEL_DIR)


@pytest.fixture(scope="module")
def article_sentences():
    """The sentences kg's NER reads in corpus/ and the tests' articles."""
    paths = sorted([*ROOT.glob("corpus/*.txt"), *DATA.glob("*/*.txt")])
    return [s.text for a in read_paths(paths) if not isinstance(a, Exception) for s in sentences(a)]


def test_string_keys_are_spacys():
    from spacy.strings import StringStore, hash_string

    store = StringStore()
    assert [ner_runtime.string_hash(s) for s in STRINGS[1:]] == [hash_string(s) for s in STRINGS[1:]]
    assert [ner_runtime.string_key(s) for s in STRINGS] == [store.add(s) for s in STRINGS]


def test_the_symbol_table_is_spacys():
    from spacy.symbols import IDS

    assert ner_runtime._symbols() == {k: v for k, v in IDS.items() if k}


def test_feature_hashes_are_thincs():
    from thinc.api import NumpyOps

    ids = numpy.array([0, 1, 2**63 + 5, 2**64 - 1, ner_runtime.string_hash("中国")], dtype="uint64")
    for seed in (0, 8, 11, 2**31 + 3):
        assert (ner_runtime.hash_ids(ids, seed) == NumpyOps().hash(ids, seed)).all()


def test_layernorm_is_the_formula_with_numpys_mean_and_variance():
    rng = numpy.random.default_rng(0)
    for shape, scale in (((500, 96), 1.0), ((7, 3), 1e-3), ((1, 64), 1e3)):
        Y = (rng.standard_normal(shape) * scale + rng.standard_normal(shape[1])).astype("float32")
        G, b = rng.standard_normal((2, shape[1])).astype("float32")
        var = Y.var(axis=1, keepdims=True) + ner_runtime.LAYERNORM_EPS
        expected = (Y - Y.mean(axis=1, keepdims=True)) * var ** (-1.0 / 2.0) * G + b
        assert numpy.array_equal(ner_runtime.layernorm(Y, G, b), expected)


def test_tag_scores_are_the_spacy_models(runtime, nlp, article_sentences):
    texts = article_sentences[:64] + ["", "a", "cctv和CCTV的 空格"]
    expected = [numpy.asarray(s) for s in nlp.get_pipe("ner").predict([nlp.make_doc(t) for t in texts])]
    found = runtime.tag_scores(texts)
    assert [f.shape for f in found] == [e.shape for e in expected]
    assert all(numpy.allclose(f, e, atol=1e-4) for f, e in zip(found, expected))


def test_spans_are_the_spacy_models_on_the_articles_and_the_dev_lines(nlp, article_sentences):
    dev = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
    texts = article_sentences + dev
    assert ner.recognise(texts) == ner.recognise(texts, model=ner_spacy.recogniser(nlp))


def test_a_docs_spans_do_not_depend_on_its_batch(runtime, article_sentences):
    texts = article_sentences[:40]
    alone = [runtime.spans([t])[0] for t in texts]
    assert runtime.spans(texts) == alone
    assert runtime.spans(texts[::-1]) == alone[::-1]


def test_another_architecture_is_refused_clearly(tmp_path):
    config = (ner.MODEL_DIR / "config.cfg").read_text(encoding="utf-8")
    (tmp_path / "config.cfg").write_text(config.replace("kg.BiluoCrfEnsemble.v1", "spacy.TransitionBasedParser.v2"))
    with pytest.raises(ner_runtime.UnknownArchitecture, match="entity layer 'spacy.TransitionBasedParser.v2'"):
        ner_runtime.load(tmp_path)
    (tmp_path / "config.cfg").write_text(config.replace("depth = 3", "depth = 2"), encoding="utf-8")
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "model").write_bytes((ner.MODEL_DIR / "ner" / "model").read_bytes())
    with pytest.raises(ner_runtime.UnknownArchitecture, match="its layers are not the kg.BiluoCrfEnsemble.v1 network"):
        ner_runtime.load(tmp_path)
    (tmp_path / "config.cfg").write_text("nlp = no section\n", encoding="utf-8")
    with pytest.raises(ner_runtime.UnknownArchitecture, match="not a config the runtime reads"):
        ner_runtime.load(tmp_path)


def test_kg_extract_imports_neither_spacy_nor_thinc(tmp_path):
    article = tmp_path / "one.txt"
    article.write_text("中国联通副总裁李明表示，虚拟运营商用户已超过5万户。\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pipeline.cli", "extract", str(article)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "李明" in done.stdout
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in done.stderr.splitlines()}
    assert not imported & {"spacy", "thinc"}
