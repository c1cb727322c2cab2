"""Train the shipped NER in one command: ``python -m training.train``.

Splits CLUENER2020's training file into train and a fixed dev split, converts
both to spaCy DocBins, learns static char+bigram vectors from unlabelled news
(``training/vectors.py``, once; cached in ``training/work``), trains with ``training/config.cfg``, scores the dev
split span by span with ``tests/kg_score.py lines``, writes
``training/SCORES.md`` and installs the best model into ``pipeline/models/``.
"""
from __future__ import annotations

import datetime
import importlib.util
import json
import logging
import random
import shutil
import time
from pathlib import Path

import click
import spacy
from spacy.tokens import Doc, DocBin

from pipeline import ner

from . import vectors

HERE = Path(__file__).parent
ROOT = HERE.parent
SOURCE = HERE / "data" / "cluener_train.jsonl"
DEV = HERE / "data" / "dev.jsonl"
WORK = HERE / "work"  # generated: vectors, and per run DocBins and spaCy's output (git-ignored)
VECTORS = WORK / "vectors"
OURS = {"company": "COMPANY", "name": "PERSON", "position": "POSITION",
        "organization": "ORGANIZATION", "government": "GOVERNMENT", "address": "LOCATION"}
DEV_SHARE = 0.1
SEED = 13


def split(lines: list[str], share: float = DEV_SHARE, seed: int = SEED) -> tuple[list[str], list[str]]:
    """A fixed seeded split, so the dev lines never change between runs."""
    order = list(range(len(lines)))
    random.Random(seed).shuffle(order)
    dev = set(order[: round(len(lines) * share)])
    return ([l for i, l in enumerate(lines) if i not in dev],
            [l for i, l in enumerate(lines) if i in dev])


def to_doc(vocab, record: dict, extra_labels: bool) -> Doc:
    """A char-token reference Doc; CLUENER ends are inclusive."""
    text = record["text"]
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    spans = []
    for label, surfaces in record.get("label", {}).items():
        name = OURS.get(label) or (label.upper() if extra_labels else None)
        if name is None:
            continue
        for start, end in (se for positions in surfaces.values() for se in positions):
            spans.append(doc.char_span(start, end + 1, label=name))
    spans.sort(key=lambda s: (s.start, -len(s)))
    kept, last = [], 0
    for span in spans:  # CLUENER has a few nested spans; keep the first, longest
        if span.start >= last:
            kept.append(span)
            last = span.end
    doc.ents = kept
    return doc


def write_docbin(lines: list[str], path: Path, extra_labels: bool) -> None:
    vocab = spacy.blank("xx").vocab
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=(to_doc(vocab, json.loads(l), extra_labels) for l in lines)).to_disk(path)


def score(model: Path, dev_path: Path, pred_path: Path) -> dict:
    """Dev F1 per label with the team's own scorer (span-exact)."""
    nlp = ner.load(model)
    texts = [json.loads(l)["text"] for l in dev_path.read_text(encoding="utf-8").splitlines()]
    with pred_path.open("w", encoding="utf-8") as out:
        for spans in ner.recognise(texts, nlp=nlp):
            ents = [{"label": lab, "mentions": [{"start": s, "end": e}]} for s, e, lab in spans]
            out.write(json.dumps({"entities": ents}, ensure_ascii=False) + "\n")
    spec = importlib.util.spec_from_file_location("kg_score", ROOT / "tests" / "kg_score.py")
    kg_score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kg_score)
    return kg_score.score_lines(str(dev_path), str(pred_path))


def _shown(path: Path) -> str:
    return str(path.resolve().relative_to(ROOT)) if path.resolve().is_relative_to(ROOT) else str(path)


def write_scores(path: Path, report: dict, seconds: float, config: Path, settings: list[str],
                 n_train: int, n_dev: int) -> None:
    rows = "\n".join(f"| {lab} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['gold']} |"
                     for lab, r in report.items())
    path.write_text(
        f"# NER dev scores\n\n"
        f"- date: {datetime.date.today().isoformat()}\n"
        f"- command: `python -m training.train` (config `{_shown(config)}`; settings: {', '.join(settings)})\n"
        f"- training time: {seconds / 60:.1f} min (wall, `nice`, 2 shared cores)\n"
        f"- data: CLUENER2020 train, {n_train} sentences for training, {n_dev} held out as dev "
        f"(`training/data/dev.jsonl`, seeded 10% split)\n"
        f"- scoring: span-exact per label, `tests/kg_score.py lines`, the model alone (`kg extract --lines` "
        f"adds the gazetteer's and the suffixes' say: README.md)\n\n"
        f"| label | precision | recall | F1 | gold spans |\n|---|---|---|---|---|\n{rows}\n",
        encoding="utf-8")


