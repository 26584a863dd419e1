from django.db import models


class Status(models.TextChoices):
    OPEN = "open", "Waiting for an answer"
    ANSWERED = "answered", "Answered"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Basis(models.TextChoices):
    """Why the agency may share what is asked: the lawful basis, in the words the service uses
    for disclosures' "lawful" test (MAPPA Guidance ch.9 and ch.10; domain.md §6.1)."""

    DUTY_TO_COOPERATE = (
        "duty_to_cooperate",
        "Co-operation under MAPPA, which may include the exchange of information "
        "(Criminal Justice Act 2003 s.325(3) and (4))",
    )
    LAW_ENFORCEMENT = (
        "law_enforcement",
        "Processing for law enforcement purposes (Data Protection Act 2018 Part 3)",
    )
    PUBLIC_INTEREST = (
        "public_interest",
        "The public interest in preventing serious harm, which may override the duty of "
        "confidence (common law)",
    )


class Occasion(models.TextChoices):
    """When the request was raised: between meetings, at screening, or before a review."""

    CASE = "case", "Between meetings"
    SCREENING = "screening", "At screening"
    REVIEW = "review", "Before a review"
