"""The 24 questions of the SafeLives Dash risk checklist (RIC), in the checklist's order.

Source: SafeLives Dash risk checklist for the identification of high-risk cases of domestic
abuse, stalking and 'honour'-based violence (shared/reference/domain.md §7.2). The wording here
is this service's short form of each question; it was checked against public copies of the
form (questions 1 to 9 against the ACPO/CAADA DASH 2009 form) and must be checked against the
current SafeLives form before go-live (docs/marac.md, "Unverified").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    number: int
    text: str

    @property
    def key(self) -> str:
        return f"q{self.number}"


QUESTIONS = [
    Question(1, "Has the current incident resulted in injury?"),
    Question(2, "Is the victim very frightened?"),
    Question(3, "Is the victim afraid of further injury or violence?"),
    Question(4, "Does the victim feel isolated from family or friends?"),
    Question(5, "Is the victim feeling depressed or having suicidal thoughts?"),
    Question(
        6, "Has the victim separated, or tried to separate, from the abuser in the past year?"
    ),
    Question(7, "Is there conflict over child contact?"),
    Question(
        8, "Does the abuser constantly text, call, contact, follow, stalk or harass the victim?"
    ),
    Question(9, "Is the victim pregnant, or have they had a baby in the last 18 months?"),
    Question(10, "Is the abuse happening more often?"),
    Question(11, "Is the abuse getting worse?"),
    Question(12, "Does the abuser try to control everything the victim does, or are they jealous?"),
    Question(13, "Has the abuser ever used weapons or objects to hurt the victim?"),
    Question(14, "Has the abuser ever threatened to kill the victim or someone else?"),
    Question(15, "Has the abuser ever tried to strangle, choke, suffocate or drown the victim?"),
    Question(16, "Does the abuser do or say sexual things that hurt or degrade the victim?"),
    Question(17, "Is there another person who has threatened the victim or whom they fear?"),
    Question(18, "Has the abuser hurt anyone else, as far as the victim knows?"),
    Question(19, "Has the abuser ever mistreated an animal or the family pet?"),
    Question(20, "Are there financial issues, such as dependence on the abuser for money?"),
    Question(
        21, "Has the abuser had problems in the past year with drugs, alcohol or mental health?"
    ),
    Question(22, "Has the abuser ever threatened or attempted suicide?"),
    Question(23, "Has the abuser ever broken bail, an injunction or an agreement about contact?"),
    Question(24, "Has the abuser ever been in trouble with the police or got a criminal history?"),
]
BY_NUMBER = {question.number: question for question in QUESTIONS}

# The checklist's pages: eight questions each.
PAGES = [(1, 8), (9, 16), (17, 24)]


def questions_between(first: int, last: int) -> list[Question]:
    return [question for question in QUESTIONS if first <= question.number <= last]
