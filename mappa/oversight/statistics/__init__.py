"""The annual statistics (reads): `annual` (the register read into facts for the counting rules,
and the report as JSON and CSV) and `figures` (the report as charts with their data tables)."""
