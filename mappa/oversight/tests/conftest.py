from mappa.oversight.tests.test_annual_report import loaded  # noqa: F401  (shared fixture)
