# ruff: noqa: E501  (tables read best one row per line)
"""Only a known head noun makes a name a possessive compound (pronominal n: Sarayı'nda, Birliği'ne);
every other final vowel belongs to the name (İbrahim Reisi'de, Nizami Gəncəvidə).

Rules: conventions.md R3/R12 (yksedebiyat.org, yilmazelgun.wordpress.com), A2/A10 (kamilinfo.net,
legalacts.az), issue 13. The heads are stems in ``language/data/<lang>.yaml``; their possessive
spellings are derived by :func:`pressdraft.language.phonology.possessive_forms`. Columns follow
CASES: locative, ablative, dative, genitive, accusative, instrumental (az: ``ilə`` apart).
"""

from __future__ import annotations

from typing import Any

import pytest

from pressdraft.language import inflect
from pressdraft.language.phonology import possessive_forms

from ._helpers import Row, expand, norm

TR_NAMES_IN_I: list[Row] = [
    # issue 13: İbrahim Reisi'de, Hoca Ahmet Yesevi'de, not -'nde: the final i is the name's own
    (
        "İbrahim Reisi",
        {},
        (
            "İbrahim Reisi'de",
            "İbrahim Reisi'den",
            "İbrahim Reisi'ye",
            "İbrahim Reisi'nin",
            "İbrahim Reisi'yi",
            "İbrahim Reisi'yle",
        ),
    ),
    (
        "Hoca Ahmet Yesevi",
        {},
        (
            "Hoca Ahmet Yesevi'de",
            "Hoca Ahmet Yesevi'den",
            "Hoca Ahmet Yesevi'ye",
            "Hoca Ahmet Yesevi'nin",
            "Hoca Ahmet Yesevi'yi",
            "Hoca Ahmet Yesevi'yle",
        ),
    ),
    # Evliya Çelebi'yi (sbaedebiyat.blogspot.com), Evliya Çelebi'nin (kirmizilar.com)
    (
        "Evliya Çelebi",
        {},
        (
            "Evliya Çelebi'de",
            "Evliya Çelebi'den",
            "Evliya Çelebi'ye",
            "Evliya Çelebi'nin",
            "Evliya Çelebi'yi",
            "Evliya Çelebi'yle",
        ),
    ),
    # Seyyid Battal Gazi'ye (dunyabizim.com, quoting the Seyahatname)
    (
        "Seyyid Battal Gazi",
        {},
        (
            "Seyyid Battal Gazi'de",
            "Seyyid Battal Gazi'den",
            "Seyyid Battal Gazi'ye",
            "Seyyid Battal Gazi'nin",
            "Seyyid Battal Gazi'yi",
            "Seyyid Battal Gazi'yle",
        ),
    ),
    # ⚠ rule: nisba and foreign names in -i, harmonic with the stem or not, are no possessives
    (
        "Nizami Gencevi",
        {},
        (
            "Nizami Gencevi'de",
            "Nizami Gencevi'den",
            "Nizami Gencevi'ye",
            "Nizami Gencevi'nin",
            "Nizami Gencevi'yi",
            "Nizami Gencevi'yle",
        ),
    ),
    (
        "Nuri el-Maliki",
        {},
        (
            "Nuri el-Maliki'de",
            "Nuri el-Maliki'den",
            "Nuri el-Maliki'ye",
            "Nuri el-Maliki'nin",
            "Nuri el-Maliki'yi",
            "Nuri el-Maliki'yle",
        ),
    ),
    (
        "Beji Caid Essebsi",
        {},
        (
            "Beji Caid Essebsi'de",
            "Beji Caid Essebsi'den",
            "Beji Caid Essebsi'ye",
            "Beji Caid Essebsi'nin",
            "Beji Caid Essebsi'yi",
            "Beji Caid Essebsi'yle",
        ),
    ),
    (
        "Seyyid Nesimi",
        {},
        (
            "Seyyid Nesimi'de",
            "Seyyid Nesimi'den",
            "Seyyid Nesimi'ye",
            "Seyyid Nesimi'nin",
            "Seyyid Nesimi'yi",
            "Seyyid Nesimi'yle",
        ),
    ),
    (
        "Mevlana Celaleddin Rumi",
        {},
        (
            "Mevlana Celaleddin Rumi'de",
            "Mevlana Celaleddin Rumi'den",
            "Mevlana Celaleddin Rumi'ye",
            "Mevlana Celaleddin Rumi'nin",
            "Mevlana Celaleddin Rumi'yi",
            "Mevlana Celaleddin Rumi'yle",
        ),
    ),
    (
        "Sadi Şirazi",
        {},
        ("Sadi Şirazi'de", "Sadi Şirazi'den", "Sadi Şirazi'ye", "Sadi Şirazi'nin", "Sadi Şirazi'yi", "Sadi Şirazi'yle"),
    ),
    (
        "Giorgia Meloni",
        {},
        (
            "Giorgia Meloni'de",
            "Giorgia Meloni'den",
            "Giorgia Meloni'ye",
            "Giorgia Meloni'nin",
            "Giorgia Meloni'yi",
            "Giorgia Meloni'yle",
        ),
    ),
    (
        "Ali Larijani",
        {},
        (
            "Ali Larijani'de",
            "Ali Larijani'den",
            "Ali Larijani'ye",
            "Ali Larijani'nin",
            "Ali Larijani'yi",
            "Ali Larijani'yle",
        ),
    ),
    (
        "Narendra Modi",
        {},
        (
            "Narendra Modi'de",
            "Narendra Modi'den",
            "Narendra Modi'ye",
            "Narendra Modi'nin",
            "Narendra Modi'yi",
            "Narendra Modi'yle",
        ),
    ),
]

