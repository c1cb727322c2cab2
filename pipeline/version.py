"""The version of the pipeline that extracts an article: its code, its data files and its model.

The store records it beside each article, so ``kg ingest`` re-extracts an article
that is unchanged but was extracted by other code, other data (a gazetteer alias
added) or another model, and ``kg ingest --check`` counts those. It is a
fingerprint, not a release number: any change to what extraction reads changes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pipeline import __version__
from pipeline.language import datafiles

PACKAGE = datafiles.package_dir()
_WHOLE = 1 << 20  # files up to this size are hashed whole
_SAMPLES, _SAMPLE = 16, 4096  # a larger file (model weights): its size and 16 slices of 4 KB spread over it


def fingerprint(files: Iterable[Path], root: Path) -> str:
    """12 hex digits over the files' paths (relative to ``root``) and contents.

    A large file is read at evenly spaced slices, not whole: retraining changes
    weights throughout, and hashing 80 MB would cost every ingest a third of a second.
    """
    h = hashlib.sha256()
    for path in sorted(files):
        size = path.stat().st_size
        h.update(f"{path.relative_to(root).as_posix()}\0{size}\0".encode())
        with path.open("rb") as f:
            if size <= _WHOLE:
                h.update(f.read())
                continue
            for i in range(_SAMPLES):
                f.seek((size - _SAMPLE) * i // (_SAMPLES - 1))
                h.update(f.read(_SAMPLE))
    return h.hexdigest()[:12]


def _files(folder: Path, pattern: str = "*") -> list[Path]:
    return [p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts]


def describe(code: Path = PACKAGE, data: Path = PACKAGE / "data", model: Path | None = None) -> str:
    """The version string of the pipeline in these folders (model: the one kg uses, ``ner.model_dir()``)."""
    if model is None:
        from pipeline.ner import model_dir

        model = model_dir()
    return (
        f"kg {__version__} code {fingerprint(_files(code, '*.py'), code)}"
        f" data {fingerprint(_files(data), data)} model {fingerprint(_files(model), model)}"
    )


@lru_cache(maxsize=1)
def current() -> str:
    """This installation's version string, computed once per process."""
    return describe()
