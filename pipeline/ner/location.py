"""Where the NER model is: the shipped one, or the folder ``KG_NER_MODEL`` names.

Reads: the environment. Provides: the model folder, checked to hold a spaCy config.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.language import datafiles

MODEL_NAME = "ner_zh"
MODEL_DIR = datafiles.package_dir() / "models" / MODEL_NAME
MODEL_ENV = "KG_NER_MODEL"  # names another model folder: an experiment's (training --no-install), a user's own


def model_dir() -> Path:
    """The model kg uses: the folder ``KG_NER_MODEL`` names, else the shipped one."""
    chosen = os.environ.get(MODEL_ENV)
    return model_at(Path(chosen) if chosen else MODEL_DIR, MODEL_ENV + "=" if chosen else "")


def model_at(path: Path, named: str = "") -> Path:
    """``path`` if it holds a model (a folder with config.cfg); ``named`` says where the path came from."""
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"{named}{path}: no spaCy model there (a folder with config.cfg)")
    return path
