"""Messages a manager understands: in Japanese under a Japanese locale, saying where and what to write.

Spec (cli.md): messages are in Japanese when LANG, LC_ALL or OIDOCS_LANG=ja says so, English
otherwise; each says where the problem is and what to write instead. The words are content
(templates/messages.yaml). YAML slips are named at their own line with the fix.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

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

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
JARGON = ("input should", "unable to parse", "valid integer", "expected a mapping", "Field required")

# One deal-file mistake of every kind of validation error the spec names (deal-file.md: unknown
# keys, required keys, allowed values, dates, numbers, party keys, rules across fields, text
# per language, a missing section; and the YAML itself).
KINDS = {
    "missing key": (GOOD.replace("    address: 大阪府\n", ""), "parties.1.address"),
    "unknown key, near a known one": (GOOD.replace("purpose:", "purpos:"), "purpos"),
    "unknown key": (GOOD + "nda: {colour: red}\n", "nda.colour"),
    "value not allowed": (GOOD + "language: fr\n", "language"),
    "date": (GOOD + "date: 2026-13-01\n", "date"),
    "amount": (GOOD + POC.replace("amount: 100", "amount: 250万円"), "poc.fee.amount"),
    "number": (GOOD + "nda: {term_months: 一年}\n", "nda.term_months"),
    "boolean": (GOOD + "nda: {marking: maybe}\n", "nda.marking"),
    "boolean for a number": (GOOD + "nda: {term_months: yes}\n", "nda.term_months"),
    "at least": (GOOD + "nda: {term_months: 0}\n", "nda.term_months"),
    "party key pattern": (GOOD.replace("key: bb", "key: Bb"), "parties.1.key"),
    "deal id pattern": (GOOD.replace("deal_id: t-1", "deal_id: a/b"), "deal_id"),
    "too few": (GOOD.split("  - key: bb")[0] + "purpose: x\n", "parties"),
    "empty": (GOOD.replace("name: B株式会社", "name: ''"), "parties.1.name"),
    "mapping": (GOOD + "nda: 12\n", "nda"),
    "list": (GOOD + POC.replace("scope: [試験]", "scope: {a: 1}"), "poc.scope"),
    "unknown party": (GOOD + "acting_for: zz\n", "acting_for"),
    "same party": (GOOD + POC.replace("client: bb", "client: aa"), "poc.client"),
    "end before start": (GOOD + POC.replace("end: 2027-03-31", "end: 2027-01-01"), "poc.end"),
    "sum to 100": (GOOD + POC.replace("model: joint_filing",
                                      "model: joint_filing\n  joint_filing: {shares: {aa: 50, bb: 40}}"),
                   "ip.joint_filing.shares"),
    "empty text map": (GOOD.replace("purpose: 新素材の評価", "purpose: {}"), "purpose"),
    "duplicate party key": (GOOD.replace("key: bb", "key: aa"), "parties.1.key"),
    "a rule across fields": (GOOD + "nda: {mutual: false}\n", "nda.discloser"),
    "section without what it needs": (GOOD + POC.split("ip:")[0], "poc"),
    "duplicate key": (GOOD + "purpose: again\n", "purpose"),
    "YAML syntax": ("version: 1\n  bad: [\n", ""),
    "empty file": ("", ""),
}


def validate(tmp_path: Path, text: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    deal = tmp_path / "deal.yaml"
    deal.write_text(text, encoding="utf-8")
    clean = {k: v for k, v in __import__("os").environ.items()
             if k not in ("OIDOCS_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    return subprocess.run([sys.executable, "-m", "oidocs", "validate", str(deal)], capture_output=True, text=True,
                          env={**clean, **env}, cwd=tmp_path)


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_japanese_locale_gets_every_validation_message_in_japanese(tmp_path: Path, kind: str) -> None:
    text, path = KINDS[kind]
    ja = validate(tmp_path, text, {"LANG": "ja_JP.UTF-8"})
    en = validate(tmp_path, text, {"LANG": "C.UTF-8"})
    assert ja.returncode == en.returncode == 1, (ja.stderr, en.stderr)
    assert "Traceback" not in ja.stderr + en.stderr
    lines = ja.stderr.strip().splitlines()
    assert lines and all(str(tmp_path / "deal.yaml") in line for line in lines), ja.stderr
    ours = [line for line in lines if f": {path}: " in line or not path]
    assert ours, ja.stderr
    for line in ours:
        message = line.split(": ", 2 if path else 1)[-1]
        assert JAPANESE.search(message), f"{kind}: not Japanese: {line}"
        assert not any(j.lower() in message.lower() for j in JARGON), line
        assert "この値は使えません" not in message, f"{kind}: fell back to the generic message: {line}"
    assert ja.stderr != en.stderr


def test_oidocs_lang_overrides_the_locale_and_lc_all_overrides_lang(tmp_path: Path) -> None:
    text, _ = KINDS["amount"]
    assert "金額" in validate(tmp_path, text, {"LANG": "C.UTF-8", "OIDOCS_LANG": "ja"}).stderr
    assert "金額" not in validate(tmp_path, text, {"LANG": "ja_JP.UTF-8", "OIDOCS_LANG": "en"}).stderr
    assert "金額" in validate(tmp_path, text, {"LANG": "C.UTF-8", "LC_ALL": "ja_JP.UTF-8"}).stderr


def test_an_amount_in_words_says_write_digits_with_the_number_meant(tmp_path: Path) -> None:
    text, _ = KINDS["amount"]
    ja = validate(tmp_path, text, {"OIDOCS_LANG": "ja"}).stderr
    assert "deal.yaml:19:17: poc.fee.amount: 金額は数字だけで書いてください（例: 2500000）" in ja, ja
    en = validate(tmp_path, text, {"OIDOCS_LANG": "en"}).stderr
    assert "poc.fee.amount: write the amount in digits only, e.g. 2500000 (got '250万円')" in en, en


@pytest.mark.parametrize("text, line, column, en, ja", [
    ("version: 1\nparties:\n\t- key: a\n", 3, 1, "a tab indents this line", "タブ"),
    ("version: 1\ndeal_id: x\nparties:\n\u3000- key: a\npurpose: x\n", 4, 1, "full-width space", "全角スペース"),
    ("version: 1\ndeal_id\uff1aabc\npurpose: x\n", 2, 8, "full-width colon", "全角"),
    ("version: 1\ndeal_id:abc\npurpose: x\n", 2, 8, "no space after the colon; write `deal_id: value`",
     "コロンの後ろにスペースがありません"),
    ("version: 1\nnda:\n  term_months:12\n  mutual: true\n", 3, 14, "write `term_months: value`", "term_months: 値"),
    ("version: 1\npurpose: 目的: 説明\ncourt: x\n", 2, 10, "put the value in quotes", "\" \" で囲んで"),
])
def test_yaml_slips_are_named_at_their_line_with_the_fix(tmp_path: Path, text: str, line: int, column: int,
                                                         en: str, ja: str) -> None:
    deal = tmp_path / "deal.yaml"
    for lang, words in (("en", en), ("ja", ja)):
        result = validate(tmp_path, text, {"OIDOCS_LANG": lang})
        assert result.returncode == 1
        assert f"{deal}:{line}:{column}: " in result.stderr, result.stderr
        assert words in result.stderr, result.stderr


def test_the_words_are_content_in_both_languages_with_the_same_placeholders() -> None:
    catalogue = yaml.safe_load((ROOT / "templates" / "messages.yaml").read_text(encoding="utf-8"))
    for key, entry in catalogue.items():
        assert set(entry) == {"en", "ja"}, key
        if isinstance(entry["en"], str):
            for lang in ("en", "ja"):
                list(string.Formatter().parse(entry[lang]))  # a stray brace would break the message
            assert JAPANESE.search(entry["ja"]), key
