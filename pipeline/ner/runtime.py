"""The trained NER at inference in plain numpy: the spaCy model's weights, none of spaCy.

Importing spaCy and thinc and building the pipeline took about a second of each
``kg`` process, and their per-doc machinery (Doc objects, string stores,
per-layer dispatch) most of the recogniser's time.  This module reads the
model folder's own files (thinc's msgpack of the weights, the labels, the
static vectors) and recomputes what the layers compute: spaCy's string
hashes of the char features, thinc's hashed embeddings, the static vector
lookup, Maxout with LayerNorm, the window encoder (with the zero rows thinc
puts around each doc, so a doc's scores do not depend on its batch), the
heads, the members' mean and the CRF's Viterbi, in float32 over a whole
batch at once (one matrix product a layer, no per-token Python), the
embedding folded into the first Maxout (Member).  It knows the architectures
kg ships (kg.BiluoCrfEnsemble.v1 of kg.BiluoTagScores.v1, kg.BiluoCrf.v1
with its tok2vec inline) and refuses any other; pipeline/ner/spacy_model.py runs
those through spaCy.
"""

from __future__ import annotations

import configparser
import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy
import srsly
from numpy.lib.stride_tricks import as_strided

from pipeline.language import datafiles
from pipeline.ner import crf
from pipeline.ner.features import char_features

ENSEMBLE = "kg.BiluoCrfEnsemble.v1"
SINGLE = "kg.BiluoCrf.v1"
MEMBER = "kg.BiluoTagScores.v1"
PARTS = {"tok2vec": "spacy.Tok2Vec.v2", "embed": "kg.CharBigramEmbed.v1", "encode": "spacy.MaxoutWindowEncoder.v2"}
ATTR_IDS = {"ORTH": 65, "NORM": 67, "LEMMA": 73, "TAG": 75}  # spacy.attrs.IDS
_M64 = (1 << 64) - 1
LAYERNORM_EPS = 1e-08  # thinc's LayerNorm adds it to the variance


class UnknownArchitecture(ValueError):
    """The model folder holds a network this runtime does not reproduce."""


# --- hashes --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _symbols() -> dict[str, int]:
    return {name: int(n) for name, n in (line.split() for line in datafiles.lines("spacy_symbols.txt"))}


@functools.lru_cache(maxsize=1 << 18)
def string_key(text: str) -> int:
    """A string's key in spaCy's StringStore: a symbol's number (``cc`` is 407), else its hash."""
    return _symbols().get(text) or string_hash(text) if text else 0


def string_hash(text: str) -> int:
    """spaCy's key of a string (``spacy.strings.hash_string``): MurmurHash64A of its utf-8, seed 1."""
    data = text.encode("utf-8")
    m, r = 0xC6A4A7935BD1E995, 47
    n = len(data)
    h = (1 ^ (n * m)) & _M64
    blocks = n // 8
    for i in range(blocks):
        k = int.from_bytes(data[8 * i : 8 * i + 8], "little")
        k = (k * m) & _M64
        k ^= k >> r
        k = (k * m) & _M64
        h = ((h ^ k) * m) & _M64
    tail = data[8 * blocks :]
    if tail:
        h = ((h ^ int.from_bytes(tail, "little")) * m) & _M64
    h ^= h >> r
    h = (h * m) & _M64
    return h ^ (h >> r)


def _fmix64(k: numpy.ndarray) -> numpy.ndarray:
    k = k ^ (k >> numpy.uint64(33))
    k = k * numpy.uint64(0xFF51AFD7ED558CCD)
    k = k ^ (k >> numpy.uint64(33))
    k = k * numpy.uint64(0xC4CEB9FE1A85EC53)
    return k ^ (k >> numpy.uint64(33))


def hash_ids(ids: numpy.ndarray, seed: int) -> numpy.ndarray:
    """thinc's ``ops.hash``: four 32-bit hashes per 64-bit id (MurmurHash3_x86_128_uint64)."""
    with numpy.errstate(over="ignore"):
        h1 = ids.astype("uint64") * numpy.uint64(0x87C37B91114253D5)
        h1 = (h1 << numpy.uint64(31)) | (h1 >> numpy.uint64(33))
        h1 = h1 * numpy.uint64(0x4CF5AD432745937F)
        h2 = numpy.full_like(h1, seed ^ 8)
        h1 = h1 ^ h2
        h1 = h1 + h2
        h2 = h2 + h1
        h1, h2 = _fmix64(h1), _fmix64(h2)
        h1 = h1 + h2
        h2 = h2 + h1
    return numpy.stack([h1, h2], axis=1).view("uint32")  # little-endian: low, high word of each