TR_HEADS: list[Row] = [
    # R12/R3: a known head noun in its possessive form (yksedebiyat.org: Dolmabahçe Sarayı'ndan, Avrupa Birliği'ne); ⚠ these heads by rule
    (
        "Galata Kulesi",
        {},
        (
            "Galata Kulesi'nde",
            "Galata Kulesi'nden",
            "Galata Kulesi'ne",
            "Galata Kulesi'nin",
            "Galata Kulesi'ni",
            "Galata Kulesi'yle",
        ),
    ),
    (
        "Topkapı Sarayı",
        {},
        (
            "Topkapı Sarayı'nda",
            "Topkapı Sarayı'ndan",
            "Topkapı Sarayı'na",
            "Topkapı Sarayı'nın",
            "Topkapı Sarayı'nı",
            "Topkapı Sarayı'yla",
        ),
    ),
    (
        "Avrupa Konseyi",
        {},
        (
            "Avrupa Konseyi'nde",
            "Avrupa Konseyi'nden",
            "Avrupa Konseyi'ne",
            "Avrupa Konseyi'nin",
            "Avrupa Konseyi'ni",
            "Avrupa Konseyi'yle",
        ),
    ),
    (
        "İstanbul Üniversitesi",
        {},
        (
            "İstanbul Üniversitesi'nde",
            "İstanbul Üniversitesi'nden",
            "İstanbul Üniversitesi'ne",
            "İstanbul Üniversitesi'nin",
            "İstanbul Üniversitesi'ni",
            "İstanbul Üniversitesi'yle",
        ),
    ),
    (
        "Dışişleri Bakanlığı",
        {},
        (
            "Dışişleri Bakanlığı'nda",
            "Dışişleri Bakanlığı'ndan",
            "Dışişleri Bakanlığı'na",
            "Dışişleri Bakanlığı'nın",
            "Dışişleri Bakanlığı'nı",
            "Dışişleri Bakanlığı'yla",
        ),
    ),
    (
        "Ağrı Dağı",
        {},
        ("Ağrı Dağı'nda", "Ağrı Dağı'ndan", "Ağrı Dağı'na", "Ağrı Dağı'nın", "Ağrı Dağı'nı", "Ağrı Dağı'yla"),
    ),
    (
        "Efes Antik Kenti",
        {},
        (
            "Efes Antik Kenti'nde",
            "Efes Antik Kenti'nden",
            "Efes Antik Kenti'ne",
            "Efes Antik Kenti'nin",
            "Efes Antik Kenti'ni",
            "Efes Antik Kenti'yle",
        ),
    ),
    # ⚠ derived spellings: k→ğ softening would not matter here, p→b (Kulübü), vowel drop (Vakfı), plural (Dağları, Emirlikleri), a one-word compound (Havalimanı)
    (
        "Galatasaray Kulübü",
        {},
        (
            "Galatasaray Kulübü'nde",
            "Galatasaray Kulübü'nden",
            "Galatasaray Kulübü'ne",
            "Galatasaray Kulübü'nün",
            "Galatasaray Kulübü'nü",
            "Galatasaray Kulübü'yle",
        ),
    ),
    (
        "Türkiye Diyanet Vakfı",
        {},
        (
            "Türkiye Diyanet Vakfı'nda",
            "Türkiye Diyanet Vakfı'ndan",
            "Türkiye Diyanet Vakfı'na",
            "Türkiye Diyanet Vakfı'nın",
            "Türkiye Diyanet Vakfı'nı",
            "Türkiye Diyanet Vakfı'yla",
        ),
    ),
    (
        "Kaçkar Dağları",
        {},
        (
            "Kaçkar Dağları'nda",
            "Kaçkar Dağları'ndan",
            "Kaçkar Dağları'na",
            "Kaçkar Dağları'nın",
            "Kaçkar Dağları'nı",
            "Kaçkar Dağları'yla",
        ),
    ),
    (
        "Birleşik Arap Emirlikleri",
        {},
        (
            "Birleşik Arap Emirlikleri'nde",
            "Birleşik Arap Emirlikleri'nden",
            "Birleşik Arap Emirlikleri'ne",
            "Birleşik Arap Emirlikleri'nin",
            "Birleşik Arap Emirlikleri'ni",
            "Birleşik Arap Emirlikleri'yle",
        ),
    ),
    (
        "Sabiha Gökçen Havalimanı",
        {},
        (
            "Sabiha Gökçen Havalimanı'nda",
            "Sabiha Gökçen Havalimanı'ndan",
            "Sabiha Gökçen Havalimanı'na",
            "Sabiha Gökçen Havalimanı'nın",
            "Sabiha Gökçen Havalimanı'nı",
            "Sabiha Gökçen Havalimanı'yla",
        ),
    ),
]

