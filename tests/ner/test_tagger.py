"""The BILUO CRF as a spaCy component (pipeline/ner/tagger.py): the entities it sets, and a tiny model it trains."""

import random

import numpy
import pytest
import spacy
from spacy.training import Example
from thinc.api import Model

from pipeline.ner import tagger as ner_tagger


def test_the_decoded_tags_become_the_docs_entities():
    doc = spacy.blank("xx")("a b c d e f")
    pipe = ner_tagger.BiluoNER(doc.vocab, ner_tagger.biluo_crf(Model("unused", lambda model, X, is_train: (X, None))))
    for label in ("ORG", "PER"):
        pipe.add_label(label)
    steps = pipe.model.get_ref("transitions")
    steps.set_dim("nO", len(pipe.tags))
    steps.initialize()
    scores = numpy.zeros((len(doc), len(pipe.tags)), dtype="float32")
    for i, tag in enumerate(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "O"]):
        scores[i, pipe.tags.index(tag)] = 4.0
    pipe.set_annotations([doc], [scores])
    found = doc.ents
    assert [(s.start, s.end, s.label_) for s in found] == [(0, 1, "PER"), (2, 5, "ORG")]


TINY_TOK2VEC = {
    "@architectures": "spacy.HashEmbedCNN.v2",
    "width": 32,
    "depth": 1,
    "embed_size": 500,
    "window_size": 1,
    "maxout_pieces": 2,
    "subword_features": True,
    "pretrained_vectors": None,
}


@pytest.mark.parametrize(
    "model",
    [
        {"@architectures": "kg.BiluoCrf.v1", "hidden_width": 16, "tok2vec": TINY_TOK2VEC},
        # an ensemble trains too (the shipped one is assembled from models trained apart: training/ensemble.py)
        {
            "@architectures": "kg.BiluoCrfEnsemble.v1",
            "*": {
                name: {"@architectures": "kg.BiluoTagScores.v1", "hidden_width": 16, "tok2vec": TINY_TOK2VEC}
                for name in ("a", "b")
            },
        },
    ],
    ids=["crf", "ensemble"],
)
def test_a_small_model_learns_its_examples_and_round_trips_through_disk(tmp_path, model):
    nlp = spacy.blank("xx")
    nlp.add_pipe(ner_tagger.FACTORY, name="ner", config={"model": model})
    texts = ["alice works at acme now", "bob met carol at initech", "acme hired bob", "carol left initech today"]
    people, orgs = {"alice", "bob", "carol"}, {"acme", "initech"}
    examples = []
    for text in texts:
        doc = nlp.make_doc(text)
        entities = [
            (t.idx, t.idx + len(t), "PER" if t.text in people else "ORG") for t in doc if t.text in people | orgs
        ]
        examples.append(Example.from_dict(doc, {"entities": entities}))
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    assert nlp.get_pipe("ner").labels == ("ORG", "PER")
    for _ in range(60):
        nlp.update(examples, sgd=optimizer)
    found = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    assert found == [
        [(t.text, "PER" if t.text in people else "ORG") for t in eg.reference if t.text in people | orgs]
        for eg in examples
    ]
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert [[(e.text, e.label_) for e in doc.ents] for doc in again.pipe(texts)] == found
