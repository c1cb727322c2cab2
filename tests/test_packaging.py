"""The install is reproducible: requirements/lock.txt pins every requirement setup.cfg names, at a
version setup.cfg allows, and the runtime needs no spaCy (the train extra brings it)."""

from __future__ import annotations

import configparser
import re

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from repo import ROOT


def setup_cfg() -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    return cfg


def requirements(text: str) -> list[Requirement]:
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [Requirement(line) for line in lines if line]


def runtime() -> list[Requirement]:
    return requirements(setup_cfg()["options"]["install_requires"])


def extras() -> dict[str, list[Requirement]]:
    return {name: requirements(text) for name, text in setup_cfg()["options.extras_require"].items()}


def locked() -> dict[str, Version]:
    pins = re.findall(r"^([A-Za-z0-9._-]+)==(\S+)$", (ROOT / "requirements/lock.txt").read_text(), re.M)
    return {canonicalize_name(name): Version(version) for name, version in pins}


def test_the_lock_pins_every_requirement_at_a_version_setup_cfg_allows():
    lock = locked()
    wanted = runtime() + [r for reqs in extras().values() for r in reqs]
    pins = {str(r): lock.get(canonicalize_name(r.name)) for r in wanted}
    unpinned = [req for req, pin in pins.items() if pin is None]
    outside = [
        f"{req} (locked {pin})" for req, pin in pins.items() if pin and not Requirement(req).specifier.contains(pin)
    ]
    assert not unpinned and not outside, (unpinned, outside)


def test_the_lock_holds_what_the_test_run_installs():
    """scripts/test installs the test, spark and train extras through the lock, and CI runs scripts/test."""
    script = (ROOT / "scripts/test").read_text()
    assert re.search(r"pip install .*-c requirements/lock\.txt -e '\.\[test,spark,train\]'", script)
    assert {"test", "spark", "train"} <= set(extras())


def test_spacy_is_a_training_need_not_a_runtime_one():
    names = {canonicalize_name(r.name) for r in runtime()}
    assert "spacy" not in names and "thinc" not in names
    assert {"spacy", "thinc"} <= {canonicalize_name(r.name) for r in extras()["train"]}


def test_the_licence_file_is_the_one_setup_cfg_declares():
    assert setup_cfg()["metadata"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License\n")
