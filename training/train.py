"""Train the shipped NER in one command: ``python -m training.train``.

Splits CLUENER2020's training file into train and a fixed dev split, converts
both to spaCy DocBins, learns static char, bigram and word vectors from
unlabelled news (``training/vectors.py``, once; cached in ``training/work``),
trains teachers with ``training/config.cfg`` (one per seed), lets their vote
label more news, trains a student on gold (with ``--augment``, plus
mention-replaced copies of it: ``training/augment.py``) plus votes
(``training/distil.py``), joins the student and the first teacher into one
model that averages their tag scores (``training/ensemble.py``), writes beside
it what the training split calls each name it labels (``pipeline/ner/known.py``),
scores every stage on the dev split span by span with ``tests/support/kg_score.py
lines`` (the final model also through ``kg extract --lines``, as users run
it), writes ``training/SCORES.md`` and installs the final model into
``pipeline/models/``, its memory counted over the whole training file, dev
split included.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.util
import json
import logging
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from unittest.mock import patch

import click
import spacy
from spacy.tokens import Doc, DocBin

from pipeline import ner
from pipeline.ner import known

from . import augment, distil, docs, ensemble, pretrain, vectors  # pretrain registers its callback for spaCy

HERE = Path(__file__).parent
ROOT = HERE.parent
SOURCE = HERE / "data" / "cluener_train.jsonl"
DEV = HERE / "data" / "dev.jsonl"
WORK = HERE / "work"  # generated: vectors, and per run DocBins and spaCy's output (git-ignored)
VECTORS = WORK / "vectors"
PRETRAINED = "pretrained-tok2vec-"  # + the tok2vec settings' hash and the passes: masked-char pretraining's weights
OURS = {
    "company": "COMPANY",
    "name": "PERSON",
    "position": "POSITION",
    "organization": "ORGANIZATION",
    "government": "GOVERNMENT",
    "address": "LOCATION",
}
DEV_SHARE = 0.1
SEED = 13
TENTHS_SEED = 99  # --tenth: which lines of the training split make up each tenth
ON_DEV = "as dev (`training/data/dev.jsonl`, seeded 10% split)"  # what SCORES.md was scored on
# the student sees about six times the gold text per epoch: fewer epochs, sparser evaluation
STUDENT = {"training.max_epochs": 5, "training.eval_frequency": 1000}
GOLD_REPEATS = 2
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def split(lines: list[str], share: float = DEV_SHARE, seed: int = SEED) -> tuple[list[str], list[str]]:
    """A fixed seeded split, so the dev lines never change between runs."""
    return _apart(lines, _shuffled(len(lines), seed)[: round(len(lines) * share)])


def held_out_tenth(lines: list[str], k: int, seed: int = TENTHS_SEED) -> tuple[list[str], list[str]]:
    """The lines less their k-th tenth (seeded), and that tenth: held-out lines
    besides dev, so a rule or a recipe chosen on dev can be checked on others."""
    return _apart(lines, _shuffled(len(lines), seed)[k * len(lines) // 10 : (k + 1) * len(lines) // 10])


def _shuffled(n: int, seed: int) -> list[int]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return order


def _apart(lines: list[str], held: list[int]) -> tuple[list[str], list[str]]:
    """The lines not at the ``held`` indices, and those at them, each in file order."""
    chosen = set(held)
    return ([l for i, l in enumerate(lines) if i not in chosen], [l for i, l in enumerate(lines) if i in chosen])


def spans(record: dict) -> list[docs.Span]:
    """A CLUENER record's spans, every label (ours renamed, the others
    upper-cased; CLUENER ends are inclusive, and it nests a few)."""
    return [
        (start, end + 1, OURS.get(label) or label.upper())
        for label, surfaces in record.get("label", {}).items()
        for positions in surfaces.values()
        for start, end in positions
    ]


def to_doc(vocab, text: str, found: list[docs.Span], extra_labels: bool) -> Doc:
    """A char-token reference Doc of our labels (all with ``extra_labels``)."""
    return docs.reference_doc(
        vocab, text, docs.first_longest(s for s in found if extra_labels or s[2] in OURS.values())
    )


def write_docbin(lines: list[str], path: Path, extra_labels: bool, copies: int = 0) -> None:
    """The lines as reference Docs, then ``copies`` of each with its mentions
    (all of CLUENER's labels) replaced (training/augment.py)."""
    vocab = spacy.blank("xx").vocab
    examples = [(record["text"], spans(record)) for record in map(json.loads, lines)]
    if copies:
        examples += augment.replace_mentions(
            [(text, docs.first_longest(found)) for text, found in examples], copies, SEED
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=(to_doc(vocab, text, found, extra_labels) for text, found in examples)).to_disk(path)


def _texts(dev_path: Path) -> list[str]:
    return [json.loads(l)["text"] for l in dev_path.read_text(encoding="utf-8").splitlines()]


def _kg_score(dev_path: Path, pred_path: Path) -> dict:
    """Dev F1 per label with the team's own scorer (span-exact)."""
    spec = importlib.util.spec_from_file_location("kg_score", ROOT / "tests" / "support" / "kg_score.py")
    kg_score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kg_score)
    return kg_score.score_lines(str(dev_path), str(pred_path))


