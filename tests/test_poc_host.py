"""A PoC hosted by a party that signs it (``poc.site: <party key>``): the findings 1, 2, 3 and 13 of
the third lawyer's reading (deal C, tests/fixtures/shizuoka-line-host-ja.yaml).

An SME (甲) commissions a startup (乙) to verify an inspection device on a large company's (丙)
production line; 丙 signs the PoC as the host. Before, the only way to say so was ``third_party``,
which drafted 丙 as an outsider whose consent the SME had to buy. Each test reads the generated
PoC back in both languages and fails on the text before the fix (the deal file did not even load).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, article_titled, shipped_markdown

C = ROOT / "tests" / "fixtures" / "shizuoka-line-host-ja.yaml"

TITLES = {"site": ("作業場所及び安全", "Place of Work and Safety"), "materials": ("提供資料", "Provided Materials"),
          "results": ("本成果の帰属", "Ownership of the Results"), "liability": ("損害賠償", "Damages")}


def art(key: str, lang: str, path: Path = C) -> str:
    return article_titled(shipped_markdown(path, "poc", lang), TITLES[key][0 if lang == "ja" else 1])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_host_grants_access_itself_and_keeps_its_information(lang: str) -> None:
    """Finding 1: 丙 signs, so it gives access, rules and work windows; the SME buys no consent."""
    site = art("site", lang)
    if lang == "ja":
        assert "丙の施設" in site and "従事者の本施設への立入りを自ら認め" in site
        assert "作業時間帯" in site and "丙があらかじめ書面により示した安全衛生" in site
        assert "丙が開示した秘密情報として取り扱われる" in site
        assert "設置先" not in site and "甲の秘密情報" not in site
        assert "自己の責任と費用において" not in site
    else:
        assert "facilities (including buildings, production lines and other equipment) of Party C" in site
        assert "Party C itself grants the Personnel access to the Site" in site
        assert "Work Windows" in site and "Confidential Information of Party C disclosed by Party C" in site
        assert "Host" not in site and "Party A’s Confidential Information" not in site
        assert "at its own responsibility and cost" not in site


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_host_accepts_stoppage_within_the_work_windows(lang: str) -> None:
    site = art("site", lang)
    if lang == "ja":
        assert "作業時間帯において自己の承諾を得て行われる本施設の設備の停止" in site
        assert "これにより自己に生じた損失を自ら負担する" in site
    else:
        assert "made within the Work Windows with its consent may stop or delay production" in site
        assert "shall bear its own loss arising from it" in site


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_line_losses_are_capped_and_lost_profits_excluded_between_all_parties(lang: str) -> None:
    """Finding 2: the SME is no longer exposed without limit to 丙's line stoppage."""
    text = art("liability", lang)
    paras = text.strip().split("\n\n")
    if lang == "ja":
        assert "設置先" not in text
        assert "人の生命又は身体の侵害により生じた損害に係る責任" in paras[1]
        assert "本施設の設備の停止又は遅延" in paras[2] and "金100,000,000円" in paras[2]
        assert "いずれか多い額を上限とする" in paras[2]
        assert "他の当事者に対し、間接損害、特別の事情によって生じた損害、結果的損害及び逸失利益" in paras[3]
        assert "故意若しくは重大な過失" in paras[3] and "知的財産権の侵害" in paras[3]
    else:
        assert "Host" not in text
        assert "death or bodily injury" in paras[1]
        assert "stoppage or delay of equipment of the Site" in paras[2] and "JPY 100,000,000" in paras[2]
        assert "No Party shall be liable to another Party" in paras[3] and "lost profits" in paras[3]
        assert "wilful misconduct or gross negligence" in paras[3]
        assert "infringement of the Intellectual Property Rights" in paras[3]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_hosts_samples_are_its_own_and_their_data_shared_with_the_client(lang: str) -> None:
    """Finding 13: the samples 丙 selects stay 丙's, 丙 warrants them, 甲 and 丙 hold their data."""
    text = art("materials", lang)
    if lang == "ja":
        assert "丙は、本検証に必要な試料（丙が選定する見本品を含む。）" in text
        assert "当該提供資料を提供した当事者に留保される" in text
        assert "甲及び丙は、それぞれ、自己が提供する提供資料" in text
        assert "丙が提供した提供資料に係る測定データ及び本施設において提供資料以外のものから得られた測定データは、甲及び丙が共同して保有し" in text
        assert "提供資料の所有権その他の権利は、甲に留保される" not in text
    else:
        assert "including sample parts selected by Party C" in text
        assert "shall remain with the Party that provided them" in text
        assert "Party A and Party C each warrants" in text
        assert "shall be held jointly by Party A and Party C" in text
        assert "shall remain with Party A." not in text


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_host_takes_no_share_and_assigns_nothing_free(lang: str) -> None:
    """Finding 3: no silent re-basing, no free assignment by a large company."""
    text = art("results", lang)
    if lang == "ja":
        assert "丙は、甲及び乙の役員又は従業員が創出した本成果に係る権利又は持分を、背景改良成果について前各項に定めるものを除き、取得しない。" in text
        assert "丙の役員又は従業員のみにより創出された本成果に係る知的財産権は丙に帰属し" in text
        # eleventh reading: joint results with the host share by the deal's ratio (or by contribution without shares)
        assert "貢献の程度に応じて" in text or "その比により按分した割合とする" in text
        host = next(p for p in text.split("\n\n") if "丙は、甲及び乙の役員又は従業員が創出した" in p)
        assert "役割を有せず" not in text and "譲渡" not in host
    else:
        assert "Party C acquires no right or share in the Results created by the officers or employees of Party A and Party B" in text
        assert "created by officers or employees of Party C alone shall belong to Party C" in text
        host = next(p for p in text.split("\n\n") if "Party C acquires no right or share" in p)
        assert "no role in the Verification" not in text and "assign" not in host


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_outside_host_still_reads_as_before(lang: str, tmp_path: Path) -> None:
    """``third_party`` keeps its meaning: an outsider whose consent the client obtains."""
    data = yaml.safe_load(C.read_text(encoding="utf-8"))
    data["poc"]["site"] = "third_party"
    path = tmp_path / "outside.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = art("site", lang, path)
    assert ("設置先の書面による承諾" if lang == "ja" else "written consent of the Host") in site


