"""Someone with write access to the database, but not the audit key, cannot hide a change.

Each test plays that attacker: edit entries and recompute the chain, cut the
log short and rewind the head, or empty both tables (docs/security.md).
"""

import importlib
import json
import re

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from mappa.audit import rules
from mappa.audit.models import AuditEvent, ChainHead
from mappa.audit.tests.tampering import (
    behind_the_applications_back,
    rewind_head,
    rewrite,
    verify,
    write_events,
)

pytestmark = pytest.mark.django_db

anchor_migration = importlib.import_module("mappa.audit.migrations.0006_anchor_unkeyed_entries")


def recompute_chain(seal, key_id: str) -> None:
    """Rewrite every entry's hash and link with `seal(previous, content)`, and the head to match."""
    previous = rules.GENESIS_HASH
    for event in AuditEvent.objects.order_by("sequence"):
        event.key_id = key_id
        event.previous_hash = previous
        digest = seal(previous, event.chain_content())
        rewrite(event.pk, key_id=key_id, previous_hash=previous, hash=digest)
        previous = digest
    rewind_head(AuditEvent.objects.count(), previous)


def edit_payload(sequence: int, payload: dict) -> None:
    rewrite(AuditEvent.objects.get(sequence=sequence).pk, payload=payload)


def test_an_edit_with_the_sha256_chain_recomputed_fails_verification():
    events = write_events()
    edit_payload(2, {"method": "something else"})
    recompute_chain(rules.legacy_hash, events[0].key_id)
    with pytest.raises(
        CommandError, match="audit log broken at entry 1: its content does not match its hash"
    ):
        verify()


def test_an_edit_with_the_chain_recomputed_under_a_guessed_key_fails_verification():
    events = write_events()
    edit_payload(2, {"method": "something else"})
    guess = b"mappa production audit key, a guess"
    recompute_chain(
        lambda previous, content: rules.chain_hash(previous, content, key=guess), events[0].key_id
    )
    with pytest.raises(CommandError, match="entry 1: its content does not match its hash"):
        verify()


def test_passing_the_whole_log_off_as_old_unkeyed_entries_fails_verification():
    write_events()
    edit_payload(2, {"method": "something else"})
    recompute_chain(rules.legacy_hash, rules.LEGACY)
    with pytest.raises(
        CommandError,
        match="entry 1: entries 1 to 3 are unkeyed and no keyed audit.chain_keyed entry follows",
    ):
        verify()


def test_entries_sealed_with_an_old_key_verify_while_it_is_listed(settings):
    write_events(2)
    old_key, old_id = settings.MAPPA_AUDIT_KEY, rules.key_id(settings.MAPPA_AUDIT_KEY)
    settings.MAPPA_AUDIT_KEY = b"n" * 64
    settings.MAPPA_AUDIT_OLD_KEYS = [old_key]
    write_events(1)
    assert verify() == "audit log intact: 3 entries verified\n"
    settings.MAPPA_AUDIT_OLD_KEYS = []
    with pytest.raises(
        CommandError,
        match=f"entry 1: it was sealed with audit key {old_id}, which is not configured",
    ):
        verify()


def read_taken_at(path) -> str:
    return json.loads(path.read_text())["taken_at"]


def take_checkpoint(tmp_path, name: str = "checkpoint.json"):
    path = tmp_path / name
    call_command("audit", "checkpoint", "--out", str(path))
    return path


def test_a_log_cut_short_with_its_head_rewound_fails_against_a_checkpoint(tmp_path):
    events = write_events(3)
    checkpoint = take_checkpoint(tmp_path)
    behind_the_applications_back("DELETE FROM audit_auditevent WHERE sequence > %s", [2])
    rewind_head(2, events[1].hash)
    # Without a checkpoint the shortened log looks whole: that is what checkpoints are for.
    assert verify() == "audit log intact: 2 entries verified\n"
    with pytest.raises(CommandError) as refused:
        verify("--checkpoint", str(checkpoint))
    assert str(refused.value) == (
        f"audit log does not match checkpoint {checkpoint}: entry 4, the last in the checkpoint "
        f"taken at {read_taken_at(checkpoint)}, is missing: the log "
        "ends at entry 2, so entries were removed from its end"
    )


def test_a_log_cut_short_and_written_on_past_the_checkpoint_fails_against_it(tmp_path):
    events = write_events(3)
    checkpoint = take_checkpoint(tmp_path)
    behind_the_applications_back("DELETE FROM audit_auditevent WHERE sequence > %s", [2])
    rewind_head(2, events[1].hash)
    write_events(3)  # the application carries on from the rewound head: entries 3 to 5
    assert verify() == "audit log intact: 5 entries verified\n"
    with pytest.raises(
        CommandError,
        match=re.escape(
            f"entry 4 is not the entry the checkpoint taken at {read_taken_at(checkpoint)} "
            "recorded: its hash differs"
        ),
    ):
        verify("--checkpoint", str(checkpoint))


def test_an_emptied_log_fails_against_a_checkpoint(tmp_path):
    write_events(3)
    checkpoint = take_checkpoint(tmp_path)
    behind_the_applications_back("DELETE FROM audit_auditevent", [])
    ChainHead.objects.all().delete()
    assert verify() == "audit log intact: 0 entries verified\n"
    with pytest.raises(
        CommandError,
        match=re.escape(
            f"the log is empty but the checkpoint taken at {read_taken_at(checkpoint)} "
            "recorded 4 entries: it was emptied"
        ),
    ):
        verify("--checkpoint", str(checkpoint))


def test_unkeyed_entries_from_before_the_upgrade_verify_once_the_migration_anchors_them():
    write_events(3)
    recompute_chain(rules.legacy_hash, rules.LEGACY)  # as a deployed database holds them
    with pytest.raises(CommandError, match="entries 1 to 3 are unkeyed"):
        verify()
    anchor_migration.anchor(apps, schema_editor=None)
    anchor = AuditEvent.objects.get(sequence=4)
    assert (anchor.event_type, anchor.payload) == ("audit.chain_keyed", {"legacy_entries": 3})
    assert verify() == "audit log intact: 4 entries verified\n"
    anchor_migration.anchor(apps, schema_editor=None)
    assert AuditEvent.objects.count() == 4


def test_an_edit_to_an_anchored_unkeyed_entry_fails_even_with_its_chain_recomputed():
    write_events(3)
    recompute_chain(rules.legacy_hash, rules.LEGACY)
    anchor_migration.anchor(apps, schema_editor=None)
    edit_payload(2, {"method": "something else"})
    previous = rules.GENESIS_HASH
    for event in AuditEvent.objects.filter(sequence__lte=3).order_by("sequence"):
        digest = rules.legacy_hash(previous, event.chain_content())
        rewrite(event.pk, previous_hash=previous, hash=digest)
        previous = digest
    with pytest.raises(
        CommandError, match="entry 4: its link to the previous entry does not match"
    ):
        verify()
