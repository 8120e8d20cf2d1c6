# ruff: noqa: E501  (tables read best one row per line)
"""Turkish case endings on proper names, abbreviations, numbers and dates.

Every row cites its source; rule ids (R1–R15) refer to conventions.md §1, whose sources are
TDK's Yazım Kılavuzu as reproduced at turkcenindirilisi.com, yksedebiyat.org,
yilmazelgun.wordpress.com, nasil-yazilir.com (TDK quote on abbreviations), egitimsistem.com,
dersimizedebiyat.org, eokultv and the attested news forms listed there. Columns follow
CASES: locative, ablative, dative, genitive, accusative, instrumental.
"""

from __future__ import annotations

from typing import Any

import pytest

from pressdraft.language import Name, inflect

from ._helpers import Row, expand, norm

PLACES_AND_PEOPLE: list[Row] = [
    # R1, R4, R6 (yksedebiyat.org); İstanbul'da in the reference release
    ("İstanbul", {}, ("İstanbul'da", "İstanbul'dan", "İstanbul'a", "İstanbul'un", "İstanbul'u", "İstanbul'la")),
    # R6 (Ankara'ya, Ankara'yı, Ankara'nın); Ankara'yı attested (internethaber.com 2019); ile: brief
    ("Ankara", {}, ("Ankara'da", "Ankara'dan", "Ankara'ya", "Ankara'nın", "Ankara'yı", "Ankara'yla")),
    # Bakü'ye attested (internethaber.com); Bakü'nün R4; Bakü'de in the reference release
    ("Bakü", {}, ("Bakü'de", "Bakü'den", "Bakü'ye", "Bakü'nün", "Bakü'yü", "Bakü'yle")),
    # R5 Paris'te; ile Paris'le (brief)
    ("Paris", {}, ("Paris'te", "Paris'ten", "Paris'e", "Paris'in", "Paris'i", "Paris'le")),
    # R5 Kars'ta
    ("Kars", {}, ("Kars'ta", "Kars'tan", "Kars'a", "Kars'ın", "Kars'ı", "Kars'la")),
    # R5, R7; Irak'taki attested (sonhaberler.com); Irak'a (brief)
    ("Irak", {}, ("Irak'ta", "Irak'tan", "Irak'a", "Irak'ın", "Irak'ı", "Irak'la")),
    # R7 Sinop'a, not *Sinob'a (yilmazelgun.wordpress.com, huseyinarasli.com)
    ("Sinop", {}, ("Sinop'ta", "Sinop'tan", "Sinop'a", "Sinop'un", "Sinop'u", "Sinop'la")),
    # R7 Ahmet'i (read Ahmedi) (huseyinarasli.com, dersimizedebiyat.org)
    ("Ahmet", {}, ("Ahmet'te", "Ahmet'ten", "Ahmet'e", "Ahmet'in", "Ahmet'i", "Ahmet'le")),
    # R7 Zonguldak'a (yilmazelgun.wordpress.com)
    ("Zonguldak", {}, ("Zonguldak'ta", "Zonguldak'tan", "Zonguldak'a", "Zonguldak'ın", "Zonguldak'ı", "Zonguldak'la")),
    # R7 Kerkük'ün (dersimizedebiyat.org)
    ("Kerkük", {}, ("Kerkük'te", "Kerkük'ten", "Kerkük'e", "Kerkük'ün", "Kerkük'ü", "Kerkük'le")),
    # R5 Gaziantep'te (ekler docs); R7 no softening
    ("Gaziantep", {}, ("Gaziantep'te", "Gaziantep'ten", "Gaziantep'e", "Gaziantep'in", "Gaziantep'i", "Gaziantep'le")),
    # Hankendi'de, Hankendi'nin (milatgazetesi.com), Hankendi'ye (internethaber.com)
    ("Hankendi", {}, ("Hankendi'de", "Hankendi'den", "Hankendi'ye", "Hankendi'nin", "Hankendi'yi", "Hankendi'yle")),
    # Hocalı'da attested (internethaber.com); single word, not possessive (brief)
    ("Hocalı", {}, ("Hocalı'da", "Hocalı'dan", "Hocalı'ya", "Hocalı'nın", "Hocalı'yı", "Hocalı'yla")),
    # Şuşa'ya attested (internethaber.com); R6
    ("Şuşa", {}, ("Şuşa'da", "Şuşa'dan", "Şuşa'ya", "Şuşa'nın", "Şuşa'yı", "Şuşa'yla")),
    # Karabağ'daki attested (internethaber.com, aksutvhaber.net) → Karabağ'da
    ("Karabağ", {}, ("Karabağ'da", "Karabağ'dan", "Karabağ'a", "Karabağ'ın", "Karabağ'ı", "Karabağ'la")),
    # Azerbaycan'ı attested (aksutvhaber.net); R4
    (
        "Azerbaycan",
        {},
        ("Azerbaycan'da", "Azerbaycan'dan", "Azerbaycan'a", "Azerbaycan'ın", "Azerbaycan'ı", "Azerbaycan'la"),
    ),
    # Bağdat'a attested (tr.irna.ir); R5 t after t
    ("Bağdat", {}, ("Bağdat'ta", "Bağdat'tan", "Bağdat'a", "Bağdat'ın", "Bağdat'ı", "Bağdat'la")),
    # Türkiye'nin in the directory text (data/directory.yaml); R6
    ("Türkiye", {}, ("Türkiye'de", "Türkiye'den", "Türkiye'ye", "Türkiye'nin", "Türkiye'yi", "Türkiye'yle")),
    # §3 Iğdır (dotless I); R4 back harmony from ı
    ("Iğdır", {}, ("Iğdır'da", "Iğdır'dan", "Iğdır'a", "Iğdır'ın", "Iğdır'ı", "Iğdır'la")),
    # R4 Hacıyev'in (conventions §1.1); Hikmet Hacıyev'in attested (aksutvhaber.net)
    ("Hacıyev", {}, ("Hacıyev'de", "Hacıyev'den", "Hacıyev'e", "Hacıyev'in", "Hacıyev'i", "Hacıyev'le")),
    ("Hikmet Hacıyev", {}, ("", "", "Hikmet Hacıyev'e", "Hikmet Hacıyev'in", "Hikmet Hacıyev'i", "")),
    # Aliyev'in attested (milatgazetesi.com, AA copy)
    ("Aliyev", {}, ("Aliyev'de", "Aliyev'den", "Aliyev'e", "Aliyev'in", "Aliyev'i", "Aliyev'le")),
    ("İlham Aliyev", {}, ("", "", "İlham Aliyev'e", "İlham Aliyev'in", "İlham Aliyev'i", "İlham Aliyev'le")),
    # R4 Altun'un (conventions §1.1)
    ("Altun", {}, ("Altun'da", "Altun'dan", "Altun'a", "Altun'un", "Altun'u", "Altun'la")),
    ("Fahrettin Altun", {}, ("", "", "Fahrettin Altun'a", "Fahrettin Altun'un", "Fahrettin Altun'u", "")),
    # R4, R6 (standard grammar)
    ("Erdoğan", {}, ("Erdoğan'da", "Erdoğan'dan", "Erdoğan'a", "Erdoğan'ın", "Erdoğan'ı", "Erdoğan'la")),
    # R1 Ali Bey'in; R15 current TDK rules (turkcenindirilisi.com)
    ("Ali Bey", {}, ("Ali Bey'de", "Ali Bey'den", "Ali Bey'e", "Ali Bey'in", "Ali Bey'i", "Ali Bey'le")),
    # R15 Ayşe Hanım'a (turkcenindirilisi.com)
    ("Ayşe Hanım", {}, ("", "", "Ayşe Hanım'a", "Ayşe Hanım'ın", "Ayşe Hanım'ı", "")),
    # R4, R5 (k voiceless); New York'un: last word decides (R3)
    ("New York", {}, ("New York'ta", "New York'tan", "New York'a", "New York'un", "New York'u", "New York'la")),
    # Hakkâri: the circumflex letter counts as its vowel (R4)
    ("Hakkâri", {}, ("Hakkâri'de", "Hakkâri'den", "Hakkâri'ye", "Hakkâri'nin", "Hakkâri'yi", "Hakkâri'yle")),
]

