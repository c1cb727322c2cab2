"""The NER's input layer: hashed char features plus static char, bigram and word vectors.

spaCy's own static-vector layer looks up one key per token; a Chinese name's
rare characters need the char's vector (always known) as well as the
bigram's and the jieba word's (known only when frequent), so this layer looks
each token up once per attribute (the shipped model: ORTH, NORM, LEMMA) in
one table and concatenates.  The vectors were learnt from unlabelled news
(training/vectors.py) and stay fixed; only their projection is trained.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.attrs import IDS
from spacy.ml.featureextractor import FeatureExtractor
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Linear, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ragged


@registry.architectures("kg.CharBigramEmbed.v1")
def char_bigram_embed(
    width: int,
    attrs: list[str],
    rows: list[int],
    maxout_pieces: int = 3,
    vector_attrs: Sequence[str] = ("ORTH", "NORM"),
    feature_width: int | None = None,
) -> Model[list[Doc], list[Floats2d]]:
    """Like spaCy's MultiHashEmbed with static vectors, but one lookup per
    attribute in ``vector_attrs``; ``feature_width`` (default ``width``) sizes
    each hashed feature and the vectors' projection, and so the cost of the
    layer that mixes them."""
    feature_width = feature_width or width
    hashed: Model[list[Doc], Floats2d] = chain(
        FeatureExtractor(attrs),
        list2ragged(),
        with_array(
            concatenate(*(HashEmbed(feature_width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)))
        ),
    )
    static: Model[list[Doc], Floats2d] = chain(
        vector_lookup([IDS[a] for a in vector_attrs]), with_array(Linear(feature_width))
    )
    return chain(
        concatenate(hashed, static),
        with_array(Maxout(width, nP=maxout_pieces, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def vector_lookup(keys: Sequence[int]) -> Model[list[Doc], Ragged]:
    """Each token's rows of the vocab's vectors, one per key attribute, side
    by side; a key without a row gives zeros."""
    return Model("vector_lookup", _lookup, attrs={"keys": tuple(keys)})


def _lookup(model: Model, docs: list[Doc], is_train: bool) -> tuple[Ragged, Callable]:
    ops = model.ops
    lengths = ops.asarray1i([len(doc) for doc in docs])
    if not sum(lengths):
        width = docs[0].vocab.vectors.shape[1] if docs else 0
        return Ragged(ops.alloc2f(0, width * len(model.attrs["keys"])), lengths), lambda d_out: []
    vectors = docs[0].vocab.vectors
    table = ops.asarray(vectors.data)
    parts = []
    for attr in model.attrs["keys"]:
        rows = vectors.find(keys=ops.xp.concatenate([doc.to_array(attr) for doc in docs]))
        part = table[rows]
        part[rows < 0] = 0
        parts.append(part)
    return Ragged(ops.xp.hstack(parts), lengths), lambda d_out: []
