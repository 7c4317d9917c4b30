"""`oidocs serve`'s page in a real browser: Playwright driving the system's Chromium.

What a person who has never seen YAML does: open the page, fill in the parties, switch the PoC
on, read 第1条 and their company's name in the preview, make a mistake and see it at the field,
download the pack and open its Word file. Skips on a developer's machine without Chromium or
Playwright (saying so); CI installs both (.ci/run), and there a missing browser fails the test.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
import zipfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from conftest import docx_paragraphs

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install -e '.[test,serve]' playwright)"
    if not os.path.exists(CHROMIUM):
        return "Chromium is not installed (apt-get install chromium)"
    return None


if _missing():
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must run the browser tests: {_missing()}")
    pytest.skip(str(_missing()), allow_module_level=True)

from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from oidocs.serve.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    context = browser.new_context(locale="ja-JP", accept_downloads=True, viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server)
    pg.wait_for_selector("body[data-ready='1']", timeout=20000)
    yield pg
    context.close()
    assert not errors, errors


def fill(page: Page, path: str, value: str) -> None:
    page.locator(f'[name="{path}"]').fill(value)


def test_a_newcomer_makes_the_acme_pack(page: Page, tmp_path: Path) -> None:
    preview = page.locator("#preview")
    expect(preview).to_contain_text("第1条", timeout=10000)  # the starter's NDA, first content

    fill(page, "deal_id", "acme-nano-2026")
    for i, (key, name, kind, address, rep) in enumerate([
        ("acme", "株式会社アクメ精工", "sme", "東京都足立区千住一丁目2番3号", "代表取締役 山田 太郎"),
        ("nano", "ナノテック株式会社", "startup", "京都府京都市左京区吉田本町4番5号", "代表取締役 佐藤 花子"),
    ]):
        fill(page, f"parties.{i}.key", key)
        fill(page, f"parties.{i}.name", name)
        page.locator(f'[name="parties.{i}.kind"]').select_option(kind)
        fill(page, f"parties.{i}.address", address)
        fill(page, f"parties.{i}.representative", rep)
    fill(page, "purpose", "空気殺菌装置の共同開発の可否を検討すること")
    expect(preview).to_contain_text("株式会社アクメ精工", timeout=5000)

    page.locator('[name="on.poc"]').check()  # the PoC on: its sample terms, with our parties in place
    expect(page.locator('[name="poc.client"]')).to_have_value("acme")
    expect(page.locator('[name="on.ip"]')).to_be_checked()  # a PoC needs the IP section: switched on with it
    page.locator('#doctabs button[data-doc="poc"]').click()
    expect(preview.locator("h1")).to_have_text("技術検証（PoC）契約書", timeout=5000)
    expect(preview.locator("h2").first).to_have_text("第1条（目的）")
    expect(preview).to_contain_text("株式会社アクメ精工")
    expect(preview).to_contain_text("ナノテック株式会社")

    # A mistake is shown at its field, in Japanese; the preview keeps the last good text.
    fill(page, "poc.fee.amount", "-5")
    bad = page.locator('.field[data-path="poc.fee.amount"]')
    expect(bad).to_have_class("field bad", timeout=5000)
    expect(bad.locator(".err")).to_contain_text("0")
    assert any("\u3040" <= ch <= "\u30ff" for ch in bad.locator(".err").inner_text())
    fill(page, "poc.fee.amount", "3000000")
    expect(page.locator('.field[data-path="poc.fee.amount"]')).to_have_class("field", timeout=5000)
    expect(page.locator("#problems")).to_be_empty()

    with page.expect_download() as info:
        page.locator("#pack").click()
    download = info.value
    assert download.suggested_filename == "acme-nano-2026-pack.zip"
    with zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes())) as zf:
        names = zf.namelist()
        assert "acme-nano-2026/acme-nano-2026-poc-ja.docx" in names
        assert "acme-nano-2026/acme-nano-2026-nda-ja.docx" in names
        (tmp_path / "poc.docx").write_bytes(zf.read("acme-nano-2026/acme-nano-2026-poc-ja.docx"))
    text = "\n".join("".join(p.run_strings) for p in docx_paragraphs(tmp_path / "poc.docx"))
    assert "株式会社アクメ精工" in text and "ナノテック株式会社" in text


def test_the_yaml_view_and_the_form_follow_each_other(page: Page) -> None:
    page.locator('#lefttabs button[data-pane="yaml"]').click()
    yaml_box = page.locator("#yaml")
    text = yaml_box.input_value()
    assert "name: 株式会社アルファ精機" in text
    yaml_box.fill(text.replace("株式会社アルファ精機", "株式会社ヤムル"))
    page.locator('#lefttabs button[data-pane="form"]').click()
    expect(page.locator('[name="parties.0.name"]')).to_have_value("株式会社ヤムル", timeout=5000)
    expect(page.locator("#preview")).to_contain_text("株式会社ヤムル")
    fill(page, "parties.1.name", "フォーム株式会社")
    expect(yaml_box).to_have_value(__import__("re").compile("name: フォーム株式会社"), timeout=5000)


def test_parties_are_added_and_removed(page: Page) -> None:
    page.locator('[data-add="parties"]').click()
    fill(page, "parties.2.name", "丙野大学")
    fill(page, "parties.2.address", "北海道札幌市北区北8条西5丁目")
    fill(page, "parties.2.representative", "学長 北野 一郎")
    expect(page.locator("#preview")).to_contain_text("丙野大学", timeout=5000)
    expect(page.locator("#preview")).to_contain_text("丙")
    page.locator('[data-remove="parties.2"]').click()
    expect(page.locator("#preview")).not_to_contain_text("丙野大学", timeout=5000)
    assert page.locator('[data-remove="parties.1"]').is_disabled()  # two parties at least


def test_deal_text_stays_text_in_the_page(page: Page) -> None:
    fill(page, "parties.0.name", '<img src=x onerror="window.hacked=1">株式会社')
    expect(page.locator("#preview")).to_contain_text('<img src=x onerror="window.hacked=1">株式会社', timeout=5000)
    assert page.evaluate("window.hacked === undefined")
    assert page.locator("#preview img").count() == 0


def test_renaming_a_party_key_renames_its_references(page: Page) -> None:
    page.locator('[name="on.mou"]').check()
    expect(page.locator('[name="mou.roles.alpha"]')).to_be_visible()
    key = page.locator('[name="parties.0.key"]')
    key.fill("acme")
    key.press("Tab")
    expect(page.locator('[name="mou.roles.acme"]')).to_be_visible(timeout=5000)
    expect(page.locator('[name="mou.roles.alpha"]')).to_have_count(0)
    expect(page.locator("#problems")).to_be_empty()
    page.locator('#doctabs button[data-doc="mou"]').click()
    expect(page.locator("#preview h1")).to_have_text("基本合意書", timeout=5000)


def test_a_bilingual_deal_gives_each_text_a_japanese_and_an_english_box(page: Page) -> None:
    from conftest import ROOT

    page.locator('#lefttabs button[data-pane="yaml"]').click()
    page.locator("#yaml").fill((ROOT / "examples" / "minato-rhein-bilingual.yaml").read_text(encoding="utf-8"))
    page.locator('#lefttabs button[data-pane="form"]').click()
    expect(page.locator("#bilingual")).to_be_checked(timeout=5000)
    expect(page.locator('[name="parties.0.name.ja"]')).to_have_value("株式会社みなと光学")
    expect(page.locator('[name="parties.0.name.en"]')).to_have_value("Minato Optics Co., Ltd.")
    page.locator('[name="parties.0.name.en"]').fill("Minato Optical Works Co., Ltd.")
    page.locator("#lang").select_option("ja+en")
    preview = page.locator("#preview")
    expect(preview).to_contain_text("Minato Optical Works Co., Ltd.", timeout=5000)
    expect(preview).to_contain_text("株式会社みなと光学")
    # An English text taken away is named at its field when the English side is asked for.
    page.locator('[name="parties.0.name.en"]').fill("")
    bad = page.locator('.field[data-path="parties.0.name"]')
    expect(bad).to_have_class("field bad", timeout=5000)


def _leaves(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, str(i)))
    else:
        yield ".".join(path), value


def test_every_value_of_the_acme_deal_has_its_field_on_the_form(page: Page) -> None:
    """The form can say everything the shipped acme deal says, each value in its own control."""
    import yaml
    from conftest import ROOT

    text = (ROOT / "examples" / "acme-nano-ja.yaml").read_text(encoding="utf-8")
    page.locator('#lefttabs button[data-pane="yaml"]').click()
    page.locator("#yaml").fill(text)
    page.locator('#lefttabs button[data-pane="form"]').click()
    expect(page.locator('[name="parties.0.name"]')).to_have_value("株式会社アクメ精工", timeout=5000)
    fixed = {"version", "governing_law", "poc.fee.currency", "licence.royalty.currency"}  # one allowed value: no control
    checked = 0
    for path, value in _leaves(yaml.load(text, Loader=yaml.BaseLoader)):
        if path in fixed:
            continue
        control = page.locator(f'[name="{path}"]')
        assert control.count() == 1, f"no field for {path}"
        if value in ("true", "false"):
            assert control.is_checked() == (value == "true"), path
        else:
            assert control.input_value() == value, path
        checked += 1
    assert checked > 60
    for section in ("mou", "poc", "jda", "ip", "licence"):
        expect(page.locator(f'[name="on.{section}"]')).to_be_checked()


def test_load_a_deal_file_save_it_and_download_one_document(page: Page, tmp_path: Path) -> None:
    import yaml
    from conftest import ROOT

    acme = ROOT / "examples" / "acme-nano-ja.yaml"
    page.locator("#load").set_input_files(str(acme))
    expect(page.locator('[name="parties.1.name"]')).to_have_value("ナノテック株式会社", timeout=5000)
    with page.expect_download() as info:
        page.locator("#save").click()
    saved = info.value
    assert saved.suggested_filename == "acme-nano-2026.yaml"
    as_saved = yaml.load(Path(saved.path()).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert as_saved == yaml.load(acme.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    page.locator('#doctabs button[data-doc="licence"]').click()
    expect(page.locator("#preview h1")).to_contain_text("ライセンス契約書", timeout=5000)
    with page.expect_download() as info:
        page.locator('.downloads button[data-format="docx"]').click()
    docx = info.value
    assert docx.suggested_filename == "acme-nano-2026-licence-ja.docx"
    text = "\n".join("".join(p.run_strings) for p in docx_paragraphs(Path(docx.path())))
    assert "光触媒担持フィルタ及びその製造方法" in text
