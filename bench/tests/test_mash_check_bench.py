"""The MASH check benchmark's pieces, on a tiny set (the real run is `python -m bench.mash_check`)."""

from pathlib import Path

from bench import mash_check
from mappa.linkage import synthetic


def test_the_exact_baseline_finds_only_exact_pairs(tmp_path):
    data = synthetic.generate(cases=40, extract=400, seed=3)
    case_list, extract = data.write(tmp_path)
    _, found = mash_check.exact_baseline(case_list, extract)
    assert found and all(data.truth.get(pair) for pair, kind in found.items() if kind == "person")


def test_its_section_replaces_only_itself(tmp_path, monkeypatch):
    results = tmp_path / "benchmarks.md"
    results.write_text("# Benchmarks\n\nOther results.\n")
    monkeypatch.setattr(mash_check, "RESULTS", results)
    section = f"{mash_check.BEGIN}\nfirst\n{mash_check.END}\n"
    mash_check.write_section(section)
    mash_check.write_section(section.replace("first", "second"))
    text = results.read_text()
    assert "Other results." in text and "second" in text and "first" not in text
    assert Path(results).read_text().count(mash_check.BEGIN) == 1
