"""The house style: builds ``src/pressdraft/data/letterhead.docx``, the default letterhead.

Run ``python -m pressdraft.document.docx.house_style`` to regenerate the shipped file (or
``--logo FILE --output FILE`` for a ministry's own copy with a logo in the header). The
package is written by hand, part by part, so that it carries only the styles a release uses
(python-docx's own default template has 164) and nothing else: no theme, no glossary, no
custom XML. Word and LibreOffice open it as it is; a letterhead made in Word can replace it.

Font: **Calibri**. Word on every ministry desk has it, and it covers the three alphabets
(ə Ə ğ ı İ ş ç ö ü). LibreOffice renders it with **Carlito**, which is metric-compatible (same
line breaks, same page count) and covers every letter too — the tests check both facts with
fontTools and ``pdffonts``. Caladea and the Liberation fonts lack ə (U+0259) and are avoided.

Placeholders, replaced at render time in any letterhead's header and footer:
``{{issuer}}`` → the issuer's name; ``{{page}}`` → the localized "Page X of Y" with PAGE and
NUMPAGES fields.
"""

from __future__ import annotations

import argparse
import io
import zipfile
from pathlib import Path

FONT = "Calibri"
NAVY = "1F3864"
SLATE = "44546A"
INK = "1A1A1A"
GREY = "595959"
RULE = "8EA0BE"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "letterhead.docx"

