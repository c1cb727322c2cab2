"""The BILUO entity layer (pipeline/ner_tagger.py): its grammar, its decoder, and a tiny model it trains."""
import itertools
import random

import numpy
import spacy
from spacy.training import Example
from thinc.api import Model

from pipeline import ner_tagger

TAGS = ner_tagger.tag_names(["ORG", "PER"])


def brute_force(probs, tags):
    """The most probable path among all the grammar allows, by enumeration."""
    after, first, last = ner_tagger.grammar(tags)
    logp = numpy.log(probs)
    best, best_score = None, -numpy.inf
    for path in itertools.product(range(len(tags)), repeat=len(probs)):
        score = first[path[0]] + last[path[-1]] + sum(logp[i, k] for i, k in enumerate(path))
        score += sum(after[a, b] for a, b in zip(path, path[1:]))
        if score > best_score:
            best, best_score = list(path), score
    return best


def test_the_grammar_opens_continues_and_closes_spans_only_as_biluo_allows():
    after, first, last = ner_tagger.grammar(TAGS)
    ok = {(a, b) for (i, a), (j, b) in itertools.product(enumerate(TAGS), repeat=2) if after[i, j] == 0}
    assert ("B-ORG", "I-ORG") in ok and ("I-ORG", "L-ORG") in ok and ("L-ORG", "U-PER") in ok
    assert ("B-ORG", "L-PER") not in ok and ("B-ORG", "O") not in ok and ("O", "I-ORG") not in ok
    assert {t for t, s in zip(TAGS, first) if s == 0} == {"O", "B-ORG", "U-ORG", "B-PER", "U-PER"}
    assert {t for t, s in zip(TAGS, last) if s == 0} == {"O", "L-ORG", "U-ORG", "L-PER", "U-PER"}


def test_decoding_finds_the_best_grammatical_path_for_every_doc_of_a_batch():
    rng = numpy.random.default_rng(0)
    tags = ner_tagger.tag_names(["ORG"])
    docs = [rng.dirichlet(numpy.ones(len(tags)) * 0.3, size=n).astype("float32") for n in (4, 1, 3, 4, 2)]
    paths = ner_tagger.viterbi(docs, *ner_tagger.grammar(tags))
    assert paths == [brute_force(p, tags) for p in docs]
    assert paths == [ner_tagger.viterbi([p], *ner_tagger.grammar(tags))[0] for p in docs]  # padding changes nothing


def test_an_ungrammatical_argmax_is_decoded_into_whole_spans():
    tags = ner_tagger.tag_names(["ORG"])
    probs = numpy.full((3, len(tags)), 0.01, dtype="float32")
    for i, tag in enumerate(["I-ORG", "I-ORG", "L-ORG"]):  # no B: the argmax alone is no span
        probs[i, tags.index(tag)] = 0.6
    probs[0, tags.index("B-ORG")] = 0.3
    path = [tags[k] for k in ner_tagger.viterbi([probs], *ner_tagger.grammar(tags))[0]]
    assert path == ["B-ORG", "I-ORG", "L-ORG"]


def test_the_decoded_tags_become_the_docs_entities():
    doc = spacy.blank("xx")("a b c d e f")
    pipe = ner_tagger.BiluoNER(doc.vocab, Model("unused", lambda model, X, is_train: (X, None)))
    for label in ("ORG", "PER"):
        pipe.add_label(label)
    probs = numpy.full((len(doc), len(pipe.tags)), 0.01, dtype="float32")
    for i, tag in enumerate(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "O"]):
        probs[i, pipe.tags.index(tag)] = 0.9
    pipe.set_annotations([doc], [probs])
    found = doc.ents
    assert [(s.start, s.end, s.label_) for s in found] == [(0, 1, "PER"), (2, 5, "ORG")]


def test_a_small_model_learns_its_examples_and_round_trips_through_disk(tmp_path):
    nlp = spacy.blank("xx")
    nlp.add_pipe(ner_tagger.FACTORY, name="ner", config={"model": {
        "@architectures": "kg.BiluoTagger.v1", "hidden_width": 16,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "width": 32, "depth": 1, "embed_size": 500,
                    "window_size": 1, "maxout_pieces": 2, "subword_features": True, "pretrained_vectors": None}}})
    texts = ["alice works at acme now", "bob met carol at initech", "acme hired bob", "carol left initech today"]
    people, orgs = {"alice", "bob", "carol"}, {"acme", "initech"}
    examples = []
    for text in texts:
        doc = nlp.make_doc(text)
        entities = [(t.idx, t.idx + len(t), "PER" if t.text in people else "ORG")
                    for t in doc if t.text in people | orgs]
        examples.append(Example.from_dict(doc, {"entities": entities}))
    random.seed(0)
    optimizer = nlp.initialize(lambda: examples)
    assert nlp.get_pipe("ner").labels == ("ORG", "PER")
    for _ in range(60):
        nlp.update(examples, sgd=optimizer)
    found = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    assert found == [[(t.text, "PER" if t.text in people else "ORG") for t in eg.reference
                      if t.text in people | orgs] for eg in examples]
    nlp.to_disk(tmp_path / "model")
    again = spacy.load(tmp_path / "model")
    assert [[(e.text, e.label_) for e in doc.ents] for doc in again.pipe(texts)] == found
