"""Writing user-named files (kg export, kg report): whole or not at all, through links, streamed to devices."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_samples import launch, regulator

from pipeline.cli import main
from pipeline.outputs.atomic import OutputError, output
from pipeline.storage.store import Store

KG = [sys.executable, "-c", "from pipeline.cli import main; main()"]


@pytest.fixture
def store_path(tmp_path):
    with Store(tmp_path / "kg.db") as s:
        for x in (launch(), regulator()):
            s.apply(x)
    return str(tmp_path / "kg.db")


def command(name: str, store_path: str, target: str) -> list[str]:
    """``kg export`` or ``kg report`` of the store to ``target``."""
    return [name, "--store", store_path, "-o", target]


def signature(name: str) -> bytes:
    """Bytes every output of the command holds."""
    return b"<!doctype html>" if name == "report" else b"<graphml"


COMMANDS = ["export", "report"]


def test_a_file_is_replaced_whole_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    target.chmod(0o640)
    with output(str(target)) as f:
        f.write("new")
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_full_disk_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("previous")
    with pytest.raises(OutputError) as caught, output(str(target)) as f:
        f.write("x" * 10_000)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as the next write would on a full disk
    assert str(caught.value) == f"{target}: cannot write: No space left on device; nothing written"
    assert target.read_text() == "previous" and sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_symlink_is_written_through_and_stays_a_link(name, store_path, tmp_path):
    real, link = tmp_path / "real.out", tmp_path / "link.out"
    real.write_text("old")
    link.symlink_to(real.name)
    result = CliRunner().invoke(main, command(name, store_path, str(link)))
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == real.name
    assert signature(name) in real.read_bytes()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_link_to_standard_output_streams_to_it(name, store_path, tmp_path):
    link = tmp_path / "out.link"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is; never replaced, as the device is not
    done = subprocess.run([*KG, *command(name, store_path, str(link))], capture_output=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert signature(name) in done.stdout and link.is_symlink()


@pytest.mark.parametrize("name", COMMANDS)
def test_a_device_node_is_streamed_to_and_stays_a_device(name, store_path, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # /dev/null's numbers, in a scratch folder
    result = CliRunner().invoke(main, command(name, store_path, str(null)))
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(null.stat().st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["kg.db", "null"]


@pytest.mark.parametrize("name", COMMANDS)
def test_a_fifo_is_streamed_to(name, store_path, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = CliRunner().invoke(main, command(name, store_path, str(fifo)))
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert signature(name) in got[0] and stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("name", COMMANDS)
def test_a_dash_writes_to_standard_output(name, store_path):
    result = CliRunner().invoke(main, command(name, store_path, "-"))
    assert result.exit_code == 0, result.output
    assert (signature(name) in result.stdout_bytes and " to stdout" in result.stderr) or "wrote stdout" in result.stderr


@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_disk_keeps_the_previous_output_whole(name, store_path, tmp_path):
    import resource

    target = tmp_path / "out"
    assert CliRunner().invoke(main, command(name, store_path, str(target))).exit_code == 0
    before = target.read_bytes()

    def cap() -> None:  # writes past 1 KB fail (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    with Store(store_path):  # open, so the capped process need not create the store's shared-memory file
        full = subprocess.run(
            [*KG, *command(name, store_path, str(target))], capture_output=True, text=True, preexec_fn=cap
        )
    assert full.returncode == 1
    assert full.stderr.splitlines() == [f"kg: {target}: cannot write: File too large; nothing written"]
    assert target.read_bytes() == before
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_report_on_an_unknown_organisation_leaves_the_file(store_path, tmp_path):
    target = tmp_path / "r.html"
    target.write_text("the previous report")
    result = CliRunner().invoke(main, [*command("report", store_path, str(target)), "--org", "不存在"])
    assert result.exit_code == 1
    assert target.read_text() == "the previous report"


def test_odd_names_are_one_quoted_line_in_an_error(store_path, tmp_path):
    folder = tmp_path / "a\nb\x1b[2J\x1b[31m"
    result = CliRunner().invoke(main, command("export", store_path, str(Path(folder) / "kg.graphml")))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "\x1b" not in line and line == f'kg: "{tmp_path}/a\\nb\\x1b[2J\\x1b[31m/kg.graphml": cannot write:' + (
        " No such file or directory"
    )
