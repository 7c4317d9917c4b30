"""The redline: our DOCX with every difference from theirs as a Word tracked change.

oidocs does not compare DOCX itself: python-redlines (with its ``docxodus`` extra, which
ships a self-contained comparison engine inside the wheel) writes native ``w:ins`` /
``w:del`` revisions, paragraph insertions and deletions included, and keeps our
formatting, numbering and fields where the text is unchanged. It is the optional extra
``oidocs[compare]`` (the engine is a 45 MB wheel that a user who only drafts never needs);
without it ``compare`` stops with an install hint before writing anything.

The tests check the result by applying Accept All / Reject All to its XML themselves, so
that the check does not share code with what it checks.
"""

from __future__ import annotations

import datetime as dt
import io

from oidocs.errors import OidocsError
from oidocs.negotiate.prepare import prepare, with_document

INSTALL_HINT = ("the redline needs the comparison engine, an optional extra: "
                "pip install 'oidocs[compare]' (or: pip install 'python-redlines[docxodus]')")


def engine_available() -> bool:
    """Return whether python-redlines and its docxodus engine are installed."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("python_redlines", "python_redlines_docxodus"))


def require_engine() -> None:
    """Stop with the install hint (exit 1) when the engine is missing."""
    if not engine_available():
        raise OidocsError(INSTALL_HINT)


def redline(ours: bytes, theirs: bytes, *, author: str, when: dt.datetime, formatting: bool = False) -> bytes:
    """Return OURS with THEIRS' differences as tracked changes by ``author`` dated ``when``.

    Both files go to the engine as prepared copies (:mod:`oidocs.negotiate.prepare`: tracked
    changes accepted, cross-reference fields as text). Formatting differences (a file saved
    by another word processor differs in the properties of every run) are revisions only
    when ``formatting`` asks for them.
    """
    return redline_prepared(prepare(ours).data, prepare(theirs).data, author=author, when=when, formatting=formatting)


def redline_prepared(ours: bytes, theirs: bytes, *, author: str, when: dt.datetime, formatting: bool = False) -> bytes:
    """The redline of two files already prepared for the engine.

    Without ``formatting`` the engine sees only the stretches whose text differs
    (:mod:`oidocs.negotiate.stretches`): a return is mostly our text, and the engine's time
    grows with what it is given. Formatting can differ where the text does not, so with
    ``formatting`` it compares the whole files.
    """
    if not formatting:
        from oidocs.negotiate.stretches import by_stretches

        done = by_stretches(ours, theirs, lambda a, b: _engine(a, b, author=author, when=when, formatting=False))
        if done is not None:
            return done
    return _engine(ours, theirs, author=author, when=when, formatting=formatting)


def _engine(ours: bytes, theirs: bytes, *, author: str, when: dt.datetime, formatting: bool) -> bytes:
    """One run of the comparison engine on two whole files."""
    require_engine()
    from python_redlines import DocxodusEngine, EngineExecutionError, EngineNotInstalledError

    try:
        engine = DocxodusEngine()
        data, _, _ = engine.run_redline(author, ours, theirs, date_time=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                        detect_format_changes=formatting)
    except EngineNotInstalledError:
        raise OidocsError(INSTALL_HINT) from None
    except (EngineExecutionError, OSError) as exc:
        raise OidocsError(f"the comparison engine failed: {str(exc).splitlines()[0]}") from None
    return bytes(data) if formatting else _ours_formatting(bytes(data))


def _ours_formatting(data: bytes) -> bytes:
    """Undo every formatting revision the engine still wrote (it does so in table cells): our properties back."""
    import zipfile

    from lxml import etree

    from oidocs.negotiate.numbering import W

    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    changes = list(root.iter(f"{W}rPrChange", f"{W}pPrChange"))
    if not changes:
        return data
    for change in changes:
        props = change.getparent()
        old = change.find(f"{W}rPr" if change.tag == f"{W}rPrChange" else f"{W}pPr")
        keep = (f"{W}rPr", f"{W}sectPr") if change.tag == f"{W}pPrChange" else ()
        for child in list(props):
            if child.tag not in keep:
                props.remove(child)
        for k, child in enumerate(list(old) if old is not None else []):
            props.insert(k, child)
    return with_document(source, root)


def change_date(docx: bytes) -> dt.datetime:
    """Return when THEIRS was last saved (its core properties), the date the changes carry.

    A fixed date keeps the redline reproducible; a file without one gets the Unix epoch
    rather than the clock, for the same reason.
    """
    import docx as python_docx

    try:
        modified = python_docx.Document(io.BytesIO(docx)).core_properties.modified
    except Exception:  # noqa: BLE001 - a file python-docx cannot read has no date to offer
        modified = None
    if modified is None:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return modified if modified.tzinfo else modified.replace(tzinfo=dt.timezone.utc)
