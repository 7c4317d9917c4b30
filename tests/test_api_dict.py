"""The Python API takes a mapping (a sheet row, a web form) and says what is wrong as a file would.

Spec (cli.md, Library API): deal_from_dict(data, source=...) with the same messages as a file;
check_pack(deal) returns the checks' warnings; render_pack(..., strict=True) raises on them.
Errors are importable from ``oidocs``; a wrong format or language is a clear error.
"""

from __future__ import annotations

import copy

import pytest
import yaml
from conftest import ROOT, run

import oidocs

BASE = yaml.safe_load((ROOT / "examples" / "acme-nano-ja.yaml").read_text(encoding="utf-8"))


def data(**changes: object) -> dict:
    result = copy.deepcopy(BASE)
    for path, value in changes.items():
        node = result
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[keys[-1]] = value
    return result


def test_a_dict_becomes_a_deal_that_renders_every_document() -> None:
    deal = oidocs.deal_from_dict(data(), source="form")
    files = oidocs.render_pack(deal)
    assert {"acme-nano-2026-poc-ja.docx", "acme-nano-2026-jda-ja.md"} <= set(files)


def test_a_bad_dict_gets_the_messages_of_a_file_naming_the_source(tmp_path, monkeypatch) -> None:
    bad = data(poc__fee__amount="250万円", purpos="x")
    with pytest.raises(oidocs.DealError) as caught:
        oidocs.deal_from_dict(bad, source="rows.csv:3")
    lines = caught.value.lines()
    deal_file = tmp_path / "deal.yaml"
    deal_file.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    from_file = run("validate", deal_file).stderr.strip().splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == [line.split(": ", 1)[1] for line in from_file]
    assert "rows.csv:3: poc.fee.amount: write the amount in digits only, e.g. 2500000" in "\n".join(lines)
    monkeypatch.setenv("OIDOCS_LANG", "ja")
    with pytest.raises(oidocs.DealError) as caught:
        oidocs.deal_from_dict(bad, source="form")
    assert "form: poc.fee.amount: 金額は数字だけで書いてください（例: 2500000）" in str(caught.value)
    with pytest.raises(oidocs.DealError):
        oidocs.deal_from_dict(["not", "a", "mapping"], source="form")


def test_errors_are_exported_from_the_package() -> None:
    from oidocs import ClauseError, DealError, OidocsError, OutputExistsError, Problem

    assert issubclass(DealError, OidocsError) and issubclass(OutputExistsError, OidocsError)
    assert issubclass(ClauseError, OidocsError) and Problem("f", 1, 2, "p", "m").message == "m"


@pytest.mark.parametrize("kwargs, words", [
    ({"fmt": "odt"}, "unknown format 'odt'; choose docx, md or pdf"),
    ({"lang": "fr"}, "unknown language 'fr'; choose one of ja, en, ja+en, en+ja"),
])
def test_a_wrong_format_or_language_is_a_clear_error(kwargs: dict, words: str) -> None:
    deal = oidocs.deal_from_dict(data())
    with pytest.raises(oidocs.OidocsError, match=words.replace("+", r"\+")):
        oidocs.render_document(deal, "nda", **kwargs)
    with pytest.raises(oidocs.OidocsError):
        oidocs.render_pack(deal, **({"formats": [kwargs["fmt"]]} if "fmt" in kwargs else kwargs))


def test_a_pdf_from_render_document_is_a_pdf_or_the_install_advice() -> None:
    deal = oidocs.deal_from_dict(data())
    try:
        pdf = oidocs.render_document(deal, "nda", fmt="pdf")
    except oidocs.OidocsError as exc:
        assert "LibreOffice" in str(exc) or "soffice" in str(exc)
    else:
        assert pdf.startswith(b"%PDF")


def test_a_model_validated_deal_renders_instead_of_crashing_in_a_clause() -> None:
    from oidocs.deal.model import Deal

    raw = Deal.model_validate(data(ip={"model": "joint_filing"}))  # skips the defaults read_deal fills in (shares)
    assert "acme-nano-2026-jda-ja.docx" in oidocs.render_pack(raw)


def test_check_pack_and_strict_render_pack() -> None:
    late = oidocs.deal_from_dict(data(jda__date="2027-06-15"), source="late")
    warnings = oidocs.check_pack(late)
    assert warnings and all(isinstance(w, oidocs.Problem) for w in warnings)
    assert any(w.path == "licence.date" for w in warnings), warnings
    assert oidocs.render_pack(late)  # warnings do not stop an ordinary pack
    with pytest.raises(oidocs.DealError, match="licence.date"):
        oidocs.render_pack(late, strict=True)
    assert oidocs.check_pack(oidocs.deal_from_dict(data())) == []


def test_a_section_without_what_it_needs_is_an_error_for_validate_pack_and_the_api(tmp_path) -> None:
    no_ip = {k: v for k, v in data().items() if k not in ("ip", "mou", "jda")}
    deal_file = tmp_path / "deal.yaml"
    deal_file.write_text(yaml.safe_dump(no_ip, allow_unicode=True, sort_keys=False), encoding="utf-8")
    line = next(n for n, text in enumerate(deal_file.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("poc:"))
    for args in (["validate", deal_file], ["pack", "--config", deal_file, "--out", tmp_path / "out"]):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert f"{deal_file}:{line}:1: poc: this section needs the `ip` section too" in result.stderr
    assert not (tmp_path / "out").exists()
    with pytest.raises(oidocs.DealError, match="needs the `ip` section"):
        oidocs.render_pack(oidocs.deal_from_dict(no_ip))
    assert run("nda", "--config", deal_file, "--out", tmp_path / "nda").exit_code == 0  # the NDA needs no ip
