"""The MASH check benchmark's pieces, on a tiny set (the real run is `python -m bench.mash_check`)."""

from bench import mash_check
from mappa.linkage import synthetic


def test_the_exact_baseline_finds_only_exact_pairs(tmp_path):
    data = synthetic.generate(cases=40, extract=400, seed=3)
    case_list, extract = data.write(tmp_path)
    _, found = mash_check.exact_baseline(case_list, extract)
    assert found and all(data.truth.get(pair) for pair, kind in found.items() if kind == "person")
