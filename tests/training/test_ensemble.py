"""training/ensemble.py: trained models joined into one that averages their tag scores."""

import json

import numpy
import pytest
import spacy
from spacy.training import biluo_tags_to_spans

from pipeline import ner
from pipeline.ner import crf
from pipeline.ner import spacy_model as ner_spacy
from training import ensemble, train


@pytest.fixture(scope="module")
def members(tmp_path_factory):
    """Two pipelines of the shipped config (shipped vectors), initialised with
    different seeds and given different tag-to-tag scores."""
    from spacy.training.initialize import init_nlp
    from thinc.api import use_ops

    folder = tmp_path_factory.mktemp("members")
    lines = train.DEV.read_text(encoding="utf-8").splitlines()[:40]
    train.write_docbin(lines, folder / "train.spacy", extra_labels=False)
    paths = []
    for seed in (0, 1):
        settings = spacy.util.load_config(
            train.HERE / "config.cfg",
            overrides={
                "paths.train": str(folder / "train.spacy"),
                "paths.dev": str(folder / "train.spacy"),
                "paths.vectors": str(ner.MODEL_DIR),
                "system.seed": seed,
            },
        )
        with use_ops("numpy", use_blis=False):
            nlp = init_nlp(settings)
        steps = nlp.get_pipe("ner").model.get_ref("transitions")
        steps.set_param("T", numpy.random.default_rng(seed).normal(size=steps.get_param("T").shape).astype("f"))
        nlp.to_disk(folder / f"m{seed}")
        paths.append(folder / f"m{seed}")
    return paths, [json.loads(line)["text"] for line in lines[:8]]


def scores(nlp, texts):
    pipe = nlp.get_pipe("ner")
    docs = list(nlp.pipe(texts, disable=["ner"]))
    return [numpy.asarray(s) for s in pipe.predict(docs)], docs


def test_the_ensemble_reads_each_char_as_the_mean_of_its_members(members, tmp_path):
    paths, texts = members
    ensemble.assemble(paths, tmp_path / "ensemble")
    joined = ner_spacy.load(tmp_path / "ensemble")
    assert joined.pipe_names == ["ner"]
    parts = [ner_spacy.load(p) for p in paths]
    expected = [sum(s) / 2 for s in zip(*(scores(nlp, texts)[0] for nlp in parts))]
    found, docs = scores(joined, texts)
    assert all(numpy.allclose(f, e, atol=1e-5) for f, e in zip(found, expected))
    steps = [nlp.get_pipe("ner").lattice()[0] for nlp in (*parts, joined)]
    assert numpy.allclose(steps[2], (steps[0] + steps[1]) / 2, atol=1e-5)
    tags = joined.get_pipe("ner").tags
    decoded = crf.viterbi(expected, *joined.get_pipe("ner").lattice())
    wanted = [
        [(s.start, s.end, s.label_) for s in biluo_tags_to_spans(doc, [tags[k] for k in path])]
        for doc, path in zip(docs, decoded)
    ]
    assert [[(e.start, e.end, e.label_) for e in doc.ents] for doc in joined.pipe(texts)] == wanted


def test_one_model_is_no_ensemble(members, tmp_path):
    with pytest.raises(ValueError, match="two models or more"):
        ensemble.assemble(members[0][:1], tmp_path / "ensemble")
    assert not (tmp_path / "ensemble").exists()


def test_kg_runs_the_ensemble_in_numpy_and_a_member_through_spacy(members, tmp_path):
    from pipeline.ner import runtime as ner_runtime

    paths, texts = members
    ensemble.assemble(paths, tmp_path / "ensemble")
    joined = ner_spacy.load(tmp_path / "ensemble")
    runtime = ner_runtime.load(tmp_path / "ensemble")
    expected, _ = scores(joined, texts)
    assert all(numpy.allclose(f, e, atol=1e-4) for f, e in zip(runtime.tag_scores(texts), expected))
    assert ner.recognise(texts, model=runtime.spans) == ner.recognise(texts, model=ner_spacy.recogniser(joined))
    with pytest.raises(ner_runtime.UnknownArchitecture, match="pipeline"):  # its tok2vec a component apart
        ner_runtime.load(paths[0])
    assert ner.recognise(texts, model=ner.load(paths[0])) == ner.recognise(
        texts, model=ner_spacy.recogniser(ner_spacy.load(paths[0]))
    )
