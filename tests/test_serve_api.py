"""`oidocs serve`'s JSON API (spec: cli.md, serve), driven with an HTTP client.

The page is only as good as this API: the deal's YAML text in, problems at their fields in the
user's language, each document as escaped HTML with the DOCX's numbering, the pack as a zip;
nothing on disk, nothing over 10 MB, no file named by a request.
"""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, docx_paragraphs, shipped_markdown

pytest.importorskip("starlette", reason="the serve extra is not installed: pip install 'oidocs[serve]'")
pytest.importorskip("httpx", reason="starlette's test client needs httpx")

from starlette.testclient import TestClient  # noqa: E402

from oidocs.serve.app import MAX_BODY, create_app  # noqa: E402

ACME = ROOT / "examples" / "acme-nano-ja.yaml"
ACME_TEXT = ACME.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(), base_url="http://127.0.0.1")


def post(client: TestClient, path: str, text: str, **params: str) -> Any:
    return client.post(path, content=text.encode("utf-8"), params=params)


def test_validate_gives_no_problems_and_the_documents_for_a_good_deal(client: TestClient) -> None:
    body = post(client, "/api/validate", ACME_TEXT).json()
    assert body["problems"] == [] and body["warnings"] == []
    assert body["docs"] == ["nda", "mou", "poc", "jda", "licence"]


def test_validate_locates_a_problem_at_its_field_in_the_users_language(client: TestClient) -> None:
    bad = ACME_TEXT.replace("amount: 3000000", "amount: 300万円")
    line = next(i for i, t in enumerate(bad.splitlines(), 1) if "300万円" in t)
    ja = post(client, "/api/validate", bad, ui="ja").json()["problems"]
    en = post(client, "/api/validate", bad, ui="en").json()["problems"]
    assert [(p["path"], p["line"]) for p in ja] == [("poc.fee.amount", line)]
    assert "数字" in ja[0]["message"] and "3000000" in ja[0]["message"]
    assert "digits" in en[0]["message"] and not re.search(r"[\u3040-\u30ff]", en[0]["message"].replace("300万円", ""))
    # The browser's language when the page names none.
    accept = client.post("/api/validate", content=bad.encode(), headers={"Accept-Language": "ja-JP,ja;q=0.9"})
    assert accept.json()["problems"][0]["message"] == ja[0]["message"]
    # A request's language does not stick to the server: the next one without it is English (the test locale).
    assert post(client, "/api/validate", bad).json()["problems"][0]["message"] == en[0]["message"]


def test_validate_reports_the_checks_across_the_pack_as_warnings(client: TestClient) -> None:
    late = ACME_TEXT.replace("  date: 2027-05-28", "  date: 2027-06-15")
    body = post(client, "/api/validate", late).json()
    assert body["problems"] == []
    assert {w["path"] for w in body["warnings"]} >= {"licence.date", "mou.term_months"}
    assert all(w["line"] for w in body["warnings"])


def _headings(markdown: str) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", line[3:]) for line in markdown.splitlines() if line.startswith("## ")]


@pytest.mark.parametrize("doc", ["nda", "mou", "poc", "jda", "licence"])
def test_preview_has_the_articles_and_references_of_the_document(client: TestClient, doc: str) -> None:
    html = post(client, "/api/preview", ACME_TEXT, doc=doc).text
    headings = [h for h in re.findall(r"<h2>(.*?)</h2>", html)]
    assert headings == _headings(shipped_markdown(ACME, doc, "ja"))
    assert headings[0].startswith("第1条")
    refs = re.findall(r'<a class="ref" href="#([^"]+)">([^<]+)</a>', html)
    ids = set(re.findall(r'<section class="(?:article|schedule)" id="([^"]+)"', html))
    assert refs and all(target in ids for target, _ in refs)
    labels = dict(re.findall(r'<section class="article" id="([^"]+)"[^>]*><h2>(第\d+条)', html))
    assert any(text.startswith(labels[target]) for target, text in refs if target in labels)


def test_preview_in_english_and_side_by_side(client: TestClient) -> None:
    en = post(client, "/api/preview", ACME_TEXT, doc="nda", lang="en").text
    assert "<h2>Article 1 " in en
    pair = post(client, "/api/preview", ACME_TEXT, doc="nda", lang="ja+en").text
    assert pair.index("第1条") < pair.index("Article 1")


