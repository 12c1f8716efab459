"""Pages of a list that count only as far as they must."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404
from django.utils.functional import cached_property

from meetings.read import rows

# Counting stops here: a list says "10,000+" and pages run to the 10,000th meeting.
COUNT_LIMIT = 10_000


def meeting_rows(items: list) -> list:
    """The list rows of meetings given as ids, or as (id, date) rows from a search."""
    return rows.load([item[0] if isinstance(item, tuple) else item for item in items])


class BoundedPaginator(Paginator):
    """Pages that count only up to a limit (COUNT_LIMIT, unless the count is given), each
    page's items turned into what the page shows by load (meeting rows by default)."""

    def __init__(
        self,
        *args,
        count: int | None = None,
        limit: int = 0,
        exact: bool = True,
        load=meeting_rows,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.cap = limit or COUNT_LIMIT
        self.known = count is not None and exact
        self.load = load
        if count is not None:
            self.count = count  # nothing to count

    @cached_property
    def count(self) -> int:
        items = self.object_list
        if hasattr(items, "order_by"):  # the order changes nothing but the cost of counting
            items = items.order_by()
        return items[: self.cap + 1].count()

    @property
    def more(self) -> bool:
        """Whether the pages stop before the last item."""
        return self.count > self.cap

    @property
    def label(self) -> str:
        """The count as shown: exact when known, else "10,000+" past the limit."""
        if self.more and not self.known:
            return f"{self.cap:,}+"
        return f"{self.count:,}"

    @property
    def limit(self) -> str:
        return f"{self.cap:,}"

    @cached_property
    def num_pages(self) -> int:
        shown = min(self.count, self.cap)
        if shown == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, -(-shown // self.per_page))

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        items = list(self.object_list[bottom : bottom + self.per_page])
        return self._get_page(self.load(items), number, self)


def paginate(
    items,
    number,
    per_page: int | None = None,
    *,
    count: int | None = None,
    limit: int = 0,
    exact: bool = True,
    load=meeting_rows,
) -> Page:
    """One page of items (meeting ids unless load says otherwise); a page number that is not
    one (page=-1, page=x, too far) is a 404. count: the number of items when it is known
    without counting."""
    paginator = BoundedPaginator(
        items,
        per_page or settings.MEETINGS_PER_PAGE,
        count=count,
        limit=limit,
        exact=exact,
        load=load,
    )
    try:
        return paginator.page(number or 1)
    except InvalidPage:
        raise Http404(
            f"There is no page “{str(number)[:20]}” here: pages run from 1 to "
            f"{paginator.num_pages}."
        ) from None