ABBREVIATIONS: list[Row] = [
    # R8 ABD'de (nasil-yazilir.com TDK quote, egitimsistem.com); ABD'yle (brief)
    ("ABD", {}, ("ABD'de", "ABD'den", "ABD'ye", "ABD'nin", "ABD'yi", "ABD'yle")),
    # R8 TDK'den, not *TDK'ten (nasil-yazilir.com)
    ("TDK", {}, ("TDK'de", "TDK'den", "TDK'ye", "TDK'nin", "TDK'yi", "TDK'yle")),
    # R8 TBMM'ye (egitimsistem.com)
    ("TBMM", {}, ("TBMM'de", "TBMM'den", "TBMM'ye", "TBMM'nin", "TBMM'yi", "TBMM'yle")),
    # R8 TL'nin (nasil-yazilir.com)
    ("TL", {}, ("TL'de", "TL'den", "TL'ye", "TL'nin", "TL'yi", "TL'yle")),
    # R8 AB'den (egitimsistem.com)
    ("AB", {}, ("AB'de", "AB'den", "AB'ye", "AB'nin", "AB'yi", "AB'yle")),
    # BM'nin attested (formathaber.com); R8
    ("BM", {}, ("BM'de", "BM'den", "BM'ye", "BM'nin", "BM'yi", "BM'yle")),
    # R8 THY'de (nasil-yazilir.com)
    ("THY", {}, ("THY'de", "THY'den", "THY'ye", "THY'nin", "THY'yi", "THY'yle")),
    # R8 TRT'den (nasil-yazilir.com)
    ("TRT", {}, ("TRT'de", "TRT'den", "TRT'ye", "TRT'nin", "TRT'yi", "TRT'yle")),
    # R8 BDT'ye (nasil-yazilir.com)
    ("BDT", {}, ("BDT'de", "BDT'den", "BDT'ye", "BDT'nin", "BDT'yi", "BDT'yle")),
    # R8 RTÜK'ün: read as a word [rtük] (egitimsistem.com; brief)
    ("RTÜK", {}, ("RTÜK'te", "RTÜK'ten", "RTÜK'e", "RTÜK'ün", "RTÜK'ü", "RTÜK'le")),
    # R9 NATO'dan (nasil-yazilir.com, gorgoda.com); NATO'yla (brief)
    ("NATO", {}, ("NATO'da", "NATO'dan", "NATO'ya", "NATO'nun", "NATO'yu", "NATO'yla")),
    # R9 UNESCO'ya (nasil-yazilir.com)
    ("UNESCO", {}, ("UNESCO'da", "UNESCO'dan", "UNESCO'ya", "UNESCO'nun", "UNESCO'yu", "UNESCO'yla")),
    # R9 ASELSAN'da (f.eba.gov.tr)
    ("ASELSAN", {}, ("ASELSAN'da", "ASELSAN'dan", "ASELSAN'a", "ASELSAN'ın", "ASELSAN'ı", "ASELSAN'la")),
    # R9 BOTAŞ'ın (gorgoda.com); R5 ş is voiceless
    ("BOTAŞ", {}, ("BOTAŞ'ta", "BOTAŞ'tan", "BOTAŞ'a", "BOTAŞ'ın", "BOTAŞ'ı", "BOTAŞ'la")),
    # R9 TÜBİTAK'ın, not *TÜBİTAĞ'ın (nasil-yazilir.com)
    ("TÜBİTAK", {}, ("TÜBİTAK'ta", "TÜBİTAK'tan", "TÜBİTAK'a", "TÜBİTAK'ın", "TÜBİTAK'ı", "TÜBİTAK'la")),
    # R9 İGDAŞ'ta (gorgoda.com)
    ("İGDAŞ", {}, ("İGDAŞ'ta", "İGDAŞ'tan", "İGDAŞ'a", "İGDAŞ'ın", "İGDAŞ'ı", "İGDAŞ'la")),
    # R8 default for an unknown all-capital string: letter by letter, last letter ke (brief)
    ("XYZK", {}, ("XYZK'de", "XYZK'den", "XYZK'ye", "XYZK'nin", "XYZK'yi", "XYZK'yle")),
    # R8 with a directory reading "word" (R9): read as written
    ("KAPSAM", {"reading": "word"}, ("KAPSAM'da", "", "KAPSAM'a", "KAPSAM'ın", "", "")),
]

