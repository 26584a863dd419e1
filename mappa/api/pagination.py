"""The API's one page size and the one way a list endpoint answers with a page."""

from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def paginated(view, request, queryset, serializer):
    """A page of `queryset`, serialised, with the counts and links of `Pages`."""
    paginator = Pages()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)
