"""`mappa demo`: the contract's areas, agencies and personas (shared/contracts/README.md)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from mappa.agencies.models import Agency, Area, User
from mappa.desk.demo import PERSONAS
from mappa.safeguarding.queries import is_named_person, named_persons
from tests.factories import create_area

pytestmark = pytest.mark.django_db

CONTRACT = {
    "coordinator": ("coordinator", "MAPPA co-ordination unit (probation)", "DEMO"),
    "chair.police": ("chair", "Police", "DEMO"),
    "police.ppu": ("ra_practitioner", "Police", "DEMO"),
    "probation.om": ("ra_practitioner", "Probation", "DEMO"),
    "prison.pom": ("ra_practitioner", "Prison", "DEMO"),
    "mash.manager": ("mash_named_person", "Children's social care", "DEMO"),
    "housing.officer": ("dtc_practitioner", "Housing authority", "DEMO"),
    "disclosure.officer": ("disclosure_officer", "Police", "DEMO"),
    "marac.coordinator": ("marac_coordinator", "Police", "DEMO"),
    "smb.member": ("smb_member", "Police", "DEMO"),
    "lay.adviser": ("lay_adviser", None, "DEMO"),
    "outsider.police": ("ra_practitioner", "Police", "OTHER"),
    "sysadmin": ("sysadmin", None, None),
    # An addition the contract allows: the OTHER area's co-ordinator, who receives transfers.
    "coordinator.other": ("coordinator", "MAPPA co-ordination unit (probation)", "OTHER"),
}


def load() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_creates_every_persona_of_the_contract():
    load()
    assert len(PERSONAS) == len(CONTRACT)
    for username, (role, agency, area) in CONTRACT.items():
        user = User.objects.get(username=username)
        assert user.role == role, username
        assert (user.agency.name if user.agency else None) == agency, username
        assert (user.area.code if user.area else None) == area, username
        assert user.is_demo


def test_each_persona_signs_in_and_calls_the_api_with_demo_username(settings):
    settings.MAPPA_DEMO = True
    load()
    for username in CONTRACT:
        client = Client()
        response = client.post("/sign-in/", {"username": username, "password": f"demo-{username}"})
        assert response["Location"] == "/dashboard/", username
        assert client.get("/dashboard/").status_code == 200, username
        api = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token demo-{username}")
        assert api.json()["username"] == username


def test_it_is_idempotent():
    load()
    counts = (Area.objects.count(), Agency.objects.count(), User.objects.count())
    load()
    assert (Area.objects.count(), Agency.objects.count(), User.objects.count()) == counts
    assert set(Area.objects.values_list("code", flat=True)) == {"DEMO", "OTHER"}


def test_it_refuses_a_database_holding_real_data():
    create_area(code="WYP", name="West Yorkshire")
    with pytest.raises(CommandError, match="non-demo areas"):
        load()
    assert not User.objects.exists()


def test_the_mappa_command_line_exits_non_zero_with_the_reason(tmp_path):
    import os
    import subprocess
    import sys

    database = tmp_path / "cli.sqlite3"
    env = os.environ | {"MAPPA_ENV": "test", "MAPPA_SQLITE_PATH": str(database)}
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "mappa.cli", *args]
        return subprocess.run(command, env=env, capture_output=True, text=True)

    assert run("migrate", "-v0").returncode == 0
    assert run("demo").returncode == 0
    verified = run("audit", "verify")
    assert verified.returncode == 0 and "intact" in verified.stdout
    unknown = run("audit", "unpick")
    assert unknown.returncode != 0 and "invalid choice" in unknown.stderr


def test_it_loads_demo_cases_on_each_areas_register():
    from mappa.cases.models import MappaCase
    from mappa.people.models import Nominal

    load()
    load()
    # Five from the demo's cases, two from its showcase (Paul Reeve, Craig Dunn).
    assert Nominal.objects.filter(area__code="DEMO").count() == 7
    assert Nominal.objects.filter(area__code="OTHER").count() == 1
    assert set(MappaCase.objects.filter(kind="mappa").values_list("category", flat=True)) == {
        1,
        2,
        3,
    }
    smith = Nominal.objects.get(pnc="2019/0012345X")
    assert smith.addresses.count() == 2 and smith.associations.count() == 2


def test_the_demo_names_mash_manager_the_demo_areas_named_person_once():
    load()
    load()
    manager = User.objects.get(username="mash.manager")
    assert is_named_person(manager)
    assert named_persons(manager.area).count() == 1


def _showcase_state():
    from mappa.cases.models import MappaCase, PdpDecision
    from mappa.custody.models import CustodyRecord, Screening

    return (
        list(Screening.objects.values_list("nominal__surname", "status", "decided_level")),
        list(PdpDecision.objects.order_by("step").values_list("step", "rank")),
        MappaCase.objects.count(),
        list(CustodyRecord.objects.order_by("nominal__surname").values_list("nominal__surname")),
    )


def test_the_demo_shows_two_people_in_the_releases_queue_and_a_pdp_idempotently():
    from datetime import timedelta

    from django.utils import timezone

    from mappa.cases.models import MappaCase
    from mappa.custody import queries as custody

    out = load()
    assert "Paul Reeve is on the releases queue" in out
    first = _showcase_state()
    load()
    assert _showcase_state() == first  # run twice, the same records
    today = timezone.localdate()
    queue = custody.releases_queue(User.objects.get(username="coordinator"), today)
    assert [(row.nominal.full_name, row.status, row.level_decided) for row in queue] == [
        ("Gary Cole", "red", False),
        ("Paul Reeve", "green", True),
    ]
    reeve = queue[1]
    assert (reeve.due.kind, reeve.due.on) == ("release", today + timedelta(days=75))
    case = MappaCase.objects.get(nominal__crn="X789012", closed_on__isnull=True)
    assert (case.category, case.level, case.lead_agency) == (1, 2, "prison")
    pdp = MappaCase.objects.get(nominal__crn="X890123")
    assert (pdp.kind, pdp.category, pdp.level, pdp.closed_on) == ("pdp", None, None, None)
    decision = pdp.pdp_decisions.get(step="manage")
    assert decision.made_by.username == "police.ppu" and decision.rank == "inspector"
    assert decision.rationale.startswith("A present likelihood of serious harm")
    assert pdp.next_review_due == decision.review_due is not None
