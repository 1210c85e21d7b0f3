// What a pager shows for a Page of the API ({page (0-based), totalPages, totalItems}).

/**
 * null when there is nothing to show; else the summary's numbers (page 1-based, pages, n items) and whether a
 * previous and a next page exist. One page or none has no buttons, only the summary.
 */
export function paging(page) {
  if (!page || page.totalPages <= 1) {
    return page && page.totalItems > 0
      ? { page: 1, pages: 1, n: page.totalItems, previous: false, next: false, buttons: false }
      : null;
  }
  return {
    page: page.page + 1,
    pages: page.totalPages,
    n: page.totalItems,
    previous: page.page > 0,
    next: page.page < page.totalPages - 1,
    buttons: true,
  };
}
