"""The package parts around the body: settings, font table, document properties, leftovers.

python-docx's default template is a Word 2010 document from a Mac: compatibility mode 14,
"Microsoft Macintosh Word" in ``app.xml``, a blank thumbnail, a ``stylesWithEffects`` part,
a bibliography ``customXml`` item, 160 styles and a font table that misses the fonts oidocs
uses. :func:`tidy` rewrites or drops those parts once, when the starting document is built,
so that Word opens every agreement as a current (mode 15) document; :func:`core_xml` writes
the per-agreement core properties with a fixed date, so the bytes never depend on the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from oidocs._version import __version__
from oidocs.writers.docx_xml import W_NS, xml_text

_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MS_WORD = "http://schemas.microsoft.com/office/word"

# Parts of python-docx's template that describe nothing in an oidocs agreement.
DROPPED_PARTS = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/item1.xml",
                 "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels")


@dataclass(frozen=True)
class Face:
    """A font as Word describes it in ``fontTable.xml``: how to find a substitute when missing."""

    panose: str
    charset: str  # 00 ANSI, 80 Shift-JIS
    family: str  # roman (serif), swiss (sans), modern (fixed pitch)
    pitch: str
    alt: str | None = None  # the name on systems of another language (ＭＳ 明朝 / MS Mincho)


# Word's own descriptions of the faces oidocs or the template's theme name (Windows fonts).
FACES: dict[str, Face] = {
    "Century": Face("02040604050505020304", "00", "roman", "variable"),
    "Times New Roman": Face("02020603050405020304", "00", "roman", "variable"),
    "ＭＳ 明朝": Face("02020609040205080304", "80", "roman", "fixed", alt="MS Mincho"),
    "ＭＳ ゴシック": Face("020B0609070205080204", "80", "modern", "fixed", alt="MS Gothic"),
    "游明朝": Face("02020400000000000000", "80", "roman", "variable", alt="Yu Mincho"),
    "Calibri": Face("020F0502020204030204", "00", "swiss", "variable"),
    "Cambria": Face("02040503050406030204", "00", "roman", "variable"),
}


def fonts_named(*xml_texts: str) -> list[str]:
    """Every font named in ``w:rFonts`` slots or theme typefaces (Latin, Japanese) of the given parts."""
    names: list[str] = []
    for text in xml_texts:
        found = [name for rfonts in re.findall(r"<w:rFonts [^>]*>", text)
                 for name in re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', rfonts)]
        found += re.findall(r'<a:(?:latin|ea|cs) typeface="([^"]+)"|script="Jpan" typeface="([^"]+)"', text)
        for name in found:
            name = name if isinstance(name, str) else next((g for g in name if g), "")
            if name and name not in names:
                names.append(name)
    return names


def font_table_xml(names: list[str]) -> str:
    """``word/fontTable.xml`` declaring ``names``, with Word's description where oidocs knows it."""
    fonts = []
    for name in names:
        face = FACES.get(name)
        if face is None:
            fonts.append(f'<w:font w:name="{xml_text(name)}"/>')
            continue
        alt = f'<w:altName w:val="{face.alt}"/>' if face.alt else ""
        fonts.append(f'<w:font w:name="{xml_text(name)}">{alt}<w:panose1 w:val="{face.panose}"/>'
                     f'<w:charset w:val="{face.charset}"/><w:family w:val="{face.family}"/>'
                     f'<w:pitch w:val="{face.pitch}"/></w:font>')
    return f'{_XML_HEAD}<w:fonts xmlns:w="{W_NS}">{"".join(fonts)}</w:fonts>'


def settings_xml(lang: str) -> str:
    """``word/settings.xml`` of a Word 2013+ (compatibility mode 15) document.

    Only what oidocs means: no revision ids, proofing state or preview picture of the
    template; Japanese documents keep Word's East Asian layout and a 4-character tab.
    """
    compat = "".join(
        f'<w:compatSetting w:name="{name}" w:uri="{_MS_WORD}" w:val="{value}"/>'
        for name, value in (("compatibilityMode", 15), ("overrideTableStyleFontSizeAndJustification", 1),
                            ("enableOpenTypeFeatures", 1), ("doNotFlipMirrorIndents", 1),
                            ("differentiateMultirowTableHeaders", 1)))
    tab = 840 if lang == "ja" else 720
    return (
        f'{_XML_HEAD}<w:settings xmlns:w="{W_NS}" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        f'<w:zoom w:percent="100"/><w:defaultTabStop w:val="{tab}"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        f"<w:compat><w:useFELayout/>{compat}</w:compat>"
        '<m:mathPr><m:mathFont m:val="Cambria Math"/></m:mathPr>'
        f'<w:themeFontLang w:val="{"ja-JP" if lang == "ja" else "en-GB"}" w:eastAsia="ja-JP"/>'
        '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" '
        'w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" '
        'w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>'
    )


