"""The API's one page size and the one way a list endpoint answers with a page.

A list view names `pagination_class = Pages` (so its schema describes the page) and answers
with `paginated(...)`. A page number or size that is not a whole number in range is a 400
naming it; a page past the last is a 404 naming the last.
"""

from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from mappa.api import params


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    query = params.Query(
        params.Integer(
            "page", "A page number within the results", minimum=1, maximum=2**31 - 1, default=1
        ),
        params.Integer(
            "page_size",
            "Number of results on a page",
            minimum=1,
            maximum=max_page_size,
            default=page_size,
        ),
    )

    def paginate_queryset(self, queryset, request, view=None):
        chosen = self.query.parse(request)
        self.request = request
        paginator = self.django_paginator_class(queryset, chosen["page_size"])
        if chosen["page"] > paginator.num_pages:
            raise NotFound(
                {
                    "page": f"There is no page {chosen['page']}: the last is page {paginator.num_pages}"
                }
            )
        self.page = paginator.page(chosen["page"])
        return list(self.page)

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["required"] = ["count", "next", "previous", "results"]
        return described

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": param.name,
                "required": False,
                "in": "query",
                "description": param.description,
                "schema": {"type": "integer"} | param.bounds(),
            }
            for param in self.query.params
        ]


def paginated(view, request, queryset, serializer):
    """A page of `queryset`, serialised, with the counts and links of the view's paginator."""
    paginator = view.pagination_class()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)
