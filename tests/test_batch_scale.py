"""A batch at scale: the main process reads only ids ahead, workers validate once; nothing changes for the user.

The rules the batch kept before: a deal id used twice is an error for the later *valid* deal,
found before anything is written; failures are listed invalid-first; the report shows no id
for a deal that did not validate; --jobs 1 and --jobs 2 give the same bytes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, run

from oidocs.run import pool
from oidocs.run.jobs import jobs_from_files, read_id_ahead

JA = next(p for p in EXAMPLES if p.name == "acme-nano-ja.yaml")
ID = "acme-nano-2026"


def _copy(folder: Path, name: str, text: str | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / name
    target.write_text(text if text is not None else JA.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _with_id(deal_id: str) -> str:
    return JA.read_text(encoding="utf-8").replace(f"deal_id: {ID}", f"deal_id: {deal_id}", 1)


def test_the_id_is_read_ahead_only_when_one_plain_line_gives_it(tmp_path: Path) -> None:
    text = JA.read_text(encoding="utf-8")
    assert f"\ndeal_id: {ID}\n" in text
    cases = {
        "plain.yaml": (text, ID),
        "quoted.yaml": (text.replace(f"deal_id: {ID}", f'deal_id: "{ID}"  # ours'), ID),
        "crlf.yaml": (text.replace("\n", "\r\n"), ID),
        "anchored.yaml": (text.replace(f"deal_id: {ID}", f"deal_id: &id {ID}"), None),
        "hash.yaml": (text.replace(f"deal_id: {ID}", f"deal_id: {ID}#2"), None),  # a plain scalar, not a comment
        "twice.yaml": (text + f"\ndeal_id: {ID}\n", None),
        "missing.yaml": (text.replace(f"deal_id: {ID}\n", ""), None),
    }
    for name, (body, expected) in cases.items():
        assert read_id_ahead(str(_copy(tmp_path, name, body))) == expected, name
    assert read_id_ahead(str(tmp_path / "absent.yaml")) is None


def test_only_deals_that_share_an_id_are_validated_up_front(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    _copy(deals, "a.yaml", _with_id("one"))
    _copy(deals, "b.yaml", _with_id("two") + "\nbroken: [\n")  # invalid, but its id is its own
    _copy(deals, "c.yaml", _with_id("two-b"))
    _copy(deals, "d.yaml", _with_id("two-b"))
    jobs = {Path(j.label).name: j for j in jobs_from_files([deals])}
    assert not jobs["a.yaml"].checked and not jobs["b.yaml"].checked  # left to the workers
    assert jobs["c.yaml"].checked and jobs["d.yaml"].checked
    assert jobs["c.yaml"].ok and "is already used by" in jobs["d.yaml"].problems[0]


def test_a_duplicate_id_is_still_caught_and_an_invalid_deal_claims_none(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    _copy(deals, "a-invalid.yaml", _with_id(ID).replace("deal_id:", "purpse: x\ndeal_id:", 1))
    _copy(deals, "b-first.yaml")  # the first *valid* deal with this id: made
    _copy(deals, "c-quoted.yaml", JA.read_text(encoding="utf-8").replace(f"deal_id: {ID}", f'"deal_id": "{ID}"'))
    _copy(deals, "d-again.yaml")
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run("batch", deals, "--out", out, "--jobs", jobs)
        assert result.exit_code == 1
        err = result.stderr
        assert f"{deals / 'a-invalid.yaml'}:" in err and "purpse: unknown key" in err
        for later in ("c-quoted.yaml", "d-again.yaml"):  # c: its id is not read ahead, but validated
            assert f"{deals / later}: deal_id: {ID!r} is already used by {deals / 'b-first.yaml'}" in err
        assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [ID]
        report = (out / "batch-report.csv").read_text(encoding="utf-8-sig").splitlines()
        assert report[1].startswith(f"{deals / 'a-invalid.yaml'},,failed,,")  # no id for a deal that did not validate
        assert report[2] == f"{deals / 'b-first.yaml'},{ID},made,{ID},"


def test_failures_are_listed_invalid_first_as_before(tmp_path: Path) -> None:
    """A deal found invalid by a worker is listed with the deals that failed up front, in order."""
    deals = tmp_path / "deals"
    _copy(deals, "a-exists.yaml", _with_id("exists"))
    _copy(deals, "b-made.yaml", _with_id("made"))
    _copy(deals, "c-invalid.yaml", _with_id("bad").replace("deal_id:", "purpse: x\ndeal_id:", 1))
    _copy(deals, "d-dup.yaml", _with_id("made"))
    out = tmp_path / "out"
    (out / "exists").mkdir(parents=True)
    (out / "exists" / "exists-nda-ja.md").write_text("mine", encoding="utf-8")
    for jobs in ("1", "2"):
        result = run("batch", deals, "--out", out, "--jobs", jobs, "--skip-existing")
        summary = result.stderr.strip().splitlines()[-1]
        assert summary.endswith(f"; failed: {deals / 'c-invalid.yaml'}, {deals / 'd-dup.yaml'}, "
                                f"{deals / 'a-exists.yaml'}"), summary
        assert (out / "exists" / "exists-nda-ja.md").read_text(encoding="utf-8") == "mine"
        report = (out / "batch-report.csv").read_text(encoding="utf-8-sig").splitlines()
        assert report[3].startswith(f"{deals / 'c-invalid.yaml'},,failed,,")  # no id: it did not validate


def test_a_worker_refuses_a_deal_whose_id_changed_since_it_was_read_ahead(tmp_path: Path) -> None:
    from oidocs.run.batch import PackOptions, run_batch

    deal = _copy(tmp_path / "deals", "a.yaml", _with_id("before"))
    jobs = jobs_from_files([deal])
    deal.write_text(_with_id("after"), encoding="utf-8")  # changed after the batch read it
    result = run_batch(jobs, PackOptions(str(tmp_path / "out"), ("md",), None, False, False, None), workers=1)
    assert not result.made
    assert result.failed[0][1][0].startswith(f"{deal}: deal_id: 'after' now, 'before' when the batch started")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_jobs_two_gives_the_same_bytes_and_report_with_failures(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    for p in EXAMPLES:
        shutil.copy(p, deals / p.name)
    _copy(deals, "x-invalid.yaml", _with_id("x").replace("deal_id:", "purpse: x\ndeal_id:", 1))
    _copy(deals, "y-dup.yaml")
    results = [run("batch", deals, "--out", tmp_path / jobs, "--jobs", jobs) for jobs in ("1", "2")]
    trees = [{str(p.relative_to(tmp_path / jobs)): p.read_bytes() for p in sorted((tmp_path / jobs).rglob("*"))
              if p.is_file()} for jobs in ("1", "2")]
    assert trees[0] == trees[1] and len(trees[0]) > 20
    lines = [r.stderr.strip().splitlines() for r in results]
    assert lines[0][:-1] == lines[1][:-1]  # every problem and warning, in the same order
    assert lines[0][-1].split(", ")[:2] == lines[1][-1].split(", ")[:2] == [f"made {len(EXAMPLES)}", "failed 2"]


def _exit_on(item: tuple[int, int]) -> int:
    if item[0] == item[1]:
        os._exit(9)  # a worker killed (out of memory, kill -9)
    return item[0] * 10


@pytest.mark.parametrize("fatal", [0, 3, 30])
def test_a_dead_worker_fails_only_what_it_had_not_returned(fatal: int) -> None:
    items = [(i, fatal) for i in range(40)]
    results = list(pool.pool_map(_exit_on, items, 2, lambda item, why: ("lost", item[0])))
    first_lost = next(i for i, r in enumerate(results) if isinstance(r, tuple))
    assert first_lost <= fatal and results[:first_lost] == [i * 10 for i in range(first_lost)]
    assert results[first_lost:] == [("lost", i) for i in range(first_lost, 40)]  # each item once, in order


def test_the_main_process_hands_out_work_a_few_chunks_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch of any length: at most a few chunks per worker are pending in the main process."""
    from concurrent.futures import ProcessPoolExecutor

    submitted: list[int] = []
    real = ProcessPoolExecutor.submit

    def counting(self: Any, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        submitted.append(len(args[1]))
        return real(self, fn, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", counting)
    items = list(range(2000))
    results = pool.pool_map(abs, items, 2, lambda item, why: None)
    first = next(results)
    assert first == 0 and sum(submitted) <= 2 * pool.IN_FLIGHT * pool.chunk_size(len(items), 2)
    assert list(results) == items[1:]


def test_a_batch_that_ends_normally_lets_its_workers_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool is shut down in order once the last pack is in: never terminated as after Ctrl-C.

    Left suspended after its last result, the pool was stopped when the batch's generator was
    collected (or not at all before a fast exit), and a worker waiting for work printed an
    ``EOFError`` traceback under the batch's summary.
    """
    import multiprocessing

    from oidocs.run.batch import PackOptions, run_batch

    stopped: list[Any] = []
    monkeypatch.setattr(pool, "_stop", stopped.append)
    deals = [_copy(tmp_path / "deals", f"{n}.yaml", _with_id(f"deal-{n}")) for n in range(3)]
    result = run_batch(jobs_from_files(deals), PackOptions(str(tmp_path / "out"), ("md",), None, False, False, None),
                       workers=2)
    assert len(result.made) == 3 and not result.failed
    assert not stopped
    assert not multiprocessing.active_children()
