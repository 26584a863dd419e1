"""The offence picker (issue 16, item 15): every offence as "title (code)", sorted by title so it
can be found by name, and marked for the accessible autocomplete over the plain select."""

from mappa.offences import catalogue
from mappa.people.forms import ConvictionForm


def test_the_offences_are_sorted_by_title_each_written_title_then_code():
    field = ConvictionForm().fields["offence"]
    choices = list(field.choices)
    assert choices[0] == ("", "Choose an offence")
    labels = [label for _, label in choices[1:]]
    assert len(labels) == len(catalogue.all_offences())
    titles = [label.rsplit(" (", 1)[0].casefold() for label in labels]
    assert titles == sorted(titles)
    rape = next(o for o in catalogue.all_offences() if o.code == "SOA2003/s1")
    assert (rape.code, f"{rape.title} (SOA2003/s1)") in choices


def test_the_select_is_marked_for_the_autocomplete():
    html = str(ConvictionForm()["offence"])
    assert "<select" in html and 'data-mappa-autocomplete="true"' in html
