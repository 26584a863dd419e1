"""Error pages in the design system; JSON errors under /api/."""

from django.shortcuts import render

from mappa.api.errors import error_response

PAGES = {
    400: (
        "Sorry, there is a problem with the request",
        "The request could not be understood. Go back and try again.",
    ),
    403: (
        "You do not have permission to see this page",
        "Your role does not allow this. If you think you need it, ask your MAPPA co-ordinator.",
    ),
    404: (
        "Page not found",
        "If you typed the web address, check it is correct. "
        "If you pasted it, check you copied the entire address.",
    ),
    405: (
        "Page not available",
        "This address is for sending a form, not for opening. "
        "Go back to the page you were on and use its button.",
    ),
    500: (
        "Sorry, there is a problem with the service",
        "Try again later. The error has been recorded.",
    ),
}


def _respond(request, status: int):
    title, body = PAGES[status]
    if request.path.startswith("/api/"):
        return error_response(status, title)
    return render(request, "errors/error.html", {"title": title, "body": body}, status=status)


def bad_request(request, exception=None):
    return _respond(request, 400)


def permission_denied(request, exception=None):
    return _respond(request, 403)


def page_not_found(request, exception=None):
    return _respond(request, 404)


def server_error(request):
    return _respond(request, 500)


def csrf_failure(request, reason=""):
    return _respond(request, 403)


class MethodNotAllowedPage:
    """A page opened by the wrong method (a form's address opened by GET, say) gets the 405
    error page in the design system, keeping the `Allow` header, instead of an empty body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or response.content:
            return response
        page = _respond(request, 405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