def score(model: Path, dev_path: Path, pred_path: Path) -> dict:
    """The model alone on the dev split."""
    with pred_path.open("w", encoding="utf-8") as out:
        for spans in ner.recognise(_texts(dev_path), model=ner.load(model)):
            ents = [{"label": lab, "mentions": [{"start": s, "end": e}]} for s, e, lab in spans]
            out.write(json.dumps({"entities": ents}, ensure_ascii=False) + "\n")
    return _kg_score(dev_path, pred_path)


def score_lines(model: Path, dev_path: Path, pred_path: Path) -> dict:
    """The model on the dev split through ``kg extract --lines`` (the gazetteer's
    and the suffixes' say included), the figure the issue and the README give."""
    texts = _texts(dev_path)
    lines = pred_path.with_suffix(".txt")
    lines.write_text("".join(t + "\n" for t in texts), encoding="utf-8")
    with pred_path.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "extract", "--lines", str(lines)],
            stdout=out,
            cwd=ROOT,
            env={**os.environ, ner.MODEL_ENV: str(model.resolve())},
        )
    # exit 1 with every line's object written: some lines failed, each said why and kept its (empty) place
    if done.returncode and len(pred_path.read_text(encoding="utf-8").splitlines()) != len(texts):
        raise click.ClickException(f"kg extract --lines with {model} failed (exit {done.returncode})")
    return _kg_score(dev_path, pred_path)


def _shown(path: Path) -> str:
    return str(path.resolve().relative_to(ROOT)) if path.resolve().is_relative_to(ROOT) else str(path)


def write_scores(
    path: Path,
    report: dict,
    seconds: float | None,
    config: Path,
    settings: list[str],
    n_train: int,
    n_dev: int,
    stages: dict[str, dict] | None = None,
    lines_report: dict | None = None,
    scored_on: str = ON_DEV,
    shipped: str = "shipped",
) -> None:
    """``report`` (of the model called ``shipped``) in full; ``stages``
    (teachers, student: name -> report) and ``lines_report`` (through
    ``kg extract --lines``) as F1 beside it."""
    rows = "\n".join(
        f"| {lab} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['gold']} |"
        for lab, r in report.items()
    )
    compared = ""
    if stages or lines_report:
        labels = list(report)
        table = {
            **(stages or {}),
            shipped: report,
            **({f"{shipped}, through `kg extract --lines`": lines_report} if lines_report else {}),
        }
        lines = [
            f"| {name} | " + " | ".join(f"{r[lab]['f1']:.3f}" for lab in labels) + " |" for name, r in table.items()
        ]
        compared = (
            f"\nF1 by stage:\n\n| model | {' | '.join(labels)} |\n|---|{'---|' * len(labels)}\n"
            + "\n".join(lines)
            + "\n"
        )
    path.write_text(
        f"# NER dev scores\n\n"
        f"- date: {datetime.date.today().isoformat()}\n"
        f"- command: `python -m training.train` (config `{_shown(config)}`; settings: {', '.join(settings)})\n"
        f"- training time: "
        + (
            "not measured (--score-only)\n"
            if seconds is None
            else f"{seconds / 60:.1f} min (wall, 2 shared cores; stages an earlier run "
            f"finished are reused, not counted)\n"
        )
        + f"- data: CLUENER2020 train, {n_train} sentences for training, {n_dev} held out {scored_on}\n"
        f"- scoring: span-exact per label, `tests/support/kg_score.py lines`; the table: the model alone; the last row "
        f"of the next: through `kg extract --lines`, which adds the gazetteer's and the suffixes' say (README.md)\n\n"
        f"| label | precision | recall | F1 | gold spans |\n|---|---|---|---|---|\n{rows}\n{compared}",
        encoding="utf-8",
    )