NUMBERS_AND_DATES: list[Row] = [
    # R13 2021'de (…bir); brief
    ("2021", {}, ("2021'de", "2021'den", "2021'e", "2021'in", "2021'i", "2021'le")),
    # R13 1985'te (…beş) (eokultv)
    ("1985", {}, ("1985'te", "1985'ten", "1985'e", "1985'in", "1985'i", "1985'le")),
    # R5 2025'te (beş)
    ("2025", {}, ("2025'te", "2025'ten", "2025'e", "2025'in", "2025'i", "2025'le")),
    # brief: 40'ta (kırk)
    ("40", {}, ("40'ta", "40'tan", "40'a", "40'ın", "40'ı", "40'la")),
    # brief: 100'den (yüz)
    ("100", {}, ("100'de", "100'den", "100'e", "100'ün", "100'ü", "100'le")),
    # brief: 6'da (altı); R6 buffers after a vowel
    ("6", {}, ("6'da", "6'dan", "6'ya", "6'nın", "6'yı", "6'yla")),
    # brief: 1000'de (bin)
    ("1000", {}, ("1000'de", "1000'den", "1000'e", "1000'in", "1000'i", "1000'le")),
    # R13 read as "bin": grouped digits are one number
    ("1.000", {}, ("1.000'de", "", "1.000'e", "1.000'in", "", "")),
    # R13 read "iki"; "üç" with ç (R5)
    ("2", {}, ("2'de", "", "2'ye", "2'nin", "2'yi", "")),
    ("3", {}, ("3'te", "3'ten", "3'e", "3'ün", "3'ü", "3'le")),
    # R13 "on": 10'da; "doksan": 90'dan
    ("10", {}, ("10'da", "10'dan", "10'a", "10'un", "10'u", "10'la")),
    ("90", {}, ("90'da", "90'dan", "90'a", "90'ın", "90'ı", "90'la")),
    # R13 "milyon"
    ("1000000", {}, ("1000000'da", "", "1000000'a", "1000000'un", "", "")),
    # TDK times with a period: 17.30'da (avrupa-postasi.com, edebiyatokulu.org; §4.2)
    ("17.30", {}, ("17.30'da", "", "17.30'a", "", "", "")),
    # R13 a full hour is read without its minutes: 12.00 "on iki" -> 12.00'de, 20.00 "yirmi"
    ("12.00", {}, ("12.00'de", "12.00'den", "12.00'ye", "", "", "")),
    ("20.00", {}, ("20.00'de", "20.00'den", "20.00'ye", "", "", "")),
    # R1 23 Nisan'da (turkcenindirilisi.com); last word decides
    ("23 Nisan", {}, ("23 Nisan'da", "23 Nisan'dan", "23 Nisan'a", "23 Nisan'ın", "23 Nisan'ı", "")),
    # brief / §4.2: 23 Ekim'de, 23 Ekim 2021'de
    ("23 Ekim", {}, ("23 Ekim'de", "23 Ekim'den", "23 Ekim'e", "23 Ekim'in", "23 Ekim'i", "23 Ekim'le")),
    ("23 Ekim 2021", {}, ("23 Ekim 2021'de", "23 Ekim 2021'den", "23 Ekim 2021'e", "23 Ekim 2021'in", "", "")),
    # §4.2 (faselisgrowth.com) 22 Eylül'de; 21 Mart 2018'de (sekiz)
    ("22 Eylül", {}, ("22 Eylül'de", "", "", "", "", "")),
    ("21 Mart 2018", {}, ("21 Mart 2018'de", "21 Mart 2018'den", "", "", "", "")),
    # §1.1 Kasım'ın (turkcenindirilisi.com R1 example)
    ("Kasım", {}, ("Kasım'da", "", "Kasım'a", "Kasım'ın", "", "")),
    # the example draft: 10 Aralık 2020'de
    ("10 Aralık 2020", {}, ("10 Aralık 2020'de", "", "", "", "", "")),
]

