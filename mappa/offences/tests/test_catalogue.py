"""The offence catalogue: the data files, their validation and the lookup API."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mappa.offences import catalogue, schedule_3
from mappa.offences.catalogue import (
    CODE_PATTERN,
    DATA_DIR,
    SCHEDULE_15_UNVERIFIED,
    UNVERIFIED,
    UnknownOffence,
    load_catalogue,
)
from mappa.people.eligibility import UNCHECKED, ConvictionRow, offence_facts

SCHEDULE_3 = json.loads((DATA_DIR / "schedule_3.json").read_text(encoding="utf-8"))
SCHEDULE_15 = json.loads((DATA_DIR / "schedule_15.json").read_text(encoding="utf-8"))
OTHER = json.loads((DATA_DIR / "other.json").read_text(encoding="utf-8"))

# Sexual Offences Act 2003 Sch.3, England and Wales: paragraphs 1 to 35C as now in force.
ENGLAND_AND_WALES_PARAGRAPHS = [str(n) for n in range(1, 36)] + [
    "24A",
    "29A",
    "29B",
    "29C",
    "33A",
    "33B",
    "34A",
    "35A",
    "35B",
    "35C",
]


def write(directory: Path, name: str, entries: list[dict]) -> None:
    (directory / name).write_text(json.dumps(entries), encoding="utf-8")


def sch3(code="SOA2003/s1", title="Rape", condition=None, paragraph="17"):
    return {
        "code": code,
        "title": title,
        "statute": "Sexual Offences Act 2003 s.1",
        "paragraph": paragraph,
        "condition": condition,
        "source": f"https://www.legislation.gov.uk/ukpga/2003/42/schedule/3/paragraph/{paragraph}",
    }


def sch15(code="SOA2003/s1", title="Rape", part=2, paragraph="153"):
    return {
        "code": code,
        "title": title,
        "statute": "Sexual Offences Act 2003 s.1",
        "part": part,
        "paragraph": paragraph,
        "source": f"https://www.legislation.gov.uk/ukpga/2003/44/schedule/15/paragraph/{paragraph}",
    }


def other(code="TA1968/s1", title="Theft"):
    return {
        "code": code,
        "title": title,
        "statute": "Theft Act 1968 s.1",
        "source": "https://www.legislation.gov.uk/ukpga/1968/60/section/1",
    }


@pytest.fixture
def data_dir(tmp_path):
    write(tmp_path, "schedule_3.json", [sch3()])
    write(tmp_path, "other.json", [other()])
    return tmp_path


# The shipped data files -------------------------------------------------------------------------


@pytest.mark.parametrize("entry", SCHEDULE_3, ids=lambda e: e["code"])
def test_every_schedule_3_entry_loads_with_its_paragraph_and_source(entry):
    offence = catalogue.get(entry["code"])
    assert offence.title == entry["title"]
    assert offence.schedule_3 is not None
    assert offence.schedule_3.paragraph == entry["paragraph"]
    assert offence.schedule_3.condition == entry["condition"]
    assert offence.schedule_3.source == (
        "https://www.legislation.gov.uk/ukpga/2003/42/schedule/3/paragraph/" + entry["paragraph"]
    )


def test_schedule_3_covers_every_england_and_wales_paragraph():
    # SOA 2003 Sch.3 paras 1 to 35C; 93 and 93A (service offences) have no offence codes.
    assert sorted({e["paragraph"] for e in SCHEDULE_3}) == sorted(ENGLAND_AND_WALES_PARAGRAPHS)


@pytest.mark.parametrize("entries", [SCHEDULE_3, OTHER], ids=["schedule_3", "other"])
def test_each_data_file_is_sorted_by_code_without_duplicates(entries):
    codes = [e["code"] for e in entries]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("entry", SCHEDULE_3 + OTHER, ids=lambda e: e["code"])
def test_every_code_matches_the_contract_format_and_has_a_legislation_source(entry):
    assert CODE_PATTERN.match(entry["code"])
    assert entry["source"].startswith("https://www.legislation.gov.uk/")
    assert entry["title"] and entry["statute"]


# CJA 2003 s.327(3)(a) names murder itself; the contract requires theft and supply.
@pytest.mark.parametrize("code", ["CL/murder", "TA1968/s1", "MDA1971/s4"])
def test_the_offences_the_contract_requires_outside_both_schedules_are_known(code):
    offence = catalogue.get(code)
    assert offence.schedule_3 is None


def test_no_other_offence_is_also_a_schedule_3_offence():
    assert not {e["code"] for e in OTHER} & {e["code"] for e in SCHEDULE_3}


def test_every_unverified_code_is_a_schedule_3_code():
    assert UNVERIFIED <= {e["code"] for e in SCHEDULE_3}


# SOA 2003 Sch.3 paragraphs whose text has been read (paras 1 to 11 as enacted and in the undated
# current text; 29A to 29C as inserted by S.I. 2007/296 art. 2(2); 35C at 2016-04-06). Every
# other England and Wales paragraph (12 to 35B) has not been checked against any text, so each
# of its codes must stay in UNVERIFIED until its paragraph is read and added here.
READ_SCHEDULE_3_PARAGRAPHS = [str(n) for n in range(1, 12)] + ["29A", "29B", "29C", "35C"]


@pytest.mark.parametrize(
    "entry",
    [e for e in SCHEDULE_3 if e["paragraph"] not in READ_SCHEDULE_3_PARAGRAPHS],
    ids=lambda e: f"para {e['paragraph']} {e['code']}",
)
def test_every_schedule_3_paragraph_not_read_is_recorded_as_unverified(entry):
    assert entry["code"] in UNVERIFIED


def test_no_code_of_a_read_schedule_3_paragraph_is_recorded_as_unverified():
    read = {e["code"] for e in SCHEDULE_3 if e["paragraph"] in READ_SCHEDULE_3_PARAGRAPHS}
    assert read.isdisjoint(UNVERIFIED)


def test_every_schedule_15_unverified_code_is_a_schedule_15_code():
    assert SCHEDULE_15_UNVERIFIED <= {e["code"] for e in SCHEDULE_15}


# CJA 2003 Sch.15 paragraphs whose text has been read: Part 1 paras 1 to 21 (legislation.gov.uk,
# the Schedule as at 2019-04-12 and 2025-02-03); Part 1 paras 22 to 63 and Part 2 paras 66 to 152
# (GitHub legalize-dev/legalize-uk, uk/ukpga-2003-44.md, commit 6f670f8, text last updated
# 2024-10-22; it holds no inserted paragraph such as 22A or 116A, and no Part 3).
READ_SCHEDULE_15_PARAGRAPHS = {(1, str(n)) for n in range(1, 64)} | {
    (2, str(n)) for n in range(66, 153)
}


def _schedule_15_listings(entry):
    return [(listing["part"], listing["paragraph"]) for listing in [entry, *entry.get("also", [])]]


def test_every_schedule_15_entry_is_either_read_or_recorded_as_unverified():
    # an entry is read only when every paragraph that lists it was read
    read = {
        e["code"]
        for e in SCHEDULE_15
        if set(_schedule_15_listings(e)) <= READ_SCHEDULE_15_PARAGRAPHS
    }
    assert read.isdisjoint(SCHEDULE_15_UNVERIFIED)
    assert read | SCHEDULE_15_UNVERIFIED == {e["code"] for e in SCHEDULE_15}


def test_no_unverified_schedule_15_code_has_all_its_paragraphs_read():
    by_code = {e["code"]: e for e in SCHEDULE_15}
    assert [
        code
        for code in sorted(SCHEDULE_15_UNVERIFIED)
        if set(_schedule_15_listings(by_code[code])) <= READ_SCHEDULE_15_PARAGRAPHS
    ] == []


def test_the_loader_and_the_evaluator_know_the_same_leaves():
    assert catalogue.KNOWN_LEAVES == set(schedule_3.LEAVES)


# The API ----------------------------------------------------------------------------------------


def test_it_finds_an_offence_by_code():
    assert catalogue.get("SOA2003/s3").title == "Sexual assault"
    assert catalogue.exists("SOA2003/s3")


def test_an_unknown_code_raises_unknown_offence_naming_it():
    with pytest.raises(UnknownOffence, match="XYZ1999/s9") as raised:
        catalogue.get("XYZ1999/s9")
    assert isinstance(raised.value, KeyError)
    assert raised.value.code == "XYZ1999/s9"
    assert not catalogue.exists("XYZ1999/s9")


def test_only_murder_is_murder():
    assert catalogue.get("CL/murder").is_murder
    assert not catalogue.get("SOA2003/s1").is_murder


def test_all_offences_are_sorted_by_code_and_loaded_once():
    offences = catalogue.all_offences()
    assert [o.code for o in offences] == sorted(o.code for o in offences)
    assert catalogue.all_offences()[0] is offences[0]


# Loading and validation -------------------------------------------------------------------------


def test_it_loads_without_schedule_15(data_dir):
    (offence,) = [o for o in load_catalogue(data_dir) if o.code == "SOA2003/s1"]
    assert offence.schedule_3 is not None
    assert offence.schedule_15 is None


def test_it_merges_an_offence_listed_in_both_schedules_into_one(data_dir):
    write(data_dir, "schedule_15.json", [sch15()])
    offences = load_catalogue(data_dir)
    assert [o.code for o in offences] == ["SOA2003/s1", "TA1968/s1"]
    rape = offences[0]
    assert rape.schedule_3.paragraph == "17"
    assert (rape.schedule_15.part, rape.schedule_15.paragraph) == (2, "153")


def test_a_title_that_disagrees_across_files_raises_naming_the_code(data_dir):
    write(data_dir, "schedule_15.json", [sch15(title="Rape of an adult")])
    with pytest.raises(ValueError, match=r"SOA2003/s1: title 'Rape of an adult' disagrees"):
        load_catalogue(data_dir)


def test_a_code_twice_in_one_file_raises(data_dir):
    write(data_dir, "other.json", [other(), other()])
    with pytest.raises(ValueError, match="'TA1968/s1' appears more than once"):
        load_catalogue(data_dir)


@pytest.mark.parametrize(
    "code", ["soa2003/s1", "SOA2003/1", "SOA03/s1", "CL/Murder", "SOA2003/s1(a)", ""]
)
def test_a_code_in_the_wrong_format_raises(data_dir, code):
    write(data_dir, "other.json", [other(code=code)])
    with pytest.raises(ValueError, match="does not match the code format"):
        load_catalogue(data_dir)


@pytest.mark.parametrize("code", ["CL/false_imprisonment", "CDA1971/s1(2)", "SOA2003/s15A"])
def test_codes_in_the_contract_format_load(data_dir, code):
    write(data_dir, "other.json", [other(code=code)])
    assert code in [o.code for o in load_catalogue(data_dir)]


@pytest.mark.parametrize(
    "condition",
    [
        {"victim_age_over": 18},
        {"all": [{"imprisonment": True}, {"sentenced": True}]},
        {"any": [{"offender_age_under": 18}, {"all": [{"offender_is_adult": True}]}]},
    ],
)
def test_an_unknown_leaf_raises_on_load_naming_the_code_and_the_leaf(data_dir, condition):
    write(data_dir, "schedule_3.json", [sch3(condition=condition)])
    with pytest.raises(ValueError, match=r"SOA2003/s1: unknown condition leaf '\w+'"):
        load_catalogue(data_dir)


@pytest.mark.parametrize(
    "condition",
    [
        {"offender_age_under": "18"},
        {"imprisonment": False},
        {"imprisonment_months_at_least": True},
        {"relevant_date_before": "1 May 2004"},
        {"all": []},
        {"any": {"imprisonment": True}},
        {"all": [None]},
        {"imprisonment": True, "detained_in_hospital": True},
        [],
    ],
)
def test_a_malformed_condition_raises_naming_the_code(data_dir, condition):
    write(data_dir, "schedule_3.json", [sch3(condition=condition)])
    with pytest.raises(ValueError, match="SOA2003/s1"):
        load_catalogue(data_dir)


@pytest.mark.parametrize("part", [0, 4, "3"])
def test_a_schedule_15_part_other_than_1_2_or_3_raises(data_dir, part):
    # CJA 2003 Sch.15 has three Parts: violent, sexual and (since 2021) terrorism offences.
    write(data_dir, "schedule_15.json", [sch15(part=part)])
    with pytest.raises(ValueError, match="SOA2003/s1: part must be 1, 2 or 3"):
        load_catalogue(data_dir)


def test_a_further_listing_in_another_part_is_checked_too(data_dir):
    entry = sch15()
    entry["also"] = [{"part": 5, "paragraph": "97", "source": "x"}]
    write(data_dir, "schedule_15.json", [entry])
    with pytest.raises(ValueError, match="part must be 1, 2 or 3, not 5"):
        load_catalogue(data_dir)


def test_a_further_listing_is_named_in_the_reference(data_dir):
    entry = sch15(part=1, paragraph="32")
    entry["also"] = [{"part": 2, "paragraph": "97", "source": "x"}]
    write(data_dir, "schedule_15.json", [entry])
    (rape,) = [o for o in load_catalogue(data_dir) if o.code == "SOA2003/s1"]
    assert rape.schedule_15.reference == "CJA 2003 Sch.15 Part 1 para 32 and Part 2 para 97"
    assert rape.schedule_15.parts == {1, 2}


def test_it_loads_the_s327_4a_offences_when_present(data_dir):
    entry = {**other(), "paragraph": "(a)"}
    write(data_dir, "s327_4a.json", [entry])
    (theft,) = load_catalogue(data_dir)[1:]
    assert theft.s327_4a.reference == "CJA 2003 s.327(4A)(a)"


def test_an_s327_4a_entry_without_its_paragraph_raises(data_dir):
    write(data_dir, "s327_4a.json", [other()])
    with pytest.raises(ValueError, match="s327_4a.json: TA1968/s1: missing paragraph"):
        load_catalogue(data_dir)


def test_a_missing_field_raises(data_dir):
    entry = other()
    del entry["source"]
    write(data_dir, "other.json", [entry])
    with pytest.raises(ValueError, match="TA1968/s1: missing source"):
        load_catalogue(data_dir)


@pytest.mark.parametrize("name", ["schedule_3.json", "other.json"])
def test_a_missing_required_file_raises(data_dir, name):
    (data_dir / name).unlink()
    with pytest.raises(ValueError, match="is missing"):
        load_catalogue(data_dir)


# A condition not yet checked against the published text says so wherever it is used
@pytest.mark.parametrize(
    ("code", "flagged"),
    [("SOA2003/s3", True), ("SOA1956/s1", False), ("OAPA1861/s18", False)],
)
def test_the_reason_says_when_a_condition_is_still_to_be_checked(code, flagged):
    conviction = ConvictionRow(
        offence_code=code,
        outcome="conviction",
        relevant_date=date(2021, 9, 14),
        committed_on=None,
        victim_age=15,
        disposal_type="imprisonment",
        term_months=18,
        sexual_gratification_purpose=None,
        consecutive_group="",
        detention_and_training_order=False,
    )
    facts = offence_facts(conviction, date(1984, 3, 2))
    assert (UNCHECKED in facts.notification_basis) is flagged
