"""The Schedule 15 reference data: Criminal Justice Act 2003 Sch.15 Parts 1, 2 and 3.

Plain JSON checks, no Django: the shape of every entry, the code format, ordering, and spot
checks of listings against the Schedule as published on legislation.gov.uk.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SCHEDULE_15 = DATA_DIR / "schedule_15.json"
FIELDS = {"code", "title", "statute", "part", "paragraph", "source"}
ALSO_FIELDS = {"part", "paragraph", "source"}
CODE = re.compile(r"^(CL/[a-z_]+|[A-Z]+[0-9]{4}/s[0-9]+[A-Z]*(\([0-9a-z]+\))?)$")
SOURCE = "https://www.legislation.gov.uk/ukpga/2003/44/schedule/15/paragraph/"


def load(name: str) -> list[dict]:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


ENTRIES = load("schedule_15.json")
BY_CODE = {entry["code"]: entry for entry in ENTRIES}


def test_the_file_is_a_non_empty_list_of_objects():
    assert isinstance(ENTRIES, list)
    assert ENTRIES
    assert all(isinstance(entry, dict) for entry in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.get("code", "?"))
def test_every_entry_has_exactly_the_six_fields_and_perhaps_further_listings(entry):
    assert set(entry) - {"also"} == FIELDS
    assert all(set(more) == ALSO_FIELDS for more in entry.get("also", []))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["code"])
def test_every_code_matches_the_contract_format(entry):
    assert CODE.match(entry["code"]), entry["code"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["code"])
def test_every_entry_is_in_part_1_2_or_3(entry):
    assert entry["part"] in (1, 2, 3)
    assert isinstance(entry["part"], int)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry["code"])
def test_every_entry_has_text_and_points_at_its_own_paragraph(entry):
    assert entry["title"].strip() and entry["statute"].strip()
    assert isinstance(entry["paragraph"], str)
    for listing in [entry, *entry.get("also", [])]:
        assert re.fullmatch(r"[0-9]+[A-Z]{0,2}", listing["paragraph"])
        assert listing["source"] == SOURCE + listing["paragraph"]


def test_codes_are_unique():
    codes = [entry["code"] for entry in ENTRIES]
    assert len(codes) == len(set(codes))


def test_codes_are_sorted():
    codes = [entry["code"] for entry in ENTRIES]
    assert codes == sorted(codes)


def paragraph_number(entry: dict) -> int:
    return int(re.match(r"[0-9]+", entry["paragraph"]).group())


def listings(part: int) -> list[dict]:
    every = [listing for entry in ENTRIES for listing in [entry, *entry.get("also", [])]]
    return [listing for listing in every if listing["part"] == part]


def test_each_part_s_paragraphs_come_before_the_next_part_s():
    # CJA 2003 Sch.15: Part 1 (specified violent offences) runs to para 65, Part 2 (sexual) from
    # 66 to 153, Part 3 (terrorism) from 154 (HMCTS mapping: paras 154 to 173).
    part_1, part_2, part_3 = ([paragraph_number(x) for x in listings(p)] for p in (1, 2, 3))
    assert max(part_1) < 66 <= min(part_2)
    assert max(part_2) < 154 <= min(part_3)


@pytest.mark.parametrize(
    "code, part, paragraph",
    [
        # CJA 2003 Sch.15 Part 1 para 1: manslaughter.
        ("CL/manslaughter", 1, "1"),
        # CJA 2003 Sch.15 Part 1 para 2: kidnapping; para 3: false imprisonment.
        ("CL/kidnapping", 1, "2"),
        ("CL/false_imprisonment", 1, "3"),
        # CJA 2003 Sch.15 Part 1 para 6: OAPA 1861 s.18 (wounding with intent to cause GBH).
        ("OAPA1861/s18", 1, "6"),
        # CJA 2003 Sch.15 Part 1 para 7: OAPA 1861 s.20 (malicious wounding).
        ("OAPA1861/s20", 1, "7"),
        # CJA 2003 Sch.15 Part 1 para 20: OAPA 1861 s.47 (assault occasioning ABH).
        ("OAPA1861/s47", 1, "20"),
        # CJA 2003 Sch.15 Part 1 para 22A (inserted by CJCA 2015 s.2): ESA 1883 s.4.
        ("ESA1883/s4", 1, "22A"),
        # CJA 2003 Sch.15 Part 1 para 36: Criminal Damage Act 1971 s.1(2), a listed subsection.
        ("CDA1971/s1(2)", 1, "36"),
        # CJA 2003 Sch.15 Part 2 para 66: Sexual Offences Act 1956 s.1 (rape).
        ("SOA1956/s1", 2, "66"),
        # CJA 2003 Sch.15 Part 2 para 102: Sexual Offences Act 2003 s.1 (rape).
        ("SOA2003/s1", 2, "102"),
    ],
)
def test_it_lists_the_offence_in_the_right_part_and_paragraph(code, part, paragraph):
    assert code in BY_CODE, f"{code} missing from schedule_15.json"
    assert BY_CODE[code]["part"] == part
    assert BY_CODE[code]["paragraph"] == paragraph


# CJA 2003 Sch.15 Part 1 paras 4 to 21 as read in the Schedule as at 2019-04-12 and 2025-02-03
# (legislation.gov.uk, ukpga/2003/44/schedule/15): the section each paragraph lists.
@pytest.mark.parametrize(
    "paragraph, code",
    [
        ("4", "OAPA1861/s4"),
        ("5", "OAPA1861/s16"),
        ("6", "OAPA1861/s18"),
        ("7", "OAPA1861/s20"),
        ("8", "OAPA1861/s21"),
        ("9", "OAPA1861/s22"),
        ("10", "OAPA1861/s23"),
        ("11", "OAPA1861/s27"),
        ("12", "OAPA1861/s28"),
        ("13", "OAPA1861/s29"),
        ("14", "OAPA1861/s30"),
        ("15", "OAPA1861/s31"),
        ("16", "OAPA1861/s32"),
        ("17", "OAPA1861/s35"),
        ("18", "OAPA1861/s37"),
        ("19", "OAPA1861/s38"),
        ("20", "OAPA1861/s47"),
        ("21", "ESA1883/s2"),
    ],
)
def test_part_1_paragraphs_4_to_21_list_the_sections_read(paragraph, code):
    assert (BY_CODE[code]["part"], BY_CODE[code]["paragraph"]) == (1, paragraph)
    assert [e["code"] for e in ENTRIES if e["part"] == 1 and e["paragraph"] == paragraph] == [code]


def test_murder_is_not_a_schedule_15_offence():
    # Murder is named in CJA 2003 s.327(3)(a) itself; Sch.15 lists only attempts, conspiracy,
    # incitement and encouraging murder (Part 1 para 65), which are not offence entries here.
    assert "CL/murder" not in BY_CODE


def test_simple_criminal_damage_is_not_listed():
    # CJA 2003 Sch.15 Part 1 paras 35-36 list arson and s.1(2) only, not s.1(1) damage.
    assert "CDA1971/s1(1)" not in BY_CODE


@pytest.mark.parametrize("paragraph", ["64", "65", "153"])
def test_inchoate_paragraphs_are_not_encoded_as_offences(paragraph):
    # CJA 2003 Sch.15 Part 1 paras 64-65 (as substituted by CJCA 2015 s.2) and Part 2 para 153:
    # aiding, abetting, attempting, conspiring, inciting, encouraging or assisting.
    assert all(entry["paragraph"] != paragraph for entry in ENTRIES)


def test_the_omitted_brothel_paragraph_is_not_listed():
    # CJA 2003 Sch.15 Part 2 para 92 (keeping a brothel used for prostitution) was omitted by
    # the Criminal Justice and Courts Act 2015 s.2.
    assert all(entry["paragraph"] != "92" for entry in ENTRIES)


@pytest.mark.parametrize("other_file", ["schedule_3.json", "other.json"])
def test_a_code_shared_with_another_data_file_has_the_same_title(other_file):
    others = {entry["code"]: entry["title"] for entry in load(other_file)}
    clashes = {
        code: (entry["title"], others[code])
        for code, entry in BY_CODE.items()
        if code in others and others[code] != entry["title"]
    }
    assert clashes == {}


# Paragraphs added from the HMCTS offence-code mapping (GitHub ministryofjustice/
# hmpps-manage-offences-api, migration V38__schedule_15_to_offence_mappings.sql), and numbers
# changed to agree with it; the statute's text for these paragraphs has not been read
# (unverified.SCHEDULE_15_UNVERIFIED).
@pytest.mark.parametrize(
    "code, part, paragraph",
    [
        ("RTA1988/s3ZC", 1, "48A"),  # causing death by driving: disqualified drivers
        ("PHA1997/s4A", 1, "57"),  # HMCTS maps s.4A(1)(a), (b)(i) and (ii) to para 57
        ("ICCA2001/s51", 1, "60"),  # genocide, crimes against humanity, war crimes
        ("ICCA2001/s52", 1, "60"),
        ("ACSA2001/s47", 1, "60A"),  # use etc. of nuclear weapons
        ("ACSA2001/s50", 1, "60B"),  # assisting or inducing weapons-related acts overseas
        ("FGMA2003/s1", 1, "61"),
        ("FGMA2003/s2", 1, "62"),
        ("FGMA2003/s3", 1, "63"),
        ("SCA2015/s75A", 1, "63FA"),  # strangulation or suffocation
        ("MSA2015/s1", 1, "63G"),
        ("MSA2015/s2", 1, "63H"),
        ("SOA1956/s33A", 2, "92A"),  # keeping a brothel used for prostitution
        ("SOA2003/s15A", 2, "116A"),  # sexual communication with a child
        ("SOA2003/s57", 2, "141"),  # trafficking for sexual exploitation (repealed; still listed)
        ("SOA2003/s58", 2, "142"),
        ("SOA2003/s59", 2, "143"),
        ("SOA2003/s59A", 2, "143A"),
    ],
)
def test_it_lists_the_paragraphs_of_the_hmcts_mapping(code, part, paragraph):
    assert (BY_CODE[code]["part"], BY_CODE[code]["paragraph"]) == (part, paragraph)


# One section in two paragraphs (HMCTS mapping): burglary, TA 1968 s.9, in Part 1 para 32 and,
# with intent to commit rape, Part 2 para 97; MSA 2015 s.2 in Part 1 para 63H and Part 2 152A.
@pytest.mark.parametrize(
    "code, first, further",
    [("TA1968/s9", (1, "32"), (2, "97")), ("MSA2015/s2", (1, "63H"), (2, "152A"))],
)
def test_a_section_in_two_paragraphs_carries_both(code, first, further):
    entry = BY_CODE[code]
    assert (entry["part"], entry["paragraph"]) == first
    assert [(more["part"], more["paragraph"]) for more in entry["also"]] == [further]


# CJA 2003 Sch.15 Part 3 (terrorism offences), as in the HMCTS mapping: the paragraphs with an
# offence code. Paras 163 and 164 are not in that mapping.
PART_3 = {
    "154": "TA2000/s11",
    "155": "TA2000/s12",
    "156": "TA2000/s54",
    "157": "TA2000/s56",
    "158": "TA2000/s57",
    "159": "TA2000/s58",
    "160": "TA2000/s58A",
    "161": "TA2000/s58B",
    "162": "TA2000/s59",
    "165": "ACSA2001/s113",
    "166": "TA2006/s1",
    "167": "TA2006/s2",
    "168": "TA2006/s5",
    "169": "TA2006/s6",
    "170": "TA2006/s8",
    "171": "TA2006/s9",
    "172": "TA2006/s10",
    "173": "TA2006/s11",
}


@pytest.mark.parametrize("paragraph, code", sorted(PART_3.items()))
def test_part_3_lists_each_terrorism_offence_in_its_paragraph(paragraph, code):
    assert (BY_CODE[code]["part"], BY_CODE[code]["paragraph"]) == (3, paragraph)


def test_part_3_holds_exactly_the_mapped_terrorism_offences():
    assert {e["paragraph"]: e["code"] for e in ENTRIES if e["part"] == 3} == PART_3