def _validate(tmp_path: Path, site: str, lang: str) -> subprocess.CompletedProcess[str]:
    text = C.read_text(encoding="utf-8").replace("  site: tokai", f"  site: {site}")
    path = tmp_path / "deal.yaml"
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "OIDOCS_LANG": lang}
    return subprocess.run([sys.executable, "-m", "oidocs", "validate", str(path)], capture_output=True, text=True,
                          env=env, cwd=tmp_path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_site_that_is_no_word_and_no_party_is_refused_with_file_line_and_field(lang: str, tmp_path: Path) -> None:
    line = C.read_text(encoding="utf-8").splitlines().index("  site: tokai") + 1
    done = _validate(tmp_path, "tokaii", lang)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"deal.yaml:{line}:9: poc.site: " in done.stderr, done.stderr
    assert "'tokaii'" in done.stderr and "suruga, vision, tokai" in done.stderr
    assert ("third_party" in done.stderr) and (("当事者のキー" in done.stderr) == (lang == "ja"))


def test_the_performers_own_key_means_performer(tmp_path: Path) -> None:
    """Naming the performer (or the client) by its key is the same as the word: one spelling for the clauses."""
    from oidocs import api

    path = tmp_path / "deal.yaml"
    path.write_text(C.read_text(encoding="utf-8").replace("  site: tokai", "  site: vision"), encoding="utf-8")
    assert api.read_deal(path).poc.site == "performer"
    path.write_text(C.read_text(encoding="utf-8").replace("  site: tokai", "  site: suruga"), encoding="utf-8")
    assert api.read_deal(path).poc.site == "client"


def test_the_schema_takes_a_party_key_for_the_site() -> None:
    from oidocs.deal.schema import deal_schema

    site = deal_schema()["$defs"]["Poc"]["properties"]["site"]
    assert {"enum": ["performer", "client", "third_party"]} in site["anyOf"]
    assert any(branch.get("pattern", "").startswith("^[a-z]") for branch in site["anyOf"]), json.dumps(site)


@pytest.mark.parametrize("acting", ["suruga", "vision", "tokai"])
@pytest.mark.parametrize("model", ["joint_filing", "exclusive_field", "background_licence"])
def test_every_side_and_ip_model_of_a_hosted_poc_is_parallel_and_keeps_the_host(acting: str, model: str,
                                                                                tmp_path: Path) -> None:
    """The host's wording holds whoever the drafts are for and whatever the IP model: both languages
    have the same paragraphs, and no outsider 設置先 / Host creeps back in."""
    from oidocs import api
    from oidocs.document.tree import Table

    data = yaml.safe_load(C.read_text(encoding="utf-8"))
    data["acting_for"] = acting
    blocks = {"joint_filing": {"shares": {"suruga": 50, "vision": 35, "tokai": 15}},
              "exclusive_field": {"owner": "vision", "holder": "suruga", "field": "外観検査装置"},
              "background_licence": {}}
    data["ip"] = {"model": model, model: blocks[model]}
    data.pop("licence", None)
    path = tmp_path / "deal.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    deal = api.read_deal(path)
    ja, en = (api.build_document(deal, "poc", lang) for lang in ("ja", "en"))

    def shape(article):  # noqa: ANN001, ANN202
        return [("table", len(b.rows)) if isinstance(b, Table) else len(b.items) for b in article.blocks]

    assert [shape(a) for a in ja.articles] == [shape(a) for a in en.articles]
    for lang in ("ja", "en"):
        text = api.render_document(deal, "poc", lang=lang, fmt="md").decode("utf-8")
        assert ("設置先" if lang == "ja" else "the Host") not in text
        results = article_titled(text, TITLES["results"][0 if lang == "ja" else 1])
        assert ("丙は、甲及び乙の役員又は従業員が創出した" if lang == "ja" else "Party C acquires no right or share in the Results") in results


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_host_controls_changes_that_reach_its_line_and_may_suspend_work(lang: str) -> None:
    """The host's lawyer: no change of scope or period reaches its line without its consent, and it may
    stop the work for safety or operations (the period is then renegotiated)."""
    second = art("site", lang).strip().split("\n\n")[1]
    if lang == "ja":
        assert "本施設における作業に影響を及ぼすものは、丙の書面による承諾を得なければ" in second
        assert "本施設における作業を一時中止させることができ" in second
    else:
        assert "shall not take effect without the written consent of Party C" in second
        assert "suspend work at the Site for the time being" in second
