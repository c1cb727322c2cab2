"""The training script's data handling (training/): fixed split, CLUENER spans, vector text."""

import json

import click
import pytest
import spacy

from training import augment, distil, docs, pretrain, train, vectors


def test_split_is_fixed_and_disjoint():
    lines = [f"line {i}" for i in range(200)]
    first, second = train.split(lines), train.split(lines)
    assert first == second
    rest, dev = first
    assert len(dev) == 20 and set(rest) | set(dev) == set(lines) and not set(rest) & set(dev)


def test_the_tenths_partition_the_training_split():
    lines = [f"line {i}" for i in range(95)]
    held = [train.held_out_tenth(lines, k) for k in range(10)]
    assert sorted(l for _, tenth in held for l in tenth) == sorted(lines)
    for rest, tenth in held:
        assert len(tenth) in (9, 10) and set(rest) | set(tenth) == set(lines) and not set(rest) & set(tenth)
    assert train.held_out_tenth(lines, 3) == held[3]


def test_cluener_ends_are_inclusive_and_nested_spans_keep_the_longest():
    record = {
        "text": "浙商银行叶志刚说",
        "label": {
            "company": {"浙商银行": [[0, 3]], "浙商": [[0, 1]]},
            "name": {"叶志刚": [[4, 6]]},
            "book": {"说": [[7, 7]]},
        },
    }
    doc = train.to_doc(spacy.blank("xx").vocab, record["text"], train.spans(record), extra_labels=False)
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


def test_vote_keeps_spans_a_quorum_agrees_on_and_marks_the_rest_disputed():
    teachers = [
        [(0, 4, "COMPANY"), (5, 8, "PERSON")],
        [(0, 4, "COMPANY"), (5, 7, "PERSON")],
        [(0, 4, "ORGANIZATION"), (5, 8, "PERSON")],
    ]
    agreed, disputed = distil.vote(teachers, quorum=2)
    assert agreed == [(0, 4, "COMPANY"), (5, 8, "PERSON")]
    assert disputed == []  # the minority spans lie inside agreed ones
    agreed, disputed = distil.vote(teachers, quorum=3)
    assert agreed == []
    assert disputed == [0, 1, 2, 3, 5, 6, 7]


def test_reference_doc_teaches_agreed_spans_and_leaves_disputed_chars_unknown():
    doc = docs.reference_doc(spacy.blank("xx").vocab, "浙商银行叶志刚说", [(0, 4, "COMPANY")], [4, 5])
    assert [(e.text, e.label_) for e in doc.ents] == [("浙商银行", "COMPANY")]
    assert [t.ent_iob_ for t in doc] == ["B", "I", "I", "I", "", "", "O", "O"]


def test_unlabelled_news_is_distinct_chinese_sentences_within_budget_without_dev():
    sentence = "中国移动今天宣布与多家虚拟运营商签署合作协议。"
    texts = [
        sentence * 2,
        "English only sentence that is long enough here.",
        "太短。",
        "开发集里的一句话不能用作训练。",
    ]
    picked = distil.unlabelled(texts, budget=1000, exclude={"开发集里的一句话不能用作训练。"})
    assert picked == [sentence]
    assert len(distil.unlabelled([sentence, "另一句足够长的中文新闻句子在这里出现。"], budget=1, exclude=set())) == 1


