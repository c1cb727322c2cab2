"""The BILUO CRF's maths (pipeline/ner/crf.py): its grammar, decoder, marginals and loss, and spans from tags."""

import itertools

import numpy

from pipeline.ner import crf

TAGS = crf.tag_names(["ORG", "PER"])


def every_path(scores, after, first, last):
    """Each tag path of a doc and its score, by enumeration."""
    for path in itertools.product(range(len(after)), repeat=len(scores)):
        score = first[path[0]] + last[path[-1]] + sum(scores[i, k] for i, k in enumerate(path))
        yield path, score + sum(after[a, b] for a, b in zip(path, path[1:]))


def brute_force(scores, tags):
    """The best-scoring path among all the grammar allows."""
    return list(max(every_path(scores, *crf.grammar(tags)), key=lambda found: found[1])[0])


def lattice(tags, seed=0):
    """The grammar with random learnt step scores."""
    return crf.lattice(tags, numpy.random.default_rng(seed).normal(size=(len(tags), len(tags))))


def random_scores(lengths, n, seed=1):
    rng = numpy.random.default_rng(seed)
    return [rng.normal(size=(length, n)) for length in lengths]


def test_the_grammar_opens_continues_and_closes_spans_only_as_biluo_allows():
    after, first, last = crf.grammar(TAGS)
    ok = {(a, b) for (i, a), (j, b) in itertools.product(enumerate(TAGS), repeat=2) if after[i, j] == 0}
    assert ("B-ORG", "I-ORG") in ok and ("I-ORG", "L-ORG") in ok and ("L-ORG", "U-PER") in ok
    assert ("B-ORG", "L-PER") not in ok and ("B-ORG", "O") not in ok and ("O", "I-ORG") not in ok
    assert {t for t, s in zip(TAGS, first) if s == 0} == {"O", "B-ORG", "U-ORG", "B-PER", "U-PER"}
    assert {t for t, s in zip(TAGS, last) if s == 0} == {"O", "L-ORG", "U-ORG", "L-PER", "U-PER"}


def test_decoding_finds_the_best_grammatical_path_for_every_doc_of_a_batch():
    rng = numpy.random.default_rng(0)
    tags = crf.tag_names(["ORG"])
    docs = [numpy.log(rng.dirichlet(numpy.ones(len(tags)) * 0.3, size=n)) for n in (4, 1, 3, 4, 2)]
    paths = crf.viterbi(docs, *crf.grammar(tags))
    assert paths == [brute_force(p, tags) for p in docs]
    assert paths == [crf.viterbi([p], *crf.grammar(tags))[0] for p in docs]  # padding changes nothing


def test_an_ungrammatical_argmax_is_decoded_into_whole_spans():
    tags = crf.tag_names(["ORG"])
    probs = numpy.full((3, len(tags)), 0.01, dtype="float32")
    for i, tag in enumerate(["I-ORG", "I-ORG", "L-ORG"]):  # no B: the argmax alone is no span
        probs[i, tags.index(tag)] = 0.6
    probs[0, tags.index("B-ORG")] = 0.3
    path = [tags[k] for k in crf.viterbi([numpy.log(probs)], *crf.grammar(tags))[0]]
    assert path == ["B-ORG", "I-ORG", "L-ORG"]


def test_marginals_match_enumerating_every_path_of_every_doc_of_a_batch():
    tags = crf.tag_names(["ORG"])
    after, first, last = lattice(tags)
    docs = random_scores((3, 1, 4, 2), len(tags))
    total, per_char, steps = crf.marginals(*crf.padded(docs), after, first, last)
    for b, scores in enumerate(docs):
        paths = list(every_path(scores, after, first, last))
        log_sum = numpy.logaddexp.reduce([score for _, score in paths])
        char_tag, step = numpy.zeros(scores.shape), numpy.zeros(after.shape)
        for path, score in paths:
            weight = numpy.exp(score - log_sum)
            char_tag[numpy.arange(len(path)), path] += weight
            numpy.add.at(step, (path[:-1], path[1:]), weight)
        assert numpy.isclose(total[b], log_sum)
        assert numpy.allclose(per_char[b, : len(scores)], char_tag) and not per_char[b, len(scores) :].any()
        assert numpy.allclose(steps[b], step)


def test_the_loss_is_the_gold_paths_negative_log_likelihood_and_its_gradients_are_right():
    tags = crf.tag_names(["ORG"])
    after, first, last = lattice(tags)
    docs = random_scores((3, 2), len(tags))
    gold = [[tags.index(t) for t in ("B-ORG", "L-ORG", "O")], [tags.index("U-ORG"), None]]  # None: any tag
    loss, d_scores, d_after = crf.crf_loss(docs, gold, after, first, last)
    scored = [dict(every_path(s, after, first, last)) for s in docs]
    log_sum = sum(numpy.logaddexp.reduce(list(paths.values())) for paths in scored)
    gold_sum = scored[0][tuple(gold[0])] + numpy.logaddexp.reduce([scored[1][(gold[1][0], k)] for k in range(5)])
    assert numpy.isclose(loss, log_sum - gold_sum)

    def nudged(b, i, k, by=1e-5):
        changed = [s.copy() for s in docs]
        changed[b][i, k] += by
        return crf.crf_loss(changed, gold, after, first, last)[0]

    for b, i, k in [(0, 0, 1), (0, 2, 0), (1, 1, 3), (1, 0, 4)]:
        assert numpy.isclose(d_scores[b][i, k], (nudged(b, i, k) - nudged(b, i, k, -1e-5)) / 2e-5, atol=1e-6)
    step = numpy.zeros_like(after)
    step[tags.index("B-ORG"), tags.index("L-ORG")] = 1e-5
    numeric = (crf.crf_loss(docs, gold, after + step, first, last)[0] - loss) / 1e-5
    assert numpy.isclose(d_after[tags.index("B-ORG"), tags.index("L-ORG")], numeric, atol=1e-4)
    assert not d_after[crf.grammar(tags)[0] != 0].any()  # a step the grammar forbids learns nothing


def test_a_doc_with_no_gold_tag_costs_nothing():
    tags = crf.tag_names(["ORG"])
    loss, d_scores, _ = crf.crf_loss(random_scores((3,), len(tags)), [[None] * 3], *lattice(tags))
    assert numpy.isclose(loss, 0) and numpy.allclose(d_scores[0], 0)


def test_a_tag_path_reads_as_its_spans():
    assert crf.spans(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "O", "B-PER", "L-PER"]) == [
        (0, 1, "PER"),
        (2, 5, "ORG"),
        (6, 8, "PER"),
    ]
    assert crf.spans(["O", "O"]) == []