POSSESSIVES_AND_INSTITUTIONS: list[Row] = [
    # R12 Kuşadası'nda (yksedebiyat.org); single word: lexicon; accusative Kuşadası'nı (brief)
    ("Kuşadası", {}, ("Kuşadası'nda", "Kuşadası'ndan", "Kuşadası'na", "Kuşadası'nın", "Kuşadası'nı", "Kuşadası'yla")),
    # R12 Dolmabahçe Çalışma Ofisi'nde (gercekgundem.com; Ofisi'ndeki turkgun.com)
    (
        "Dolmabahçe Çalışma Ofisi",
        {},
        (
            "Dolmabahçe Çalışma Ofisi'nde",
            "Dolmabahçe Çalışma Ofisi'nden",
            "Dolmabahçe Çalışma Ofisi'ne",
            "Dolmabahçe Çalışma Ofisi'nin",
            "Dolmabahçe Çalışma Ofisi'ni",
            "Dolmabahçe Çalışma Ofisi'yle",
        ),
    ),
    # R12 Dolmabahçe Sarayı'ndan (yksedebiyat.org)
    (
        "Dolmabahçe Sarayı",
        {},
        (
            "Dolmabahçe Sarayı'nda",
            "Dolmabahçe Sarayı'ndan",
            "Dolmabahçe Sarayı'na",
            "Dolmabahçe Sarayı'nın",
            "Dolmabahçe Sarayı'nı",
            "",
        ),
    ),
    # R3 Avrupa Birliği'ne (yksedebiyat.org); ile after a vowel
    (
        "Avrupa Birliği",
        {},
        (
            "Avrupa Birliği'nde",
            "Avrupa Birliği'nden",
            "Avrupa Birliği'ne",
            "Avrupa Birliği'nin",
            "Avrupa Birliği'ni",
            "Avrupa Birliği'yle",
        ),
    ),
    # R3 Türkiye Cumhuriyeti'nin (yksedebiyat.org)
    (
        "Türkiye Cumhuriyeti",
        {},
        (
            "Türkiye Cumhuriyeti'nde",
            "",
            "Türkiye Cumhuriyeti'ne",
            "Türkiye Cumhuriyeti'nin",
            "Türkiye Cumhuriyeti'ni",
            "",
        ),
    ),
    # R3 İstanbul Boğazı'nın (yilmazelgun.wordpress.com)
    (
        "İstanbul Boğazı",
        {},
        ("İstanbul Boğazı'nda", "", "İstanbul Boğazı'na", "İstanbul Boğazı'nın", "İstanbul Boğazı'nı", ""),
    ),
    # R3 Osmanlı Devleti'ndeki (yksedebiyat.org)
    (
        "Osmanlı Devleti",
        {},
        ("Osmanlı Devleti'nde", "Osmanlı Devleti'nden", "Osmanlı Devleti'ne", "Osmanlı Devleti'nin", "", ""),
    ),
    # R3 Resmî Gazete'de (yksedebiyat.org): ends in e, not a possessive
    (
        "Resmî Gazete",
        {},
        (
            "Resmî Gazete'de",
            "Resmî Gazete'den",
            "Resmî Gazete'ye",
            "Resmî Gazete'nin",
            "Resmî Gazete'yi",
            "Resmî Gazete'yle",
        ),
    ),
    # brief: Abu Dabi is not possessive (lexicon)
    ("Abu Dabi", {}, ("Abu Dabi'de", "Abu Dabi'den", "Abu Dabi'ye", "Abu Dabi'nin", "Abu Dabi'yi", "Abu Dabi'yle")),
    # brief: Tbilisi single word, not possessive
    ("Tbilisi", {}, ("Tbilisi'de", "Tbilisi'den", "Tbilisi'ye", "Tbilisi'nin", "Tbilisi'yi", "Tbilisi'yle")),
    # R12: a person's name is never possessive; the directory says so (possessive=False)
    (
        "Matteo Renzi",
        {"possessive": False},
        ("Matteo Renzi'de", "", "Matteo Renzi'ye", "Matteo Renzi'nin", "Matteo Renzi'yi", ""),
    ),
    # R12 shape rule (brief): multi-word, last word ends in a harmonic ı/i/u/ü after a consonant
    (
        "Marmara Denizi",
        {},
        (
            "Marmara Denizi'nde",
            "Marmara Denizi'nden",
            "Marmara Denizi'ne",
            "Marmara Denizi'nin",
            "Marmara Denizi'ni",
            "Marmara Denizi'yle",
        ),
    ),
    (
        "Amerika Birleşik Devletleri",
        {},
        (
            "Amerika Birleşik Devletleri'nde",
            "",
            "Amerika Birleşik Devletleri'ne",
            "Amerika Birleşik Devletleri'nin",
            "",
            "",
        ),
    ),
    (
        "Atatürk Havalimanı",
        {},
        ("Atatürk Havalimanı'nda", "", "Atatürk Havalimanı'na", "", "Atatürk Havalimanı'nı", ""),
    ),
    # R12 with a lexicon head ending in l + vowel (İpek Yolu, Van Gölü) or ç-stem (Barış Gücü)
    ("Van Gölü", {}, ("Van Gölü'nde", "", "Van Gölü'ne", "Van Gölü'nün", "", "")),
    ("Fildişi Sahili", {}, ("Fildişi Sahili'nde", "", "Fildişi Sahili'ne", "", "", "")),
    ("Barış Gücü", {}, ("Barış Gücü'nde", "", "Barış Gücü'ne", "", "", "")),
    # R12 single word by lexicon ending -oğlu (Beyoğlu'nda); Sultanahmet Camii'nde (lexicon)
    ("Beyoğlu", {}, ("Beyoğlu'nda", "Beyoğlu'ndan", "Beyoğlu'na", "Beyoğlu'nun", "Beyoğlu'nu", "Beyoğlu'yla")),
    ("Sultanahmet Camii", {}, ("Sultanahmet Camii'nde", "", "Sultanahmet Camii'ne", "", "", "")),
    # ⚠ not possessive: a final vowel out of harmony with the stem is part of the name
    # (Ali, Parti), and -lI / consonant + -cI endings are derived words (Bahçeli, Akıncı)
    ("Mehmet Ali", {}, ("Mehmet Ali'de", "", "Mehmet Ali'ye", "Mehmet Ali'nin", "Mehmet Ali'yi", "")),
    ("AK Parti", {}, ("AK Parti'de", "", "AK Parti'ye", "AK Parti'nin", "", "")),
    ("Devlet Bahçeli", {}, ("", "", "Devlet Bahçeli'ye", "Devlet Bahçeli'nin", "Devlet Bahçeli'yi", "")),
    ("Mustafa Akıncı", {}, ("", "", "Mustafa Akıncı'ya", "", "Mustafa Akıncı'yı", "")),
    # ⚠ lexicon: Doğu "east" ends like a possessive but is not one (Orta Doğu'da)
    ("Orta Doğu", {}, ("Orta Doğu'da", "", "Orta Doğu'ya", "", "", "")),
    # R2 İletişim Başkanlığından attested (turkgun.com); Başkanlığına (brief)
    (
        "İletişim Başkanlığı",
        {"institution": True},
        (
            "İletişim Başkanlığında",
            "İletişim Başkanlığından",
            "İletişim Başkanlığına",
            "İletişim Başkanlığının",
            "İletişim Başkanlığını",
            "İletişim Başkanlığıyla",
        ),
    ),
    # R2 Türk Dil Kurumundan, Türk Dil Kurumuna (yilmazelgun.wordpress.com; eokultv)
    (
        "Türk Dil Kurumu",
        {"institution": True},
        (
            "Türk Dil Kurumunda",
            "Türk Dil Kurumundan",
            "Türk Dil Kurumuna",
            "Türk Dil Kurumunun",
            "Türk Dil Kurumunu",
            "",
        ),
    ),
    # R2 Türkiye Büyük Millet Meclisine (yilmazelgun.wordpress.com)
    (
        "Türkiye Büyük Millet Meclisi",
        {"institution": True},
        (
            "Türkiye Büyük Millet Meclisinde",
            "",
            "Türkiye Büyük Millet Meclisine",
            "Türkiye Büyük Millet Meclisinin",
            "",
            "",
        ),
    ),
    # R2 Bakanlar Kurulunun (yksedebiyat.org)
    (
        "Bakanlar Kurulu",
        {"institution": True},
        ("Bakanlar Kurulunda", "", "Bakanlar Kuruluna", "Bakanlar Kurulunun", "", ""),
    ),
    # R2 + reference release: Türkiye-Azerbaycan Ortak Medya Platformunun
    (
        "Türkiye-Azerbaycan Ortak Medya Platformu",
        {"institution": True},
        ("", "", "", "Türkiye-Azerbaycan Ortak Medya Platformunun", "", ""),
    ),
    # R2/R8: an institution's abbreviation keeps the apostrophe (TBMM'ye, TDK'den)
    ("TBMM", {"institution": True}, ("", "", "TBMM'ye", "", "", "")),
    # R1: a common noun phrase (lower case) takes no apostrophe; possessive n (R12)
    ("kamu diplomasisi", {}, ("kamu diplomasisinde", "", "kamu diplomasisine", "", "", "")),
]

