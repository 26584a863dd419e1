"""Risk pages of a case: RoSH assessments (`assessments`), the risk management plan and its
entries made actions (`plans`), licence conditions and their ending (`conditions`).

Every page finds the case in the reader's scope (404 outside it) and records the read.
"""

from mappa.agencies import permissions


def may_record(request) -> bool:
    return permissions.has_permission(request.user, permissions.RECORD_RISK)
