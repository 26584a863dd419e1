"""The optional `offences[].disposal.consecutive_group` (docs/decisions/0009).

SOA 2003 s.82(3), (4)(a): an offender sentenced for two or more Schedule 3 offences to
consecutive terms of imprisonment is treated, for the notification period, as sentenced
for each to a term equal to their aggregate. nDelius and court records hold one term per
offence, so the import takes each offence's own term and a label shared by the terms
ordered to run consecutively.
"""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal
from mappa.people.tests.pages import with_version
from mappa.people.tests.records import jsonl, record
from mappa.people.tests.test_import import rejected, run_import

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 21)


def sexual_assault(months: float, group: str | None = None, **disposal) -> dict:
    disposal = {"type": "imprisonment", "term_months": months} | disposal
    if group is not None:
        disposal["consecutive_group"] = group
    return {
        "offence": "SOA2003/s3",
        "outcome": "conviction",
        "date": "2021-09-14",
        "victim_age": 15,
        "disposal": disposal,
    }


def test_consecutive_terms_make_an_indefinite_requirement(demo, tmp_path):
    # 18 + 18 months consecutive = 36 months: indefinite (s.82(1), 30 months or more)
    offences = [sexual_assault(18, "A"), sexual_assault(18, "A")]
    run_import(tmp_path, jsonl([record(1, offences=offences)]))
    eligibility = for_nominal(Nominal.objects.get(), AS_OF)
    assert eligibility.category == 1
    assert eligibility.notification.end_date is None
    assert "counted as one term of 36 months (s.82(3), (4)(a))" in eligibility.basis


def test_concurrent_terms_are_not_added(demo, tmp_path):
    # the same terms without a group run concurrently: 18 months, 10 years from 2021-09-14
    offences = [sexual_assault(18), sexual_assault(18)]
    run_import(tmp_path, jsonl([record(1, offences=offences)]))
    eligibility = for_nominal(Nominal.objects.get(), AS_OF)
    assert eligibility.notification.end_date.isoformat() == "2031-09-13"


@pytest.mark.parametrize(
    "offences, problem",
    [
        (
            [sexual_assault(18, "A"), sexual_assault(18, "B")],
            "line 1: offences[0].disposal.consecutive_group: no other offence in this record "
            "is in consecutive group 'A'",
        ),
        (
            [sexual_assault(18, "A", type="community_order"), sexual_assault(18, "A")],
            "line 1: offences[0].disposal.consecutive_group: only terms of imprisonment or "
            "detention are aggregated; for community_order, record the term SOA 2003 s.82(4) "
            "gives instead",
        ),
        (
            [sexual_assault(18, ""), sexual_assault(18, "")],
            "line 1: offences[0].disposal.consecutive_group: String should have at least 1 "
            "character",
        ),
    ],
)
def test_a_consecutive_group_that_cannot_apply_is_refused(demo, tmp_path, offences, problem):
    assert rejected(tmp_path, jsonl([record(1, offences=offences)]))[0] == problem


def test_an_export_keeps_the_groups_and_imports_back_unchanged(demo, tmp_path):
    grouped = record(1, offences=[sexual_assault(18, "A"), sexual_assault(6, "A")])
    run_import(tmp_path, jsonl([grouped, record(2)]))
    exported = tmp_path / "export.jsonl"
    call_command("export", "nominals", "--area", "DEMO", "--out", str(exported), stderr=StringIO())
    disposals = {
        line["external_ids"]["crn"]: [o["disposal"] for o in line["offences"]]
        for line in map(json.loads, exported.read_text().splitlines())
    }
    assert [d["consecutive_group"] for d in disposals["X000001"]] == ["A", "A"]
    assert "consecutive_group" not in disposals["X000002"][0]
    out, _ = run_import(tmp_path, exported.read_text())
    assert out.strip() == "0 nominals created, 0 updated, 2 unchanged"


def test_the_person_page_shows_the_group_and_the_aggregate(signed_in, demo, tmp_path):
    offences = [sexual_assault(18, "A"), sexual_assault(18, "A")]
    run_import(tmp_path, jsonl([record(1, offences=offences)]))
    page = signed_in("probation.om").get(f"/people/{Nominal.objects.get().id}/")
    text = page.content.decode()
    assert text.count("consecutive with the other terms in group A") == 2
    assert "counted as one term of 36 months" in text


def test_a_detention_and_training_order_is_imported_and_counted_by_half(demo, tmp_path):
    # born 2005-01-01: 16 on the relevant date; a 24-month order is 12 months' detention
    order = sexual_assault(24, detention_and_training_order=True)
    run_import(tmp_path, jsonl([record(1, date_of_birth="2005-01-01", offences=[order])]))
    eligibility = for_nominal(Nominal.objects.get(), AS_OF)
    assert eligibility.notification.period == "P5Y"
    assert (
        "detention for 12 months, the detention half of a detention and training order for 24 months (s.131(a))"
        in (eligibility.notification.basis)
    )


def test_a_detention_and_training_order_must_be_recorded_as_imprisonment(demo, tmp_path):
    order = sexual_assault(24, type="community_order", detention_and_training_order=True)
    assert rejected(tmp_path, jsonl([record(1, offences=[order])]))[0] == (
        "line 1: offences[0].disposal.detention_and_training_order: a detention and training "
        "order is recorded with the type imprisonment, not community_order"
    )


def test_a_detention_and_training_order_round_trips_and_comes_from_the_form(
    signed_in, demo, tmp_path
):
    run_import(
        tmp_path,
        jsonl([record(1, offences=[sexual_assault(24, detention_and_training_order=True)])]),
    )
    exported = tmp_path / "export.jsonl"
    call_command("export", "nominals", "--area", "DEMO", "--out", str(exported), stderr=StringIO())
    disposal = json.loads(exported.read_text())["offences"][0]["disposal"]
    assert disposal["detention_and_training_order"] is True
    nominal = Nominal.objects.get()
    response = signed_in("probation.om").post(
        f"/people/{nominal.id}/conviction/",
        with_version(
            nominal,
            {
                "offence": "OAPA1861/s18",
                "outcome": "conviction",
                "date": "1/3/2024",
                "disposal_type": "imprisonment",
                "term_months": "12",
                "detention_and_training_order": "on",
            },
        ),
    )
    assert response.status_code == 302, response.content
    assert nominal.convictions.get(offence_code="OAPA1861/s18").detention_and_training_order
