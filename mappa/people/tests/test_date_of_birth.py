"""A date of birth after today is refused wherever one is entered: the import, the API, the
person, referral and MARAC forms and the public application forms, with the GOV.UK message
naming the field."""

import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from pydantic import ValidationError

from mappa.marac.forms import dash as marac_forms
from mappa.people import forms, rules
from mappa.people.import_format import NominalRecord, problems_in
from mappa.people.models import Nominal
from mappa.people.tests.records import jsonl, record
from mappa.public import forms as public_forms
from mappa.referrals import forms as referral_forms

TODAY = date(2026, 12, 3)
travel = time_machine.travel("2026-12-03 10:00 +00:00", tick=False)


@pytest.mark.parametrize(
    ("born", "problem"),
    [
        # GOV.UK Design System, date input: "[whatever it is] must be in the past".
        (date(2999, 1, 1), "Date of birth must be in the past"),
        (date(2026, 12, 4), "Date of birth must be in the past"),
        # A child born today may be recorded today.
        (date(2026, 12, 3), None),
        (date(1984, 3, 2), None),
        (None, None),
    ],
)
def test_a_date_of_birth_after_today_is_a_problem(born, problem):
    assert rules.date_of_birth_problem(born, today=TODAY) == problem


def test_the_problem_names_the_field_it_is_about():
    assert (
        rules.date_of_birth_problem(date(2999, 1, 1), today=TODAY, name="Their date of birth")
        == "Their date of birth must be in the past"
    )


@travel
@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"date_of_birth": "2026-12-04"}, "date_of_birth"),
        (
            {"associations": [{"relationship": "child", "date_of_birth": "2999-01-01"}]},
            "associations[0].date_of_birth",
        ),
    ],
)
def test_the_import_format_refuses_a_date_of_birth_after_today(change, path):
    with pytest.raises(ValidationError) as raised:
        NominalRecord.model_validate_json(json.dumps(record(1, **change)))
    assert problems_in(raised.value) == [(path, "Date of birth must be in the past")]


@travel
def test_the_import_format_takes_a_child_born_today():
    child = {"relationship": "child", "date_of_birth": "2026-12-03"}
    parsed = NominalRecord.model_validate_json(json.dumps(record(1, associations=[child])))
    assert parsed.associations[0].date_of_birth == TODAY


@travel
def test_the_import_refuses_the_file_naming_the_line_and_field(demo, tmp_path):
    path = tmp_path / "nominals.jsonl"
    child = {"relationship": "child", "date_of_birth": "2999-01-01"}
    path.write_text(jsonl([record(1), record(2, associations=[child])]))
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", "nominals", str(path), stdout=StringIO(), stderr=err)
    assert "line 2: associations[0].date_of_birth: Date of birth must be in the past" in (
        err.getvalue()
    )
    assert not Nominal.objects.exists()


@travel
def test_the_api_refuses_a_date_of_birth_after_today_and_writes_nothing(demo):
    response = Client(HTTP_AUTHORIZATION="Token demo-probation.om").post(
        "/api/v1/nominals/",
        json.dumps(record(5, date_of_birth="2999-01-01")),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert {"field": "date_of_birth", "message": "Date of birth must be in the past"} in (
        response.json()["errors"]
    )
    assert not Nominal.objects.exists()


@travel
@pytest.mark.parametrize(
    ("form_class", "data"),
    [
        (forms.IdentityForm, {"surname": "Smith", "gender": "male"}),
        (forms.AssociationForm, {"relationship": "child"}),
    ],
)
def test_the_person_forms_refuse_a_date_of_birth_after_today(form_class, data):
    form = form_class(data={**data, "date_of_birth": "1/1/2999"})
    assert not form.is_valid()
    assert form.errors["date_of_birth"] == ["Date of birth must be in the past"]
    assert form_class(data={**data, "date_of_birth": "3/12/2026"}).is_valid()


@travel
@pytest.mark.parametrize("form_class", [public_forms.CsodsForm, public_forms.DvdsForm])
def test_the_public_application_forms_refuse_a_date_of_birth_after_today(db, form_class):
    form = form_class(data={"subject_date_of_birth": "1/1/2999"})
    form.is_valid()
    assert form.errors["subject_date_of_birth"] == ["Their date of birth must be in the past"]


@travel
@pytest.mark.parametrize(
    ("form_class", "message"),
    [
        (referral_forms.OffenderForm, "Date of birth must be in the past"),
        (marac_forms.VictimForm, "Date of birth must be in the past"),
        (marac_forms.PerpetratorForm, "Date of birth must be in the past"),
        (marac_forms.ChildForm, "Child's date of birth must be in the past"),
    ],
)
def test_the_referral_and_marac_forms_refuse_a_date_of_birth_after_today(form_class, message):
    form = form_class(data={"date_of_birth": "1/1/2999"})
    form.is_valid()
    assert form.errors["date_of_birth"] == [message]
    today = form_class(data={"date_of_birth": "3/12/2026"})
    today.is_valid()
    assert "date_of_birth" not in today.errors