# Paragraph style id → (name, based on, pPr xml, rPr xml). Ids are fixed: the writer uses them.
_PARAGRAPH_STYLES: list[tuple[str, str, str | None, str, str]] = [
    (
        "Normal",
        "Normal",
        None,
        '<w:spacing w:after="160" w:line="276" w:lineRule="auto"/>',
        f'<w:color w:val="{INK}"/>',
    ),
    (
        "BodyText",
        "Body Text",
        "Normal",
        '<w:spacing w:after="140" w:line="264" w:lineRule="auto"/><w:jc w:val="both"/>',
        "",
    ),
    (
        "ReleaseLine",
        "Release Line",
        "Normal",
        '<w:keepNext/><w:spacing w:before="0" w:after="200"/>',
        f'<w:b/><w:caps/><w:color w:val="{SLATE}"/><w:spacing w:val="20"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    ),
    (
        "Headline",
        "Headline",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="120" w:line="240" '
        'w:lineRule="auto"/><w:outlineLvl w:val="0"/>',
        f'<w:b/><w:bCs/><w:color w:val="{NAVY}"/><w:sz w:val="40"/><w:szCs w:val="40"/>',
    ),
    (
        "Subheadline",
        "Subheadline",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="320" w:line="259" '
        'w:lineRule="auto"/><w:outlineLvl w:val="1"/>',
        f'<w:color w:val="{SLATE}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    ),
    (
        "SectionHeading",
        "Section Heading",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:before="280" w:after="60"/><w:outlineLvl w:val="2"/>',
        f'<w:b/><w:bCs/><w:color w:val="{NAVY}"/>',
    ),
    ("Dateline", "Dateline", "BodyText", "", ""),
    (
        "Quote",
        "Quote",
        "BodyText",
        '<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{rule}"/></w:pBdr>'
        '<w:spacing w:before="160" w:after="140"/><w:ind w:left="284" w:right="284"/>'.replace("{rule}", RULE),
        f'<w:color w:val="{INK}"/>',
    ),
    (
        "ListBullet",
        "List Bullet",
        "Normal",
        '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="283"/>',
        "",
    ),
    (
        "ListNumber",
        "List Number",
        "Normal",
        '<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="567" w:hanging="340"/>',
        "",
    ),
    (
        "Boilerplate",
        "Boilerplate",
        "BodyText",
        '<w:spacing w:after="120" w:line="259" w:lineRule="auto"/>',
        f'<w:color w:val="{GREY}"/><w:sz w:val="19"/><w:szCs w:val="19"/>',
    ),
    (
        "Contact",
        "Contact",
        "Normal",
        '<w:keepNext/><w:keepLines/><w:spacing w:after="120" w:line="259" w:lineRule="auto"/>',
        '<w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "Closing",
        "Closing",
        "BodyText",
        '<w:spacing w:before="240" w:after="160"/>',
        "",
    ),
    (
        "EndMark",
        "End Mark",
        "Normal",
        '<w:spacing w:before="360" w:after="0"/><w:jc w:val="center"/>',
        f'<w:b/><w:color w:val="{SLATE}"/>',
    ),
    (
        "EditionLabel",
        "Edition Label",
        "Normal",
        '<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="2" '
        f'w:color="{RULE}"/></w:pBdr><w:spacing w:after="120"/>',
        f'<w:b/><w:caps/><w:color w:val="{SLATE}"/><w:spacing w:val="20"/><w:sz w:val="17"/><w:szCs w:val="17"/>',
    ),
    (
        "Header",
        "header",
        "Normal",
        '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="6" w:color="{navy}"/></w:pBdr>'
        '<w:tabs><w:tab w:val="center" w:pos="4535"/><w:tab w:val="right" w:pos="9070"/>'
        '</w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'.replace("{navy}", NAVY),
        f'<w:b/><w:smallCaps/><w:color w:val="{NAVY}"/><w:spacing w:val="10"/><w:sz w:val="20"/><w:szCs w:val="20"/>',
    ),
    (
        "Footer",
        "footer",
        "Normal",
        '<w:tabs><w:tab w:val="center" w:pos="4535"/><w:tab w:val="right" w:pos="9070"/>'
        '</w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
        f'<w:color w:val="{GREY}"/><w:sz w:val="17"/><w:szCs w:val="17"/>',
    ),
]

#: The role of each paragraph style, for readers of this module: kind → style id.
KIND_STYLE_IDS = {
    "release": "ReleaseLine",
    "headline": "Headline",
    "subheadline": "Subheadline",
    "heading": "SectionHeading",
    "dateline": "Dateline",
    "paragraph": "BodyText",
    "quote": "Quote",
    "bullet": "ListBullet",
    "number": "ListNumber",
    "about": "Boilerplate",
    "contact": "Contact",
    "closing": "Closing",
    "end": "EndMark",
}


def _rfonts(font: str) -> str:
    return f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'


def _styles_xml(font: str = FONT, lang: str = "en-US") -> str:
    lang_el = f'<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/>'
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<w:styles xmlns:w="{W_NS}" xmlns:r="{R_NS}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>",
        _rfonts(font),
        f'<w:sz w:val="22"/><w:szCs w:val="22"/>{lang_el}',
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
        '<w:spacing w:after="160" w:line="276" w:lineRule="auto"/>',
        "</w:pPr></w:pPrDefault></w:docDefaults>",
    ]
    for style_id, name, based_on, ppr, rpr in _PARAGRAPH_STYLES:
        default = ' w:default="1"' if style_id == "Normal" else ""
        out.append(f'<w:style w:type="paragraph"{default} w:styleId="{style_id}">')
        out.append(f'<w:name w:val="{name}"/>')
        if based_on:
            out.append(f'<w:basedOn w:val="{based_on}"/>')
        if style_id in ("Headline", "Subheadline", "ReleaseLine"):
            out.append('<w:next w:val="BodyText"/>')
        out.append("<w:qFormat/>" if style_id not in ("Header", "Footer") else "")
        if ppr:
            out.append(f"<w:pPr>{ppr}</w:pPr>")
        out.append(f"<w:rPr>{rpr}{lang_el}</w:rPr></w:style>")
    out += [
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">',
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>',
        "<w:unhideWhenUsed/></w:style>",
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>',
        '<w:basedOn w:val="DefaultParagraphFont"/><w:unhideWhenUsed/>',
        f'<w:rPr><w:color w:val="{NAVY}"/><w:u w:val="single"/></w:rPr></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">',
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>',
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>',
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>',
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>',
        "</w:tblCellMar></w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList">',
        '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>',
        "<w:unhideWhenUsed/></w:style>",
        "</w:styles>",
    ]
    return "".join(out)


def _numbering_xml(font: str = FONT) -> str:
    bullets = ["•", "–", "▪"]
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<w:numbering xmlns:w="{W_NS}">',
        '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>',
    ]
    for lvl in range(9):
        char = bullets[lvl % 3] if lvl % 3 != 2 else "•"
        left = 567 + lvl * 425
        out.append(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            f'<w:lvlText w:val="{char}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="283"/></w:pPr>'
            f'<w:rPr>{_rfonts(font)}<w:color w:val="{NAVY}"/></w:rPr></w:lvl>'
        )
    out.append("</w:abstractNum>")
    out.append('<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>')
    formats = [("decimal", "%{n}."), ("lowerLetter", "%{n})"), ("lowerRoman", "%{n}.")]
    for lvl in range(9):
        fmt, text = formats[lvl % 3]
        left = 567 + lvl * 425
        out.append(
            f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text.format(n=lvl + 1)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="340"/></w:pPr></w:lvl>'
        )
    out.append("</w:abstractNum>")
    out.append('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    out.append('<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    out.append("</w:numbering>")
    return "".join(out)


def _document_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        '<w:sectPr><w:headerReference w:type="default" r:id="rId4"/>'
        '<w:footerReference w:type="default" r:id="rId5"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1474" w:right="1418" w:bottom="1418" w:left="1418" w:header="680" '
        'w:footer="567" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/>'
        "</w:sectPr></w:body></w:document>"
    )


