"""scripts/neo4j-local: a throwaway server with a distinctive password, which must never show in a process
list, in kg's output and errors, in the server's logs or in an export."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

from repo import ROOT

SCRIPT = ROOT / "scripts" / "neo4j-local"
PASSWORD = 'kg-Zq7 "quoted" \\slash-9x'  # distinctive, with what shell and argument files treat specially


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def command_lines() -> list[str]:
    lines = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError):  # a process that ended meanwhile
            lines.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace"))
    return lines


def test_the_password_never_shows_in_ps_output_logs_or_exports(tmp_path):
    home, port = tmp_path / "neo4j", free_port()
    cached = Path(os.environ.get("KG_NEO4J_HOME", Path.home() / ".cache/kg/neo4j-5.26")) / "lib"
    if (cached / ".pom.sha256").exists():  # the jars of the server the suite runs on: no second fetch
        shutil.copytree(cached, home / "lib")
    env = {
        **os.environ,
        "KG_NEO4J_HOME": str(home),
        "NEO4J_BOLT_PORT": str(port),
        "NEO4J_PASSWORD": PASSWORD,
        "NEO4J_HTTP_PORT": str(free_port()),
        "KG_NEO4J_HEAP": "512m",
        "NEO4J_URI": f"bolt://127.0.0.1:{port}",
    }
    seen: list[str] = []
    done = threading.Event()

    def watch() -> None:  # every process's command line, as ps shows them, all through the start
        while not done.is_set():
            seen.extend(line for line in command_lines() if PASSWORD in line or "Zq7" in line)
            done.wait(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    outputs = []
    try:
        started = subprocess.run(["bash", str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=600)
        outputs += [started.stdout, started.stderr]
        assert started.returncode == 0, started.stderr
        kg = [sys.executable, "-c", "from pipeline.cli import main; main()"]
        store = tmp_path / "kg.db"
        wrong = {**env, "NEO4J_PASSWORD": PASSWORD + "-wrong"}  # (--password would show in ps: the user's choice)
        for args, environment in (
            (["ingest", str(ROOT / "corpus"), "--store", str(store), "-j", "1", "--neo4j"], env),
            (["push", "--store", str(store)], env),
            (["query", "who_said_what_about", "--param", "org=苏宁互联"], env),
            (["push", "--store", str(store)], wrong),
            (["export", "--store", str(store), "--graphml", str(tmp_path / "kg.graphml")], env),
            (["export", "--store", str(store), "--format", "json", "-o", str(tmp_path / "kg.json")], env),
        ):
            result = subprocess.run(kg + args, env=environment, capture_output=True, text=True, timeout=600)
            outputs += [result.stdout, result.stderr]
        assert "wrong user or password" in outputs[-5]
        assert "苏宁互联" in outputs[-8]  # the query ran, logged in with the password
    finally:
        done.set()
        watcher.join()
        stopped = subprocess.run(["bash", str(SCRIPT), "stop"], env=env, capture_output=True, text=True)
        outputs += [stopped.stdout, stopped.stderr]
    assert seen == []
    assert not [o for o in outputs if "Zq7" in o]
    files = [p for p in (home / "logs").rglob("*") if p.is_file()] + [tmp_path / "kg.graphml", tmp_path / "kg.json"]
    assert not [p for p in files if b"Zq7" in p.read_bytes()]
    assert not list((home / "run").glob(".kg-initial-password*"))
