"""The ground floor: what every app's pages share and no app owns.

`forms` holds the GOV.UK form base and the field helpers; `pdf` what a PDF's stylesheet needs. Nothing here imports an
app of mappa.
"""
