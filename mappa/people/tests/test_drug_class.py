"""The optional `offences[].drug_class` (docs/decisions/0015).

CJA 2003 s.327(4A)(c) counts for category 2 an offence under MDA 1971 s.4(3) committed by
supplying or offering to supply a Class A drug to a child (under 18, s.327(6)). The contract's
format has no place for the drug's class, so the service adds one, optional, and an export
leaves it out where it is not recorded.
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

# Supplying a drug to a 16-year-old, three years' imprisonment: s.327(3)(b)(i) is met
SUPPLY = {
    "offence": "MDA1971/s4(3)",
    "outcome": "conviction",
    "date": "2024-03-01",
    "victim_age": 16,
    "disposal": {"type": "imprisonment", "term_months": 36},
}


def supply(**drug) -> dict:
    return record(1, offences=[SUPPLY | drug], mappa=None)


@pytest.mark.parametrize(
    "drug, category, basis",
    [
        # s.327(4A)(c)(i): "supplying or offering to supply a Class A drug to a child"
        ({"drug_class": "A"}, 2, "CJA 2003 s.327(4A)(c); the drug was a Class A drug"),
        ({"drug_class": "B"}, None, "the drug was a Class B drug, not Class A"),
        ({}, None, "the class of the controlled drug is not recorded"),
    ],
)
def test_the_drug_class_decides_whether_supply_to_a_child_makes_category_2(
    demo, tmp_path, drug, category, basis
):
    run_import(tmp_path, jsonl([supply(**drug)]))
    eligibility = for_nominal(Nominal.objects.get(), timezone.localdate())
    assert eligibility.category == category
    assert basis in eligibility.basis


def test_an_export_writes_the_drug_class_only_where_it_is_recorded(demo, tmp_path):
    assert written_only_where_recorded(tmp_path, "drug_class", supply(drug_class="A")) == "A"


@pytest.mark.parametrize("bad", ["a", "D", "Class A", 1, True])
def test_a_drug_class_other_than_a_b_or_c_is_refused_and_nothing_is_stored(demo, tmp_path, bad):
    problems = rejected(tmp_path, jsonl([supply(drug_class=bad)]))
    assert len(problems) == 1
    assert problems[0].startswith("line 1: offences[0].drug_class: Input should be 'A', 'B' or 'C'")
    assert not Nominal.objects.exists()


@pytest.mark.parametrize("answer, stored", [("A", "A"), ("C", "C"), ("", "")])
def test_the_conviction_form_records_the_drug_class(signed_in, demo, tmp_path, answer, stored):
    run_import(tmp_path, jsonl([record(1, offences=[], mappa=None)]))
    nominal = Nominal.objects.get()
    response = signed_in("probation.om").post(
        f"/people/{nominal.id}/conviction/",
        with_version(
            nominal,
            {
                "offence": "MDA1971/s4(3)",
                "outcome": "conviction",
                "date": "1/3/2024",
                "victim_age": "16",
                "drug_class": answer,
                "disposal_type": "imprisonment",
                "term_months": "36",
            },
        ),
    )
    assert response.status_code == 302, response.content
    assert Conviction.objects.get(nominal=nominal).drug_class == stored


@pytest.mark.parametrize("drug, shown", [({"drug_class": "A"}, True), ({}, False)])
def test_the_person_page_shows_a_recorded_drug_class(signed_in, demo, tmp_path, drug, shown):
    run_import(tmp_path, jsonl([supply(**drug)]))
    page = signed_in("probation.om").get(f"/people/{Nominal.objects.get().id}/")
    assert page.status_code == 200
    assert ("A Class A drug" in page.content.decode()) is shown