FOREIGN_AND_SPECIAL: list[Row] = [
    # R11 Bordeaux'yu [bordo] (TDK; conventions §0); lexicon reading
    ("Bordeaux", {}, ("Bordeaux'da", "Bordeaux'dan", "Bordeaux'ya", "Bordeaux'nun", "Bordeaux'yu", "Bordeaux'yla")),
    # R11 Shakespeare'i [şekspir] (dersimizedebiyat.org)
    (
        "Shakespeare",
        {},
        ("Shakespeare'de", "Shakespeare'den", "Shakespeare'e", "Shakespeare'in", "Shakespeare'i", "Shakespeare'le"),
    ),
    # Washington'un attested (internethaber.com 2019); §6 reading vaşington
    (
        "Washington",
        {},
        ("Washington'da", "Washington'dan", "Washington'a", "Washington'un", "Washington'u", "Washington'la"),
    ),
    # R11 with a directory reading for a name the lexicon does not know
    ("Lille", {"reading": "lil"}, ("Lille'de", "Lille'den", "Lille'e", "Lille'in", "Lille'i", "Lille'le")),
    # R14 suffix after a closing quote, no apostrophe (dersimizedebiyat.org, z-turkce.com)
    ("“Beş Şehir”", {}, ("“Beş Şehir”de", "“Beş Şehir”den", "“Beş Şehir”e", "“Beş Şehir”in", "“Beş Şehir”i", "")),
    ("“Mihmandar”", {}, ("“Mihmandar”da", "", "“Mihmandar”a", "“Mihmandar”ın", "“Mihmandar”ı", "")),
    # R10 Alm.dan, İng.yi: a final period, no apostrophe, read as the full word
    ("Alm.", {}, ("", "Alm.dan", "", "", "", "")),
    ("İng.", {}, ("", "", "", "", "İng.yi", "")),
    # ⚠ R10 by analogy: Şti. is read "şirketi", a possessive (Ltd. Şti.ne); A.Ş. by its letters
    ("Ltd. Şti.", {}, ("Ltd. Şti.nde", "", "Ltd. Şti.ne", "Ltd. Şti.nin", "", "")),
    ("A.Ş.", {}, ("", "", "A.Ş.ye", "A.Ş.nin", "", "")),
    # R10 kg'dan, cm'yi, m²ye (egitimsistem.com, nasil-yazilir.com)
    ("kg", {}, ("", "kg'dan", "", "", "", "")),
    ("cm", {}, ("", "", "", "", "cm'yi", "")),
    ("m²", {}, ("", "", "m²ye", "", "", "")),
    # ⚠ palatal final l (standard grammar, not in conventions.md): Kemal'in, Kemal'e
    ("Kemal", {}, ("Kemal'de", "", "Kemal'e", "Kemal'in", "Kemal'i", "")),
]


