"""The load check's report (the real run is `python -m bench.load_check`)."""

from bench import load_check


def _stats(requests: int, failures: int = 0, p95: float = 100.0) -> dict:
    return {"requests": requests, "failures": failures, "p50": p95 / 2, "p95": p95, "rps": 5.0}


def result(failures: int = 0, errors=()) -> dict:
    mixed = {name: _stats(100) for name in load_check.PAGES}
    mixed["person page"] = _stats(300, failures, p95=250.0)
    mixed["Aggregated"] = _stats(800, failures)
    return {
        "users": 50,
        "seconds": 120,
        "baseline_seconds": 60,
        "think": "1-3",
        "opened": {"nominals": 3, "cases": 2, "surnames": 3},
        "database": "SQLite",
        "load": (1.0, 2.5),
        "baseline": {"baseline: empty search page": _stats(400, p95=50.0), "errors": []},
        "mixed": mixed | {"errors": list(errors)},
    }


def test_no_errors_meets_the_target_and_pages_are_set_beside_the_baseline():
    text = load_check.report(result())
    assert "## Load check: 50 staff at once on mixed pages" in text
    assert (
        "| errors on staff pages | 0 | 0 of 800 requests (0 of 100 sign-ins) | 0 of 400 | met |"
        in (text)
    )
    assert "| person page | 300 | 0 | 125 ms | 250 ms | 5.0× |" in text
    assert (
        "50 clients ask for about 25 requests a\nsecond; the server answered 5.0 a second" in text
    )
    assert "Errors by page and reason: none." in text
    assert "was 1.0 when the load began and 2.5 when it" in text


def test_any_error_fails_the_check_and_is_listed_with_its_reason():
    text = load_check.report(result(2, [("person page", "500 for coordinator", 2)]))
    assert "| 2 of 800 requests" in text and "**not met**" in text
    assert "- person page: 500 for coordinator (2×)" in text