# --- layers --------------------------------------------------------------------------------------


def gather_add(table: numpy.ndarray, rows: numpy.ndarray) -> numpy.ndarray:
    """thinc's ``ops.gather_add``: each line's rows of ``table`` summed, in order."""
    out = table[rows[:, 0]]
    for j in range(1, rows.shape[1]):
        out += table[rows[:, j]]
    return out


def linear(X: numpy.ndarray, W: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """thinc's Linear: X W^T + b."""
    Y = X @ W.T
    Y += b
    return Y


def layernorm(Y: numpy.ndarray, G: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """thinc's LayerNorm, its formula and epsilon. The variance is numpy's Y.var's sums (the mean of the
    squared distances from the mean) over the distances the formula needs anyway, and the products are
    taken in place: the same numbers, a third less time."""
    Z = Y - Y.mean(axis=1, keepdims=True)
    var = numpy.square(Z).sum(axis=1, keepdims=True) / Y.shape[1] + LAYERNORM_EPS
    Z *= var ** (-1.0 / 2.0)
    Z *= G
    Z += b
    return Z


def seq2col(X: numpy.ndarray, nW: int) -> numpy.ndarray:
    """Each row with the ``nW`` rows before and after it, zeros beyond the array's ends.

    Row i is the padded rows i … i + 2nW end to end, which lie so in memory already: one copy of a
    view whose rows overlap (a third of the time of joining 2nW + 1 shifted copies)."""
    B, width = X.shape
    padded = numpy.zeros((B + 2 * nW, width), dtype=X.dtype)
    padded[nW : nW + B] = X
    rows = as_strided(padded, shape=(B, (2 * nW + 1) * width), strides=padded.strides, writeable=False)
    return numpy.ascontiguousarray(rows)


@dataclass
class Maxout:
    """thinc's Maxout (nO outputs, the max of nP pieces each) then its LayerNorm;
    the weights kept piece by piece, so the max is over column blocks."""

    W: numpy.ndarray  # (nP * nO, nI): piece 0's rows for every output, then piece 1's, ...
    b: numpy.ndarray
    G: numpy.ndarray
    beta: numpy.ndarray
    pieces: int

    @classmethod
    def of(cls, W: numpy.ndarray, b: numpy.ndarray, G: numpy.ndarray, beta: numpy.ndarray) -> Maxout:
        nO, nP, nI = W.shape
        return cls(
            numpy.ascontiguousarray(W.transpose(1, 0, 2).reshape(nP * nO, nI)),
            numpy.ascontiguousarray(b.T.reshape(nP * nO)),
            G,
            beta,
            nP,
        )

    def __call__(self, X: numpy.ndarray) -> numpy.ndarray:
        return layernorm(self.pieces_max(linear(X, self.W, self.b)), self.G, self.beta)

    def pieces_max(self, Y: numpy.ndarray) -> numpy.ndarray:
        nO = Y.shape[1] // self.pieces
        best = Y[:, :nO]
        for p in range(1, self.pieces):
            best = numpy.maximum(best, Y[:, p * nO : (p + 1) * nO])
        return best


@dataclass
class Feature:
    """One attribute's share of the first Maxout's input, the weights folded in:
    a key's hashed rows (one table per hashed column of the attribute) and its
    static vector, times the weights that mix them, depend on the key alone."""

    attr: str
    tables: list[tuple[numpy.ndarray, int]]  # HashEmbed table and seed
    vector: bool
    W: numpy.ndarray  # (mix outputs, the tables' widths + the vector's)

    def share(self, keys: numpy.ndarray, vectors: Vectors) -> numpy.ndarray:
        """Each key's share, computed once per distinct key of the batch."""
        distinct, back = numpy.unique(keys, return_inverse=True)
        parts = [gather_add(table, hash_ids(distinct, seed) % numpy.uint32(len(table))) for table, seed in self.tables]
        if self.vector:
            parts.append(vectors.rows(distinct))
        return (numpy.hstack(parts) @ self.W.T)[back]


@dataclass
class Member:
    """One kg.BiluoTagScores.v1: hashed and static embedding, window encoder, head."""

    columns: tuple[str, ...]  # the hashed features' attributes, in order
    tables: list[numpy.ndarray]  # each feature's HashEmbed table
    seeds: list[int]
    vector_attrs: tuple[str, ...]
    static: tuple[numpy.ndarray, numpy.ndarray]  # the vectors' projection (W, b)
    mix: Maxout
    window: int
    pad: int
    encoder: list[Maxout]
    hidden: Maxout | None
    output: tuple[numpy.ndarray, numpy.ndarray]
    features: list[Feature] = field(init=False)
    bias: numpy.ndarray = field(init=False)

    def __post_init__(self) -> None:
        """The embedding's layers are linear up to the mix's max: its input
        [hashed rows..., vectors @ static.T + b] times mix.W splits into one
        product per attribute (Feature) plus a constant."""
        widths = [t.shape[1] for t in self.tables]
        hashed, static = numpy.split(self.mix.W, numpy.cumsum(widths), axis=1)[:-1], self.mix.W[:, sum(widths) :]
        W, b = self.static
        by_vector = dict(zip(self.vector_attrs, numpy.split(static @ W, len(self.vector_attrs), axis=1)))
        self.features = []
        for attr in dict.fromkeys((*self.columns, *self.vector_attrs)):
            mine = [i for i, a in enumerate(self.columns) if a == attr]
            weights = [hashed[i] for i in mine] + ([by_vector[attr]] if attr in by_vector else [])
            tables = [(self.tables[i], self.seeds[i]) for i in mine]
            self.features.append(Feature(attr, tables, attr in by_vector, numpy.hstack(weights)))
        self.bias = self.mix.b + static @ b

    def embed(self, keys: dict[str, numpy.ndarray], vectors: Vectors) -> numpy.ndarray:
        pre = sum((f.share(keys[f.attr], vectors) for f in self.features), self.bias)
        return layernorm(self.mix.pieces_max(pre), self.mix.G, self.mix.beta)

    def scores(self, keys: dict[str, numpy.ndarray], lengths: Sequence[int], vectors: Vectors) -> numpy.ndarray:
        """The tag scores of the docs' tokens, docs one after another."""
        X = self.embed(keys, vectors)
        inside, size = _padded_layout(lengths, self.pad)
        H = numpy.zeros((size, X.shape[1]), dtype=X.dtype)
        H[inside] = X
        for layer in self.encoder:
            H = H + layer(seq2col(H, self.window))
        H = H[inside]
        if self.hidden is not None:
            H = self.hidden(H)
        return linear(H, *self.output)


def _padded_layout(lengths: Sequence[int], pad: int) -> tuple[numpy.ndarray, int]:
    """thinc's ``flatten(..., pad=pad)``: ``pad`` zero rows before each doc and
    after the last; the rows the docs' tokens take, and the total."""
    lengths = [n for n in lengths if n]
    starts = numpy.cumsum([0, *lengths[:-1]]) + pad * numpy.arange(1, len(lengths) + 1)
    inside = (
        numpy.concatenate([numpy.arange(s, s + n) for s, n in zip(starts, lengths)])
        if lengths
        else numpy.zeros(0, "int64")
    )
    return inside, sum(lengths) + pad * (len(lengths) + 1)


@dataclass
class Vectors:
    """The vocab's static vectors: a row per key; a key without a row gives zeros."""

    table: numpy.ndarray  # one zero row appended: where unknown keys point
    keys: numpy.ndarray  # sorted
    rows_of_keys: numpy.ndarray

    def rows(self, keys: numpy.ndarray) -> numpy.ndarray:
        at = numpy.minimum(numpy.searchsorted(self.keys, keys), len(self.keys) - 1)
        found = self.keys[at] == keys
        return self.table[numpy.where(found, self.rows_of_keys[at], len(self.table) - 1)]


@dataclass
class Runtime:
    """A loaded model: its labels, members, learnt tag-to-tag scores and static vectors."""

    labels: tuple[str, ...]
    members: list[Member]
    transitions: numpy.ndarray
    vectors: Vectors
    tags: tuple[str, ...] = field(init=False)
    lattice: tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray] = field(init=False)  # crf.lattice, float32

    def __post_init__(self) -> None:
        self.tags = crf.tag_names(self.labels)
        after, first, last = crf.lattice(self.tags, self.transitions.astype("float64"))
        self.lattice = (after.astype("float32"), first.astype("float32"), last.astype("float32"))

    def tag_scores(self, texts: Sequence[str]) -> list[numpy.ndarray]:
        """Each text's (chars, tags) scores: the members' mean, as the spaCy model's ``predict``."""
        keys = features(texts, {a for m in self.members for a in (*m.columns, *m.vector_attrs)})
        lengths = [len(t) for t in texts]
        total = sum(m.scores(keys, lengths, self.vectors) for m in self.members)
        mean = total * (1.0 / len(self.members))  # as the ensemble's mean (a single model: times one)
        return numpy.split(mean, numpy.cumsum(lengths)[:-1]) if texts else []

    def spans(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """Each text's entity spans (start, end exclusive, label): its best BILUO path's."""
        scores = [s for s in self.tag_scores(texts) if len(s)]
        paths = iter(crf.viterbi(scores, *self.lattice))
        return [crf.spans([self.tags[k] for k in next(paths)]) if text else [] for text in texts]


def features(texts: Iterable[str], attrs: set[str]) -> dict[str, numpy.ndarray]:
    """The docs' tokens' keys per attribute (one token a char): ORTH the char, NORM
    its bigram, LEMMA its jieba word, TAG its BIES+POS (ner.char_features)."""
    columns: dict[str, list[str]] = {"ORTH": [], "NORM": [], "LEMMA": [], "TAG": []}
    for text in texts:
        if not text:
            continue
        bigrams, words, tags = char_features(text)
        columns["ORTH"].extend(text)
        columns["NORM"].extend(bigrams)
        columns["LEMMA"].extend(words)
        columns["TAG"].extend(tags)
    return {a: numpy.fromiter(map(string_key, columns[a]), dtype="uint64", count=len(columns[a])) for a in attrs}


# --- loading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A layer of the expected network: its thinc name, its sublayers, and the
    name its parameters are kept under ("" for none)."""

    name: str
    layers: tuple[Node, ...] = ()
    role: str = ""


def _chain(*layers: Node) -> Node:
    return Node(">>".join(n.name for n in layers), layers)


def _wrap(kind: str, layer: Node) -> Node:
    return Node(f"{kind}({layer.name})", (layer,))


def _maxout_node(role: str) -> Node:  # thinc's Maxout(normalize=True, dropout=...)
    return _chain(_chain(Node("maxout", role=role), Node("layernorm", role=role + ".norm")), Node("dropout"))


def _member_node(role: str, features: int, depth: int, hidden: bool) -> tuple[Node, Node]:
    """A member's tok2vec and its head (kg.BiluoTagScores.v1's two layers)."""
    hashed = _chain(
        Node("extract_features", role=role + ".columns"),
        Node("list2ragged"),
        _wrap(
            "with_array",
            Node(
                "|".join(["ints-getitem>>hashembed"] * features),
                tuple(_chain(Node("ints-getitem"), Node("hashembed", role=f"{role}.hash{i}")) for i in range(features)),
            ),
        ),
    )
    static = _chain(
        Node("vector_lookup", role=role + ".vector_attrs"), _wrap("with_array", Node("linear", role=role + ".static"))
    )
    both = Node(f"{hashed.name}|{static.name}", (hashed, static))
    embed = _chain(both, _wrap("with_array", _maxout_node(role + ".mix")), Node("ragged2list"))
    layers = [
        _wrap("residual", _chain(Node("expand_window", role=f"{role}.window{i}"), _maxout_node(f"{role}.encode{i}")))
        for i in range(depth)
    ]
    encode = Node("with_array(" + ">>".join(n.name for n in layers) + ")", (_chain(*layers),), role=role + ".pad")
    output = Node("linear", role=role + ".output")
    head = _chain(_maxout_node(role + ".hidden"), output) if hidden else output
    return _chain(embed, encode), _wrap("with_array", head)


def _walk(root: Node) -> list[Node]:
    """thinc's ``Model.walk()`` order: breadth first."""
    out = [root]
    for node in out:
        out.extend(node.layers)
    return out


def _config(path: Path) -> configparser.ConfigParser:
    config = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    config.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        config.read(path / "config.cfg", encoding="utf-8")
    except configparser.Error as err:
        raise UnknownArchitecture(f"{path / 'config.cfg'}: not a config the runtime reads ({err})") from err
    return config


def _value(config: configparser.ConfigParser, section: str, key: str) -> object:
    try:
        return json.loads(config[section][key])
    except (KeyError, json.JSONDecodeError) as err:
        raise UnknownArchitecture(f"config.cfg: no [{section}] {key}") from err


def _architecture(config: configparser.ConfigParser) -> tuple[str, list[str]]:
    """The entity layer's architecture and the config sections of its members, checked."""
    if json.loads(config.get("nlp", "pipeline", fallback="[]")) != ["ner"]:
        raise UnknownArchitecture(
            f"pipeline {config.get('nlp', 'pipeline', fallback='?')}: the runtime runs one 'ner' component"
        )
    top = "components.ner.model"
    arch = _value(config, top, "@architectures")
    if arch == ENSEMBLE:
        members = sorted(s for s in config.sections() if s.startswith(top + ".*.") and s.count(".") == 4)
    elif arch == SINGLE:
        members = [top]
    else:
        raise UnknownArchitecture(f"entity layer {arch!r}: the runtime knows {ENSEMBLE} and {SINGLE}")
    for section in members:
        if arch == ENSEMBLE and _value(config, section, "@architectures") != MEMBER:
            raise UnknownArchitecture(f"[{section}]: an ensemble member the runtime knows is {MEMBER}")
        for part, expected in PARTS.items():
            name = f"{section}.tok2vec" + ("" if part == "tok2vec" else "." + part)
            if _value(config, name, "@architectures") != expected:
                raise UnknownArchitecture(
                    f"[{name}] {_value(config, name, '@architectures')!r}: the runtime knows {expected} there"
                )
    return str(arch), members


def load(path: Path) -> Runtime:
    """The model in the spaCy folder ``path``, its network checked against the one this module computes."""
    config = _config(path)
    arch, sections = _architecture(config)
    members = [
        _member_node(
            f"m{i}",
            len(_value(config, s + ".tok2vec.embed", "attrs")),  # type: ignore[arg-type]
            int(_value(config, s + ".tok2vec.encode", "depth")),  # type: ignore[call-overload]
            bool(_value(config, s, "hidden_width")),
        )
        for i, s in enumerate(sections)
    ]
    transitions = Node("transitions", role="transitions")
    if arch == ENSEMBLE:
        mean = Node("mean", tuple(_chain(*m) for m in members))
        root = _chain(mean, transitions)
    else:
        root = _chain(*members[0], transitions)
    saved = srsly.msgpack_loads((path / "ner" / "model").read_bytes())
    expected = _walk(root)
    names = [n["name"] for n in saved["nodes"]]
    if names != [n.name for n in expected]:
        raise UnknownArchitecture(f"{path / 'ner' / 'model'}: its layers are not the {arch} network the config names")
    found = {
        node.role: (params, {k: srsly.msgpack_loads(v) for k, v in attrs.items()})
        for node, params, attrs in zip(expected, saved["params"], saved["attrs"])
        if node.role
    }
    labels = tuple(srsly.read_json(path / "ner" / "cfg")["labels"])
    return Runtime(
        labels,
        [_member(f"m{i}", found) for i in range(len(members))],
        found["transitions"][0]["T"],
        _vectors(path / "vocab"),
    )


def _member(role: str, found: dict[str, tuple[dict, dict]]) -> Member:
    def params(name: str) -> dict:
        return found[f"{role}.{name}"][0]

    def attrs(name: str) -> dict:
        return found[f"{role}.{name}"][1]

    def maxout_at(name: str) -> Maxout:
        norm = params(name + ".norm")
        return Maxout.of(params(name)["W"], params(name)["b"], norm["G"], norm["b"])

    columns = tuple(attrs("columns")["columns"])
    names = {v: k for k, v in ATTR_IDS.items()}
    unknown = [c for c in columns if c not in ATTR_IDS] + [k for k in attrs("vector_attrs")["keys"] if k not in names]
    if unknown:
        raise UnknownArchitecture(f"features {unknown}: the runtime gives ORTH, NORM, LEMMA and TAG")
    depth = sum(1 for k in found if k.startswith(role + ".encode") and not k.endswith(".norm"))
    windows = {attrs(f"window{i}")["window_size"] for i in range(depth)}
    if len(windows) != 1:
        raise UnknownArchitecture(f"window sizes {windows}: the runtime takes one for every encoder layer")
    hidden = maxout_at("hidden") if f"{role}.hidden" in found else None
    return Member(
        columns=columns,
        tables=[params(f"hash{i}")["E"] for i in range(len(columns))],
        seeds=[attrs(f"hash{i}")["seed"] for i in range(len(columns))],
        vector_attrs=tuple(names[k] for k in attrs("vector_attrs")["keys"]),
        static=(params("static")["W"], params("static")["b"]),
        mix=maxout_at("mix"),
        window=windows.pop(),
        pad=attrs("pad")["pad"],
        encoder=[maxout_at(f"encode{i}") for i in range(depth)],
        hidden=hidden,
        output=(params("output")["W"], params("output")["b"]),
    )


def _vectors(vocab: Path) -> Vectors:
    data = numpy.load(vocab / "vectors", allow_pickle=False)
    key2row = srsly.msgpack_loads((vocab / "key2row").read_bytes())
    keys = numpy.fromiter(key2row.keys(), dtype="uint64", count=len(key2row))
    rows = numpy.fromiter(key2row.values(), dtype="int64", count=len(key2row))
    order = numpy.argsort(keys)
    table = numpy.vstack([data, numpy.zeros((1, data.shape[1]), dtype=data.dtype)])
    return Vectors(table, keys[order], rows[order])