# Each table by the rule its rows show.
RULES = {
    "proper names take an apostrophe and harmonise with the last vowel": PLACES_AND_PEOPLE,
    "abbreviations take the suffix of their last letter name or their word reading": ABBREVIATIONS,
    "numbers and dates take the suffix of their last spoken word": NUMBERS_AND_DATES,
    "possessive names take a pronominal n and institutions no apostrophe": POSSESSIVES_AND_INSTITUTIONS,
    "foreign names, quotes and period abbreviations follow their reading": FOREIGN_AND_SPECIAL,
}


@pytest.mark.parametrize(("text", "options", "case", "expected"), list(expand(RULES)))
def test_turkish_case_suffixes_follow_each_rule(text: str, options: dict[str, Any], case: str, expected: str) -> None:
    assert norm(inflect(text, case, "tr", **options)) == norm(expected)


def test_the_turkish_tables_cover_at_least_fifty_names() -> None:
    rows = [row for rows in RULES.values() for row in rows]
    assert len({text for text, _, _ in rows}) >= 50


def test_a_name_object_carries_its_directory_flags_into_turkish_inflection() -> None:
    # R2 (institution) and R11 (reading) from the directory, via Name
    office = Name("Cumhurbaşkanlığı İletişim Başkanlığı", institution=True)
    assert inflect(office, "ablative", "tr") == "Cumhurbaşkanlığı İletişim Başkanlığından"
    assert norm(inflect(Name("Bordeaux", reading="bordo"), "accusative", "tr")) == "Bordeaux'yu"
