"""A user's clause library is untrusted: no clause can run code, stall, or crash oidocs.

Each payload replaces one built-in clause through ``--library``. The ones that would run a
command would create a marker file; the test checks that it never appears, that the command
exits 1 with a message naming the clause file, and that nothing was written.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run

JA = ROOT / "examples" / "acme-nano-ja.yaml"
CLAUSE = "---\nid: common.jurisdiction\nversion: 7\ntitle: 管轄\n---\n"

# {marker} is replaced by the path of a file the payload would create if it ran code.
PAYLOADS = {
    # Pydantic's deprecated parse_raw(proto="pickle") unpickles: a command would run.
    "pickle": "{{ deal.parse_raw(\"cos\\nsystem\\n(S'touch {marker}'\\ntR.\", proto=\"pickle\", allow_pickle=True) }}",
    "pickle_section": "{{ nda.parse_raw(\"cos\\nsystem\\n(S'touch {marker}'\\ntR.\", proto=\"pickle\", "
                      "allow_pickle=True) }}",
    "model_dump": "{{ deal.model_dump() }}",
    "model_method_as_value": "{{ poc.model_validate_json }}",
    "mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler_globals": "{{ cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "lipsum_globals": "{{ lipsum.__globals__['os'].system('touch {marker}') }}",
    "helper_globals": "{{ party.__globals__['__builtins__']['open']('{marker}', 'w') }}",
    "helper_closure": "{{ share.__closure__ }}",
    "str_format": "{{ purpose.format.__globals__ }}",
    "str_method": "{{ purpose.replace('a', 'b') }}",
    "date_method": "{{ deal.date.strftime('%Y') }}",
    "dict_method": "{{ ip.joint_filing.shares.copy() }}",
    "party_view_class": "{{ parties[0].__class__.__init__.__globals__ }}",
    "self_reference": "{{ self._TemplateReference__context }}",
    "include_outside": "{% include '../../../../etc/passwd:ja' %}",
    "import": "{% import 'nda.term:ja' as t %}",
    "loop_method": "{% for p in parties %}{{ loop.cycle('a', 'b') }}{% endfor %}",
    "range_huge": "{% for i in range(10**9) %}{% endfor %}",
    "nested_loops": "{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}",
    "string_repeat": "{{ 'x' * 1000000000 }}",
    "list_repeat": "{{ [1] * 1000000000 }}",
    "string_doubling": "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
                       "{% endfor %}{{ ns.s | length }}",
    "literal_in_loops": "{% for i in range(9999) %}{% for j in range(9999) %}xxxxxxxxxx{% endfor %}{% endfor %}",
    "append_growth": "{% set rows = [] %}{% for i in range(9999) %}{% for j in range(9999) %}"
                     "{% set _ = rows.append(i) %}{% endfor %}{% endfor %}",
    "append_on_deal_list": "{% set _ = poc.scope.append('x') %}",
    "sink": "{% set _ = __sink__.nodes.append('x') %}{{ __sink__ }}",
    "big_power": "{{ 7 ** 1000000000 }}",
    "percent_format": "{{ '%999999999d' % 1 }}",
    "filter_center": "{{ 'x' | center(1000000000) }}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "exponential_macro": "{% macro f(n) %}{% if n %}{% set a = f(n - 1) %}{% set b = f(n - 1) %}{% endif %}"
                         "{% endmacro %}{{ f(60) }}",
    "divide_by_zero": "{{ 1 / 0 }}",
    "int_too_long": "{{ money('9' * 6000) }}",
}


def _library(tmp_path: Path, body: str) -> Path:
    lib = tmp_path / "lib"
    (lib / "common").mkdir(parents=True)
    (lib / "common" / "jurisdiction.ja.md").write_text(CLAUSE + body + "\n", encoding="utf-8")
    return lib


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_hostile_clause_is_refused_with_its_file(tmp_path: Path, name: str) -> None:
    marker = tmp_path / "PWNED"
    lib = _library(tmp_path, PAYLOADS[name].replace("{marker}", str(marker)))
    result = run("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(str(lib / "common" / "jurisdiction.ja.md")), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not marker.exists()
    assert not (tmp_path / "o").exists()


def test_lint_of_a_hostile_library_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    lib = _library(tmp_path, PAYLOADS["pickle"].replace("{marker}", str(marker)))
    result = run("lint", "--library", lib)
    assert result.exit_code == 1
    assert not marker.exists()


def test_a_clause_that_never_ends_stops_in_a_real_process(tmp_path: Path) -> None:
    lib = _library(tmp_path, PAYLOADS["exponential_macro"])
    proc = subprocess.run([sys.executable, "-m", "oidocs", "nda", "--config", str(JA), "--out", str(tmp_path / "o"),
                           "--library", str(lib)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "jurisdiction.ja.md" in proc.stderr and "loop that never ends" in proc.stderr


def test_what_clauses_may_use_still_works(tmp_path: Path) -> None:
    """Plain data keeps the documented ways of reading the deal: attributes, items, loops, length."""
    body = ("{{ poc.fee.amount }}/{{ ip.model == 'joint_filing' }}/{{ parties | length }}/"
            "{% for k, v in ip.joint_filing.shares.items() %}{{ k }}={{ v }};{% endfor %}/"
            "{{ ip.joint_filing.shares[parties[1].key] }}/{{ parties[0].academic }}/{{ purpose.endswith('こと') }}/"
            "{{ deal.date.year }}/{{ mou.milestones | length > 0 }}/{{ nda['mutual'] }}")
    lib = _library(tmp_path, body)
    result = run("nda", "--config", JA, "--out", tmp_path / "o", "--library", lib, "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "o" / "acme-nano-2026-nda-ja.md").read_text(encoding="utf-8")
    assert "3000000/True/2/acme=50;nano=50;/50/False/True/2026/True/True" in text


@pytest.mark.parametrize("title, message", [
    ("'{{ cycler.__init__.__globals__ }}'", "title:"),
    ("'{% for i in range(9999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}'", "title:"),
    ("'{{ no_such_name }}'", "title:"),
])
def test_a_title_that_words_itself_runs_in_the_sandbox(tmp_path: Path, title: str, message: str) -> None:
    """A heading may be Jinja (the NDA's next stages): a user's is sandboxed and bounded like a body,
    and a failure names the clause file, without a traceback or a written file."""
    lib = tmp_path / "lib" / "common"
    lib.mkdir(parents=True)
    (lib / "jurisdiction.ja.md").write_text(f"---\nid: common.jurisdiction\nversion: 7\ntitle: {title}\n---\n本文。\n",
                                            encoding="utf-8")
    result = run("nda", "--config", JA, "--out", tmp_path / "o", "--library", tmp_path / "lib")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{lib / 'jurisdiction.ja.md'}:2: {message}"), result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "o").exists()
