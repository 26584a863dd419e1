"""The ground floor: what every app's pages share and no app owns.

`forms` holds the GOV.UK form base and the field helpers; `pdf` what a PDF's stylesheet needs;
`links` the service's address in e-mails. Nothing here imports an
app of mappa.
"""
