"""How far a large company may pass the other parties' confidential information to its affiliates.

The NDA's confidentiality Article and the JDA's let a large company tell the officers and employees of
its affiliates who need to know (read8 #13: a group company cannot evaluate without its parent). Drafted
for that large company, or for no one, every affiliate that needs to know may be told. Drafted for
another party (a startup, an SME, a university: ninth reading, deal J), whose information would
otherwise reach a whole group, only affiliates the large company has named in writing beforehand to the
party whose information it is may be told, each bound in writing, the large company answering for them.
One rule for both Articles (``affiliate_lean``).
"""

from __future__ import annotations

from oidocs.deal.model import Deal


def affiliate_lean(deal: Deal) -> str:
    """``"wide"`` (any affiliate that needs to know) or ``"named"`` (only affiliates named in advance),
    as the large company's permission leans for ``acting_for``."""
    acting = next((p for p in deal.parties if p.key == deal.acting_for), None)
    return "named" if acting is not None and acting.kind != "large_company" else "wide"