TR_QUOTED: list[Row] = [
    # R14: the ending follows the closing quote without an apostrophe (dersimizedebiyat.org);
    # ⚠ rule: a quoted name ending in a head keeps its pronominal n
    ("“Anadolu Ajansı”", {}, ("“Anadolu Ajansı”nda", "", "“Anadolu Ajansı”na", "“Anadolu Ajansı”nın", "", "")),
    ("“Reisi”", {}, ("“Reisi”de", "", "“Reisi”ye", "", "", "")),
]

TR_EVENTS_AND_DOCUMENTS: list[Row] = [
    # the reference release's memorandum (gazetehurriyet.com: "… Mutabakat Zaptı"); ⚠ rule:
    # â harmonises as a (Harekâtı'nda), events and documents are heads too
    (
        "Mutabakat Zaptı",
        {},
        ("Mutabakat Zaptı'nda", "", "Mutabakat Zaptı'na", "Mutabakat Zaptı'nın", "Mutabakat Zaptı'nı", ""),
    ),
    (
        "Kıbrıs Barış Harekâtı",
        {},
        ("Kıbrıs Barış Harekâtı'nda", "", "Kıbrıs Barış Harekâtı'na", "", "Kıbrıs Barış Harekâtı'nı", ""),
    ),
    ("Cumhuriyet Bayramı", {}, ("Cumhuriyet Bayramı'nda", "", "Cumhuriyet Bayramı'na", "", "", "")),
    (
        "Türk Konseyi Medya Forumu",
        {},
        ("Türk Konseyi Medya Forumu'nda", "", "Türk Konseyi Medya Forumu'na", "", "", ""),
    ),
]