def test_deal_text_is_escaped_in_the_preview_and_the_review_sheet(client: TestClient) -> None:
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)"> **bold** [a](javascript:x)'
    data = yaml.safe_load(ACME_TEXT)
    data["parties"][0]["name"] = evil
    data["purpose"] = "& <b>purpose</b>"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    for html in (post(client, "/api/preview", text, doc="poc").text, post(client, "/api/review", text).text):
        assert "<script" not in html and "<img" not in html and "<b>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "javascript:" not in html.replace("(javascript:x)", "") or "<a href" not in html
    assert "&amp; &lt;b&gt;purpose&lt;/b&gt;" in post(client, "/api/preview", text, doc="nda").text
    sheet = post(client, "/api/review", text).text
    assert "<strong>" in sheet  # the sheet's own bold survives; the deal's "**bold**" is text
    assert "**bold**" in sheet


def test_review_sheet_as_html_with_its_tables(client: TestClient) -> None:
    html = post(client, "/api/review", ACME_TEXT).text
    assert "<h1>レビューシート: acme-nano-2026</h1>" in html
    assert "<td>株式会社アクメ精工</td>" in html
    assert "<th>略称</th>" in html


def test_an_invalid_deal_gives_its_problems_not_a_preview(client: TestClient) -> None:
    reply = post(client, "/api/preview", ACME_TEXT.replace("kind: sme", "kind: smee"), doc="nda")
    assert reply.status_code == 422
    assert reply.json()["problems"][0]["path"] == "parties.0.kind"
    data = yaml.safe_load(ACME_TEXT)
    del data["poc"]
    no_poc = post(client, "/api/preview", yaml.safe_dump(data, allow_unicode=True), doc="poc")
    assert no_poc.status_code == 422 and no_poc.json()["problems"][0]["path"] == "poc"
    assert post(client, "/api/preview", ACME_TEXT, doc="../etc/passwd").status_code == 400
    assert post(client, "/api/preview", ACME_TEXT, doc="nda", lang="fr").status_code == 400
    broken = post(client, "/api/validate", "parties: [\n")
    assert broken.status_code == 200 and broken.json()["problems"][0]["line"]


def test_the_pack_is_a_zip_of_the_pack_with_docx_that_open(client: TestClient, tmp_path: Path) -> None:
    reply = post(client, "/api/pack", ACME_TEXT)
    assert reply.status_code == 200 and reply.headers["content-type"] == "application/zip"
    assert 'filename="acme-nano-2026-pack.zip"' in reply.headers["content-disposition"]
    with zipfile.ZipFile(io.BytesIO(reply.content)) as zf:
        names = zf.namelist()
        assert "acme-nano-2026/acme-nano-2026-poc-ja.docx" in names
        assert "acme-nano-2026/acme-nano-2026-review-ja.md" in names
        assert "acme-nano-2026/acme-nano-2026-manifest.json" in names
        (tmp_path / "poc.docx").write_bytes(zf.read("acme-nano-2026/acme-nano-2026-poc-ja.docx"))
    text = "\n".join("".join(p.run_strings) for p in docx_paragraphs(tmp_path / "poc.docx"))
    assert "株式会社アクメ精工" in text and "検証報告書" in text  # (article numbers are Word numbering)
    assert post(client, "/api/pack", ACME_TEXT).content == reply.content  # same deal, same bytes


def test_one_document_as_docx_or_markdown(client: TestClient) -> None:
    md = client.post("/api/document", content=ACME_TEXT.encode(), params={"doc": "poc", "format": "md"})
    assert md.status_code == 200
    assert 'filename="acme-nano-2026-poc-ja.md"' in md.headers["content-disposition"]
    assert md.text == shipped_markdown(ACME, "poc", "ja")
    docx = client.post("/api/document", content=ACME_TEXT.encode(), params={"doc": "nda", "format": "docx", "lang": "en"})
    assert docx.content[:2] == b"PK" and "acme-nano-2026-nda-en.docx" in docx.headers["content-disposition"]
    bad = client.post("/api/document", content=ACME_TEXT.encode(), params={"doc": "nda", "format": "exe"})
    assert bad.status_code == 400


