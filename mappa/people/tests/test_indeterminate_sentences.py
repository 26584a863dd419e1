"""A life sentence or an IPP has no term: the import, the API and the conviction form refuse
one (SOA 2003 s.82(1): either sentence gives an indefinite notification period, whatever
minimum term the court set)."""

import pytest

from mappa.people.models import Nominal
from mappa.people.tests.pages import with_version
from mappa.people.tests.records import jsonl, record
from mappa.people.tests.test_consecutive_terms import sexual_assault
from mappa.people.tests.test_import import rejected, run_import


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("life_imprisonment", "life imprisonment"),
        ("ipp", "imprisonment for public protection"),
    ],
)
def test_an_indeterminate_sentence_with_a_term_is_refused_naming_the_field(
    demo, tmp_path, kind, words
):
    line = jsonl([record(1, offences=[sexual_assault(60, type=kind)])])
    assert rejected(tmp_path, line)[0] == (
        f"line 1: offences[0].disposal.term_months: {words} is an indeterminate sentence "
        "with no term; leave term_months out"
    )


@pytest.mark.parametrize("kind", ["life_imprisonment", "ipp"])
def test_an_indeterminate_sentence_without_a_term_is_taken(demo, tmp_path, kind):
    run_import(tmp_path, jsonl([record(1, offences=[sexual_assault(None, type=kind)])]))
    assert Nominal.objects.get().convictions.get().disposal_type == kind


def test_the_conviction_form_refuses_life_imprisonment_for_a_term(signed_in, demo, tmp_path):
    run_import(tmp_path, jsonl([record(1)]))
    nominal = Nominal.objects.get()
    before = nominal.convictions.count()
    response = signed_in("probation.om").post(
        f"/people/{nominal.id}/conviction/",
        with_version(
            nominal,
            {
                "offence": "SOA2003/s3",
                "outcome": "conviction",
                "date": "1/3/2024",
                "disposal_type": "life_imprisonment",
                "term_months": "60",
            },
        ),
    )
    assert response.status_code == 200
    assert "life imprisonment is an indeterminate sentence with no term" in response.text
    assert nominal.convictions.count() == before
