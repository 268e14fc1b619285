"""People: names, titles, ranks, countries, and every mention resolved to one person.

Sentences written for these tests; they run the real model (marked `model`)."""
import pytest

from comity.pipeline import extract

pytestmark = pytest.mark.model


def people(text, published="2025-03-04"):
    return {p.name: p for p in extract(text, published=published).persons}


def test_persons_title_rank_and_country_from_demonym():
    p = people("Vietnamese Minister of National Defence General Phan Văn Giang received the delegation.")
    giang = p["Phan Văn Giang"]
    assert (giang.country, giang.rank, giang.titles) == ("VNM", "General", ("Minister of National Defence",))


def test_persons_counterpart_gets_country_and_office():
    p = people("Cambodian Defence Minister Tea Seiha held talks with his Lao counterpart Chansamone Chanyalath "
               "in Vientiane on Monday.")
    assert p["Tea Seiha"].country == "KHM"
    lao = p["Chansamone Chanyalath"]
    assert lao.country == "LAO" and "Defence Minister" in lao.titles


def test_persons_one_name_and_title_mentions_join_the_full_name():
    p = people("Indonesian Defence Minister Sjafrie Sjamsoeddin met Japanese Defence Minister Gen Nakatani "
               "on Monday. Minister Sjafrie thanked Japan. Nakatani congratulated Indonesia.")
    assert set(p) == {"Sjafrie Sjamsoeddin", "Gen Nakatani"}
    assert "Minister Sjafrie" not in p and "Sjafrie" in p["Sjafrie Sjamsoeddin"].aliases
    assert "Nakatani" in p["Gen Nakatani"].aliases


def test_persons_long_title_before_rank():
    p = people("Permanent member of the Central Military Commission and Deputy Minister of National Defence "
               "Senior Lieutenant General Hoàng Xuân Chiến chaired the meeting.")
    chien = p["Hoàng Xuân Chiến"]
    assert chien.rank == "Senior Lieutenant General"
    assert "Deputy Minister of National Defence" in chien.titles[0]


def test_persons_apposition_after_the_name():
    p = people("Tea Seiha, Deputy Prime Minister and Minister of National Defence of Cambodia, arrived on Sunday.")
    assert p["Tea Seiha"].country == "KHM"
    assert p["Tea Seiha"].titles == ("Deputy Prime Minister and Minister of National Defence",)


def test_persons_possessive_country_and_hyphenated_name():
    p = people("South Korea's Defence Minister Shin Won-sik welcomed Papua New Guinea's Defence Minister "
               "Billy Joseph.")
    assert p["Shin Won-sik"].country == "KOR"
    assert p["Billy Joseph"].country == "PNG"


def test_persons_honorific_is_not_part_of_the_name():
    p = people("Malaysian Defence Minister Datuk Seri Mohamed Khaled Nordin visited Bangkok.")
    assert "Mohamed Khaled Nordin" in p


def test_persons_no_place_organisation_or_country_as_a_person():
    p = people("Minister Giang visited the Khánh Hòa General Hospital and the Vietnam People's Army Museum "
               "in Hà Nội with officials of Laos and Cambodia.")
    assert set(p) <= {"Giang"}


def test_persons_role_without_a_name_is_not_a_person():
    result = extract("Vietnamese Defence Minister Phan Van Giang held talks with his Laotian counterpart "
                     "on Tuesday.", published="2025-03-04")
    assert [p.name for p in result.persons] == ["Phan Van Giang"]
    talks = [e for e in result.events if e.cameo == "040"]
    assert talks and talks[0].target.country == "LAO" and talks[0].target.person is None


def test_persons_athletes_without_office_are_not_listed():
    p = people("Striker Nguyen Tien Linh scored twice as Vietnam beat Thailand 3-1 in Hanoi last night.")
    assert p == {}


def test_persons_mixed_script_names_kept_as_written():
    p = people("Russian Defence Minister Andrei Belousov met Vietnamese Deputy Minister Nguyễn Tân Cương.")
    assert "Nguyễn Tân Cương" in p and p["Nguyễn Tân Cương"].country == "VNM"


def test_persons_known_from_a_user_dictionary_with_dated_office(tmp_path):
    from comity.ingest import read_text
    from comity.pipeline import Pipeline

    book = tmp_path / "people.yaml"
    book.write_text("- name: Nguyen Hoang Anh\n  type: person\n  country: VNM\n  titles:\n"
                    "    - {title: Commander of the Border Guard, country: VNM, sector: MIL, "
                    "from: 2024-01-01, until: 2026-12-31}\n", encoding="utf-8")
    pipe = Pipeline(dictionaries=[book])
    text = " date 2025-06-11 HÀ NỘI — Nguyen Hoang Anh met Cambodian officials on Tuesday. — VNS"
    result = pipe.extract(read_text(text, id="x"))
    [person] = result.persons  # no title in the text: the dictionary makes him an official
    assert (person.name, person.country, person.titles) == ("Nguyen Hoang Anh", "VNM",
                                                           ("Commander of the Border Guard",))
    [talks] = [e for e in result.events if e.cameo == "040"]
    assert (talks.source.person, talks.source.sector, talks.target.country) == (person.id, "MIL", "KHM")
    late = pipe.extract(read_text(text.replace("2025-06-11", "2027-06-11"), id="y"))
    assert late.persons[0].titles == ()  # out of office by then: no title that day
