"""A clause from a user's library is bounded in memory and time by oidocs' own limits, whatever it
does: no format strings, no printing of whole lists, comparisons, filters and tables charged by
their real size, and every failure one message naming the clause file.

Every payload runs in a real process under a 2 GB address-space limit that must end within 15 s
(:mod:`bounded`); without the bounds each would take gigabytes or minutes."""

from __future__ import annotations

from pathlib import Path

import pytest

from bounded import assert_refused, oidocs_bounded, python_bounded
from conftest import ROOT

JA = ROOT / "examples" / "acme-nano-ja.yaml"
CLAUSE = "---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\n"

# name -> (clause body, what the message says)
PAYLOADS = {
    "format": ("{{ '{:>3000000000}'.format('') }}", "unsafe"),
    "format_map": ("{{ '{x:>3000000000}'.format_map({'x': ''}) }}", "unsafe"),
    "format_by_item": ("{{ ''['format']('{:>3000000000}', '') }}", "unsafe"),
    "print_a_list": ("{{ ['x' * 200000] * 10000 }}", "not a list"),
    "print_a_mapping": ("{{ {'a': ['x' * 200000] * 10000} }}", "not a mapping"),
    "concat_a_list": ("{{ 'a' ~ ['x' * 200000] * 10000 }}", "not a list"),
    "ref_of_a_list": ("{{ ref(['x' * 200000] * 10000) }}", "not a list"),
    "join_lists": ("{{ join([['x' * 200000] * 10000]) }}", "not a list"),
    "compare_nested": ("{{ [[[0] * 10000] * 10000] * 10000 == [[[0] * 10000] * 10000] * 10000 }}",
                       "beyond 100,000 entries"),
    "in_nested": ("{{ [0] in [[[0] * 10000] * 10000] * 10000 }}", "beyond 100,000 entries"),
    "test_nested": ("{{ [[[0] * 10000] * 10000] is eq [[[0] * 10000] * 10000] }}", "beyond 100,000 entries"),
    "sort_nested": ("{{ ([[[0] * 10000] * 10000] * 10000) | sort | length }}", "beyond 100,000 entries"),
    "sum_lists": ("{{ ([[0] * 10000] * 10000) | sum(start=[]) | length }}", "No filter named 'sum'"),
    "repeat_long_text": ("{% for i in range(10000) %}{% set s = 'x' * 200000 %}{% endfor %}", "too much work"),
    "table_of_long_cells": ("{% set s = 'x' * 200000 %}{{ table(['a'], [[s]] * 5000) }}", "too much work"),
    "table_appended": ("{% set rows = [] %}{% for i in range(10000) %}{% set _ = rows.append(['x' * 200000]) %}"
                       "{% endfor %}{{ table(['a'], rows) }}", "too much work"),
    "nested_brackets": ("{{ " + "(" * 90 + "1" + ")" * 90 + " }}", "nested too deeply to compile"),
    "nested_for": ("".join(f"{{% for i{n} in range(1) %}}" for n in range(25)) + "x" + "{% endfor %}" * 25,
                   "nested too deeply to compile"),
    "stray_marker": ("第\ue0000\ue001条", "private-use characters"),
    "table_rows_append": ("{% set t = table(['a'], [['b']]) %}{% set _ = t.rows.append('x') %}{{ t }}", "unsafe"),
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_clause_is_bounded_and_its_failure_names_its_file(tmp_path: Path, name: str) -> None:
    body, said = PAYLOADS[name]
    lib = tmp_path / "lib"
    (lib / "common").mkdir(parents=True)
    clause = lib / "common" / "jurisdiction.ja.md"
    clause.write_text(CLAUSE + body + "\n", encoding="utf-8")
    proc = oidocs_bounded("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib, "--format", "md")
    assert_refused(proc, str(clause), said)
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_an_amendment_clause_from_a_users_library_is_bounded(tmp_path: Path) -> None:
    """``amend_files(library=...)`` renders the amendment's own clauses under the same budget."""
    lib = tmp_path / "lib"
    (lib / "amendment").mkdir(parents=True)
    clause = lib / "amendment" / "effective.ja.md"
    clause.write_text("---\nid: amendment.effective\nversion: 2\ntitle: 効力発生日\n---\n"
                      + PAYLOADS["repeat_long_text"][0] + "\n", encoding="utf-8")
    code = ("import sys\nfrom oidocs.clauses.library import Library\nfrom oidocs.errors import OidocsError\n"
            "from pathlib import Path\nfrom oidocs.negotiate.amend import amend_files\n"
            "try:\n    amend_files(sys.argv[1], sys.argv[2], 'jda', library=Library([Path(sys.argv[3])]))\n"
            "except OidocsError as exc:\n    sys.exit(str(exc))\n")
    proc = python_bounded(code, JA, ROOT / "examples" / "more" / "acme-nano-amended.yaml", lib)
    assert_refused(proc, str(clause), "too much work")
