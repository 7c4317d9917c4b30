"""Twelfth reading r1: the JDA's site Article protected only the host's information learnt at the Site,
'whether or not marked', while the visiting SME's prototype nozzles and control software sat at the host's
plant unprotected unless marked. What a visitor brings or installs is now its Confidential Information,
marked or not, and the host may not take it apart, copy, analyse or use it outside the research."""

from __future__ import annotations

import pytest

from conftest import ROOT, article_titled
from oidocs import api

J = ROOT / "tests" / "fixtures" / "zao-morimiya-sensing-ja.yaml"  # the JDA's work at 甲's plant (jda.site)
SITE = {"ja": "施設における作業及び安全", "en": "Work and Safety at the Site"}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_what_a_visitor_installs_at_the_site_is_its_confidential_information(lang: str) -> None:
    text = api.render_document(api.read_deal(J), "jda", lang=lang, fmt="md").decode("utf-8")
    body = " ".join(article_titled(text, SITE[lang]).split())
    if lang == "ja":
        assert "甲以外の当事者が本施設に持ち込み、又は設置した機器、試作品、ソフトウェアその他の物及びこれらに関する技術上の情報は、" \
               "秘密である旨の表示の有無にかかわらず、これを持ち込み、又は設置した当事者が開示した秘密情報として取り扱われ" in body
        assert "これらを分解し、複製し、解析し、又は本共同研究開発以外の目的に使用しない" in body
    else:
        assert "shall be treated as Confidential Information disclosed by the Party that brought or installed them, " \
               "whether or not marked as confidential" in body
        assert "shall not take them apart, copy or analyse them" in body
