"""A case transferred between MAPPA areas (MAPPA Guidance ch.17): requested by the lead agency,
queried and answered, withdrawn, or accepted by the receiving area with its own level; during
hand-over both areas see it, afterwards the receiving area owns it and the sending area only reads
it for `MAPPA_TRANSFER_READ_DAYS` (docs/transfers.md, decision 0014)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from mappa import versions
from mappa.agencies.constants import AccessReason
from mappa.agencies.models import Area, CaseAccessGrant
from mappa.agencies.services import grant_case_access
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.cases import queries
from mappa.cases.constants import DecisionSource
from mappa.cases.models import MappaCase
from mappa.cases.services import transfers
from mappa.desk.services import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db, settings):
    settings.MAPPA_SITE_URL = "https://mappa.example"
    users = {user.username: user for user in load_demo()}
    case = MappaCase.objects.select_related("nominal").get(nominal__crn="X123456")
    return users, case


def other() -> Area:
    return Area.objects.get(code="OTHER")


def request(users, case, **overrides):
    fields = {
        "actor": users["coordinator"],
        "case": case,
        "to_area": other(),
        "reason": "He is moving to live with his sister",
        "new_address": "7 Quay Street, Otherford OT2 9ZZ",
        "moving_on": timezone.localdate() + timedelta(days=14),
        "proposed_meeting": "Level 2 meeting in Otherford before the move",
    } | overrides
    return transfers.request_transfer(**fields)


def sees(user, case) -> bool:
    return queries.cases_visible_to(user).filter(id=case.id).exists()


def changes(user, case) -> bool:
    return queries.may_change(user, case)


def accept(users, transfer, level=2):
    return transfers.accept_transfer(
        actor=users["coordinator.other"],
        transfer=transfer,
        version=transfer.version,
        level=level,
        rationale="Level 2: new area, new victims nearby",
    )


def test_outsider_sees_nothing_before_the_request_and_reads_during_hand_over(world):
    users, case = world
    outsider, sending = users["outsider.police"], users["coordinator"]
    assert not sees(outsider, case)
    request(users, case)
    assert sees(outsider, case) and not changes(outsider, case)
    assert sees(sending, case) and changes(sending, case)


def test_the_receiving_coordinator_is_told_by_a_link_only_email(
    world, django_capture_on_commit_callbacks
):
    users, case = world
    with django_capture_on_commit_callbacks(execute=True):
        transfer = request(users, case)
    (message,) = mail.outbox
    assert message.to == [users["coordinator.other"].email]
    assert f"https://mappa.example/cases/transfers/{transfer.id}/" in message.body
    assert "Smith" not in message.body and "X123456" not in message.body


def test_accepting_moves_the_person_and_the_case_to_the_receiving_area(world):
    users, case = world
    transfer = request(users, case)
    accept(users, transfer, level=3)
    case.refresh_from_db()
    case.nominal.refresh_from_db()
    assert case.nominal.area.code == "OTHER"
    assert case.level == 3 and case.responsible_officer is None
    assert case.first_meeting_needed_since == timezone.localdate()
    latest = case.level_history.order_by("-id").first()
    assert latest.source == DecisionSource.TRANSFER
    assert latest.decided_by == users["coordinator.other"]
    assert MappaCase.objects.filter(nominal__crn="X123456").count() == 1  # moved, not copied


def test_after_acceptance_the_sending_area_reads_but_cannot_change(world):
    users, case = world
    accept(users, request(users, case))
    case.refresh_from_db()
    sending, receiving = users["coordinator"], users["coordinator.other"]
    assert sees(sending, case) and not changes(sending, case)
    assert sees(receiving, case) and changes(receiving, case)
    assert sees(users["outsider.police"], case) and changes(users["outsider.police"], case)


def test_the_sending_area_stops_reading_when_the_period_ends(world, settings):
    users, case = world
    transfer = accept(users, request(users, case))
    days = settings.MAPPA_TRANSFER_READ_DAYS
    assert transfer.sending_reads_until == timezone.localdate() + timedelta(days=days)
    transfer.sending_reads_until = timezone.localdate() - timedelta(days=1)
    transfer.save(update_fields=["sending_reads_until"])
    assert not sees(users["coordinator"], case)
    assert not sees(users["police.ppu"], case)


@pytest.mark.parametrize(
    "state, sending_reads, sending_changes, receiving_reads, receiving_changes",
    [
        ("none", True, True, False, False),
        ("requested", True, True, True, False),
        ("queried", True, True, True, False),
        ("withdrawn", True, True, False, False),
        ("accepted", True, False, True, True),
        ("accepted, period over", False, False, True, True),
    ],
)
def test_register_scope_in_each_state_of_a_transfer(
    world, state, sending_reads, sending_changes, receiving_reads, receiving_changes
):
    users, case = world
    if state != "none":
        transfer = request(users, case)
    if state == "queried":
        transfers.query_transfer(
            actor=users["coordinator.other"], transfer=transfer, version=1, query="Her address?"
        )
    if state == "withdrawn":
        transfers.withdraw_transfer(
            actor=users["coordinator"], transfer=transfer, version=1, reason="Not moving now"
        )
    if state.startswith("accepted"):
        accept(users, transfer)
    if state == "accepted, period over":
        transfer.sending_reads_until = timezone.localdate() - timedelta(days=1)
        transfer.save(update_fields=["sending_reads_until"])
    for username, reads, change in (
        ("probation.om", sending_reads, sending_changes),
        ("outsider.police", receiving_reads, receiving_changes),
        ("coordinator.other", receiving_reads, receiving_changes),
    ):
        assert sees(users[username], case) is reads, (state, username)
        assert changes(users[username], case) is change, (state, username)
        assert (
            queries.register_scope(users[username]) is not None
            and case.nominal.__class__.objects.filter(queries.register_scope(users[username]))
            .filter(id=case.nominal_id)
            .exists()
        ) is reads, (state, username, "person")
    for username in ("lay.adviser", "sysadmin", "housing.officer"):
        assert not sees(users[username], case), (state, username)


def test_a_query_goes_back_to_the_sending_area_and_the_answer_returns_it(world):
    users, case = world
    transfer = request(users, case)
    transfers.query_transfer(
        actor=users["coordinator.other"],
        transfer=transfer,
        version=1,
        query="Who else lives there?",
    )
    assert transfer.status == "queried"
    with pytest.raises(ValidationError, match="queried"):
        accept(users, transfer)
    transfers.answer_query(
        actor=users["probation.om"], transfer=transfer, version=2, answer="His sister only"
    )
    assert transfer.status == "requested"
    assert [m.kind for m in transfer.messages.all()] == ["query", "answer"]


def test_a_stale_step_is_refused_naming_who_saved_first(world):
    users, case = world
    transfer = request(users, case)
    transfers.query_transfer(
        actor=users["coordinator.other"],
        transfer=transfer,
        version=1,
        query="Who else lives there?",
    )
    with pytest.raises(versions.StaleEdit, match="Nia Okafor"):
        transfers.withdraw_transfer(
            actor=users["coordinator"], transfer=transfer, version=1, reason="Not moving"
        )


def test_only_the_requester_withdraws_and_only_before_acceptance(world):
    users, case = world
    transfer = request(users, case)
    with pytest.raises(ValidationError, match="requested the transfer"):
        transfers.withdraw_transfer(
            actor=users["probation.om"], transfer=transfer, version=1, reason="No"
        )
    accept(users, transfer)
    with pytest.raises(ValidationError, match="accepted"):
        transfers.withdraw_transfer(
            actor=users["coordinator"], transfer=transfer, version=2, reason="Too late"
        )


@pytest.mark.parametrize("username", ["prison.pom", "outsider.police", "chair.police"])
def test_only_the_lead_agency_or_coordinator_requests(world, username):
    users, case = world
    with pytest.raises(ValidationError, match="lead agency"):
        request(users, case, actor=users[username])
    assert not case.transfers.exists()


def test_the_lead_agency_practitioner_may_request(world):
    users, case = world
    assert request(users, case, actor=users["probation.om"]).status == "requested"


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"reason": " "}, "reason"),
        ({"new_address": ""}, "new_address"),
        ({"proposed_meeting": ""}, "proposed_meeting"),
    ],
)
def test_a_request_missing_what_it_needs_is_refused_and_changes_nothing(world, overrides, field):
    users, case = world
    with pytest.raises(ValidationError) as refused:
        request(users, case, **overrides)
    assert field in refused.value.message_dict
    assert not case.transfers.exists()


def test_a_second_request_while_one_waits_is_refused(world):
    users, case = world
    request(users, case)
    with pytest.raises(ValidationError, match="already has a transfer"):
        request(users, case)


def test_only_the_receiving_coordinator_accepts_or_queries(world):
    users, case = world
    transfer = request(users, case)
    for username in ("coordinator", "outsider.police"):
        with pytest.raises(ValidationError, match="receiving area"):
            transfers.accept_transfer(
                actor=users[username], transfer=transfer, version=1, level=2, rationale="x"
            )
    with pytest.raises(ValidationError, match="receiving area"):
        transfers.query_transfer(
            actor=users["outsider.police"], transfer=transfer, version=1, query="?"
        )


def test_the_audit_trail_names_both_areas(world):
    users, case = world
    accept(users, request(users, case))
    events = AuditEvent.objects.filter(subject=case.id, event_type__startswith="case.transfer")
    assert [e.event_type for e in events.order_by("id")] == [
        EventType.CASE_TRANSFER_REQUESTED,
        EventType.CASE_TRANSFER_ACCEPTED,
    ]
    for event in events:
        assert event.payload["from_area"] == "DEMO" and event.payload["to_area"] == "OTHER"


def test_sending_area_grants_end_and_the_receiving_lead_agency_is_granted(world):
    users, case = world
    housing = users["housing.officer"]
    grant_case_access(
        actor=users["coordinator"],
        case=case.id,
        reason=AccessReason.COORDINATOR_GRANT,
        grantee_agency=housing.agency,
        explanation="Housing",
        expires_at=timezone.now() + timedelta(days=30),
    )
    assert sees(housing, case)
    accept(users, request(users, case))
    assert not sees(housing, case)
    live = CaseAccessGrant.objects.filter(case=case.id, revoked_at__isnull=True)
    assert {g.grantee_agency.area.code for g in live} == {"OTHER"}
    assert {g.reason for g in live} == {AccessReason.LEAD_AGENCY}


def test_a_category_4_case_in_hand_over_needs_clearance_in_the_receiving_area(world):
    users, case = world
    MappaCase.objects.filter(id=case.id).update(category=4)
    case.refresh_from_db()
    request(users, case)
    receiving = users["coordinator.other"]
    assert not sees(receiving, case)
    assert not queries.incoming_transfers(receiving).exists()
    receiving.terrorism_clearance = True
    receiving.save(update_fields=["terrorism_clearance"])
    assert sees(receiving, case) and queries.incoming_transfers(receiving).exists()
