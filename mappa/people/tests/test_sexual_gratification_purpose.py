"""The optional `offences[].sexual_gratification_purpose` (docs/decisions/0009).

Schedule 3 to the Sexual Offences Act 2003 lists the offences under s.66A (sending a
photograph or film of genitals, para 33A) and s.67A (upskirting, para 34A) only when
committed for the purpose of obtaining sexual gratification; the contract's format has no
place for that purpose, so the service adds one, optional, and an export leaves it out
when it is not recorded.
"""

import pytest
from django.utils import timezone

from mappa.offences.models import Conviction
from mappa.people.eligibility import for_nominal
from mappa.people.models import Nominal
from mappa.people.tests.pages import with_version
from mappa.people.tests.records import jsonl, record
from mappa.people.tests.test_import import rejected, run_import, written_only_where_recorded

pytestmark = pytest.mark.django_db

# An adult upskirting offence against a 15-year-old: para 34A(b) is met by the victim's age,
# so whether it is listed turns on the purpose alone.
UPSKIRTING = {
    "offence": "SOA2003/s67A",
    "outcome": "conviction",
    "date": "2024-03-01",
    "victim_age": 15,
    "disposal": {"type": "community_order", "term_months": 6},
}


def upskirting(**purpose) -> dict:
    return record(1, offences=[UPSKIRTING | purpose], mappa=None)


@pytest.mark.parametrize(
    "purpose, category, basis",
    [
        # Sch.3 para 34A: "if ... the offence was committed for the purpose mentioned in
        # section 67A(3)(a)" (obtaining sexual gratification)
        ({"sexual_gratification_purpose": True}, 1, "for the purpose of obtaining sexual"),
        ({"sexual_gratification_purpose": False}, None, "was not committed for the purpose"),
        ({}, None, "is not recorded"),
    ],
)
def test_the_purpose_decides_whether_upskirting_brings_notification(
    demo, tmp_path, purpose, category, basis
):
    run_import(tmp_path, jsonl([upskirting(**purpose)]))
    nominal = Nominal.objects.get()
    eligibility = for_nominal(nominal, timezone.localdate())
    assert eligibility.category == category
    assert basis in eligibility.basis


def test_an_export_writes_the_purpose_only_where_it_is_recorded(demo, tmp_path):
    recorded = upskirting(sexual_gratification_purpose=True)
    assert written_only_where_recorded(tmp_path, "sexual_gratification_purpose", recorded) is True


def test_a_purpose_that_is_not_true_or_false_is_refused(demo, tmp_path):
    problems = rejected(tmp_path, jsonl([upskirting(sexual_gratification_purpose="yes")]))
    assert problems == [
        "line 1: offences[0].sexual_gratification_purpose: Input should be a valid boolean"
    ]


@pytest.mark.parametrize("answer, stored", [("yes", True), ("no", False), ("", None)])
def test_the_conviction_form_records_the_purpose(signed_in, demo, tmp_path, answer, stored):
    run_import(tmp_path, jsonl([record(1, offences=[], mappa=None)]))
    nominal = Nominal.objects.get()
    response = signed_in("probation.om").post(
        f"/people/{nominal.id}/conviction/",
        with_version(
            nominal,
            {
                "offence": "SOA2003/s67A",
                "outcome": "conviction",
                "date": "1/3/2024",
                "victim_age": "15",
                "sexual_gratification_purpose": answer,
                "disposal_type": "community_order",
                "term_months": "6",
            },
        ),
    )
    assert response.status_code == 302, response.content
    assert Conviction.objects.get(nominal=nominal).sexual_gratification_purpose is stored


def test_the_person_page_shows_a_recorded_purpose(signed_in, demo, tmp_path):
    run_import(tmp_path, jsonl([upskirting(sexual_gratification_purpose=False)]))
    page = signed_in("probation.om").get(f"/people/{Nominal.objects.get().id}/")
    assert "Not committed to obtain sexual gratification" in page.content.decode()
