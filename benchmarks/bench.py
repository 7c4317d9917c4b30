"""Measure oidocs' speed on this machine; print a Markdown table for the README.

    pip install -e '.[bench]'    # adds docxtpl, the comparison
    python benchmarks/bench.py [--deals 100] [--big 1000] [--only one,startup] [--clock cpu]
    python benchmarks/bench.py --only batch --batch-size 1000    # the issue's batch target
    python benchmarks/bench.py --only scale [--scale 10000]      # memory at 100 and 10,000 deals (minutes)

What it measures, all in one run on the same machine:
1. one agreement (DOCX and Markdown, from a validated deal) against docxtpl loading,
   rendering and saving a template with the same number of paragraphs;
2. the same agreement against the floor: deflating its parts into a zip;
3. `oidocs batch` of N deals (`--batch-size`) with --jobs 1 and --jobs 2 (interleaved, best of
   five runs each below 200 deals: a shared machine is noisy), and the same in CPU time, the
   main process apart from its workers: the serial fraction, and the speed-up two free cores
   would give;
4. the peak memory of a batch of N and of a batch of BIG deals (it should stay flat);
5. `oidocs --help` against `python -c pass`;
6. the PDF cost per agreement (LibreOffice, one converter for many agreements, and for one alone)
   beside the DOCX cost;
7. `oidocs compare` of two 25-article agreements (our JDA cut to 25 articles and a copy edited
   as a counterparty edits it) and of two 256-article ones (`--only compare` measures just
   these): the issue sheet alone, and the sheet with the redline;
8. `oidocs serve`'s live preview of a full pack: what one keystroke costs the server when every
   tab is brought up to date (the form's YAML, validation, the five documents and the review
   sheet as HTML), through the HTTP API (needs the serve extra).
9. (`--only scale`, not by default: it takes many minutes) the peak memory of a batch of 100
   and of 10,000 deals, --jobs 1 and --jobs 2 (the main process and each worker).
Nothing here is a test: it reports, it does not judge.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "acme-nano-ja.yaml"


CLOCK = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCK["wall"]  # --clock cpu: this process's CPU time, steadier than wall time on a busy machine


def best(func, repeat: int = 30) -> float:
    """Median seconds of ``repeat`` calls after one warm-up call."""
    func()
    times = []
    for _ in range(repeat):
        t = clock()
        func()
        times.append(clock() - t)
    return statistics.median(times)


def one_agreement() -> dict[str, float]:
    from oidocs import api
    from oidocs.document.tree import Item, Paragraph, walk
    from oidocs.writers import RenderOptions, renderer

    deal = api.read_deal(EXAMPLE)

    def ours() -> bytes:
        tree = api.build_document(deal, "nda", "ja")
        renderer("md")(tree, RenderOptions())
        return renderer("docx")(tree, RenderOptions())

    data = ours()
    tree = api.build_document(deal, "nda", "ja")
    paragraphs = sum(1 for n in walk(tree) if isinstance(n, (Paragraph, Item))) + len(tree.articles)

    # docxtpl: a template of the same number of paragraphs, each a placeholder
    from docx import Document
    from docxtpl import DocxTemplate

    template = Document()
    for i in range(paragraphs):
        template.add_paragraph("{{ p%d }}" % i)
    buf = io.BytesIO()
    template.save(buf)
    template_bytes = buf.getvalue()
    context = {f"p{i}": "秘密情報の取扱いに関する条項の本文である。" * 3 for i in range(paragraphs)}

    def docxtpl() -> bytes:
        doc = DocxTemplate(io.BytesIO(template_bytes))
        doc.render(context)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    parts = {i.filename: zipfile.ZipFile(io.BytesIO(data)).read(i.filename)
             for i in zipfile.ZipFile(io.BytesIO(data)).infolist()}

    def floor() -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in parts.items():
                z.writestr(name, content)
        return out.getvalue()

    return {"paragraphs": paragraphs, "oidocs": best(ours), "docxtpl": best(docxtpl), "floor": best(floor)}


def pdf_cost(copies: int = 5) -> dict[str, float] | None:
    """Seconds per agreement for DOCX, and for PDF converted in one LibreOffice call; None without it."""
    from oidocs import api
    from oidocs.writers import pdf
    from oidocs.writers import RenderOptions, renderer

    try:
        pdf.find_soffice()
    except Exception:
        return None
    deal = api.read_deal(EXAMPLE)
    trees = [api.build_document(deal, doc, lang) for doc in api.docs_in(deal) for lang in ("ja", "en")]
    docx = [renderer("docx")(tree, RenderOptions()) for tree in trees]
    per_docx = best(lambda: [renderer("docx")(tree, RenderOptions()) for tree in trees], repeat=10) / len(trees)
    jobs = {f"{i}-{n}": pdf.job_for(tree, data) for i in range(copies) for n, (tree, data) in enumerate(zip(trees, docx))}
    t = time.perf_counter()
    pdf.convert(jobs)
    many = (time.perf_counter() - t) / len(jobs)
    t = time.perf_counter()
    pdf.convert(dict(list(jobs.items())[:1]))
    alone = time.perf_counter() - t
    return {"docx": per_docx, "many": many, "alone": alone, "n": len(jobs)}


def compare_cost() -> dict[str, float] | None:
    """Seconds to compare two 25-article agreements: the issue sheet alone, and with the redline."""
    import docx

    from oidocs import api

    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp, "ours.docx"), Path(tmp, "theirs.docx")
        ours.write_bytes(api.render_document(api.read_deal(EXAMPLE), "jda", "en", "docx"))
        document = docx.Document(str(ours))
        headings = [p for p in document.paragraphs if p.style.style_id == "Heading1"]
        cut = headings[25]._p  # keep 25 articles: drop the rest up to the closing
        while cut is not None and not (cut.xpath("string(.)") or "").startswith("IN WITNESS"):
            following = cut.getnext()
            cut.getparent().remove(cut)
            cut = following
        document.save(str(ours))
        paragraphs = [p for p in document.paragraphs if p.style.style_id == "OIParagraph"]
        for p in paragraphs[3:60:12]:  # change words in five articles
            p.runs[0].text = p.runs[0].text.replace("the", "any", 1)
        paragraphs[20]._p.getparent().remove(paragraphs[20]._p)
        paragraphs[40]._p.addnext(copy.deepcopy(paragraphs[10]._p))
        document.save(str(theirs))
        return timed_compare(ours, theirs, repeat=(5, 3))


def timed_compare(ours: Path, theirs: Path, repeat: tuple[int, int]) -> dict[str, float]:
    """Median seconds of the issue sheet alone and (with the engine installed) of sheet + redline."""
    from oidocs.negotiate.compare import compare_files
    from oidocs.negotiate.redline import engine_available

    out = {"sheet": best(lambda: compare_files(ours, theirs, with_redline=False), repeat=repeat[0])}
    if engine_available():
        out["both"] = best(lambda: compare_files(ours, theirs), repeat=repeat[1])
    return out


def serve_preview() -> dict[str, float] | None:
    """Seconds for one keystroke's update of every preview tab of the acme pack, through the HTTP API."""
    try:
        from starlette.testclient import TestClient
    except ImportError:
        return None
    from oidocs.serve.app import create_app

    client = TestClient(create_app(), base_url="http://127.0.0.1")
    text = EXAMPLE.read_text(encoding="utf-8").encode("utf-8")
    data = client.post("/api/yaml-to-data", content=text).json()["data"]
    name = data["parties"][0]["name"]
    typed = iter(range(1_000_000))

    def keystroke() -> None:  # every keystroke changes the deal: nothing is served from a cache
        data["parties"][0]["name"] = f"{name}{next(typed)}"
        yaml_text = client.post("/api/data-to-yaml", json=data).content
        docs = client.post("/api/validate", content=yaml_text).json()["docs"]
        for doc in docs:
            client.post("/api/preview", params={"doc": doc}, content=yaml_text).raise_for_status()
        client.post("/api/review", content=yaml_text).raise_for_status()

    def one_tab() -> None:
        data["parties"][0]["name"] = f"{name}{next(typed)}"
        yaml_text = client.post("/api/data-to-yaml", json=data).content
        client.post("/api/validate", content=yaml_text)
        client.post("/api/preview", params={"doc": "jda"}, content=yaml_text).raise_for_status()

    return {"pack": best(keystroke, repeat=10), "tab": best(one_tab, repeat=10)}


