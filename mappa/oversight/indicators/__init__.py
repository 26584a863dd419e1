"""The board's performance indicators (reads): `definitions` (each indicator with its
definition, table, chart and CSV) and `counts` (what each counts in the area's records)."""
