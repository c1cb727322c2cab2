"""The pipeline's version: a fingerprint of its code, data files and model."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.version import PACKAGE, current, describe, fingerprint


def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PACKAGE / "data", tmp_path / "data"))


def test_the_version_names_code_data_and_model():
    assert current() == describe()
    assert current().startswith("kg ") and all(f" {part} " in current() for part in ("code", "data", "model"))


def test_adding_an_alias_to_the_gazetteer_changes_the_version(tmp_path):
    data = data_copy(tmp_path)
    assert describe(data=data) == current()
    with (data / "orgs.yaml").open("a", encoding="utf-8") as f:
        f.write("- {name: 星河移动, type: mvno, label: COMPANY, mvno: true, aliases: [星河通信]}\n")
    assert describe(data=data) != current()


def test_a_large_file_is_read_at_slices_throughout(tmp_path):
    big = tmp_path / "weights.bin"
    big.write_bytes(bytes(3 << 20))
    before = fingerprint([big], tmp_path)
    with big.open("r+b") as f:  # a change in the middle of the file, where a slice falls
        f.seek((big.stat().st_size - 4096) * 8 // 15)
        f.write(b"\x01")
    assert fingerprint([big], tmp_path) != before
    assert fingerprint([big], tmp_path) == fingerprint([big], tmp_path)
