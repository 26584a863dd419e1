"""Error pages in the design system; JSON errors under /api/."""

from django.shortcuts import render

from mappa.api.errors import error_response


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    if _is_api(request):
        return error_response(404, "Not found")
    return render(request, "errors/404.html", status=404)


def permission_denied(request, exception=None):
    if _is_api(request):
        return error_response(403, "You do not have permission to do this")
    return render(request, "errors/403.html", status=403)


def bad_request(request, exception=None):
    if _is_api(request):
        return error_response(400, "Bad request")
    return render(request, "errors/400.html", status=400)


def server_error(request):
    if _is_api(request):
        return error_response(500, "Something went wrong; the error has been logged")
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/403.html", {"csrf": True}, status=403)
