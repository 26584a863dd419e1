"""Each benchmark rewrites only its own section of docs/benchmarks.md."""

from bench import results


def test_a_section_replaces_only_itself(tmp_path, monkeypatch):
    path = tmp_path / "benchmarks.md"
    path.write_text("# Benchmarks\n\nWritten by hand.\n")
    monkeypatch.setattr(results, "RESULTS", path)
    results.write_section("national", "first national")
    results.write_section("mash-check", "first mash")
    results.write_section("national", "second national")
    text = path.read_text()
    assert "Written by hand." in text and "first mash" in text
    assert "second national" in text and "first national" not in text
    assert text.count("<!-- national benchmark -->") == 1
    # the order sections were first written in is kept
    assert text.index("second national") < text.index("first mash")