def _header_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Header"/>'
        "</w:pPr><w:r><w:t>{{issuer}}</w:t></w:r></w:p></w:hdr>"
    )


def _footer_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="Footer"/>'
        "</w:pPr><w:r><w:t>{{page}}</w:t></w:r></w:p></w:ftr>"
    )


def _settings_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/><w:characterSpacingControl w:val="doNotCompress"/>'
        "<w:compat>"
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/'
        'office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US"/><w:decimalSymbol w:val=","/>'
        '<w:listSeparator w:val=";"/></w:settings>'
    )


def _font_table_xml(font: str = FONT) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:fonts xmlns:w="{W_NS}"><w:font w:name="{font}">'
        '<w:panose1 w:val="020F0502020204030204"/><w:charset w:val="A2"/>'
        '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>'
    )


_CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Letterhead</dc:title>'
    "<dc:creator>pressdraft</dc:creator><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-01T00:00:00Z</dcterms:modified>'
    "</cp:coreProperties>"
)

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>letterhead.docx</Template><TotalTime>0</TotalTime>"
    "<Application>pressdraft</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "<AppVersion>1.0000</AppVersion></Properties>"
)

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.extended-properties+xml"/></Types>'
)

_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RT}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_RT}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)

_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RT}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_RT}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId3" Type="{_RT}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId4" Type="{_RT}/header" Target="header1.xml"/>'
    f'<Relationship Id="rId5" Type="{_RT}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rId6" Type="{_RT}/fontTable" Target="fontTable.xml"/>'
    "</Relationships>"
)


def build_letterhead(font: str = FONT) -> bytes:
    """The default letterhead as .docx bytes (deterministic: fixed zip timestamps)."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PKG_RELS,
        "docProps/core.xml": _CORE_XML,
        "docProps/app.xml": _APP_XML,
        "word/document.xml": _document_xml(),
        "word/_rels/document.xml.rels": _DOC_RELS,
        "word/styles.xml": _styles_xml(font),
        "word/numbering.xml": _numbering_xml(font),
        "word/settings.xml": _settings_xml(),
        "word/fontTable.xml": _font_table_xml(font),
        "word/header1.xml": _header_xml(),
        "word/footer1.xml": _footer_xml(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, xml.encode("utf-8"))
    return buffer.getvalue()


def add_logo(letterhead: bytes, logo: bytes, height_cm: float = 1.4) -> bytes:
    """A copy of ``letterhead`` with ``logo`` (PNG/JPEG) before the issuer's name in the header."""
    import docx
    from docx.shared import Cm

    from .ooxml import save_deterministic

    document = docx.Document(io.BytesIO(letterhead))
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(logo), height=Cm(height_cm))
    run.add_tab()
    paragraph._p.remove(run._r)  # move the picture run to the front  # noqa: SLF001
    paragraph._p.insert(1, run._r)  # noqa: SLF001
    return save_deterministic(document)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--logo", type=Path, help="a PNG or JPEG logo for the header")
    parser.add_argument("--font", default=FONT)
    args = parser.parse_args(argv)
    data = build_letterhead(args.font)
    if args.logo:
        data = add_logo(data, args.logo.read_bytes())
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