def test_a_quorum_larger_than_the_teachers_is_refused_before_any_work(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(train.main, ["--teachers", "2", "--quorum", "3", "--output", str(tmp_path)])
    assert result.exit_code == 2 and "3 of 2 teachers can never agree" in result.output
    assert not any(tmp_path.iterdir())


def test_more_members_than_models_are_refused_before_any_work(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(
        train.main, ["--teachers", "1", "--quorum", "1", "--members", "3", "--output", str(tmp_path)]
    )
    assert result.exit_code == 2 and "3 models from 1 teacher(s) and one student" in result.output
    assert not any(tmp_path.iterdir())


def test_joining_a_run_that_has_no_models_names_the_missing_one(tmp_path):
    from click.testing import CliRunner

    result = CliRunner().invoke(train.main, ["--score-only", "--no-install", "--output", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"Error: cannot join the models: {tmp_path / 'model-best'}: no spaCy model there (a folder with config.cfg)"
    )


def test_scores_file_compares_the_stages_label_by_label(tmp_path):
    def report(f1):
        return {lab: {"precision": f1, "recall": f1, "f1": f1, "gold": 10} for lab in ("company", "name")}

    path = tmp_path / "SCORES.md"
    train.write_scores(
        path,
        report(0.7),
        60.0,
        train.HERE / "config.cfg",
        ["teachers=2"],
        9,
        1,
        {"teacher-0": report(0.6), "teacher-1": report(0.65)},
        shipped="shipped (the student)",
    )
    text = path.read_text(encoding="utf-8")
    assert "| company | 0.700 | 0.700 | 0.700 | 10 |" in text
    assert "| teacher-0 | 0.600 | 0.600 |" in text and "| teacher-1 | 0.650 | 0.650 |" in text
    assert "| shipped (the student) | 0.700 | 0.700 |" in text
    assert "| shipped (the student), through" not in text

    train.write_scores(
        path, report(0.7), None, train.HERE / "config.cfg", ["teachers=0"], 9, 1, lines_report=report(0.72)
    )
    text = path.read_text(encoding="utf-8")
    assert "| shipped | 0.700 | 0.700 |" in text and "| shipped, through `kg extract --lines` | 0.720 | 0.720 |" in text


def test_scoring_through_kg_extract_lines_uses_the_model_it_is_given(tmp_path):
    from pipeline import ner

    dev = tmp_path / "dev.jsonl"
    dev.write_text("\n".join(train.DEV.read_text(encoding="utf-8").splitlines()[:60]) + "\n", encoding="utf-8")
    report = train.score_lines(ner.MODEL_DIR, dev, tmp_path / "pred.jsonl")
    assert report["name"]["f1"] >= 0.5
    assert len((tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()) == 60
    with pytest.raises(click.ClickException, match="failed"):
        train.score_lines(tmp_path, dev, tmp_path / "pred.jsonl")  # no model there: kg refuses


def test_the_installed_model_remembers_the_names_it_is_given_and_no_training_paths(tmp_path, monkeypatch):
    from thinc.api import Config

    from pipeline import ner
    from pipeline.ner import known

    model = tmp_path / "model-best"
    model.mkdir()
    Config({"paths": {"train": "/here/train.spacy", "vectors": "/here/vectors"}}).to_disk(model / "config.cfg")
    lines = train.DEV.read_text(encoding="utf-8").splitlines()[:80]
    known.write(model / known.FILE, train.memory(lines[:40]))  # the memory it was scored with
    monkeypatch.setattr(ner, "MODEL_DIR", tmp_path / "installed")
    train.install_model(model, train.memory(lines))
    installed = known.read(ner.MODEL_DIR)
    assert installed == train.memory(lines) != train.memory(lines[:40])
    assert Config().from_disk(ner.MODEL_DIR / "config.cfg")["paths"] == {"train": None, "vectors": None}


def test_masking_hides_a_share_of_the_chars_with_vectors_and_only_those():
    import random
    from collections import Counter

    text = "浙商银行叶志刚说" * 250
    hidden, targets = pretrain.masked(text, random.Random(0), ["甲"], has_vector=lambda char: char != "说")
    assert 0.12 < len(targets) / (len(text) * 7 / 8) < 0.18 and not any(text[i] == "说" for i in targets)
    assert all(hidden[i] == text[i] for i in set(range(len(text))) - set(targets))
    kinds = Counter({pretrain.MASK: "mask", "甲": "random"}.get(hidden[i], "kept") for i in targets)
    assert kinds["mask"] > 6 * kinds["random"] and kinds["random"] > 0 and kinds["kept"] > 0


def test_cosine_gradient_is_the_gradient_of_the_mean_cosine_distance():
    import numpy

    rng = numpy.random.default_rng(0)
    predicted, wanted = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    wanted /= numpy.linalg.norm(wanted, axis=1, keepdims=True)
    gradient, _ = pretrain.cosine_gradient(predicted, wanted)

    def mean_distance(p):
        return pretrain.cosine_gradient(p, wanted)[1] / len(p)

    step = 1e-6
    numeric = [
        (mean_distance(predicted + step * e) - mean_distance(predicted - step * e)) / (2 * step)
        for e in numpy.eye(predicted.size).reshape(-1, *predicted.shape)
    ]
    assert numpy.allclose(gradient.ravel(), numeric, atol=1e-6)


def test_pretrained_weights_are_where_a_training_run_starts(tmp_path):
    from spacy.training.initialize import init_nlp

    from pipeline import ner

    lines = train.DEV.read_text(encoding="utf-8").splitlines()[:40]
    texts = [json.loads(line)["text"] for line in lines]
    config = train.HERE / "config.cfg"
    initialised = pretrain.pretrain(pretrain.pipeline(config, ner.MODEL_DIR), texts, epochs=0)
    weights = pretrain.pretrain(pretrain.pipeline(config, ner.MODEL_DIR), texts, epochs=1, report=lambda _: None)
    assert weights != initialised
    (tmp_path / "tok2vec.bin").write_bytes(weights)
    train.write_docbin(lines, tmp_path / "train.spacy", extra_labels=False)
    settings = spacy.util.load_config(
        config,
        overrides={
            "paths.train": str(tmp_path / "train.spacy"),
            "paths.dev": str(tmp_path / "train.spacy"),
            "paths.vectors": str(ner.MODEL_DIR),
            "paths.pretrained": str(tmp_path / "tok2vec.bin"),
        },
    )
    assert init_nlp(settings).get_pipe("tok2vec").model.to_bytes() == weights


def test_vectors_are_the_same_in_every_process(tmp_path):
    import os
    import subprocess
    import sys

    import numpy

    # the dev split's text spans several of gensim's 10,000-word jobs, where two threads would interleave
    code = (
        "import json, sys, numpy; from training import train, vectors; "
        "texts = [json.loads(l)['text'] for l in train.DEV.read_text(encoding='utf-8').splitlines()]; "
        "numpy.save(sys.argv[1], vectors.build(texts).data)"
    )
    runs = []
    for hash_seed in ("1", "2"):  # and Python's str hash differs between these processes
        out = tmp_path / f"v{hash_seed}.npy"
        done = subprocess.run(
            [sys.executable, "-c", code, str(out)],
            cwd=train.ROOT,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
            capture_output=True,
        )
        assert done.returncode == 0, done.stderr  # e.g. gensim missing: the test extra installs it
        runs.append(numpy.load(out))
    assert runs[0].shape[0] > 1000 and numpy.array_equal(runs[0], runs[1])


def test_a_training_run_gives_the_same_weights_in_every_process(tmp_path):
    from pipeline import ner

    lines = train.DEV.read_text(encoding="utf-8").splitlines()
    train.write_docbin(lines[:60], tmp_path / "train.spacy", extra_labels=False)
    train.write_docbin(lines[60:80], tmp_path / "dev.spacy", extra_labels=False)
    settings = {
        "paths.train": str(tmp_path / "train.spacy"),
        "paths.dev": str(tmp_path / "dev.spacy"),
        "paths.vectors": str(ner.MODEL_DIR),
        "training.max_steps": 6,
        "training.eval_frequency": 3,
    }
    # two processes at once, each with its own str hash seed
    train.fit(train.HERE / "config.cfg", [(tmp_path / "a", settings), (tmp_path / "b", settings)], jobs=2)
    for part in ("tok2vec/model", "ner/model"):
        first, second = ((tmp_path / run / "model-last" / part).read_bytes() for run in "ab")
        assert len(first) > 10_000 and first == second


def test_mention_replacement_moves_every_span_onto_a_same_label_mention():
    examples = [
        ("招商银行行长马蔚华说", [(0, 4, "COMPANY"), (6, 9, "PERSON")]),
        ("阿里巴巴集团的马云在杭州", [(0, 6, "COMPANY"), (7, 9, "PERSON"), (10, 12, "LOCATION")]),
        ("今天天气很好", []),
    ]
    copies = augment.replace_mentions(examples, copies=3, seed=1)
    assert len(copies) == 9 and copies[6:] == [examples[2]] * 3  # a sentence without spans: as it is
    mentions = {
        label: {text[s:e] for text, spans in examples for s, e, lab in spans if lab == label}
        for label in ("COMPANY", "PERSON", "LOCATION")
    }

    def context(text, spans):  # the text around the spans, spans as their labels
        out, done = "", 0
        for s, e, label in spans:
            out, done = out + text[done:s] + label, e
        return out + text[done:]

    for (text, spans), source in zip(copies, [examples[0]] * 3 + [examples[1]] * 3 + [examples[2]] * 3):
        assert context(text, spans) == context(*source)
        assert all(text[s:e] in mentions[label] for s, e, label in spans)
    assert {text for text, _ in copies} != {text for text, _ in examples[:2]}  # something moved
    assert augment.replace_mentions(examples, copies=3, seed=1) == copies
