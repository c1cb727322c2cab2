"""Assemble trained models into one that averages their tag scores (kg.BiluoCrfEnsemble.v1).

The members are pipelines of ``training/config.cfg`` (a tok2vec component and
the entity layer listening to it); the ensemble is one spaCy pipeline whose
entity layer holds each member's tok2vec and head, so ``spacy.load`` and
``kg extract`` take it like any model.  The members must share their static
vectors (every run of ``training/train.py`` does): the ensemble keeps the
first member's vocab.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.util import load_model_from_config

from pipeline.ner import spacy_model as ner_spacy

ENSEMBLE = "kg.BiluoCrfEnsemble.v1"
MEMBER = "kg.BiluoTagScores.v1"


def assemble(members: list[Path], output: Path) -> Language:
    """Write to ``output`` the ensemble of the models at ``members``; the
    result scores each char as the mean of what the members score it."""
    if len(members) < 2:
        raise ValueError(f"an ensemble needs two models or more, got {len(members)}")
    nlps = [ner_spacy.load(path) for path in members]
    first = nlps[0]
    for path, nlp in zip(members[1:], nlps[1:]):
        if nlp.get_pipe("ner").labels != first.get_pipe("ner").labels:
            raise ValueError(f"{path}: labels {nlp.get_pipe('ner').labels} differ from {members[0]}'s")
        if nlp.vocab.vectors.to_bytes() != first.vocab.vectors.to_bytes():
            raise ValueError(f"{path}: static vectors differ from {members[0]}'s")
    tags = len(first.get_pipe("ner").tags)
    config = first.config.copy()
    config["nlp"]["pipeline"] = ["ner"]
    del config["components"]["tok2vec"]
    config["components"]["ner"]["model"] = {
        "@architectures": ENSEMBLE,
        "nO": tags,
        "*": {
            f"member_{i}": {
                "@architectures": MEMBER,
                "nO": tags,
                "hidden_width": settings["ner"]["model"]["hidden_width"],
                "tok2vec": settings["tok2vec"]["model"],
            }
            for i, settings in enumerate(nlp.config.interpolate()["components"] for nlp in nlps)
        },
    }
    ensemble = load_model_from_config(config, vocab=first.vocab, validate=True)
    pipe = ensemble.get_pipe("ner")
    for label in first.get_pipe("ner").labels:
        pipe.add_label(label)
    for target, nlp in zip(pipe.model.layers[0].layers, nlps):
        tok2vec, head = target.layers
        tok2vec.from_bytes(nlp.get_pipe("tok2vec").model.to_bytes())
        head.from_bytes(nlp.get_pipe("ner").model.layers[1].to_bytes())  # after the listener: its head
    steps = [numpy.asarray(nlp.get_pipe("ner").model.get_ref("transitions").get_param("T")) for nlp in nlps]
    pipe.model.get_ref("transitions").set_param("T", pipe.model.ops.asarray2f(numpy.mean(steps, axis=0)))
    ensemble.meta.update(first.meta)
    ensemble.meta["description"] = f"the mean of {len(members)} trained models' tag scores (training/ensemble.py)"
    if output.exists():
        shutil.rmtree(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    ensemble.to_disk(output)
    return ensemble
