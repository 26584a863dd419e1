"""The hash chain as pure functions."""

from mappa.audit import rules


def chain(contents):
    entries, previous = [], rules.GENESIS_HASH
    for sequence, content in enumerate(contents, start=1):
        digest = rules.chain_hash(previous, content)
        entries.append(rules.ChainEntry(sequence, previous, digest, content))
        previous = digest
    return entries


def test_the_same_content_hashes_the_same_whatever_the_key_order():
    assert rules.chain_hash("0", {"a": 1, "b": 2}) == rules.chain_hash("0", {"b": 2, "a": 1})


def test_a_whole_chain_verifies():
    assert rules.first_break(chain([{"n": 1}, {"n": 2}, {"n": 3}])) is None


def test_changed_content_is_found():
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    entries[1] = rules.ChainEntry(2, entries[1].previous_hash, entries[1].hash, {"n": 99})
    assert rules.first_break(entries) == rules.ChainBreak(2, "its content does not match its hash")


def test_a_rehashed_entry_breaks_the_next_link():
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    forged = rules.chain_hash(entries[1].previous_hash, {"n": 99})
    entries[1] = rules.ChainEntry(2, entries[1].previous_hash, forged, {"n": 99})
    assert rules.first_break(entries) == rules.ChainBreak(
        3, "its link to the previous entry does not match"
    )


def test_a_missing_entry_is_found():
    entries = chain([{"n": 1}, {"n": 2}, {"n": 3}])
    del entries[1]
    assert rules.first_break(entries) == rules.ChainBreak(2, "entry 2 is missing")
