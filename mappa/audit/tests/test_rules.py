"""The keyed hash chain and signed checkpoints as pure functions."""

from dataclasses import replace

import pytest

from mappa.audit import rules

KEY = b"k" * 32
OLD_KEY = b"o" * 32
KEYS = {rules.key_id(KEY): KEY, rules.key_id(OLD_KEY): OLD_KEY}


def chain(contents, key=KEY, start=1, previous=rules.GENESIS_HASH):
    entries = []
    for sequence, content in enumerate(contents, start=start):
        if key is None:
            digest, kid = rules.legacy_hash(previous, content), rules.LEGACY
        else:
            digest, kid = rules.chain_hash(previous, content, key=key), rules.key_id(key)
        entries.append(rules.ChainEntry(sequence, previous, digest, content, kid))
        previous = digest
    return entries


def anchor(legacy_entries: int) -> dict:
    return {"event_type": rules.ANCHOR_EVENT, "payload": {"legacy_entries": legacy_entries}}


def test_the_same_content_hashes_the_same_whatever_the_key_order():
    assert rules.chain_hash("0", {"a": 1, "b": 2}, key=KEY) == rules.chain_hash(
        "0", {"b": 2, "a": 1}, key=KEY
    )


def test_the_hash_depends_on_the_key():
    assert rules.chain_hash("0", {"a": 1}, key=KEY) != rules.chain_hash("0", {"a": 1}, key=OLD_KEY)
    assert rules.chain_hash("0", {"a": 1}, key=KEY) != rules.legacy_hash("0", {"a": 1})


def test_a_key_identifier_names_the_key_without_revealing_it():
    assert rules.key_id(KEY) == rules.key_id(KEY)
    assert rules.key_id(KEY) != rules.key_id(OLD_KEY)
    assert len(rules.key_id(KEY)) == 16
    assert KEY.hex()[:16] not in rules.key_id(KEY)


def test_a_whole_chain_verifies():
    assert rules.first_break(chain([{"n": 1}, {"n": 2}, {"n": 3}]), KEYS) is None


def test_changed_content_is_found():
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    entries[1] = rules.ChainEntry(
        2, entries[1].previous_hash, entries[1].hash, {"n": 99}, entries[1].key_id
    )
    assert rules.first_break(entries, KEYS) == rules.ChainBreak(
        2, "its content does not match its hash"
    )


def test_a_chain_recomputed_without_the_key_is_found():
    """The attacker has the database but not the key: an unkeyed recomputation fails."""
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    forged = chain([{"n": 1}, {"n": 99}, {"n": 3}], key=b"a guess at the key, not the key")
    forged = [replace(entry, key_id=entries[0].key_id) for entry in forged]
    assert rules.first_break(forged, KEYS) == rules.ChainBreak(
        1, "its content does not match its hash"
    )


def test_a_rehashed_entry_breaks_the_next_link():
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    forged = rules.chain_hash(entries[1].previous_hash, {"n": 99}, key=KEY)
    entries[1] = rules.ChainEntry(2, entries[1].previous_hash, forged, {"n": 99}, rules.key_id(KEY))
    assert rules.first_break(entries, KEYS) == rules.ChainBreak(
        3, "its link to the previous entry does not match"
    )


def test_a_missing_entry_is_found():
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    del entries[1]
    assert rules.first_break(entries, KEYS) == rules.ChainBreak(2, "entry 2 is missing")


def test_entries_sealed_with_an_old_key_verify_while_that_key_is_configured():
    old = chain([{"n": 1}, {"n": 2}], key=OLD_KEY)
    new = chain([{"n": 3}], key=KEY, start=3, previous=old[-1].hash)
    assert rules.first_break(old + new, KEYS) is None
    assert rules.first_break(old + new, {rules.key_id(KEY): KEY}) == rules.ChainBreak(
        1, f"it was sealed with audit key {rules.key_id(OLD_KEY)}, which is not configured"
    )


def test_unkeyed_entries_from_before_the_switch_verify_when_a_keyed_anchor_follows_them():
    legacy = chain([{"n": 1}, {"n": 2}], key=None)
    keyed = chain([anchor(2), {"n": 4}], start=3, previous=legacy[-1].hash)
    assert rules.first_break(legacy + keyed, KEYS) is None


