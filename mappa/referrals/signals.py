"""What the referrals app tells the apps above it, which it may not import (tests/layers.py).

`referral_concluded` is sent inside the transaction that settles a referral, with the `referral`
(saved, with its new status and, when screening opened or found the person's case, its `case`)
and the `actor`: screening's decision (`services.screen`) and the referrer's withdrawal
(`services.withdraw`). An app that keeps records on the referral moves them onto the case, or
closes them when the referral closes without a case, in the same transaction (information
requests raised at screening: docs/information-requests.md).
"""

from django.dispatch import Signal

referral_concluded = Signal()