AZ_NAMES_IN_I: list[Row] = [
    # issue 13: Xoca Əhməd Yəsəvidə, Nizami Gəncəvidə; Nizami Gəncəvinin (azerbaijans.com, az.wikipedia.org)
    (
        "Nizami Gəncəvi",
        {},
        (
            "Nizami Gəncəvidə",
            "Nizami Gəncəvidən",
            "Nizami Gəncəviyə",
            "Nizami Gəncəvinin",
            "Nizami Gəncəvini",
            "Nizami Gəncəvi ilə",
        ),
    ),
    (
        "Xoca Əhməd Yəsəvi",
        {},
        (
            "Xoca Əhməd Yəsəvidə",
            "Xoca Əhməd Yəsəvidən",
            "Xoca Əhməd Yəsəviyə",
            "Xoca Əhməd Yəsəvinin",
            "Xoca Əhməd Yəsəvini",
            "Xoca Əhməd Yəsəvi ilə",
        ),
    ),
    # ⚠ rule: nisba and foreign names in -i are no possessives (A2 buffers: -nı after a vowel)
    (
        "Məhsəti Gəncəvi",
        {},
        (
            "Məhsəti Gəncəvidə",
            "Məhsəti Gəncəvidən",
            "Məhsəti Gəncəviyə",
            "Məhsəti Gəncəvinin",
            "Məhsəti Gəncəvini",
            "Məhsəti Gəncəvi ilə",
        ),
    ),
    (
        "Qətran Təbrizi",
        {},
        (
            "Qətran Təbrizidə",
            "Qətran Təbrizidən",
            "Qətran Təbriziyə",
            "Qətran Təbrizinin",
            "Qətran Təbrizini",
            "Qətran Təbrizi ilə",
        ),
    ),
    (
        "İbrahim Rəisi",
        {},
        (
            "İbrahim Rəisidə",
            "İbrahim Rəisidən",
            "İbrahim Rəisiyə",
            "İbrahim Rəisinin",
            "İbrahim Rəisini",
            "İbrahim Rəisi ilə",
        ),
    ),
    (
        "İmadəddin Nəsimi",
        {},
        (
            "İmadəddin Nəsimidə",
            "İmadəddin Nəsimidən",
            "İmadəddin Nəsimiyə",
            "İmadəddin Nəsiminin",
            "İmadəddin Nəsimini",
            "İmadəddin Nəsimi ilə",
        ),
    ),
    (
        "Fəzlullah Nəimi",
        {},
        (
            "Fəzlullah Nəimidə",
            "Fəzlullah Nəimidən",
            "Fəzlullah Nəimiyə",
            "Fəzlullah Nəiminin",
            "Fəzlullah Nəimini",
            "Fəzlullah Nəimi ilə",
        ),
    ),
    (
        "Nuri əl-Maliki",
        {},
        (
            "Nuri əl-Malikidə",
            "Nuri əl-Malikidən",
            "Nuri əl-Malikiyə",
            "Nuri əl-Malikinin",
            "Nuri əl-Malikini",
            "Nuri əl-Maliki ilə",
        ),
    ),
    (
        "Xaqani Şirvani",
        {},
        (
            "Xaqani Şirvanidə",
            "Xaqani Şirvanidən",
            "Xaqani Şirvaniyə",
            "Xaqani Şirvaninin",
            "Xaqani Şirvanini",
            "Xaqani Şirvani ilə",
        ),
    ),
    (
        "Cəlaləddin Rumi",
        {},
        (
            "Cəlaləddin Rumidə",
            "Cəlaləddin Rumidən",
            "Cəlaləddin Rumiyə",
            "Cəlaləddin Ruminin",
            "Cəlaləddin Rumini",
            "Cəlaləddin Rumi ilə",
        ),
    ),
    (
        "Narendra Modi",
        {},
        (
            "Narendra Modidə",
            "Narendra Modidən",
            "Narendra Modiyə",
            "Narendra Modinin",
            "Narendra Modini",
            "Narendra Modi ilə",
        ),
    ),
]

AZ_EVENTS_AND_DOCUMENTS: list[Row] = [
    # the reference release's memorandum (AZERTAC via 1news.az: "… Anlaşma Memorandumu"); ⚠ rule
    (
        "Anlaşma Memorandumu",
        {},
        ("Anlaşma Memorandumunda", "", "Anlaşma Memorandumuna", "Anlaşma Memorandumunun", "", ""),
    ),
    ("Vətən Müharibəsi", {}, ("Vətən Müharibəsində", "", "Vətən Müharibəsinə", "", "Vətən Müharibəsini", "")),
]