def _fit(config: Path, output: Path, overrides: dict) -> None:
    from spacy.cli.train import train
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        train(config, output, use_gpu=-1, overrides=overrides)


def _pretrain(config: Path, overrides: dict, epochs: int, path: Path) -> None:
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        weights = pretrain.pretrain(
            pretrain.pipeline(config, VECTORS, overrides), pretrain.news(), epochs, report=click.echo
        )
    part = path.with_suffix(".part")  # an interrupted run leaves no cache behind
    part.write_bytes(weights)
    part.replace(path)


def one_thread_each(work: Callable[..., None], calls: list[tuple], jobs: int = 1) -> None:
    """``work(*call)`` for each call, ``jobs`` at a time, each in a fresh
    process on one BLAS thread: one core each, and the same weights in every
    run (its sums always in one order)."""
    one_thread = patch.dict(os.environ, dict.fromkeys(BLAS_THREADS, "1"))  # read when a child imports numpy
    with one_thread, ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(work, *zip(*calls)))


def fit(config: Path, runs: list[tuple[Path, dict]], jobs: int = 1) -> None:
    """spaCy training runs (output folder, config overrides), ``jobs`` at a
    time (one_thread_each), on numpy's BLAS (much faster than blis here:
    pipeline/ner/spacy_model.py)."""
    one_thread_each(_fit, [(config, output, overrides) for output, overrides in runs], jobs)


def fit_teachers(config: Path, output: Path, overrides: dict, seeds: range, jobs: int) -> list[Path]:
    """Teachers differ by seed only.  One that finished earlier (it has a
    model-last) is reused, so an interrupted run resumes where it stopped."""
    runs = [(output / f"teacher-{seed}", {**overrides, "system.seed": seed}) for seed in seeds]
    todo = [(folder, settings) for folder, settings in runs if not (folder / "model-last").exists()]
    if todo:
        click.echo(f"training {len(todo)} teacher(s), {jobs} at a time ...")
        fit(config, todo, jobs)
    return [folder / "model-best" for folder, _ in runs]


def self_train(
    config: Path,
    output: Path,
    paths: dict,
    overrides: dict,
    seeds: range,
    quorum: int,
    pseudo_chars: int,
    jobs: int,
    gold: Path,
    held_out: Path,
) -> None:
    """Teachers, their vote over the news (less any sentence of ``held_out``),
    then the student on ``gold`` (with any mention-replaced copies) plus the
    votes, into ``output``.  Teachers that finished earlier are reused.  No
    fine-tuning on gold follows: it kept its first checkpoint in all six runs
    of the BILUO tagger (training/EXPERIMENTS.md)."""
    models = fit_teachers(config, output, {**paths, **overrides}, seeds, jobs)
    click.echo(f"the teachers label {pseudo_chars:,} chars of news ...")
    news = distil.unlabelled(vectors.news_texts(), pseudo_chars, exclude=distil.read_excluded(held_out))
    counts = distil.write_student_data(gold, distil.label(news, models, quorum), output / "student.spacy", GOLD_REPEATS)
    click.echo(f"student data: {counts}")
    fit(config, [(output, {**paths, **STUDENT, **overrides, "paths.train": str(output / "student.spacy")})])