def test_unkeyed_entries_with_no_keyed_anchor_are_refused():
    """Otherwise an attacker could rewrite the whole log as unkeyed entries."""
    legacy = chain([{"n": 1}, {"n": 2}], key=None)
    assert rules.first_break(legacy, KEYS) == rules.ChainBreak(
        1, "entries 1 to 2 are unkeyed and no keyed audit.chain_keyed entry follows them"
    )


def test_unkeyed_entries_followed_by_something_other_than_the_anchor_are_refused():
    legacy = chain([{"n": 1}, {"n": 2}], key=None)
    keyed = chain([{"n": 3}], start=3, previous=legacy[-1].hash)
    assert rules.first_break(legacy + keyed, KEYS) == rules.ChainBreak(
        3, "entries 1 to 2 are unkeyed and no keyed audit.chain_keyed entry follows them"
    )


def test_an_anchor_counting_other_entries_is_refused():
    legacy = chain([{"n": 1}, {"n": 2}], key=None)
    keyed = chain([anchor(1)], start=3, previous=legacy[-1].hash)
    assert rules.first_break(legacy + keyed, KEYS) == rules.ChainBreak(
        3, "entries 1 to 2 are unkeyed and no keyed audit.chain_keyed entry follows them"
    )


def test_an_unkeyed_entry_after_keyed_ones_is_refused():
    keyed = chain([{"n": 1}])
    legacy = chain([{"n": 2}], key=None, start=2, previous=keyed[-1].hash)
    assert rules.first_break(keyed + legacy, KEYS) == rules.ChainBreak(
        2, "it is unkeyed but follows keyed entries"
    )


def test_an_edited_unkeyed_entry_with_its_chain_recomputed_breaks_the_anchors_link():
    legacy = chain([{"n": 1}, {"n": 2}], key=None)
    keyed = chain([anchor(2)], start=3, previous=legacy[-1].hash)
    forged = chain([{"n": 1}, {"n": 99}], key=None)
    assert rules.first_break(forged + keyed, KEYS) == rules.ChainBreak(
        3, "its link to the previous entry does not match"
    )


def checkpoint(**overrides):
    fields = {"sequence": 7, "hash": "ab" * 32, "count": 7, "taken_at": "2026-12-03T06:00:00Z"}
    return rules.sign_checkpoint(**(fields | overrides), key=KEY)


def test_a_signed_checkpoint_reads_back():
    statement = checkpoint()
    assert statement["format"] == rules.CHECKPOINT_FORMAT
    assert statement["key"] == rules.key_id(KEY)
    assert rules.read_checkpoint(statement, KEYS) == rules.Checkpoint(
        sequence=7, hash="ab" * 32, count=7, taken_at="2026-12-03T06:00:00Z"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sequence": 5}, "its signature does not match its content"),
        ({"hash": "cd" * 32}, "its signature does not match its content"),
        ({"count": 5}, "its signature does not match its content"),
        ({"signature": "00" * 32}, "its signature does not match its content"),
        ({"key": "0123456789abcdef"}, "it is signed with audit key 0123456789abcdef"),
        ({"format": "something else"}, "it is not a mappa audit checkpoint"),
    ],
)
def test_an_edited_checkpoint_is_refused_saying_why(change, message):
    with pytest.raises(rules.CheckpointError, match=message):
        rules.read_checkpoint(checkpoint() | change, KEYS)


@pytest.mark.parametrize("missing", ["sequence", "hash", "count", "taken_at", "signature", "key"])
def test_a_checkpoint_missing_a_field_is_refused_naming_it(missing):
    statement = checkpoint()
    del statement[missing]
    with pytest.raises(rules.CheckpointError, match=f"it has no {missing}"):
        rules.read_checkpoint(statement, KEYS)


def test_a_checkpoint_signed_with_another_key_is_refused():
    statement = rules.sign_checkpoint(
        sequence=1, hash="ab" * 32, count=1, taken_at="t", key=b"x" * 32
    )
    statement["key"] = rules.key_id(KEY)
    with pytest.raises(rules.CheckpointError, match="its signature does not match"):
        rules.read_checkpoint(statement, KEYS)