@click.command()
@click.option("--config", "config", type=click.Path(path_type=Path, exists=True), default=HERE / "config.cfg")
@click.option("--extra-labels/--no-extra-labels", default=False,
              help="Also learn book/game/movie/scene (dropped at output); measured worse, so off.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
              help="spaCy config override, e.g. --set training.max_epochs=5")
@click.option("--output", type=click.Path(path_type=Path), default=WORK / "output", show_default=True,
              help="spaCy's output folder (one per concurrent experiment).")
@click.option("--rebuild-vectors", is_flag=True, help="Learn the static vectors again even if training/work has them.")
@click.option("--install/--no-install", default=True, help="Copy the best model into pipeline/models/.")
@click.option("--score-only", is_flag=True,
              help="Skip training: score and install the best model of an earlier (possibly interrupted) run.")
def main(config: Path, extra_labels: bool, sets: tuple[str, ...], output: Path, rebuild_vectors: bool, install: bool,
         score_only: bool) -> None:
    """Convert, train, score on dev, write SCORES.md, install the model (with --no-install, the
    scores go to the output folder)."""
    from spacy.cli.train import train
    from thinc.api import use_ops

    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    train_lines, dev_lines = split(lines)
    overrides = dict(s.split("=", 1) for s in sets)
    for key, value in overrides.items():
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            pass  # a plain string value
    best = output / "model-best"
    if score_only:  # the earlier run's time: from its converted data to its last save
        seconds = ((output / "model-last" / "meta.json").stat().st_mtime
                   - (output / "dev.spacy").stat().st_mtime)
    else:
        DEV.write_text("\n".join(dev_lines) + "\n", encoding="utf-8")
        write_docbin(train_lines, output / "train.spacy", extra_labels)
        write_docbin(dev_lines, output / "dev.spacy", extra_labels)
        started = time.time()
        if rebuild_vectors or not VECTORS.exists():
            click.echo("learning char, bigram and word vectors from unlabelled news (about 10 minutes) ...")
            vectors.log.addHandler(logging.StreamHandler())
            vectors.log.setLevel(logging.INFO)
            texts = list(vectors.sentences([*vectors.news_texts(), *(json.loads(l)["text"] for l in train_lines)]))
            vectors.save(vectors.build(texts), VECTORS)
        with use_ops("numpy", use_blis=False):  # numpy's BLAS: much faster than blis here (pipeline/ner.py)
            train(config, output, use_gpu=-1, overrides={
                "paths.train": str(output / "train.spacy"), "paths.dev": str(output / "dev.spacy"),
                "paths.vectors": str(VECTORS), **overrides})
        seconds = time.time() - started
    report = score(best, DEV, output / "dev_pred.jsonl")
    click.echo(" ".join(f"{k}={v['f1']:.3f}" for k, v in report.items()))
    settings = [f"{k}={v}" for k, v in overrides.items()] + [f"extra_labels={extra_labels}"]
    # the shipped model's scores live beside the script; an experiment's in its output folder
    write_scores(HERE / "SCORES.md" if install else output / "SCORES.md",
                 report, seconds, config, settings, len(train_lines), len(dev_lines))
    if install:
        install_model(best)
        click.echo(f"installed {ner.MODEL_DIR}")


def install_model(model: Path) -> None:
    """Copy ``model`` into the package, its config no longer naming this machine's training files."""
    from thinc.api import Config

    shutil.rmtree(ner.MODEL_DIR, ignore_errors=True)
    shutil.copytree(model, ner.MODEL_DIR)
    config_path = ner.MODEL_DIR / "config.cfg"
    config = Config().from_disk(config_path, interpolate=False)
    config["paths"] = {key: None for key in config["paths"]}
    config.to_disk(config_path)


if __name__ == "__main__":
    main()
