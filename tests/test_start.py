"""The first ten minutes: `oidocs init` (starter and interactive) and `oidocs schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from conftest import DEALS, run
from test_docs_reference import field_paths

from oidocs import api
from oidocs.deal.dealfile import parse_deal
from oidocs.errors import OidocsError
from oidocs.deal.schema import SCHEMA_DIALECT, SCHEMA_FILE, deal_schema
from oidocs.deal.starter import interactive_deal, starter_yaml
from oidocs.deal.yamlsource import load_text

LANGS = ["ja", "en"]


def _deal(text: str) -> Any:
    return parse_deal(load_text(text, "<test>"))


def uncomment(text: str, key: str, indent: int = 0) -> str:
    """Remove the "# " at column ``indent`` of the commented block that starts with ``key:``.

    The block runs while its lines are deeper-indented comments ("#  ..." at ``indent``),
    as an editor's toggle-comment of the selected block would.
    """
    lead = " " * indent
    out, inside = [], False
    for line in text.split("\n"):
        if not inside and line.startswith(f"{lead}# {key}:"):
            inside = True
        elif inside and not line.startswith(f"{lead}#  "):
            inside = False
        out.append(line[:indent] + line[indent + 2:] if inside else line)
    result = "\n".join(out)
    assert result != text, f"no commented block {key!r} at indent {indent}"
    return result


def full_starter(lang: str) -> str:
    """The starter with its sections, the third party and the joint_filing model switched on."""
    text = starter_yaml(lang)
    for section in ("mou", "poc", "jda", "ip", "licence"):
        text = uncomment(text, section)
    return uncomment(text, "- key", 2)


def everything(lang: str) -> str:
    """Every commented key switched on: a structure to inspect, not a valid deal."""
    text = full_starter(lang)
    for key in ("discloser", "cost_shares", "exclusive_field", "background_licence", "licensor_practises", "first_sale_years"):
        text = uncomment(text, key, 2)
    return text


def key_lines(text: str) -> dict[str, int]:
    """Map each key path of the YAML text (``parties[].kind``) to the 0-based line of its first use."""
    found: dict[str, int] = {}

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                sub = f"{path}.{key.value}" if path else key.value
                found.setdefault(sub, key.start_mark.line)
                walk(value, sub)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, path + "[]")

    walk(yaml.compose(text), "")
    return found


# ---- the starter -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_init_writes_a_starter_that_validates(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "deal.yaml"
    result = run("init", "--lang", lang, "--out", out)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    assert f"oidocs validate {out}" in result.output
    assert f"oidocs pack --config {out}" in result.output
    checked = run("validate", out)
    assert checked.exit_code == 0, checked.stderr
    assert "pack makes: nda" in checked.output
    assert _deal(text).language == lang
    assert not list(tmp_path.glob(".*.tmp"))


def test_init_default_is_deal_yaml_in_japanese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init").exit_code == 0
    assert (tmp_path / "deal.yaml").read_text(encoding="utf-8") == starter_yaml("ja")


@pytest.mark.parametrize("interactive", [False, True])
def test_init_never_overwrites(tmp_path: Path, interactive: bool) -> None:
    out = tmp_path / "deal.yaml"
    out.write_text("my deal", encoding="utf-8")
    args = ["init", "--out", str(out)] + (["--interactive"] if interactive else [])
    from oidocs.cli import main

    result = CliRunner().invoke(main, args, input="x\n" * 80)
    assert result.exit_code == 1
    assert f"{out}: exists already; nothing was written" in result.stderr
    assert out.read_text(encoding="utf-8") == "my deal"
    assert result.stdout == "", "nothing is asked when the file exists"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.yaml"]


@pytest.mark.parametrize("lang", LANGS)
def test_starter_sections_switch_on_and_pack(tmp_path: Path, lang: str) -> None:
    deal_file = tmp_path / "deal.yaml"
    deal_file.write_text(full_starter(lang), encoding="utf-8")
    deal = _deal(deal_file.read_text(encoding="utf-8"))
    assert api.docs_in(deal) == ["nda", "mou", "poc", "jda", "licence"]
    assert len(deal.parties) == 3
    result = run("pack", "--config", deal_file, "--out", tmp_path / "drafts", "--format", "md")
    assert result.exit_code == 0, result.stderr
    made = {p.name for p in (tmp_path / "drafts").iterdir()}
    assert {f"sample-2026-{doc}-{lang}.md" for doc in ("nda", "mou", "poc", "jda", "licence")} <= made


@pytest.mark.parametrize("lang", LANGS)
def test_starter_ip_and_nda_variants_validate(lang: str) -> None:
    text = full_starter(lang)
    data = yaml.safe_load(uncomment(uncomment(text, "exclusive_field", 2), "background_licence", 2))
    data["ip"]["model"] = "exclusive_field"
    del data["ip"]["joint_filing"]
    assert _deal(yaml.safe_dump(data, allow_unicode=True)).ip.exclusive_field.holder == "alpha"

    data = yaml.safe_load(uncomment(text, "background_licence", 2))
    deal = _deal(yaml.safe_dump(data, allow_unicode=True))
    assert deal.ip.model == "joint_filing" and deal.ip.background_licence.licensors == ["alpha", "beta"]

    data["ip"] = {"model": "background_licence", "background_licence": data["ip"]["background_licence"]}
    assert _deal(yaml.safe_dump(data, allow_unicode=True)).ip.model == "background_licence"

    data = yaml.safe_load(uncomment(uncomment(text, "discloser", 2), "cost_shares", 2))
    data["nda"]["mutual"] = False
    data["jda"]["costs"] = "shared"
    deal = _deal(yaml.safe_dump(data, allow_unicode=True))
    assert deal.nda.discloser == "alpha" and deal.jda.cost_shares == {"alpha": 60, "beta": 40}


@pytest.mark.parametrize("lang", LANGS)
def test_starter_shows_and_explains_every_key(lang: str) -> None:
    text = everything(lang)
    lines = text.splitlines()
    found = key_lines(text)
    for path, field in field_paths():
        assert path in found, f"the {lang} starter lacks {path}"
        line = lines[found[path]]
        above = lines[found[path] - 1]
        assert " # " in line or above.startswith("# ----"), f"{path} has no comment: {line!r}"
        if (field.description or "").startswith("oidocs extension"):
            assert ("oidocs 拡張" if lang == "ja" else "oidocs extension") in line, path


def test_starter_rejects_unknown_language() -> None:
    with pytest.raises(ValueError):
        starter_yaml("fr")


# ---- interactive -------------------------------------------------------------------------------

JA_ANSWERS = [
    "bad id!", "acme-nano-2027",          # deal id: re-asked
    "",                                   # language: ja (default)
    "2026-13-01", "２０２６-１２-０１",      # date: impossible, then full-width digits
    "",                                   # 2 parties
    "Acme", "acme", "株式会社アクメ精工", "sme", "東京都足立区千住一丁目2番3号", "代表取締役 山田 太郎",
    "acme", "no", "nano", "ナノテック株式会社", "startup", "京都府京都市左京区吉田本町4番5号", "代表取締役 佐藤 花子",
    "空気殺菌装置の共同開発の可否を検討すること",
    "",                                   # court: default
    "",                                   # mutual NDA
    "y", "試作機を製作すること；製品化を判断すること", "精密加工", "光触媒材料の提供",
    "y", "", "", "組込み試験; 除去率の測定", "2027-01-10", "2027-01-01", "2027-03-31", "many", "3,000,000円",
    "y", "殺菌ユニットの開発", "筐体設計; 試作", "材料改良", "2027-06-01", "2028-05-31",
    "exclusive_field", "", "", "業務用空調機器",
    "", "", "",                           # no licence; balanced; on paper
]


def _interactive(args: list[str], answers: list[str]) -> Any:
    from oidocs.cli import main

    return CliRunner().invoke(main, ["init", "--interactive", *args], input="\n".join(answers) + "\n")


def test_interactive_init_makes_a_deal_that_packs(tmp_path: Path) -> None:
    out = tmp_path / "deal.yaml"
    result = _interactive(["--out", str(out)], JA_ANSWERS)
    assert result.exit_code == 0, result.output
    assert "当事者キー" in result.output and "はもう使われています" in result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    deal = _deal(text)
    assert deal.deal_id == "acme-nano-2027" and str(deal.date) == "2026-12-01"
    assert [p.key for p in deal.parties] == ["acme", "nano"]
    assert deal.court == "東京地方裁判所" and deal.nda.mutual
    assert deal.mou.objectives == ["試作機を製作すること", "製品化を判断すること"]
    assert (deal.poc.performer, deal.poc.client, deal.poc.fee.amount) == ("nano", "acme", 3_000_000)
    assert str(deal.poc.end) == "2027-03-31"
    assert deal.jda.roles == {"acme": ["筐体設計", "試作"], "nano": ["材料改良"]}
    assert (deal.ip.exclusive_field.owner, deal.ip.exclusive_field.holder) == ("acme", "nano")
    assert run("validate", out).exit_code == 0
    packed = run("pack", "--config", out, "--out", tmp_path / "drafts", "--format", "md")
    assert packed.exit_code == 0, packed.stderr
    made = {p.name for p in (tmp_path / "drafts").iterdir()}
    assert "acme-nano-2027-nda-ja.md" in made
    assert {f"acme-nano-2027-{d}-ja.md" for d in api.docs_in(deal)} <= made


def test_interactive_values_are_data(tmp_path: Path) -> None:
    """Answers that YAML or a template would read as something else are written as text."""
    out = tmp_path / "deal.yaml"
    odd = ["yes", "#1 {{ deal.purpose }}", "null", "- item: x", "'quoted\"", "{% raw %}"]
    answers = [
        "odd-1", "en", "",                           # id, language, no date
        "3",
        "p1", odd[0], "", odd[1], odd[2],            # kind: other (default)
        "p2", odd[3], "university", odd[4], odd[5],
        "p3", "C Corp", "other", "Tokyo", "CEO",
        "true",                                      # purpose
        "Osaka District Court",
        "n", "p2",                                   # one-way NDA, discloser p2
        "n", "n", "n",                               # no MOU, PoC, JDA: no IP question
        "n", "", "",                                 # no licence; balanced; on paper
    ]
    result = _interactive(["--out", str(out), "--lang", "en"], answers)
    assert result.exit_code == 0, result.output
    deal = _deal(out.read_text(encoding="utf-8"))
    assert [p.name for p in deal.parties] == ["yes", "- item: x", "C Corp"]
    assert [p.address for p in deal.parties] == ["#1 {{ deal.purpose }}", "'quoted\"", "Tokyo"]
    assert deal.parties[0].representative == "null" and deal.parties[0].kind == "other"
    assert deal.purpose == "true" and deal.date is None
    assert deal.nda.discloser == "p2" and deal.ip is None
    assert api.docs_in(deal) == ["nda"]
    assert run("nda", "--config", out, "--out", tmp_path / "o", "--format", "md").exit_code == 0


def test_interactive_without_say_puts_the_problem_in_the_next_question() -> None:
    asked: list[str] = []
    answers = iter(["Bad Id", "d1", "", "k1", "A", "a", "r", "k2", "B", "b", "r", "purpose", "court"])

    def ask(prompt: str, default: str | None = None) -> str:
        asked.append(prompt)
        return next(answers)

    text = interactive_deal(ask, lambda p, d=False: d, lambda p, c, d=None: d or c[0], "en")
    assert asked[0] == asked[1][-len(asked[0]):] and asked[1].startswith("! ")
    assert _deal(text).deal_id == "d1"


def test_interactive_gives_up_after_many_invalid_answers() -> None:
    with pytest.raises(OidocsError, match="nothing was written"):
        interactive_deal(lambda p, d=None: "not an id!", lambda p, d=False: d, lambda p, c, d=None: c[0], "en")


# ---- schema ------------------------------------------------------------------------------------


def _objects(node: Any, where: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append((where, node))
        for key, value in node.items():
            found += _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _objects(value, f"{where}/{i}")
    return found


def test_schema_command_prints_a_complete_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == SCHEMA_DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"] and schema["description"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"version", "deal_id", "parties", "purpose"}
    objects = _objects(schema)
    assert len(objects) == 17  # Deal and its 16 nested models (text maps, licence and its royalty, royalty among them)
    for where, node in objects:
        assert node["additionalProperties"] is False, where
        for name, prop in node["properties"].items():
            assert prop.get("title") and prop.get("description"), f"{where}/{name}"
    assert schema["properties"]["date"]["anyOf"][0] == {"type": "string", "format": "date"}
    assert schema["$defs"]["Poc"]["properties"]["start"]["format"] == "date"
    assert run("schema").stdout == result.stdout, "the output is deterministic"
    assert "甲乙丙丁" in result.stdout, "non-ASCII text is written as is (ensure_ascii off)"


def test_schema_out_writes_once_and_keeps_other_files(tmp_path: Path) -> None:
    out = tmp_path / "deal.schema.json"
    assert run("schema", "--out", out).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == deal_schema()
    assert "up to date" in run("schema", "--out", out).output
    out.write_text("{}", encoding="utf-8")
    refused = run("schema", "--out", out)
    assert refused.exit_code == 1 and "exists already" in refused.stderr
    assert out.read_text(encoding="utf-8") == "{}"
    assert run("schema", "--out", out, "--force").exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["$id"] == deal_schema()["$id"]


def test_help_shows_examples() -> None:
    for command in ("init", "schema"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "Example:" in result.output and f"oidocs {command}" in result.output


def _validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = deal_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def _errors(validator: Any, text: str) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(load_text(text, "<t>").data)]


def test_shipped_deals_and_starters_pass_the_schema() -> None:
    validator = _validator()
    for path in DEALS:
        text = path.read_text(encoding="utf-8")
        try:
            _deal(text)
        except OidocsError:
            continue  # a fixture meant to fail validation
        assert _errors(validator, text) == [], path.name
    for lang in LANGS:
        assert _errors(validator, starter_yaml(lang)) == []
        assert _errors(validator, full_starter(lang)) == []


def test_schema_catches_what_an_editor_should_flag() -> None:
    validator = _validator()
    base = starter_yaml("en")
    assert any("additional" in e.lower() for e in _errors(validator, base + "nda_terms: 1\n"))
    assert _errors(validator, base.replace("date: 2026-12-01", "date: 2026-13-01"))
    assert _errors(validator, base.replace("kind: sme", "kind: smb"))
    assert _errors(validator, base.replace("# discloser: alpha", "discloser: Alpha"))
    assert _errors(validator, full_starter("en").replace("shares: {alpha: 50", "shares: {Alpha: 50"))