@click.command()
@click.option("--config", "config", type=click.Path(path_type=Path, exists=True), default=HERE / "config.cfg")
@click.option(
    "--extra-labels/--no-extra-labels",
    default=False,
    help="Also learn book/game/movie/scene (dropped at output); measured worse, so off.",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    metavar="KEY=VALUE",
    help="spaCy config override for every stage (teachers, student, or --teachers 0's model), "
    "e.g. --set training.max_epochs=5",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=WORK / "output",
    show_default=True,
    help="spaCy's output folder (one per concurrent experiment).",
)
@click.option(
    "--teachers",
    type=click.IntRange(0),
    default=4,
    show_default=True,
    help="Models (seeds 0, 1, ...) whose vote labels the news for the student; 0 trains one model on gold only.",
)
@click.option(
    "--quorum",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    help="Teachers that must predict a span for the student to learn it.",
)
@click.option(
    "--pseudo-chars",
    type=click.IntRange(0),
    default=1_500_000,
    show_default=True,
    help="Characters of unlabelled news the teachers label.",
)
@click.option(
    "--members",
    type=click.IntRange(1),
    default=None,
    help="Models whose tag scores the shipped model averages: the student and the first "
    "members-1 teachers (training/ensemble.py); 1: the student alone. Two measured better than "
    "the student alone, at about 0.6 times its speed (training/EXPERIMENTS.md).  "
    "[default: 2; 1 with --teachers 0]",
)
@click.option("--jobs", type=click.IntRange(1), default=2, show_default=True, help="Teachers trained at once.")
@click.option(
    "--augment",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Copies of each gold sentence with its mentions swapped for others of the same label, "
    "learnt with the gold by the student (or by --teachers 0's model); measured worse "
    "with the BILUO entity layer (training/EXPERIMENTS.md), so none.",
)
@click.option(
    "--pretrain-epochs",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Passes of masked-char pretraining of the tok2vec over the news (training/pretrain.py, about "
    "11 minutes each; cached in training/work) that the teachers, the student or --teachers 0's "
    "model start from; 0: none. Measured no better (training/EXPERIMENTS.md).",
)
@click.option("--rebuild-vectors", is_flag=True, help="Learn the static vectors again even if training/work has them.")
@click.option("--install/--no-install", default=True, help="Copy the best model into pipeline/models/.")
@click.option(
    "--score-only",
    is_flag=True,
    help="Skip training: join (--members), score and install the best models of an earlier (possibly interrupted) run.",
)
@click.option(
    "--tenth",
    type=click.IntRange(0, 9),
    default=None,
    metavar="K",
    help="Train without the K-th tenth of the training split and score on it instead of dev "
    "(implies --no-install): checks on lines dev did not choose.",
)
def main(
    config: Path,
    extra_labels: bool,
    sets: tuple[str, ...],
    output: Path,
    teachers: int,
    quorum: int,
    pseudo_chars: int,
    members: int | None,
    jobs: int,
    augment: int,
    pretrain_epochs: int,
    rebuild_vectors: bool,
    install: bool,
    score_only: bool,
    tenth: int | None,
) -> None:
    """Convert, train (the teachers, then the student on gold, its copies and the votes), score on dev, write
    SCORES.md, install the model (with --no-install, the scores go to the output folder)."""
    if teachers and quorum > teachers:
        raise click.BadParameter(f"{quorum} of {teachers} teachers can never agree", param_hint="--quorum")
    members = members or (2 if teachers else 1)
    if members > teachers + 1:
        raise click.BadParameter(f"{members} models from {teachers} teacher(s) and one student", param_hint="--members")
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    train_lines, dev_lines = split(lines)
    dev_path, scored_on = DEV, ON_DEV
    if tenth is not None:
        train_lines, dev_lines = held_out_tenth(train_lines, tenth)
        dev_path, install = output / "tenth.jsonl", False
        scored_on = f"as tenth {tenth} of the training split (`{_shown(dev_path)}`; dev unused)"
    overrides = dict(s.split("=", 1) for s in sets)
    for key, value in overrides.items():
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            pass  # a plain string value
    student = output / "model-best"  # --teachers 0: the one model, trained on gold
    best = output / "ensemble" if members > 1 else student
    seconds = None  # --score-only trains nothing
    if not score_only:
        dev_path.parent.mkdir(parents=True, exist_ok=True)
        dev_path.write_text("\n".join(dev_lines) + "\n", encoding="utf-8")
        write_docbin(train_lines, output / "train.spacy", extra_labels)
        write_docbin(dev_lines, output / "dev.spacy", extra_labels)
        augmented = output / ("augmented.spacy" if augment else "train.spacy")  # gold and its copies
        if augment:
            write_docbin(train_lines, augmented, extra_labels, copies=augment)
        started = time.time()
        if rebuild_vectors or not VECTORS.exists():
            click.echo("learning char, bigram and word vectors from unlabelled news (about 10 minutes) ...")
            vectors.log.addHandler(logging.StreamHandler())
            vectors.log.setLevel(logging.INFO)
            # the training split's text whatever lines this run learns (--tenth), so that every run
            # shares the vectors and the dev split's text stays unseen by them
            texts = list(vectors.sentences([*vectors.news_texts(), *(json.loads(l)["text"] for l in split(lines)[0])]))
            vectors.save(vectors.build(texts), VECTORS)
            for stale in WORK.glob(PRETRAINED + "*.bin"):  # learnt against the old vectors
                stale.unlink()
        paths = {
            "paths.train": str(output / "train.spacy"),
            "paths.dev": str(output / "dev.spacy"),
            "paths.vectors": str(VECTORS),
        }
        if pretrain_epochs:
            paths["paths.pretrained"] = str(pretrained_weights(config, overrides, pretrain_epochs))
        if teachers:
            self_train(
                config, output, paths, overrides, range(teachers), quorum, pseudo_chars, jobs, augmented, dev_path
            )
        else:
            fit(config, [(output, {**paths, "paths.train": str(augmented), **overrides})])
        seconds = time.time() - started
    if members > 1:
        try:
            ensemble.assemble(
                [student, *(output / f"teacher-{seed}" / "model-best" for seed in range(members - 1))], best
            )
        except (OSError, ValueError) as e:  # --score-only of a run that never got this far, say
            raise click.ClickException(f"cannot join the models: {e}") from None
    known.write(best / known.FILE, memory(train_lines))  # scored with what it was trained on only
    report = score(best, dev_path, output / "dev_pred.jsonl")
    click.echo("model alone: " + " ".join(f"{k}={v['f1']:.3f}" for k, v in report.items()))
    lines_report = score_lines(best, dev_path, output / "dev_lines_pred.jsonl")
    click.echo("kg extract --lines: " + " ".join(f"{k}={v['f1']:.3f}" for k, v in lines_report.items()))
    settings = [f"{k}={v}" for k, v in overrides.items()] + [
        f"extra_labels={extra_labels}",
        f"augment={augment}",
        f"pretrain_epochs={pretrain_epochs}",
    ]
    stages, shipped = None, "shipped"
    if teachers:
        settings += [f"teachers={teachers}", f"quorum={quorum}", f"pseudo_chars={pseudo_chars}", f"members={members}"]
        stages = {
            folder.name: score(folder / "model-best", dev_path, folder / "dev_pred.jsonl")
            for folder in (output / f"teacher-{seed}" for seed in range(teachers))
            if (folder / "model-best").exists()
        }
        if members > 1:
            stages["student"] = score(student, dev_path, output / "student_pred.jsonl")
        shipped = (
            "shipped (the student and " + ", ".join(f"teacher-{seed}" for seed in range(members - 1)) + ", averaged)"
            if members > 1
            else "shipped (the student)"
        )
    # the shipped model's scores live beside the script; an experiment's in its output folder
    write_scores(
        HERE / "SCORES.md" if install else output / "SCORES.md",
        report,
        seconds,
        config,
        settings,
        len(train_lines),
        len(dev_lines),
        stages,
        lines_report,
        scored_on,
        shipped,
    )
    if install:
        install_model(best, memory(lines))
        click.echo(f"installed {ner.MODEL_DIR}")


def pretrained_weights(config: Path, overrides: dict, epochs: int) -> Path:
    """The tok2vec's weights after ``epochs`` passes of masked-char pretraining,
    learnt once for each tok2vec setting and number of passes (cached like the vectors)."""
    settings = {k: v for k, v in overrides.items() if k.startswith("components.")}
    tok2vec = spacy.util.load_config(config, overrides=settings, interpolate=True)["components"]["tok2vec"]
    path = WORK / f"{PRETRAINED}{hashlib.sha1(str(tok2vec).encode()).hexdigest()[:10]}-{epochs}.bin"
    if not path.exists():
        click.echo(f"pretraining the tok2vec on the news: {epochs} pass(es), about 11 minutes each ...")
        path.parent.mkdir(parents=True, exist_ok=True)
        one_thread_each(_pretrain, [(config, settings, epochs, path)])
    return path


def memory(lines: list[str]) -> dict[str, known.KnownName]:
    """What CLUENER lines call each name they label (pipeline/ner/known.py)."""
    return known.count((record["text"], spans(record)) for record in map(json.loads, lines))


def install_model(model: Path, names: dict[str, known.KnownName]) -> None:
    """Copy ``model`` into the package with ``names`` as its memory (the whole
    training file's, dev split included: each tenth more of it measured
    +0.006 on the five labels' sum, README), its config no longer naming this
    machine's training files."""
    from thinc.api import Config

    shutil.rmtree(ner.MODEL_DIR, ignore_errors=True)
    shutil.copytree(model, ner.MODEL_DIR)
    known.write(ner.MODEL_DIR / known.FILE, names)
    config_path = ner.MODEL_DIR / "config.cfg"
    config = Config().from_disk(config_path, interpolate=False)
    config["paths"] = dict.fromkeys(config["paths"])
    config.to_disk(config_path)


if __name__ == "__main__":
    main()
