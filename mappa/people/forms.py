"""Forms for the register. Each section edits part of the record in the import format."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from mappa.kit.forms import GovukForm, date_field, radios, text_field
from mappa.offences import catalogue
from mappa.offences.constants import CourtJurisdiction, DisposalType, DrugClass, Outcome
from mappa.people import rules
from mappa.people.constants import (
    IDENTIFIER_LABELS,
    AddressKind,
    AliasKind,
    EventKind,
    Gender,
    Relationship,
)
from mappa.versions import VersionField


def date_of_birth_field(
    label: str = "Date of birth", name: str = "Date of birth", required: bool = False
) -> forms.DateField:
    """A date of birth: a real date, and not after today (`rules.date_of_birth_problem`).
    `name` is how the error message names the field."""

    def born_by_today(value):
        problem = rules.date_of_birth_problem(value, today=timezone.localdate(), name=name)
        if problem:
            raise forms.ValidationError(problem, code="in_the_future")

    field = date_field(label, required=required)
    field.validators.append(born_by_today)
    return field


def coordinate_field(label: str, limit: int, example: str) -> forms.DecimalField:
    """Latitude or longitude in WGS84 decimal degrees, as read off a map (no online geocoder)."""
    return forms.DecimalField(
        label=label,
        required=False,
        min_value=-limit,
        max_value=limit,
        help_text=f"Optional. In decimal degrees, for example {example}, "
        "to check the address against exclusion zones",
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}
        ),
        error_messages={
            "invalid": f"{label} must be a number in decimal degrees, like {example}",
            "min_value": f"{label} must be between -{limit} and {limit}",
            "max_value": f"{label} must be between -{limit} and {limit}",
        },
    )


class SearchForm(GovukForm):
    name = text_field("Name or alias", help_text="Forename, surname or both, in any order")
    date_of_birth = date_field("Date of birth")
    identifier = text_field(
        "Identifier",
        max_length=40,
        help_text="PNC ID, CRO number, CRN, prison number or ViSOR reference",
    )
    postcode = text_field("Postcode", max_length=10)

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.values()):
            raise forms.ValidationError(
                "Enter a name, date of birth, identifier or postcode to search for"
            )
        return data


class IdentityForm(GovukForm):
    forenames = text_field("Forenames")
    surname = text_field("Surname", required=True)
    date_of_birth = date_of_birth_field()
    gender = forms.ChoiceField(label="Gender", choices=Gender.choices, initial=Gender.NOT_KNOWN)
    ethnicity = text_field("Ethnicity", help_text="As the person describes it")
    pnc = text_field(IDENTIFIER_LABELS["pnc"], max_length=40)
    cro = text_field(IDENTIFIER_LABELS["cro"], max_length=40)
    crn = text_field(IDENTIFIER_LABELS["crn"], max_length=40)
    noms = text_field(IDENTIFIER_LABELS["noms"], max_length=40)
    visor = text_field(IDENTIFIER_LABELS["visor"], max_length=40)


class AliasForm(GovukForm):
    kind = forms.ChoiceField(
        label="Type of name", choices=AliasKind.choices, widget=forms.RadioSelect
    )
    forenames = text_field("Forenames")
    surname = text_field("Surname")

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("forenames") or data.get("surname")):
            raise forms.ValidationError("Enter a forename or a surname")
        return data


class AddressForm(GovukForm):
    kind = forms.ChoiceField(
        label="Type of address", choices=AddressKind.choices, widget=forms.RadioSelect
    )
    line_1 = text_field("Address line 1")
    line_2 = text_field("Address line 2")
    town = text_field("Town or city", max_length=100)
    postcode = text_field("Postcode", max_length=10)
    valid_from = date_field("Lived there from")
    valid_to = date_field("Lived there until")
    latitude = coordinate_field("Latitude", 90, "52.1365")
    longitude = coordinate_field("Longitude", 180, "-0.4668")
    moved = forms.BooleanField(
        label="They have moved here: end their current addresses on the day they moved in",
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("moved") and not data.get("valid_from"):
            self.add_error(
                "valid_from", "Enter the date they moved in, to end their current addresses"
            )
        located = [data.get("latitude") is None, data.get("longitude") is None]
        if located[0] != located[1] and not {"latitude", "longitude"} & self.errors.keys():
            missing = "longitude" if data.get("longitude") is None else "latitude"
            self.add_error(missing, f"Enter the {missing} too, or neither")
        if (
            data.get("valid_from")
            and data.get("valid_to")
            and data["valid_to"] < data["valid_from"]
        ):
            self.add_error(
                "valid_to", "Lived there until must be the same as or after lived there from"
            )
        return data


class AssociationForm(GovukForm):
    relationship = forms.ChoiceField(
        label="Relationship to the person", choices=Relationship.choices
    )
    forenames = text_field("Forenames")
    surname = text_field("Surname")
    date_of_birth = date_of_birth_field()
    address_line_1 = text_field("Their address line 1", help_text="Leave blank if not known")
    address_town = text_field("Their town or city", max_length=100)
    address_postcode = text_field("Their postcode", max_length=10)


def _offence_choices() -> list[tuple[str, str]]:
    """Each offence as "title (code)", sorted by title, to find by name."""
    offences = sorted(catalogue.all_offences(), key=lambda o: (o.title.casefold(), o.code))
    return [("", "Choose an offence")] + [(o.code, f"{o.title} ({o.code})") for o in offences]


class ConvictionForm(GovukForm):
    # A searchable autocomplete with JavaScript (accessible-autocomplete, mappa/static/mappa/
    # init.mjs), a plain select without it.
    offence = forms.ChoiceField(
        label="Offence",
        choices=_offence_choices,
        help_text="Start typing the offence's name or code",
        widget=forms.Select(attrs={"data-mappa-autocomplete": "true"}),
    )
    outcome = forms.ChoiceField(label="Outcome", choices=Outcome.choices, widget=forms.RadioSelect)
    date = date_field("Date of conviction, finding or caution", required=True)
    court_jurisdiction = forms.ChoiceField(
        label="Where was the court?",
        choices=CourtJurisdiction.choices,
        initial=CourtJurisdiction.ENGLAND_AND_WALES,
        required=False,
        widget=forms.RadioSelect,
        help_text=(
            "Category 2 counts only a conviction or finding by a court in England and Wales "
            "(Criminal Justice Act 2003 s.327(3)(a) and (4)(a))"
        ),
    )
    committed_on = date_field("Date the offence was committed")
    victim_age = forms.IntegerField(
        label="Victim's age at the time",
        required=False,
        min_value=0,
        max_value=120,
        help_text="For supplying a drug, the age of the person it was supplied or offered to",
    )
    sexual_gratification_purpose = forms.TypedChoiceField(
        label="Was the offence committed to obtain sexual gratification?",
        choices=[("yes", "Yes"), ("no", "No"), ("", "Not recorded")],
        coerce=lambda answer: answer == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=(
            "Needed only for sending images of genitals and for upskirting (Sexual Offences "
            "Act 2003 ss.66A and 67A, Schedule 3 paragraphs 33A and 34A)"
        ),
    )
    drug_class = forms.ChoiceField(
        label="Class of the controlled drug",
        choices=[*DrugClass.choices, ("", "Not recorded")],
        required=False,
        widget=forms.RadioSelect,
        help_text=(
            "Needed only for supplying a controlled drug (Misuse of Drugs Act 1971 s.4(3)): "
            "supplying a Class A drug to a child counts for category 2 (Criminal Justice Act "
            "2003 s.327(4A)(c)). Give the age of the person supplied as the victim's age"
        ),
    )
    terrorist_connection = forms.BooleanField(
        label="The court determined that the offence has a terrorist connection",
        required=False,
        help_text=(
            "Under section 69 of the Sentencing Code (section 30 of the Counter-Terrorism Act "
            "2008 in Northern Ireland). The Counter-Terrorism Act 2008 Part 4 notification "
            "requirements then apply as for a terrorism offence (section 42)"
        ),
    )
    disposal_type = forms.ChoiceField(
        label="Sentence or disposal",
        choices=[("", "None recorded"), *DisposalType.choices],
        required=False,
    )
    term_months = forms.DecimalField(
        label="Term in months",
        required=False,
        min_value=0,
        max_value=1200,
        decimal_places=2,
        help_text="The custodial term, or the length of the order or conditional discharge",
    )
    detention_and_training_order = forms.BooleanField(
        label="This was a detention and training order",
        required=False,
        help_text="Give the order's whole term above: half of it counts as detention",
    )
    index = forms.BooleanField(label="This is the index offence", required=False)


class CustodyForm(GovukForm):
    release_date = date_field("Release date")
    licence_end_date = date_field("Licence end date")


class EventForm(GovukForm):
    """An event the annual statistics count, with the import's kinds (nominal-import.md)."""

    kind = forms.ChoiceField(
        label="What happened",
        choices=EventKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happened"},
    )
    date = date_field(
        "Date", required=True, hint="The day of the order, sanction, recall or charge"
    )


class HeldDecisionForm(GovukForm):
    """The owning area's decision on an addition held for its identifiers (docs/register.md)."""

    decision = radios(
        "Is this the same person as the one on your register?",
        [
            ("not_same_person", "No, not the same person: add it to the other area's register"),
            ("same_person", "Yes, the same person"),
        ],
    )
    version = VersionField()

    def __init__(self, *args, change: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if change:  # a held change to a person already on the other area's register
            self.fields["decision"].choices = [
                ("not_same_person", "No, not the same person: make the rest of the change"),
                ("same_person", "Yes, the same person"),
            ]