AZ_QUOTED: list[Row] = [
    # A9: the ending follows the closing quote; a quoted name ending in a head keeps its pronominal
    # n: "Xalq qəzeti"nə istinad (xalqqazeti.com), “Xalq qəzeti”nin (language.az)
    ("“Xalq qəzeti”", {}, ("“Xalq qəzeti”ndə", "", "“Xalq qəzeti”nə", "“Xalq qəzeti”nin", "", "")),
]

AZ_HEADS: list[Row] = [
    # A10 (legalacts.az: Xarici İşlər Nazirliyi) and A2: a known head in its possessive form; ⚠ these heads by rule
    (
        "Gülüstan Sarayı",
        {},
        (
            "Gülüstan Sarayında",
            "Gülüstan Sarayından",
            "Gülüstan Sarayına",
            "Gülüstan Sarayının",
            "Gülüstan Sarayını",
            "Gülüstan Sarayı ilə",
        ),
    ),
    (
        "Xəzər Dənizi",
        {},
        (
            "Xəzər Dənizində",
            "Xəzər Dənizindən",
            "Xəzər Dənizinə",
            "Xəzər Dənizinin",
            "Xəzər Dənizini",
            "Xəzər Dənizi ilə",
        ),
    ),
    (
        "Azadlıq Meydanı",
        {},
        (
            "Azadlıq Meydanında",
            "Azadlıq Meydanından",
            "Azadlıq Meydanına",
            "Azadlıq Meydanının",
            "Azadlıq Meydanını",
            "Azadlıq Meydanı ilə",
        ),
    ),
    (
        "Müdafiə Nazirliyi",
        {},
        (
            "Müdafiə Nazirliyində",
            "Müdafiə Nazirliyindən",
            "Müdafiə Nazirliyinə",
            "Müdafiə Nazirliyinin",
            "Müdafiə Nazirliyini",
            "Müdafiə Nazirliyi ilə",
        ),
    ),
    (
        "Heydər Əliyev Mərkəzi",
        {},
        (
            "Heydər Əliyev Mərkəzində",
            "Heydər Əliyev Mərkəzindən",
            "Heydər Əliyev Mərkəzinə",
            "Heydər Əliyev Mərkəzinin",
            "Heydər Əliyev Mərkəzini",
            "Heydər Əliyev Mərkəzi ilə",
        ),
    ),
    (
        "Dövlət Təhlükəsizlik Xidməti",
        {},
        (
            "Dövlət Təhlükəsizlik Xidmətində",
            "Dövlət Təhlükəsizlik Xidmətindən",
            "Dövlət Təhlükəsizlik Xidmətinə",
            "Dövlət Təhlükəsizlik Xidmətinin",
            "Dövlət Təhlükəsizlik Xidmətini",
            "Dövlət Təhlükəsizlik Xidməti ilə",
        ),
    ),
    (
        "Bakı Dövlət Universiteti",
        {},
        (
            "Bakı Dövlət Universitetində",
            "Bakı Dövlət Universitetindən",
            "Bakı Dövlət Universitetinə",
            "Bakı Dövlət Universitetinin",
            "Bakı Dövlət Universitetini",
            "Bakı Dövlət Universiteti ilə",
        ),
    ),
    # ⚠ derived spellings: k→y (Birliyi), plural (Qüvvələri), vowel-final stem + -sı (Qalası), -lıq + possessive (Tərəfdaşlığı)
    (
        "Avropa Birliyi",
        {},
        (
            "Avropa Birliyində",
            "Avropa Birliyindən",
            "Avropa Birliyinə",
            "Avropa Birliyinin",
            "Avropa Birliyini",
            "Avropa Birliyi ilə",
        ),
    ),
    (
        "Silahlı Qüvvələri",
        {},
        (
            "Silahlı Qüvvələrində",
            "Silahlı Qüvvələrindən",
            "Silahlı Qüvvələrinə",
            "Silahlı Qüvvələrinin",
            "Silahlı Qüvvələrini",
            "Silahlı Qüvvələri ilə",
        ),
    ),
    (
        "Qız Qalası",
        {},
        ("Qız Qalasında", "Qız Qalasından", "Qız Qalasına", "Qız Qalasının", "Qız Qalasını", "Qız Qalası ilə"),
    ),
    (
        "Şərq Tərəfdaşlığı",
        {},
        (
            "Şərq Tərəfdaşlığında",
            "Şərq Tərəfdaşlığından",
            "Şərq Tərəfdaşlığına",
            "Şərq Tərəfdaşlığının",
            "Şərq Tərəfdaşlığını",
            "Şərq Tərəfdaşlığı ilə",
        ),
    ),
    (
        "Neftçi Klubu",
        {},
        (
            "Neftçi Klubunda",
            "Neftçi Klubundan",
            "Neftçi Klubuna",
            "Neftçi Klubunun",
            "Neftçi Klubunu",
            "Neftçi Klubu ilə",
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "options", "case", "expected"),
    list(
        expand(
            {
                "tr names in -i": TR_NAMES_IN_I,
                "tr heads": TR_HEADS,
                "tr events": TR_EVENTS_AND_DOCUMENTS,
                "tr quoted": TR_QUOTED,
            }
        )
    ),
)
def test_turkish_names_are_possessive_only_when_they_end_in_a_known_head(
    text: str, options: dict[str, Any], case: str, expected: str
) -> None:
    assert norm(inflect(text, case, "tr", **options)) == expected


@pytest.mark.parametrize(
    ("text", "options", "case", "expected"),
    list(
        expand(
            {
                "az names in -i": AZ_NAMES_IN_I,
                "az heads": AZ_HEADS,
                "az events": AZ_EVENTS_AND_DOCUMENTS,
                "az quoted": AZ_QUOTED,
            }
        )
    ),
)
def test_azerbaijani_names_are_possessive_only_when_they_end_in_a_known_head(
    text: str, options: dict[str, Any], case: str, expected: str
) -> None:
    assert inflect(text, case, "az", **options) == expected


def test_the_tables_hold_thirty_names_in_i_and_the_issue_examples() -> None:
    names = {text for text, _, _ in TR_NAMES_IN_I + AZ_NAMES_IN_I}
    assert len(names) >= 20
    assert len(names | {text for text, _, _ in TR_HEADS + AZ_HEADS}) >= 30
    assert {"İbrahim Reisi", "Hoca Ahmet Yesevi", "Xoca Əhməd Yəsəvi", "Nizami Gəncəvi"} <= names


@pytest.mark.parametrize(
    ("stem", "lang", "spelling"),
    [
        # -sI after a vowel (R12 Kuşadası; kule → Galata Kulesi)
        ("kule", "tr", "kulesi"),
        ("idarə", "az", "idarəsi"),
        # -I after a consonant, by four-way harmony
        ("saray", "tr", "sarayı"),
        ("köprü", "tr", "köprüsü"),
        ("universitet", "az", "universiteti"),
        # softening: tr k→ğ, ç→c, p→b; az k→y (birlik → Avrupa Birliği / Birliyi)
        ("birlik", "tr", "birliği"),
        ("güç", "tr", "gücü"),
        ("kulüp", "tr", "kulübü"),
        ("birlik", "az", "birliyi"),
        # a loanword keeps its consonant (A4: İraqa): both spellings count
        ("devlet", "tr", "devleti"),
        # a high vowel drops (vakıf → Vakfı, şehir → şehri, oğul → oğlu)
        ("vakıf", "tr", "vakfı"),
        ("oğul", "tr", "oğlu"),
        # the plural with the possessive (Devletleri, Qüvvələri)
        ("devlet", "tr", "devletleri"),
        ("qüvvə", "az", "qüvvələri"),
        # a palatal final l takes front endings (Festivali, R4 as Kemal'in)
        ("festival", "tr", "festivali"),
        # a circumflex vowel harmonises as its plain vowel (harekât → Harekâtı)
        ("harekât", "tr", "harekâtı"),
    ],
)
def test_possessive_forms_derive_every_spelling_of_a_head(stem: str, lang: str, spelling: str) -> None:
    assert spelling in possessive_forms(stem, lang)
