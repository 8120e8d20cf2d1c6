"""A realistic release in Turkish, Azerbaijani and English, written to the templates' Markdown
contract (built here, so the tests do not depend on anything outside the project)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx.document import Document

import docx
from pressdraft.blocks import Block, parse_markdown
from pressdraft.docx import DocumentInfo, write_docx, write_side_by_side

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
