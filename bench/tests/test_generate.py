"""The synthetic nominal generator: deterministic, in the import format, national in shape.

No database: these read what `bench.generate` yields and writes.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import pytest

from bench.generate import (
    AS_OF,
    OFFENCE_CODES,
    PNC_CHECK_LETTERS,
    TOP_LEVEL_KEYS,
    category_of,
    dumps,
    generate,
    main,
)

AREAS = ("DEMO", "OTHER")
SAMPLE = 5000
TODAY = AS_OF.isoformat()
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$")
IDENTIFIER_FORMATS = {
    "pnc": re.compile(r"^(\d{4})/(\d{7})([A-Z])$"),
    "cro": re.compile(r"^\d{6}/\d{2}[A-Z]$"),
    "crn": re.compile(r"^[A-Z]\d{6}$"),
    "noms": re.compile(r"^[AG]\d{4}[A-Z]{2}$"),
    "visor": re.compile(r"^V\d{7}$"),
}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(generate(SAMPLE, 1, AREAS))


def _day(text: str) -> date:
    assert ISO_DATE.match(text), text
    return date.fromisoformat(text)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _index(record: dict) -> dict:
    (offence,) = [offence for offence in record["offences"] if offence.get("index")]
    return offence


def _dates(value, path=""):
    """Every (path, value) pair whose key names a date."""
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}"
            if key in {"date", "from", "to"} or key.endswith(("_date", "_on", "_due")):
                if isinstance(item, str) or item is None:
                    yield here, item
                    continue
            if key == "date_of_birth":
                yield here, item
                continue
            yield from _dates(item, here)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _dates(item, f"{path}[{position}]")


# -- determinism ---------------------------------------------------------------------------


def test_the_same_seed_and_count_give_byte_identical_output():
    first = "\n".join(dumps(record) for record in generate(800, 7, AREAS))
    second = "\n".join(dumps(record) for record in generate(800, 7, AREAS))
    assert first == second


def test_a_different_seed_gives_different_output():
    first = [dumps(record) for record in generate(200, 1, AREAS)]
    second = [dumps(record) for record in generate(200, 2, AREAS)]
    assert first != second
    assert len(set(first) & set(second)) == 0


def test_a_shorter_run_is_the_start_of_a_longer_one():
    short = [dumps(record) for record in generate(300, 3, AREAS)]
    long = [dumps(record) for record in generate(600, 3, AREAS)]
    assert long[:300] == short


def test_the_command_writes_the_same_file_twice(tmp_path, capsys):
    paths = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for path in paths:
        args = ["--count", "250", "--seed", "5", "--areas", "DEMO,OTHER", "--out", str(path)]
        assert main(args) == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    lines = paths[0].read_text(encoding="utf-8").splitlines()
    assert len(lines) == 250
    assert [json.loads(line) for line in lines] == list(generate(250, 5, "DEMO,OTHER"))
    assert "wrote 250 nominals" in capsys.readouterr().err


def test_the_command_writes_to_standard_output_for_a_dash(capsysbinary):
    assert main(["--count", "3", "--seed", "1", "--areas", "DEMO", "--out", "-"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert [json.loads(line) for line in out.splitlines()] == list(generate(3, 1, ["DEMO"]))


# -- the import format ---------------------------------------------------------------------


def test_every_record_has_only_the_contracts_top_level_keys(records):
    for record in records:
        assert set(record) <= set(TOP_LEVEL_KEYS)


def test_every_record_has_the_required_fields(records):
    for record in records:
        assert record["area"] in AREAS
        assert record["name"]["surname"].strip()
        assert record["name"]["forenames"].strip()


def test_areas_are_taken_in_turn(records):
    assert [record["area"] for record in records[:6]] == ["DEMO", "OTHER"] * 3


@pytest.mark.parametrize(
    ("field", "allowed"),
    [
        ("gender", {"male", "female", "non_binary", "not_known"}),
        ("aliases.kind", {"alias", "nickname", "previous_name"}),
        (
            "addresses.kind",
            {"home", "approved_premises", "proposed_release", "temporary", "no_fixed_abode"},
        ),
        (
            "associations.relationship",
            {"child", "partner", "former_partner", "victim", "household_member", "other"},
        ),
        ("offences.outcome", {"conviction", "caution"}),
        ("mappa.lead_agency", {"police", "probation"}),
    ],
)
def test_enumerated_fields_hold_contract_values(records, field, allowed):
    top, _, inner = field.partition(".")
    for record in records:
        value = record.get(top)
        if value is None:
            continue
        if not inner:
            assert value in allowed
        elif isinstance(value, list):
            assert {item[inner] for item in value} <= allowed
        else:
            assert value[inner] in allowed


def test_every_date_is_an_iso_date_and_none_but_reviews_and_licences_lie_ahead(records):
    future_allowed = {"licence_end_date", "next_review_due"}
    for record in records:
        for path, text in _dates(record):
            if text is None:
                assert path.endswith((".to", ".licence_end_date")), path
                continue
            day = _day(text)
            if path.rsplit(".", 1)[-1] not in future_allowed:
                assert day <= AS_OF, (path, text)


def test_terms_are_numbers_and_given_where_the_import_requires_them(records):
    needs_term = {"imprisonment", "extended_sentence", "suspended_imprisonment"}
    needs_term.add("conditional_discharge")
    for record in records:
        for offence in record["offences"]:
            disposal = offence["disposal"]
            term = disposal.get("term_months")
            if disposal["type"] in needs_term:
                assert isinstance(term, int | float) and not isinstance(term, bool)
                assert 0 < term <= 1200
            if disposal["type"] in {"none", "life_imprisonment", "fine"}:
                assert term is None


def test_offence_codes_are_the_documented_ones(records):
    used = {offence["offence"] for record in records for offence in record["offences"]}
    assert used == set(OFFENCE_CODES)
    for code in used:
        assert re.match(r"^(CL/[a-z_]+|[A-Z]+\d{4}/s\d+[A-Z]?(\(\d+\))?)$", code), code


def test_each_record_has_exactly_one_index_offence_and_committed_before_it_was_dealt_with(
    records,
):
    for record in records:
        _index(record)
        for offence in record["offences"]:
            if "committed_on" in offence:
                assert offence["committed_on"] <= offence["date"]


# -- identifiers ---------------------------------------------------------------------------


def test_external_ids_are_unique_across_the_file(records):
    seen: Counter = Counter()
    for record in records:
        for kind, value in record["external_ids"].items():
            seen[kind, value] += 1
    assert seen and max(seen.values()) == 1


def test_external_ids_are_well_formed(records):
    for record in records:
        ids = record["external_ids"]
        assert "pnc" in ids
        for kind, value in ids.items():
            assert IDENTIFIER_FORMATS[kind].match(value), (kind, value)
        year, serial, check = IDENTIFIER_FORMATS["pnc"].match(ids["pnc"]).groups()
        assert check == PNC_CHECK_LETTERS[int(year[2:] + serial) % 23]


def test_prison_numbers_belong_to_people_who_were_in_custody(records):
    for record in records:
        assert ("noms" in record["external_ids"]) == ("custody" in record)


# -- addresses and people ------------------------------------------------------------------


def test_address_histories_have_one_to_four_entries_and_exactly_one_current(records):
    for record in records:
        addresses = record["addresses"]
        assert 1 <= len(addresses) <= 4
        current = [address for address in addresses if address["to"] is None]
        assert current == [addresses[-1]]
        for address in addresses:
            if address["to"] is not None:
                assert address["from"] <= address["to"]
        starts = [address["from"] for address in addresses]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_addresses_have_uk_shaped_postcodes_except_no_fixed_abode(records):
    kinds: Counter = Counter()
    for record in records:
        for address in record["addresses"]:
            kinds[address["kind"]] += 1
            if address["kind"] == "no_fixed_abode":
                assert "postcode" not in address
            else:
                assert POSTCODE.match(address["postcode"]), address["postcode"]
                assert address["town"] and address["line_1"]
                assert 49.8 < address["latitude"] < 55.9 and -6 < address["longitude"] < 2
    assert kinds["no_fixed_abode"] and kinds["approved_premises"] and kinds["temporary"]


def test_children_were_born_to_an_adult_and_associations_have_dates_of_birth(records):
    for record in records:
        born = _day(record["date_of_birth"])
        for person in record.get("associations", ()):
            dob = _day(person["date_of_birth"])
            if person["relationship"] == "child":
                assert _age(born, dob) >= 18


def test_ages_at_the_relevant_date_are_18_to_80_with_a_few_under_18(records):
    young = 0
    for record in records:
        born = _day(record["date_of_birth"])
        age = _age(born, _day(_index(record)["date"]))
        assert 14 <= age <= 80
        young += age < 18
        assert _age(born, AS_OF) <= 95
    assert 0 < young < 0.03 * len(records)


def test_the_shape_of_people_is_realistic(records):
    count = len(records)
    genders = Counter(record["gender"] for record in records)
    assert genders["male"] / count > 0.95
    assert genders["female"] > 0
    aliased = sum(bool(record.get("aliases")) for record in records) / count
    assert 0.25 < aliased < 0.35
    relationships = [
        {person["relationship"] for person in record.get("associations", ())} for record in records
    ]
    with_children = sum("child" in found for found in relationships) / count
    assert 0.18 < with_children < 0.3
    assert sum("partner" in found for found in relationships) / count > 0.1
    surnames = Counter(record["name"]["surname"] for record in records)
    assert "Smith" in {name for name, _ in surnames.most_common(3)}
    assert len(surnames) > 400
    kinds = Counter(alias["kind"] for record in records for alias in record.get("aliases", ()))
    assert set(kinds) == {"alias", "nickname", "previous_name"}


# -- categories, levels and the eligibility facts ------------------------------------------


def test_the_category_mix_follows_the_2022_national_figures(records):
    # MAPPA annual report 2022: 66,741 / 22,304 / 393 of 89,438.
    categories = Counter(category_of(record) for record in records)
    count = len(records)
    assert abs(categories[1] / count - 66_741 / 89_438) < 0.025
    assert abs(categories[2] / count - 22_304 / 89_438) < 0.025
    assert 0 < categories[3] / count < 0.01
    assert set(categories) == {1, 2, 3}


def test_the_mappa_category_matches_the_index_offence(records):
    for record in records:
        if record.get("mappa"):
            assert record["mappa"]["category"] == category_of(record)


def test_most_nominals_are_managed_and_about_98_per_cent_at_level_1(records):
    managed = [record["mappa"] for record in records if record.get("mappa")]
    assert len(managed) / len(records) > 0.8
    levels = Counter(mappa["level"] for mappa in managed)
    assert 0.96 < levels[1] / len(managed) < 0.995
    assert levels[2] and levels[3]


def test_no_category_3_case_is_at_level_1(records):
    category_3 = [record for record in records if category_of(record) == 3]
    assert category_3
    for record in category_3:
        assert record["mappa"]["category"] == 3
        assert record["mappa"]["level"] in (2, 3)
        assert _index(record)["offence"] in ("TA1968/s1", "MDA1971/s4")


def test_level_histories_end_at_the_current_level(records):
    for record in records:
        mappa = record.get("mappa")
        if mappa:
            history = mappa["level_history"]
            assert history[-1]["level"] == mappa["level"]
            assert history[0]["from"] == mappa["start_date"]
            if mappa["category"] == 3:
                assert all(change["level"] != 1 for change in history)


def _notification_years(offence: dict, age_on_relevant_date: int) -> float | None:
    """SOA 2003 s.82(1) at its shortest reading (a suspended sentence as "any other")."""
    disposal = offence["disposal"]
    kind, months = disposal["type"], disposal.get("term_months")
    if offence["outcome"] == "caution":
        years = 2
    elif kind in ("imprisonment", "life_imprisonment") and (months is None or months >= 30):
        return None
    elif kind == "imprisonment":
        years = 10 if months > 6 else 7
    else:
        years = 5
    return years / 2 if age_on_relevant_date < 18 else years  # s.82(2)


def test_category_1_index_offences_clearly_meet_schedule_3(records):
    # Sexual Offences Act 2003 Sch.3: ss.1, 2 and 5 unconditionally; s.7 and s.9 where the
    # offender was 18 or over; indecent images (PCA 1978 s.1, CJA 1988 s.160) of a child
    # under 16, here also with the offender 18 or over and 12 months' imprisonment.
    for record in (record for record in records if category_of(record) == 1):
        offence = _index(record)
        born = _day(record["date_of_birth"])
        age_at_offence = _age(born, _day(offence["committed_on"]))
        code = offence["offence"]
        if code.startswith("SOA2003/"):
            assert offence["committed_on"] >= "2004-05-01"  # the Act's commencement
        if code in ("SOA2003/s7", "SOA2003/s9", "PCA1978/s1", "CJA1988/s160"):
            assert age_at_offence >= 18
        if code in ("SOA2003/s5", "SOA2003/s7"):
            assert offence["victim_age"] < 13
        if code in ("PCA1978/s1", "CJA1988/s160"):
            assert offence["victim_age"] < 16
            assert offence["disposal"]["type"] == "imprisonment"
            assert offence["disposal"]["term_months"] >= 12
        if offence["outcome"] == "caution":
            assert offence["disposal"] == {"type": "none"}


def test_category_1_notification_is_still_running_on_the_as_of_date(records):
    for record in (record for record in records if category_of(record) == 1):
        offence = _index(record)
        relevant = _day(offence["date"])
        age = _age(_day(record["date_of_birth"]), relevant)
        years = _notification_years(offence, age)
        if years is not None:
            assert (AS_OF - relevant).days < years * 365.25, (offence, age)


def test_category_1_disposals_are_a_realistic_mix(records):
    offences = [_index(record) for record in records if category_of(record) == 1]
    kinds = Counter(offence["disposal"]["type"] for offence in offences)
    assert kinds["imprisonment"] / len(offences) > 0.6
    assert kinds["community_order"] and kinds["suspended_imprisonment"]
    assert 0 < kinds["none"] < 0.03 * len(offences)
    terms = [
        o["disposal"]["term_months"] for o in offences if o["disposal"]["type"] == "imprisonment"
    ]
    assert min(terms) < 6 and max(terms) >= 120
    assert sum(term >= 30 for term in terms) / len(terms) > 0.3
    years = {offence["date"][:4] for offence in offences}
    assert min(years) <= str(AS_OF.year - 22)


def test_category_2_has_12_months_or_life_a_custody_period_and_a_licence(records):
    running = 0
    category_2 = [record for record in records if category_of(record) == 2]
    for record in category_2:
        offence = _index(record)
        disposal = offence["disposal"]
        if offence["offence"] == "CL/murder":
            assert disposal == {"type": "life_imprisonment"}
        else:
            assert disposal["type"] == "imprisonment" and disposal["term_months"] >= 12
        custody = record["custody"]
        assert custody["periods"] and custody["release_date"]
        end = custody["licence_end_date"]
        assert end is not None or disposal["type"] == "life_imprisonment"
        running += end is None or end > TODAY
        if record.get("mappa"):
            assert end is None or end > TODAY
    assert 0.75 < running / len(category_2) < 0.95


def test_custody_is_over_by_the_as_of_date_and_follows_the_offence(records):
    for record in records:
        custody = record.get("custody")
        if not custody:
            continue
        periods = custody["periods"]
        assert periods[0]["from"] > _index(record)["committed_on"]
        for period in periods:
            assert period["from"] <= period["to"] <= TODAY
        assert custody["release_date"] == periods[-1]["to"]
        if custody["licence_end_date"]:
            assert custody["release_date"] <= custody["licence_end_date"]
