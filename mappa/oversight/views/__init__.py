"""The board's pages. Every page carries the oversight sub-navigation, which shows the board's
own pages (audits, serious case reviews) only to those who oversee."""

from django.shortcuts import render as django_render

from mappa.oversight import queries


def render(request, template: str, context: dict):
    return django_render(
        request, template, {"may_oversee": queries.may_oversee(request.user), **context}
    )
