"""The trained Chinese named-entity recogniser (one token per character), as a package.

Bottom to top: ``features`` and ``location`` (what the model sees, where it is),
``crf``, ``tagger`` and ``embed`` (its layers), ``runtime`` (numpy) and
``spacy_model`` (training, experiments), ``inference`` (the one ``load`` that picks
a backend lazily) and ``known`` (the names it met in training). This face imports
no backend: ``kg extract`` never imports spaCy.
"""

from pipeline.ner.features import char_features
from pipeline.ner.inference import MAX_CHUNK, chunks, load, recognise
from pipeline.ner.location import MODEL_DIR, MODEL_ENV, model_dir

__all__ = ["MAX_CHUNK", "MODEL_DIR", "MODEL_ENV", "char_features", "chunks", "load", "model_dir", "recognise"]
