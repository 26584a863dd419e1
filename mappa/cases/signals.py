"""What the cases app tells the apps above it, which it may not import (tests/layers.py).

`transfer_accepted` is sent inside `services.transfers.accept_transfer`'s transaction, with the
`transfer` (now accepted) and the `actor` (the receiving co-ordinator): an app that keeps records
owned in the sending area moves them to the receiving area in the same transaction (the actions
app hands over open actions: docs/transfers.md).
"""

from django.dispatch import Signal

transfer_accepted = Signal()
