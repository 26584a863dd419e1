"""What a submitted form's answers become: the data a form validates, and yes/no answers as
booleans."""

from __future__ import annotations


def yes_as_true(data: dict, *names: str) -> dict:
    for name in names:
        if name in data:
            data[name] = data[name] == "yes"
    return data


def posted(request):
    """The submitted data on a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None
