"""`mappa audit checkpoint` signs a statement of the head; `verify --checkpoint` holds the log to it."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mappa.audit import keys, rules
from mappa.audit.events import EventType
from mappa.audit.models import AuditEvent
from mappa.audit.tests.tampering import tamper, verify, write_events

pytestmark = pytest.mark.django_db


def test_a_checkpoint_is_a_signed_statement_of_the_head_and_is_itself_recorded(tmp_path):
    write_events(3)
    path = tmp_path / "checkpoint.json"
    call_command("audit", "checkpoint", "--out", str(path), stderr=StringIO())
    statement = json.loads(path.read_text())
    recorded = AuditEvent.objects.get(sequence=4)
    assert recorded.event_type == EventType.AUDIT_CHECKPOINT_TAKEN
    assert recorded.payload == {"destination": str(path)}
    assert rules.read_checkpoint(statement, keys.keyring()) == rules.Checkpoint(
        sequence=4, hash=recorded.hash, count=4, taken_at=recorded.occurred_at.isoformat()
    )


def test_a_checkpoint_goes_to_standard_output_without_out():
    write_events(1)
    out = StringIO()
    call_command("audit", "checkpoint", stdout=out)
    statement = json.loads(out.getvalue())
    assert (statement["sequence"], statement["count"]) == (2, 2)
    assert AuditEvent.objects.get(sequence=2).payload == {"destination": "standard output"}


def test_the_log_verifies_against_its_checkpoints_naming_each(tmp_path):
    write_events(2)
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    call_command("audit", "checkpoint", "--out", str(first), stderr=StringIO())
    write_events(2)
    call_command("audit", "checkpoint", "--out", str(second), stderr=StringIO())
    output = verify("--checkpoint", str(first), "--checkpoint", str(second)).splitlines()
    assert output[0] == "audit log intact: 6 entries verified"
    assert output[1].startswith(f"checkpoint {first} (taken at ")
    assert output[1].endswith("): entry 3 matches")
    assert output[2].endswith("): entry 6 matches")


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda s: s | {"sequence": s["sequence"] - 1}, "its signature does not match its content"),
        (lambda s: s | {"hash": "0" * 64}, "its signature does not match its content"),
        (lambda s: s | {"key": "0000000000000000"}, "it is signed with audit key 0000000000000000"),
        (lambda s: {k: v for k, v in s.items() if k != "signature"}, "it has no signature"),
    ],
)
def test_a_forged_or_edited_checkpoint_is_refused(tmp_path, edit, reason):
    write_events(2)
    path = tmp_path / "checkpoint.json"
    call_command("audit", "checkpoint", "--out", str(path), stderr=StringIO())
    path.write_text(json.dumps(edit(json.loads(path.read_text()))))
    with pytest.raises(CommandError, match=f"checkpoint {path} refused: {reason}"):
        verify("--checkpoint", str(path))


def test_a_checkpoint_file_that_is_not_json_or_not_there_is_refused(tmp_path):
    garbled = tmp_path / "garbled.json"
    garbled.write_text("sequence: 4")
    with pytest.raises(CommandError, match=f"checkpoint {garbled} refused: it is not JSON"):
        verify("--checkpoint", str(garbled))
    missing = tmp_path / "missing.json"
    with pytest.raises(CommandError, match=f"checkpoint {missing} refused: it cannot be read"):
        verify("--checkpoint", str(missing))


def test_no_checkpoint_is_taken_of_a_broken_log(tmp_path):
    events = write_events(3)
    tamper(events[1], {"method": "something else"})
    path = tmp_path / "checkpoint.json"
    with pytest.raises(
        CommandError,
        match="no checkpoint taken: audit log broken at entry 2: its content does not match",
    ):
        call_command("audit", "checkpoint", "--out", str(path))
    assert not path.exists()
    assert AuditEvent.objects.count() == 3


def test_a_checkpoint_does_not_overwrite_a_file(tmp_path):
    write_events(1)
    path = tmp_path / "checkpoint.json"
    path.write_text("yesterday's")
    with pytest.raises(CommandError, match=f"cannot write the checkpoint to {path}: File exists"):
        call_command("audit", "checkpoint", "--out", str(path))
    assert path.read_text() == "yesterday's"
    assert AuditEvent.objects.count() == 1


def test_a_checkpoint_signed_with_a_rotated_key_still_verifies_while_it_is_listed(
    tmp_path, settings
):
    write_events(1)
    path = tmp_path / "checkpoint.json"
    call_command("audit", "checkpoint", "--out", str(path), stderr=StringIO())
    settings.MAPPA_AUDIT_OLD_KEYS = [settings.MAPPA_AUDIT_KEY]
    settings.MAPPA_AUDIT_KEY = b"n" * 64
    write_events(1)
    assert verify("--checkpoint", str(path)).splitlines()[1].endswith("entry 2 matches")