@pytest.mark.soffice
def test_one_document_as_pdf_when_libreoffice_is_there(client: TestClient) -> None:
    import shutil

    if not shutil.which("soffice") and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")
    pdf = client.post("/api/document", content=ACME_TEXT.encode(), params={"doc": "nda", "format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_body_over_10_mb_is_refused_with_413(client: TestClient) -> None:
    big = b"# " + b"x" * MAX_BODY + b"\n"
    assert client.post("/api/validate", content=big).status_code == 413

    def chunks() -> Any:  # no Content-Length: refused as it streams
        for _ in range(11):
            yield b"#" * (1024 * 1024)
    assert client.post("/api/preview", params={"doc": "nda"}, content=chunks()).status_code == 413
    assert MAX_BODY == 10 * 1024 * 1024
    # Under the request limit but over a deal file's (1 MiB, as `oidocs validate` reads it): a problem, not a crash.
    long = ACME_TEXT + "# " + "x" * (2 << 20) + "\n"
    reply = post(client, "/api/validate", long).json()["problems"]
    assert len(reply) == 1 and "1,048,576" in reply[0]["message"]
    assert post(client, "/api/preview", long, doc="nda").status_code == 422


def test_no_file_is_named_by_a_request_and_other_hosts_are_refused(client: TestClient) -> None:
    assert client.get("/static/app.js").status_code == 200
    for path in ("/static/..%2F__init__.py", "/static/../app.py", "/static/%2e%2e/html.py", "/static/secret"):
        assert client.get(path).status_code == 404
    rebinding = client.get("/", headers={"Host": "attacker.example"})
    assert rebinding.status_code == 400
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "<script src=\"/static/app.js\"" in page.text and "http" not in page.text.replace("http-equiv", "")


def test_nothing_is_written_to_disk(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    post(client, "/api/pack", ACME_TEXT)
    post(client, "/api/document", ACME_TEXT, doc="poc", format="docx")
    post(client, "/api/preview", ACME_TEXT, doc="jda")
    assert list(tmp_path.iterdir()) == []


def test_yaml_and_form_data_round_trip(client: TestClient) -> None:
    data = client.post("/api/yaml-to-data", content=ACME_TEXT.encode()).json()["data"]
    assert data["parties"][1]["name"] == "ナノテック株式会社" and data["poc"]["start"] == "2027-01-10"
    text = client.post("/api/data-to-yaml", json=data).text
    assert "start: 2027-01-10\n" in text and "name: ナノテック株式会社" in text  # dates and Japanese as written
    assert post(client, "/api/preview", text, doc="poc").text == post(client, "/api/preview", ACME_TEXT, doc="poc").text
    assert client.post("/api/data-to-yaml", content=b"[1, 2]").status_code == 400
    assert client.post("/api/yaml-to-data", content=b"a: [").status_code == 422


def test_the_page_starts_from_the_starter_and_its_samples_make_every_document(client: TestClient) -> None:
    starter = client.get("/api/starter", params={"lang": "ja"}).text
    assert "$schema" not in starter.splitlines()[0]
    assert post(client, "/api/validate", starter).json()["docs"] == ["nda"]
    form = client.get("/api/form", params={"lang": "ja"}).json()
    assert form["schema"]["properties"]["parties"]["maxItems"] == 4
    assert form["hints"]["parties.*.name"].startswith("正式名称")
    assert client.get("/api/form", params={"lang": "en"}).json()["hints"]["parties.*.name"] != form["hints"]["parties.*.name"]
    data = client.post("/api/yaml-to-data", content=starter.encode()).json()["data"]
    data.update(form["samples"]["sections"])
    text = client.post("/api/data-to-yaml", json=data).text
    assert post(client, "/api/validate", text).json()["docs"] == ["nda", "mou", "poc", "jda", "licence"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_the_command_says_where_it_listens_and_how_to_stop_it() -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "oidocs", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        assert f"http://127.0.0.1:{port}/" in line and "Ctrl+C" in line
        import httpx

        for _ in range(50):
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert reply.status_code == 200 and "oidocs" in reply.text
        again = subprocess.run([sys.executable, "-m", "oidocs", "serve", "--port", str(port)],
                               capture_output=True, text=True, timeout=60)
        assert again.returncode == 1 and f"127.0.0.1:{port} is in use" in again.stderr
        assert "Traceback" not in again.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_cli_starts_without_the_web_stack_and_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    probe = "import sys, oidocs.cli; print(sorted(m for m in ('starlette', 'uvicorn') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip() == "[]"
    from conftest import run

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if the serve extra were not installed
    result = run("serve")
    assert result.exit_code == 1 and "pip install 'oidocs[serve]'" in result.stderr