def compare_big(copies: int = 8) -> dict[str, float] | None:
    """Seconds to compare two 256-article agreements (our JDA's 32 articles eight times over).

    Theirs changes words in ten articles, deletes two, inserts one and moves one, so that the
    pairing has real work to do; pairing time that grows with the square of the article count
    shows here first.
    """
    import docx

    from oidocs import api

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with tempfile.TemporaryDirectory() as tmp:
        ours, theirs = Path(tmp, "ours.docx"), Path(tmp, "theirs.docx")
        ours.write_bytes(api.render_document(api.read_deal(EXAMPLE), "jda", "en", "docx"))
        document = docx.Document(str(ours))
        body = [p._p for p in document.paragraphs]
        first = next(i for i, p in enumerate(document.paragraphs) if p.style.style_id == "Heading1")
        last = next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("IN WITNESS"))
        block = body[first:last]
        anchor = body[last - 1]
        for k in range(1, copies):
            for p in block:
                new = copy.deepcopy(p)
                for mark in list(new.iter(f"{w}bookmarkStart", f"{w}bookmarkEnd")):
                    mark.getparent().remove(mark)
                for t in new.iter(f"{w}t"):
                    if t.text and len(t.text) > 20:
                        t.text = t.text.replace("Party", f"Party{k}", 1)
                anchor.addnext(new)
                anchor = new
        document.save(str(ours))
        document = docx.Document(str(ours))
        headings = [p for p in document.paragraphs if p.style.style_id == "Heading1"]
        paragraphs = [p for p in document.paragraphs if p.style.style_id == "OIParagraph"]
        for p in paragraphs[5::len(paragraphs) // 10][:10]:
            p.runs[0].text = p.runs[0].text.replace("the", "any", 1)
        for h in (headings[40], headings[200]):
            following = h._p.getnext()
            h._p.getparent().remove(h._p)
            while following is not None and "Heading1" not in (following.xpath("string(.//w:pStyle/@w:val)") or ""):
                nxt = following.getnext()
                if (following.xpath("string(.)") or "").startswith("IN WITNESS"):
                    break
                following.getparent().remove(following)
                following = nxt
        headings[100]._p.addprevious(copy.deepcopy(headings[10]._p))
        headings[150]._p.addprevious(headings[60]._p)
        document.save(str(theirs))
        return timed_compare(ours, theirs, repeat=(3, 1))


def make_deals(folder: Path, count: int) -> None:
    base = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for i in range(count):
        deal = copy.deepcopy(base)
        deal["deal_id"] = f"bench-{i:05d}"
        deal["parties"][1]["name"] = f"パートナー{i}株式会社"
        (folder / f"deal-{i:05d}.yaml").write_text(
            yaml.safe_dump(deal, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Runs `oidocs batch` in this one process and reports its own CPU time and peak memory apart from
# its workers' (which the pool waits for, so the kernel adds them to RUSAGE_CHILDREN).
_HARNESS = """
import io, resource, sys, time
t = time.perf_counter()
sys.stdout = io.StringIO()  # the batch then exits the ordinary way, after its workers are joined
try:
    from oidocs.cli import main
    main(sys.argv[1:], prog_name="oidocs")
except SystemExit as exc:
    assert not exc.code, sys.stdout.getvalue()
s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - t, s.ru_utime + s.ru_stime, c.ru_utime + c.ru_stime, s.ru_maxrss, c.ru_maxrss,
      file=sys.__stdout__)
"""


def _batch_once(folder: Path, out: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, peak MiB of the batch process) of `oidocs batch` as a user runs it."""
    cmd = [sys.executable, "-m", "oidocs", "batch", str(folder), "--out", str(out), "--jobs", str(jobs),
           "--quiet", "--force"]
    script = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
              "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    res = subprocess.run([sys.executable, "-c", script, *cmd], check=True, capture_output=True, text=True)
    seconds, rss_kib = res.stdout.split()
    return float(seconds), int(rss_kib) / 1024


def batch_accounts(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    """One batch in CPU seconds: the main process and its workers apart, and each one's peak memory.

    On a machine others share, wall time says little; CPU time does. The main process's CPU
    time is the serial part (start-up, reading ids ahead, handing out work, the report); the
    workers' is the parallel part, so `--jobs N` on N free cores would take main + workers / N.
    """
    cmd = [sys.executable, "-c", _HARNESS, "batch", str(folder), "--out", str(out), "--jobs", str(jobs),
           "--quiet", "--force"]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall, main, workers, rss_main, rss_worker = (float(x) for x in res.stdout.split())
    return {"wall": wall, "main": main, "workers": workers, "rss_main": rss_main / 1024,
            "rss_worker": rss_worker / 1024}


def machine_parallelism() -> float:
    """How much faster two CPU-bound processes finish than one after the other, on this machine now.

    2.0 on two free cores; less when a neighbour on the host takes a core's time. It puts the
    --jobs 2 speed-up in context.
    """
    spin = [sys.executable, "-c", "s = 0\nfor i in range(8_000_000): s += i"]
    t = time.perf_counter()
    subprocess.run(spin, check=True)
    subprocess.run(spin, check=True)
    serial = time.perf_counter() - t
    t = time.perf_counter()
    procs = [subprocess.Popen(spin) for _ in range(2)]
    for p in procs:
        p.wait()
    return serial / (time.perf_counter() - t)


def startup() -> dict[str, float]:
    def timed(cmd: list[str]) -> float:
        times = []
        for _ in range(10):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - t)
        return min(times)
    return {"python": timed([sys.executable, "-c", "pass"]),
            "help": timed([sys.executable, "-m", "oidocs", "--help"])}


PARTS = ("one", "batch", "memory", "startup", "pdf", "compare", "serve", "scale")
DEFAULT = ("one", "batch", "memory", "startup", "pdf", "compare", "serve")  # scale takes many minutes: ask for it


def scale_rows(small: int, big: int) -> list[tuple[str, str, str]]:
    """Peak memory of a batch of ``small`` and of ``big`` deals, --jobs 1 and --jobs 2 (main + each worker)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        measured = {}
        for n in (small, big):
            folder = Path(tmp, f"d{n}")
            folder.mkdir()
            make_deals(folder, n)
            for jobs in (1, 2):
                measured[n, jobs] = batch_accounts(folder, Path(tmp, f"o{n}-{jobs}"), jobs)
            shutil.rmtree(Path(tmp, f"o{n}-1"))
            shutil.rmtree(Path(tmp, f"o{n}-2"))
        for jobs in (1, 2):
            a, b = measured[small, jobs], measured[big, jobs]
            if jobs == 1:
                text = f"{a['rss_main']:.0f} / {b['rss_main']:.0f} MiB"
                ratio = b["rss_main"] / a["rss_main"]
            else:
                text = (f"{a['rss_main']:.0f} + 2 x {a['rss_worker']:.0f} / "
                        f"{b['rss_main']:.0f} + 2 x {b['rss_worker']:.0f} MiB")
                ratio = (b["rss_main"] + 2 * b["rss_worker"]) / (a["rss_main"] + 2 * a["rss_worker"])
            rows.append((f"peak memory, {small} / {big} deals (--jobs {jobs}{', main + each worker' if jobs == 2 else ''})",
                         text, f"ratio {ratio:.2f} (flat: ~1)"))
        b1, b2 = measured[big, 1], measured[big, 2]
        rows.append((f"batch of {big} deals in CPU time: --jobs 1 / --jobs 2 main process + workers",
                     f"{b1['main']:.1f} s / {b2['main']:.1f} + {b2['workers']:.1f} s",
                     f"on two free cores {b1['main'] / (b2['main'] + b2['workers'] / 2):.2f}x"))
    return rows


def main() -> None:
    global clock
    parser = argparse.ArgumentParser()
    parser.add_argument("--deals", type=int, default=100)
    parser.add_argument("--big", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=None,
                        help="deals in the batch row (default: --deals); 1000 is the issue's target, one run each")
    parser.add_argument("--scale", type=int, default=10_000,
                        help="deals of the opt-in scale row (--only scale: memory at --deals and at this many)")
    parser.add_argument("--only", default=",".join(DEFAULT),
                        help="comma-separated rows to measure: " + ", ".join(PARTS) + " (default: all but scale)")
    parser.add_argument("--clock", choices=sorted(CLOCK), default="wall",
                        help="per-agreement rows in wall or CPU seconds (cpu: for a machine others share)")
    args = parser.parse_args()
    only = set(args.only.split(","))
    if only - set(PARTS):
        parser.error(f"--only: unknown {', '.join(sorted(only - set(PARTS)))}; choose from {', '.join(PARTS)}")
    clock = CLOCK[args.clock]
    args.batch_size = args.batch_size or args.deals
    from oidocs import api

    per_deal = len(api.docs_in(api.read_deal(EXAMPLE)))
    docs = per_deal * args.deals
    rows = []
    if "one" in only:
        one = one_agreement()
        rows += [
            ("one agreement, DOCX + Markdown (NDA, %d paragraphs)" % one["paragraphs"], f"{one['oidocs'] * 1000:.1f} ms", ""),
            ("docxtpl: load, render, save the same number of paragraphs", f"{one['docxtpl'] * 1000:.1f} ms",
             f"oidocs = {one['oidocs'] / one['docxtpl']:.2f}x (target <= 0.5x)"),
            ("floor: deflate the same document's parts into a zip", f"{one['floor'] * 1000:.1f} ms",
             f"oidocs = {one['oidocs'] / one['floor']:.2f}x (target <= 2x)"),
        ]
    with tempfile.TemporaryDirectory() as tmp:
        small, big = Path(tmp, "small"), Path(tmp, "big")
        small.mkdir()
        big.mkdir()
        make_deals(small, args.deals)
        if "batch" in only:
            sized = small
            if args.batch_size != args.deals:
                sized = Path(tmp, "sized")
                sized.mkdir()
                make_deals(sized, args.batch_size)
            n = args.batch_size
            runs = [(_batch_once(sized, Path(tmp, "o1"), 1), _batch_once(sized, Path(tmp, "o2"), 2))
                    for _ in range(5 if n <= 200 else 1)]
            parallel = max(machine_parallelism() for _ in range(3))
            t1 = min(r[0][0] for r in runs)  # interleaved, best of five: a shared machine is noisy
            t2 = min(r[1][0] for r in runs)
            one, two = batch_accounts(sized, Path(tmp, "o1"), 1), batch_accounts(sized, Path(tmp, "o2"), 2)
            ideal = one["main"] / (two["main"] + two["workers"] / 2)
            rows += [
                (f"batch of {n} deals ({per_deal * n} agreements + sheets and calendars), --jobs 1", f"{t1:.2f} s",
                 f"{per_deal * n / t1:.0f} agreements/s"),
                (f"batch of {n} deals, --jobs 2", f"{t2:.2f} s", f"speed-up {t1 / t2:.2f}x (target >= 1.8x)"),
                ("the machine itself: two CPU-bound processes at once vs one after the other", f"{parallel:.2f}x",
                 "2.0 on two free cores"),
                (f"batch of {n} deals in CPU time: --jobs 1 / --jobs 2 main process + workers",
                 f"{one['main']:.2f} s / {two['main']:.2f} + {two['workers']:.2f} s",
                 f"serial {two['main'] / (two['main'] + two['workers']):.1%}; on two free cores "
                 f"{ideal:.2f}x (target >= 1.8x)"),
            ]
        if "memory" in only:
            make_deals(big, args.big)
            _, m1 = _batch_once(small, Path(tmp, "o1"), 1)
            tb, mb = _batch_once(big, Path(tmp, "o3"), 1)
            rows += [
                (f"peak memory, {args.deals} deals / {args.big} deals (--jobs 1)", f"{m1:.0f} / {mb:.0f} MiB",
                 f"ratio {mb / m1:.2f} (flat: ~1)"),
                (f"batch of {args.big} deals, --jobs 1", f"{tb:.2f} s", f"{per_deal * args.big / tb:.0f} agreements/s"),
            ]
    if "scale" in only:
        rows += scale_rows(args.deals, args.scale)
    if "startup" in only:
        start = startup()
        rows.append(("`python -c pass` / `oidocs --help`", f"{start['python'] * 1000:.0f} / {start['help'] * 1000:.0f} ms",
                     f"{start['help'] / start['python']:.1f}x (target <= 2x)"))
    pdfs = pdf_cost() if "pdf" in only else None
    if pdfs:
        rows += [
            ("one agreement as DOCX (the pack's documents, ja and en, on average)", f"{pdfs['docx'] * 1000:.1f} ms", ""),
            (f"one agreement as PDF, {pdfs['n']:.0f} converted in one LibreOffice call", f"{pdfs['many'] * 1000:.0f} ms",
             f"{pdfs['many'] / pdfs['docx']:.0f}x the DOCX"),
            ("one agreement as PDF alone (LibreOffice start-up included)", f"{pdfs['alone'] * 1000:.0f} ms",
             "why a pack or a batch worker starts one converter"),
        ]
    if "compare" in only:
        rows += compare_rows(compare_cost(), compare_big())
    served = serve_preview() if "serve" in only else None
    if served:
        rows += [
            ("`oidocs serve`: one keystroke, every tab of the full pack (YAML, validation, 5 documents, review sheet)",
             f"{served['pack'] * 1000:.0f} ms", "target < 500 ms"),
            ("`oidocs serve`: one keystroke, the tab in view (YAML, validation, the JDA)",
             f"{served['tab'] * 1000:.0f} ms", "what the page waits for"),
        ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Measured on {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load:.1f} "
          f"at the end; per-agreement rows in {args.clock} time.\n")
    print("| measure | result | note |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def compare_rows(small: dict[str, float] | None, big: dict[str, float] | None) -> list[tuple[str, str, str]]:
    """The table rows of the two comparisons (25 and 256 articles)."""
    rows = []
    for label, measured in (("25", small), ("256", big)):
        if measured:
            rows.append((f"compare two {label}-article agreements: issue sheet / sheet + redline",
                         f"{measured['sheet'] * 1000:.0f} ms / " + (f"{measured['both']:.2f} s" if "both" in measured
                                                                     else "(no engine)"),
                         "target < 3 s"))
    return rows


if __name__ == "__main__":
    main()
