"""What the faster paths of one agreement (issue 27) must keep: each document's own page count,
and the first leftover template mark of a clause named as before."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from oidocs import api
from oidocs.clauses.library import Library
from oidocs.errors import ClauseError

JA = ROOT / "examples" / "acme-nano-ja.yaml"
CLAUSE = "---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\n"


def _pages(data: bytes) -> int:
    footer = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode()
    found = re.findall(r'<w:t xml:space="preserve">(\d+)</w:t>', footer[footer.rindex("NUMPAGES"):])
    return int(found[0])


def test_each_agreement_stores_its_own_page_count_whatever_came_before() -> None:
    deal = api.read_deal(JA)
    nda, jda = (api.render_document(deal, doc, "ja") for doc in ("nda", "jda"))
    assert _pages(jda) > _pages(nda)
    assert _pages(api.render_document(deal, "nda", "ja")) == _pages(nda)  # not the JDA's count, kept since


def test_the_first_leftover_mark_of_a_clause_is_the_one_named(tmp_path: Path) -> None:
    # "%}" comes first in the clause's wording, "{{" later (after a printed value): the message
    # names "%}", as it did when each piece of wording was checked on its own.
    lib = tmp_path / "lib"
    (lib / "common").mkdir(parents=True)
    body = '{% raw %}a %} b{% endraw %}{{ "x" }}{% raw %}c {{ d{% endraw %}'
    (lib / "common" / "jurisdiction.ja.md").write_text(CLAUSE + body + "\n", encoding="utf-8")
    with pytest.raises(ClauseError) as err:
        api.build_document(api.read_deal(JA), "nda", "ja", library=Library([lib]))
    assert "leftover template syntax '%}'" in str(err.value)
    assert "jurisdiction.ja.md" in str(err.value)
