"""Every rule of the deal-file spec: message, line and column, exit code 1, nothing written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import run

GOOD = """\
version: 1
deal_id: t-1
parties:
  - key: aa
    name: A株式会社
    address: 東京都
    representative: 代表取締役 A
  - key: bb
    name: B株式会社
    address: 大阪府
    representative: 代表取締役 B
purpose: 新素材の評価
"""

POC = """\
poc:
  performer: aa
  client: bb
  scope: [試験]
  start: 2027-01-10
  end: 2027-03-31
  fee: {amount: 100, currency: JPY, due_days: 30}
ip:
  model: joint_filing
"""


def errors_for(tmp_path: Path, text: str, command: str = "validate") -> list[str]:
    deal = tmp_path / "deal.yaml"
    deal.write_text(textwrap.dedent(text), encoding="utf-8")
    args = ["validate", deal] if command == "validate" else [command, "--config", deal, "--out", tmp_path / "out"]
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists(), "nothing may be written for a bad deal"
    prefix = f"{deal}:"
    lines = result.stderr.strip().splitlines()
    assert all(line.startswith(prefix) for line in lines), lines
    return [line[len(prefix):] for line in lines]


def test_good_deal_validates(tmp_path: Path) -> None:
    deal = tmp_path / "deal.yaml"
    deal.write_text(GOOD, encoding="utf-8")
    result = run("validate", deal)
    assert result.exit_code == 0
    assert "pack makes: nda" in result.output


@pytest.mark.parametrize(
    "change, expected",
    [
        (("version: 1", "version: 2"), "1:10: version: must be one of 1; got 2"),
        (("deal_id: t-1", "deal_id: -bad"), "2:10: deal_id: '-bad' is not allowed here"),
        (("deal_id: t-1", "deal_id: a/b"), "2:10: deal_id: 'a/b' is not allowed here"),
        (("deal_id: t-1", "deal_id: " + "x" * 65), "2:10: deal_id:"),
        (("  - key: bb", "  - key: aa"), "8:10: parties.1.key: party key is used by an earlier party"),
        (("  - key: bb", "  - key: Bad"), "8:10: parties.1.key: 'Bad' is not allowed here (a party key"),
        (("    name: B株式会社", "    name: ''"), "9:11: parties.1.name: must not be empty"),
        (("    address: 大阪府\n", ""), "8:5: parties.1.address: required key is missing"),
        (("purpose: 新素材の評価", "purpos: 新素材の評価"), "12:1: purpos: unknown key; did you mean `purpose`?"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\nlanguage: fr"), "13:11: language: must be one of 'ja' or 'en'"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\ndate: 2026-13-01"), "13:7: date: not a valid date ('2026-13-01')"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\ngoverning_law: delaware"), "13:16: governing_law: must be one of 'japan'"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\nnda: {mutual: false}"), "13:6: nda.discloser: required when mutual is false"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\nnda: {mutual: false, discloser: zz}"),
         "13:33: nda.discloser: unknown party key 'zz'; the parties are: aa, bb"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\nnda: {term_months: 0}"), "13:20: nda.term_months: input should be greater than or equal to 1"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\nnda: {marking: maybe}"), "13:16: nda.marking: write true or false (got 'maybe')"),
        (("purpose: 新素材の評価", "purpose: 新素材の評価\nnda: {mutal: true}"), "13:7: nda.mutal: unknown key; did you mean `mutual`?"),
    ],
)
def test_rule(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    text = GOOD.replace(*change)
    assert any(e.startswith(expected) for e in errors_for(tmp_path, text)), errors_for(tmp_path, text)


def test_parties_count(tmp_path: Path) -> None:
    one = GOOD[: GOOD.index("  - key: bb")] + "purpose: x\n"
    assert errors_for(tmp_path, one)[0].startswith("4:3: parties: needs at least 2 entries (has 1)")


def test_too_many_parties(tmp_path: Path) -> None:
    party = "  - {key: p%d, name: N, address: A, representative: R}\n"
    text = GOOD.replace("purpose:", "".join(party % i for i in range(3)) + "purpose:")
    assert "4:3: parties: allows at most 4 entries (has 5)" in errors_for(tmp_path, text)


def test_every_problem_at_once(tmp_path: Path) -> None:
    text = GOOD.replace("version: 1", "version: 3").replace("purpose: 新素材の評価", "purpse: x\ndate: 2027-02-30")
    errors = errors_for(tmp_path, text)
    assert len(errors) == 4, errors  # version, unknown key, missing purpose, bad date
    lines = [int(e.split(":")[0]) for e in errors]
    assert lines == sorted(lines), "problems are listed in file order"


@pytest.mark.parametrize(
    "block, expected",
    [
        ("", None),
        (("performer: aa", "performer: zz"), "14:14: poc.performer: unknown party key 'zz'"),
        (("client: bb", "client: aa"), "15:11: poc.client: must differ from performer"),
        (("end: 2027-03-31", "end: 2027-01-01"), "18:8: poc.end: must be after start (2027-01-10)"),
        (("amount: 100", "amount: -5"), "19:17: poc.fee.amount: input should be greater than or equal to 0"),
        (("currency: JPY", "currency: YEN"), "19:32: poc.fee.currency: must be one of 'JPY', 'USD', 'EUR'"),
        (("model: joint_filing", "model: joint"), "21:10: ip.model: must be one of"),
        (("model: joint_filing", "model: joint_filing\n  joint_filing: {shares: {aa: 60, bb: 30}}"),
         "22:26: ip.joint_filing.shares: shares must sum to 100 (they sum to 90)"),
        (("model: joint_filing", "model: joint_filing\n  joint_filing: {shares: {aa: 60, cc: 40}}"),
         "22:35: ip.joint_filing.shares.cc: unknown party key 'cc'"),
        (("model: joint_filing", "model: exclusive_field"), "21:3: ip.exclusive_field: required when model is exclusive_field"),
        (("model: joint_filing", "model: exclusive_field\n  exclusive_field: {owner: aa, holder: aa, field: x}"),
         "22:40: ip.exclusive_field.holder: must differ from owner"),
        (("model: joint_filing", "model: exclusive_field\n  exclusive_field: {owner: aa, holder: bb}"),
         "22:20: ip.exclusive_field.field: required key is missing"),
        (("model: joint_filing", "model: background_licence\n  joint_filing: {}"),
         "22:17: ip.joint_filing: given, but model is background_licence"),
        (("model: joint_filing", "model: background_licence\n  background_licence: {licensors: [aa, aa]}"),
         "22:35: ip.background_licence.licensors: a party is listed twice"),
    ],
)
def test_poc_and_ip_rules(tmp_path: Path, block: object, expected: str | None) -> None:
    text = GOOD + POC
    if block:
        text = text.replace(*block)  # type: ignore[misc]
    deal = tmp_path / "deal.yaml"
    if expected is None:
        deal.write_text(text, encoding="utf-8")
        assert run("validate", deal).exit_code == 0
        return
    errors = errors_for(tmp_path, text)
    assert any(e.startswith(expected) for e in errors), errors


@pytest.mark.parametrize(
    "jda, expected",
    [
        ("costs: shared", "14:3: jda.cost_shares: required when costs is shared"),
        ("costs: shared\n  cost_shares: {aa: 50, bb: 40}", "19:16: jda.cost_shares: cost shares must sum to 100 (they sum to 90)"),
        ("cost_shares: {aa: 50, bb: 50}", "18:16: jda.cost_shares: only used when costs is shared"),
        ("costs: halves", "18:10: jda.costs: must be one of 'each_own' or 'shared'"),
    ],
)
def test_jda_rules(tmp_path: Path, jda: str, expected: str) -> None:
    text = GOOD + (
        "jda:\n  theme: x\n  roles: {aa: [a], bb: [b]}\n  start: 2027-01-01\n  end: 2027-12-31\n  " + jda + "\n"
    )
    errors = errors_for(tmp_path, text)
    assert any(e.startswith(expected) for e in errors), errors


def test_mou_rules(tmp_path: Path) -> None:
    text = GOOD + "mou:\n  objectives: []\n  roles: {aa: x, zz: y}\n  milestones: [{title: a, due: 2027-02-30}]\n"
    errors = errors_for(tmp_path, text)
    assert any(e.startswith("14:15: mou.objectives: needs at least 1 entry (has 0)") for e in errors), errors
    assert any(e.startswith("15:18: mou.roles.zz: unknown party key 'zz'") for e in errors), errors
    assert any(e.startswith("16:32: mou.milestones.0.due: not a valid date") for e in errors), errors


@pytest.mark.parametrize(
    "text, expected",
    [
        ("version: 1\n  bad: [\n", "invalid YAML"),
        ("version: !!python/object/apply:os.system [echo hi]\n", "1:10: version: the YAML tag"),
        ("- a\n- b\n", "1:1: expected a mapping of deal keys"),
        ("", "1:1: the file is empty"),
        (GOOD + "purpose: again\n", "13:1: purpose: duplicate key"),
        ("a: &x [1]\nb: [*x, *x]\n", "b.0: YAML aliases (*name) are not supported"),
        ("a: &x [*x]\n", "a.0: YAML aliases (*name) are not supported"),
    ],
)
def test_yaml_level_errors(tmp_path: Path, text: str, expected: str) -> None:
    errors = errors_for(tmp_path, text)
    assert any(expected in e for e in errors), errors


def test_missing_section_for_document(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, GOOD, command="poc")
    assert sorted(errors) == [
        "1:1: ip: the poc document needs the `ip` section, which this deal file lacks; "
        "add it (oidocs init --lang en shows every section)",
        "1:1: poc: the poc document needs the `poc` section, which this deal file lacks; "
        "add it (oidocs init --lang en shows every section)",
    ]


def test_missing_file(tmp_path: Path) -> None:
    result = run("nda", "--config", tmp_path / "nope.yaml", "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{tmp_path / 'nope.yaml'}: no such file"
