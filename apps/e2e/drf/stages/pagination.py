"""authentik's page-object pagination, written as a DRF pagination class."""
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class PageObjectPagination(PageNumberPagination):
    """Pages by number; the body is `{pagination: {...}, results: [...]}`.

    next and previous are page numbers, 0 when there is no such page; start_index and end_index
    are the 1-based positions of the page's first and last item (both 0 on an empty list).
    """

    page_query_param = "page"
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response(self, data):
        page = self.page
        return Response(
            {
                "pagination": {
                    "next": page.next_page_number() if page.has_next() else 0,
                    "previous": page.previous_page_number() if page.has_previous() else 0,
                    "count": page.paginator.count,
                    "current": page.number,
                    "total_pages": page.paginator.num_pages,
                    "start_index": page.start_index(),
                    "end_index": page.end_index(),
                },
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        numbers = ["next", "previous", "count", "current", "total_pages", "start_index", "end_index"]
        return {
            "type": "object",
            "properties": {
                "pagination": {
                    "type": "object",
                    "properties": {name: {"type": "number"} for name in numbers},
                    "required": numbers,
                },
                "results": schema,
            },
            "required": ["pagination", "results"],
        }
