from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from seisai.batch import BatchSpec, ScreenOptions, make_engine, run_batch
from seisai.batch.checkpoint import RunDir
from seisai.batch.errors import BatchRunError
from seisai.store import Store
from tests.batch.conftest import names_of, read_hits, write_book

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("batch")]


@pytest.fixture(scope="module")
def book(un_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_book(tmp_path_factory.mktemp("book") / "book.csv", names_of(un_store, 3000), 120)


def _run(store: Store, book: Path, out: Path, engine: str, workers: int | None = None, **kw: object) -> list[dict[str, str]]:
    spec = BatchSpec(book, out, ScreenOptions(0.7), partition_rows=25, **kw)  # type: ignore[arg-type]
    runner = make_engine(engine, workers=workers)
    try:
        run_batch(store, spec, runner)
    finally:
        runner.close()
    return read_hits(out)


def test_local_pool_gives_the_same_output_as_one_process(un_store: Store, book: Path, tmp_path: Path) -> None:
    inline = _run(un_store, book, tmp_path / "inline.csv", "inline")
    local = _run(un_store, book, tmp_path / "local.csv", "local", workers=2)
    assert inline and inline == local
    assert (tmp_path / "inline.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert {h["customer_id"] for h in inline} and all(float(h["hit_score"]) >= 0.7 for h in inline)


def test_dask_local_cluster_gives_the_same_output(un_store: Store, book: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    inline = _run(un_store, book, tmp_path / "inline.csv", "inline")
    dask = _run(un_store, book, tmp_path / "dask.csv", "dask", workers=2)
    assert (tmp_path / "inline.csv").read_bytes() == (tmp_path / "dask.csv").read_bytes()
    assert inline == dask


def test_resume_screens_only_missing_partitions(un_store: Store, book: Path, tmp_path: Path) -> None:
    whole = _run(un_store, book, tmp_path / "a.csv", "inline")
    run = RunDir(tmp_path / "a.csv.run")
    for index in (1, 3):
        (run.parts / f"{index:06d}.pkl").unlink()
    spec = BatchSpec(book, tmp_path / "a.csv", ScreenOptions(0.7), partition_rows=25)
    summary = run_batch(un_store, spec, make_engine("inline"))
    assert summary.resumed_partitions == 3 and summary.partitions == 5 and summary.rows == 120
    assert read_hits(tmp_path / "a.csv") == whole


def test_a_run_folder_of_another_run_is_refused(un_store: Store, book: Path, tmp_path: Path) -> None:
    _run(un_store, book, tmp_path / "a.csv", "inline")
    spec = BatchSpec(book, tmp_path / "a.csv", ScreenOptions(0.8), partition_rows=25)
    with pytest.raises(BatchRunError, match="another options"):
        run_batch(un_store, spec, make_engine("inline"))
    spec.fresh = True
    assert run_batch(un_store, spec, make_engine("inline")).resumed_partitions == 0


def _cli(args: list[str], home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SEISAI_HOME": str(home), "SEISAI_PROGRESS": "plain"}
    return subprocess.Popen([sys.executable, "-c", "from seisai.cli.app import main; main()", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def test_killed_run_resumes_with_no_row_missing_or_twice(un_store: Store, tmp_path: Path, batch_home: Path) -> None:
    # 120 partitions: however loaded the machine, the kill lands with most of them not done
    book = write_book(tmp_path / "big.csv", names_of(un_store, 3000), 1200)
    expected = _run(un_store, book, tmp_path / "ref.csv", "inline")
    db = un_store.engine.url.render_as_string()
    args = ["batch", str(book), "-o", str(tmp_path / "out.csv"), "--db", db, "--partition-rows", "10", "-w", "2"]
    proc = _cli(args, batch_home)
    parts = tmp_path / "out.csv.run" / "parts"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and len(list(parts.glob("*.pkl"))) < 3:
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()[1].decode()
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()  # reap it and close its pipes
    assert not (tmp_path / "out.csv").exists()
    done = len(list(parts.glob("*.pkl")))
    assert 3 <= done < 120
    again = _cli(args, batch_home)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err.decode()
    assert read_hits(tmp_path / "out.csv") == expected
    rows = [(h["hit_row"], h["hit_entity_id"]) for h in expected]
    assert len(rows) == len(set(rows))


def test_bad_input_exits_with_a_clear_message(un_store: Store, tmp_path: Path, batch_home: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"name,country\nTaro,jp\n\xff\xfe,ru\n")
    db = un_store.engine.url.render_as_string()
    proc = _cli(["batch", str(bad), "-o", str(tmp_path / "o.csv"), "--db", db, "--engine", "inline"], batch_home)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 2
    assert "bad.csv: line 3:" in err.decode() and "--encoding" in err.decode()
