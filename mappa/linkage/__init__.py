"""Record linkage for the MASH check: Splink models on DuckDB (a library; no views).

`files` reads and checks the contract's CSV files, `prepare` normalises names,
dates and addresses in DuckDB, `model` holds the Splink settings (comparisons,
blocking rules, fixed parameters), `engine` runs them and `synthetic` makes a
labelled test set. See docs/mash.md.
"""
