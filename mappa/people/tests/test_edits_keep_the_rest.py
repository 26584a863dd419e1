"""A change to one part of a record never rewrites another part (docs/register.md)."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from mappa.cases import services as cases
from mappa.cases.constants import DecisionSource, LeadAgency
from mappa.cases.models import LevelChange, MappaCase
from mappa.offences.models import Conviction, CustodyPeriod
from mappa.people import services
from mappa.people.import_format import NominalRecord
from mappa.people.models import Address, Alias, Association, Nominal, RecordedEvent
from mappa.people.tests.records import jsonl, record

pytestmark = pytest.mark.django_db

CHILD_ROWS = (Alias, Address, Association, Conviction, CustodyPeriod, RecordedEvent)


def saved(demo, n: int = 1, **changes) -> Nominal:
    data = NominalRecord.model_validate_json(json.dumps(record(n, **changes)))
    return services.save_nominal(actor=demo["coordinator"], record=data, via="test")


def accepted_at_level_2(demo, nominal) -> MappaCase:
    return cases.open_case(
        actor=demo["coordinator"],
        nominal=nominal,
        category=1,
        level=2,
        lead_agency=LeadAgency.PROBATION,
        source=DecisionSource.SCREENING,
        rationale="Needs a multi-agency plan for the new address",
        decided_on=date(2026, 3, 1),
    )


def history(case) -> list[tuple]:
    return list(
        LevelChange.objects.filter(case=case)
        .order_by("pk")
        .values_list("pk", "level", "effective_from", "decided_by", "source", "rationale")
    )


def child_ids(nominal) -> dict:
    return {
        model.__name__: set(model.objects.filter(nominal=nominal).values_list("pk", flat=True))
        for model in CHILD_ROWS
    }


def post_section(client, nominal, section, data):
    nominal.refresh_from_db()
    return client.post(f"/people/{nominal.id}/{section}/", data | {"version": nominal.version})


def run_import(tmp_path, records) -> str:
    path = tmp_path / "nominals.jsonl"
    path.write_text(jsonl(records))
    out = StringIO()
    call_command("import", "nominals", str(path), stdout=out, stderr=StringIO())
    return out.getvalue().strip()


@pytest.mark.parametrize(
    "section, data",
    [
        ("alias", {"kind": "alias", "forenames": "Jack", "surname": "Smithson"}),
        (
            "address",
            {
                "kind": "approved_premises",
                "line_1": "1 Hostel Road",
                "town": "Bedford",
                "postcode": "MK40 1AA",
                "valid_from": "1/10/2026",
            },
        ),
    ],
)
def test_adding_to_the_person_keeps_the_decided_level_history(signed_in, demo, section, data):
    smith = saved(demo, mappa=None)
    case = accepted_at_level_2(demo, smith)
    before = history(case)
    assert before[0][4:] == ("screening", "Needs a multi-agency plan for the new address")
    response = post_section(signed_in("probation.om"), smith, section, data)
    assert response.status_code == 302, response.content
    assert history(case) == before
    case.refresh_from_db()
    assert (case.level, case.category, case.lead_agency) == (2, 1, "probation")


def test_adding_an_alias_keeps_every_other_row_of_the_record(signed_in, demo):
    smith = saved(demo)
    before = child_ids(smith)
    levels = history(smith.mappa_cases.get())
    response = post_section(
        signed_in("probation.om"),
        smith,
        "alias",
        {"kind": "alias", "forenames": "Jack", "surname": "Smithson"},
    )
    assert response.status_code == 302, response.content
    after = child_ids(smith)
    assert after["Alias"] > before["Alias"] and len(after["Alias"]) == 2
    for model in ("Address", "Association", "Conviction", "CustodyPeriod", "RecordedEvent"):
        assert after[model] == before[model], model
    assert history(smith.mappa_cases.get()) == levels


def test_an_import_update_keeps_unchanged_rows_and_replaces_only_what_changed(demo, tmp_path):
    first = record(1)
    first["aliases"] = [
        {"forenames": "Johnny", "surname": "Smith", "kind": "nickname"},
        {"forenames": "Jon", "surname": "Smith", "kind": "alias"},
    ]
    run_import(tmp_path, [first])
    nominal = Nominal.objects.get()
    kept_alias = Alias.objects.get(forenames="Jon").pk
    before = child_ids(nominal)
    changed = json.loads(json.dumps(first))
    changed["aliases"] = [first["aliases"][1], {"forenames": "J", "surname": "Smith"}]
    changed["aliases"].reverse()  # the order lines arrive in is not a change
    changed["offences"][0]["victim_age"] = 14
    assert run_import(tmp_path, [changed]) == "0 nominals created, 1 updated, 0 unchanged"
    after = child_ids(nominal)
    assert kept_alias in after["Alias"]
    assert set(Alias.objects.values_list("forenames", flat=True)) == {"Jon", "J"}
    assert after["Conviction"].isdisjoint(before["Conviction"])
    assert Conviction.objects.get().victim_age == 14
    for model in ("Address", "Association", "CustodyPeriod", "RecordedEvent"):
        assert after[model] == before[model], model


def test_duplicate_entries_are_matched_one_for_one(demo, tmp_path):
    event = {"kind": "shpo_imposed", "date": "2021-09-14"}
    run_import(tmp_path, [record(1, events=[event, event])])
    nominal = Nominal.objects.get()
    ids = set(nominal.events.values_list("pk", flat=True))
    run_import(tmp_path, [record(1, events=[event], ethnicity="White Irish")])
    remaining = set(nominal.events.values_list("pk", flat=True))
    assert len(remaining) == 1 and remaining < ids
    run_import(tmp_path, [record(1, events=[event, event, event])])
    assert nominal.events.count() == 3 and remaining < set(
        nominal.events.values_list("pk", flat=True)
    )


def test_an_associated_persons_address_change_replaces_only_that_person(demo, tmp_path):
    first = record(1)
    first["associations"].append(
        {"relationship": "partner", "forenames": "Kim", "surname": "Lee", "address": None}
    )
    run_import(tmp_path, [first])
    amy, kim = (Association.objects.get(forenames=name).pk for name in ("Amy", "Kim"))
    changed = json.loads(json.dumps(first))
    changed["associations"][1]["address"] = {"line_1": "3 Pond Road", "postcode": "MK41 1AA"}
    run_import(tmp_path, [changed])
    assert Association.objects.filter(pk=amy).exists()
    assert not Association.objects.filter(pk=kim).exists()
    kim_now = Association.objects.get(forenames="Kim")
    assert kim_now.addresses.get().line_1 == "3 Pond Road"


def test_an_unchanged_mappa_section_does_not_touch_the_case(demo, tmp_path):
    run_import(tmp_path, [record(1)])
    case = MappaCase.objects.get()
    MappaCase.objects.filter(pk=case.pk).update(
        responsible_officer=demo["probation.om"], first_meeting_needed_since=date(2026, 1, 5)
    )
    levels = history(case)
    run_import(tmp_path, [record(1, ethnicity="White Irish")])
    case.refresh_from_db()
    assert case.responsible_officer == demo["probation.om"]
    assert case.first_meeting_needed_since == date(2026, 1, 5)
    assert history(case) == levels


def test_an_import_never_rewrites_a_level_decided_here(demo, tmp_path):
    run_import(tmp_path, [record(1)])
    case = MappaCase.objects.get()
    cases.change_level(
        actor=demo["chair.police"],
        case=case,
        level=3,
        source=DecisionSource.MEETING,
        rationale="Escalated after the breach",
        decided_on=date(2026, 2, 1),
    )
    decided = history(case)
    # The source system still says level 2, and has corrected its own entry's date.
    stale = record(1, ethnicity="White Irish")
    stale["mappa"]["level_history"] = [{"level": 2, "from": "2022-06-02"}]
    run_import(tmp_path, [stale])
    case.refresh_from_db()
    assert case.level == 3
    rows = history(case)
    assert decided[1] in rows  # the meeting's decision, untouched
    assert [(row[1], row[2], row[4]) for row in rows] == [
        (3, date(2026, 2, 1), "meeting"),
        (2, date(2022, 6, 2), "import"),
    ]


def test_a_changed_mappa_section_of_an_imported_case_updates_it_in_place(demo, tmp_path):
    run_import(tmp_path, [record(1)])
    case = MappaCase.objects.get()
    MappaCase.objects.filter(pk=case.pk).update(responsible_officer=demo["probation.om"])
    first_entry = history(case)[0]
    changed = record(1)
    changed["mappa"] = dict(
        changed["mappa"],
        level=3,
        level_history=[{"level": 2, "from": "2022-06-01"}, {"level": 3, "from": "2023-01-10"}],
    )
    run_import(tmp_path, [changed])
    case.refresh_from_db()
    assert (case.level, case.responsible_officer) == (3, demo["probation.om"])
    assert history(case)[0] == first_entry


def test_two_people_save_the_same_version_and_the_second_is_refused_with_their_input_kept(
    signed_in, demo
):
    smith = saved(demo)
    first, second = signed_in("probation.om"), signed_in("police.ppu")
    loaded = {"version": Nominal.objects.get().version}
    assert f'name="version" value="{loaded["version"]}"' in first.get(
        f"/people/{smith.id}/alias/"
    ).content.decode().replace("\n", " ")
    alias = {"kind": "alias", "forenames": "Jack", "surname": "Smithson"}
    assert first.post(f"/people/{smith.id}/alias/", alias | loaded).status_code == 302
    late = {"kind": "nickname", "forenames": "Jacky", "surname": "Smith"}
    response = second.post(f"/people/{smith.id}/alias/", late | loaded)
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert f"changed by {demo['probation.om'].get_full_name()} (Probation)" in page
    assert 'value="Jacky"' in page  # what they typed is still there
    assert not Alias.objects.filter(forenames="Jacky").exists()
    assert Alias.objects.filter(forenames="Jack").exists()


def test_a_removal_confirmed_from_an_old_page_is_refused(signed_in, demo):
    smith = saved(demo)
    alias = smith.aliases.get()
    old = {"version": smith.version}
    post_section(
        signed_in("police.ppu"), smith, "event", {"kind": "sfo_charged", "date": "1/2/2026"}
    )
    response = signed_in("probation.om").post(f"/people/{smith.id}/alias/{alias.pk}/remove/", old)
    assert response.status_code == 200
    assert "changed by" in response.content.decode()
    assert Alias.objects.filter(pk=alias.pk).exists()


def test_a_form_without_its_version_is_refused_as_out_of_date(signed_in, demo):
    smith = saved(demo)
    alias = {"kind": "alias", "forenames": "Jack", "surname": "Smithson"}
    response = signed_in("probation.om").post(f"/people/{smith.id}/alias/", alias)
    assert "This page is out of date" in response.content.decode()
    assert not Alias.objects.filter(forenames="Jack").exists()