def app_version(version: str = __version__) -> str:
    """oidocs' version in the ``XX.YYYY`` form ``AppVersion`` requires: 0.1.0 -> 0.0100."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:3]] + [0, 0, 0]
    major, minor, patch = numbers[:3]
    return f"{min(major, 99)}.{min(minor, 99):02d}{min(patch, 99):02d}"


def app_xml() -> str:
    """``docProps/app.xml``: made by oidocs; no page or word counts (Word computes its own)."""
    return (
        f'{_XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>oidocs</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        f"<AppVersion>{app_version()}</AppVersion></Properties>"
    )


def core_xml(*, title: str, deal_id: str, doc: str, lang: str) -> str:
    """``docProps/core.xml`` of one agreement: its title, the deal as subject and identifier.

    No author, no "last modified by" and no created or modified time: a draft that a law firm
    sends carries its own author's name once saved, and a made-up time (the signing date, or
    2000-01-01 when there is none) would be a false statement in Word's properties pane. Leaving
    them out also keeps the bytes independent of the clock.
    """
    return (
        f"{_XML_HEAD}"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_text(title)}</dc:title><dc:subject>{xml_text(deal_id)}</dc:subject>"
        f"<cp:keywords>{xml_text(f'oidocs; {doc}; {deal_id}')}</cp:keywords>"
        f"<dc:identifier>{xml_text(deal_id)}</dc:identifier>"
        f"<dc:language>{'ja-JP' if lang == 'ja' else 'en-GB'}</dc:language>"
        "</cp:coreProperties>"
    )


def prune_styles(styles: Any, keep: set[str]) -> None:
    """Remove every style not in ``keep`` or reached from it (basedOn, next, link)."""
    w = f"{{{W_NS}}}"
    by_id = {s.get(f"{w}styleId"): s for s in styles.iter(f"{w}style")}
    wanted: set[str] = set()
    todo = [k for k in keep if k in by_id]
    while todo:
        style_id = todo.pop()
        if style_id in wanted:
            continue
        wanted.add(style_id)
        for tag in ("basedOn", "next", "link"):
            ref = by_id[style_id].find(f"{w}{tag}")
            if ref is not None and ref.get(f"{w}val") in by_id:
                todo.append(ref.get(f"{w}val"))
    for style_id, style in by_id.items():
        if style_id not in wanted:
            styles.remove(style)


def tidy(parts: dict[str, bytes], lang: str) -> dict[str, bytes]:
    """Return the starting package's parts without the template's leftovers, in the same order."""
    out = {name: data for name, data in parts.items() if name not in DROPPED_PARTS}
    dropped = [name.rsplit("/", 1)[-1] for name in DROPPED_PARTS]

    def without(text: str, element: str, attr: str) -> str:
        for name in dropped:
            text = re.sub(rf'<{element} [^>]*{attr}="[^"]*{re.escape(name)}"[^>]*/>', "", text)
        return text

    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
        out[rels] = without(out[rels].decode("utf-8"), "Relationship", "Target").encode("utf-8")
    types = without(out["[Content_Types].xml"].decode("utf-8"), "Override", "PartName")
    types = types.replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', "")
    out["[Content_Types].xml"] = types.encode("utf-8")
    out["word/settings.xml"] = settings_xml(lang).encode("utf-8")
    out["docProps/app.xml"] = app_xml().encode("utf-8")
    fonts = fonts_named(*(out[p].decode("utf-8") for p in ("word/styles.xml", "word/theme/theme1.xml",
                                                           "word/footer1.xml", "word/numbering.xml")))
    out["word/fontTable.xml"] = font_table_xml(fonts).encode("utf-8")
    return out
