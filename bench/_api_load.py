"""Pieces of the API load test: the server process, wrk and its output, CPU accounting."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()  # type: ignore[union-attr]
    return float(number) * UNITS[unit]


@dataclass
class WrkResult:
    """What one wrk run measured."""

    requests: int
    seconds: float
    latency_ms: dict[str, float]  # "50%", "75%", "90%", "99%", "max", "avg"
    non_2xx: int = 0
    socket_errors: dict[str, int] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    @property
    def errors(self) -> int:
        return self.non_2xx + sum(self.socket_errors.values())


def parse_wrk(text: str) -> WrkResult:
    """Read wrk's report (run with --latency)."""
    found = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", text)
    if found is None:
        raise RuntimeError(f"cannot read wrk's report:\n{text}")
    requests, seconds = int(found.group(1)), _ms(found.group(2) + found.group(3)) / 1000
    latency = {p: _ms(v) for p, v in re.findall(r"^\s+(50%|75%|90%|99%)\s+(\S+)$", text, re.M)}
    stats = re.search(r"Latency\s+(\S+)\s+(\S+)\s+(\S+)", text)
    if stats:
        latency["avg"], latency["max"] = _ms(stats.group(1)), _ms(stats.group(3))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errors = dict(zip(("connect", "read", "write", "timeout"), map(int, sockets.groups()), strict=True)) if sockets else {}
    return WrkResult(requests, seconds, latency, int(non_2xx.group(1)) if non_2xx else 0, errors)


def run_wrk(url: str, script: Path, seconds: int, connections: int, threads: int = 2) -> WrkResult:
    """Run wrk against ``url`` for ``seconds`` with ``connections`` open connections."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is needed for the load test: apt-get install wrk")
    cmd = [wrk, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", "-s", str(script), url]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse_wrk(done.stdout)


class Server:
    """``seisai serve`` in a child process, with its workers' CPU time."""

    def __init__(self, db: str, workers: int, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.log = log
        cmd = [sys.executable, "-m", "seisai.cli", "serve", "--port", str(self.port), "--workers", str(workers),
               "--db", db, "--rate", "1000000"]  # fmt: skip
        with log.open("w") as out:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **env})
        self.ps = psutil.Process(self.proc.pid)

    def wait_ready(self, timeout: float = 900) -> None:
        """Until every worker has logged its lists as loaded and /readyz answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"seisai serve exited:\n{self.log.read_text()[-3000:]}")
            loaded = self.log.read_text().count("lists loaded:")
            if loaded >= self.workers:
                try:
                    if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
            time.sleep(0.5)
        raise RuntimeError(f"seisai serve not ready after {timeout:.0f} s:\n{self.log.read_text()[-3000:]}")

    def cpu_seconds(self) -> float:
        """User and system CPU of the server and its workers so far."""
        total = 0.0
        for proc in [self.ps, *self.ps.children(recursive=True)]:
            try:
                t = proc.cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                continue
        return total

    def stop(self) -> None:
        """Graceful stop (workers write their last audit anchor)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def machine_busy() -> float:
    """Seconds of CPU the whole machine has used so far (all processes)."""
    t = psutil.cpu_times()
    return float(t.user + t.system + getattr(t, "nice", 0.0))
