"""The optional `offences[].terrorist_connection` (docs/decisions/0016).

Counter-Terrorism Act 2008 s.42(1) applies the Part 4 notification requirements to "an offence
as to which a court has determined under section 69 of the Sentencing Code ... that the offence
has a terrorist connection" (and under s.30 in Northern Ireland): any offence, not only those
listed in s.41. The contract's format has no place for the determination, so the service adds
one, optional, and an export leaves it out where it is not recorded.
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

# Arson (Criminal Damage Act 1971 s.1(1)), in no CTA 2008 s.41 list: four years' imprisonment
ARSON = {
    "offence": "CDA1971/s1(1)",
    "outcome": "conviction",
    "date": "2024-03-01",
    "disposal": {"type": "imprisonment", "term_months": 48},
}


def arson(**determination) -> dict:
    return record(1, offences=[ARSON | determination], mappa=None)


@pytest.mark.parametrize(
    "determination, indicated",
    [
        # s.42(1)(za), s.44, s.45(1)(a)(ii): Part 4 applies, so category 4 is indicated
        ({"terrorist_connection": True}, True),
        # no determination: the offence is not one Part 4 applies to, so nothing is said
        ({}, None),
    ],
)
def test_a_determined_terrorist_connection_brings_the_category_4_finding(
    demo, tmp_path, determination, indicated
):
    run_import(tmp_path, jsonl([arson(**determination)]))
    eligibility = for_nominal(Nominal.objects.get(), timezone.localdate())
    if indicated is None:
        assert eligibility.category_4 is None
        return
    assert eligibility.category_4.indicated
    assert "s.42(1): the court determined that" in eligibility.category_4.basis
    assert "has a terrorist connection" in eligibility.basis


def test_an_export_writes_the_determination_only_where_it_is_recorded(demo, tmp_path):
    recorded = arson(terrorist_connection=True)
    assert written_only_where_recorded(tmp_path, "terrorist_connection", recorded) is True


@pytest.mark.parametrize("bad", [False, "yes", "true", 0])
def test_anything_but_true_is_refused_and_nothing_is_stored(demo, tmp_path, bad):
    problems = rejected(tmp_path, jsonl([arson(terrorist_connection=bad)]))
    assert len(problems) == 1
    assert problems[0].startswith("line 1: offences[0].terrorist_connection: Input should be True")
    assert not Nominal.objects.exists()


def test_an_explicit_null_is_the_same_as_leaving_it_out(demo, tmp_path):
    run_import(tmp_path, jsonl([arson(terrorist_connection=None)]))
    assert Conviction.objects.get().terrorist_connection is False


@pytest.mark.parametrize("ticked, stored", [("on", True), (None, False)])
def test_the_conviction_form_records_the_determination(signed_in, demo, tmp_path, ticked, stored):
    run_import(tmp_path, jsonl([record(1, offences=[], mappa=None)]))
    nominal = Nominal.objects.get()
    answers = {
        "offence": "CDA1971/s1(1)",
        "outcome": "conviction",
        "date": "1/3/2024",
        "disposal_type": "imprisonment",
        "term_months": "48",
    }
    if ticked:
        answers["terrorist_connection"] = ticked
    response = signed_in("probation.om").post(
        f"/people/{nominal.id}/conviction/", with_version(nominal, answers)
    )
    assert response.status_code == 302, response.content
    assert Conviction.objects.get(nominal=nominal).terrorist_connection is stored


@pytest.mark.parametrize(
    "determination, shown", [({"terrorist_connection": True}, True), ({}, False)]
)
def test_the_person_page_shows_a_determination(signed_in, demo, tmp_path, determination, shown):
    run_import(tmp_path, jsonl([arson(**determination)]))
    page = signed_in("probation.om").get(f"/people/{Nominal.objects.get().id}/")
    assert page.status_code == 200
    assert ("The court determined a terrorist connection" in page.content.decode()) is shown
