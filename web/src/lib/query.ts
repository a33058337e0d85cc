/** A query string from filter values; empty values are left out so URLs stay short and stable. */
export function toQuery(filters: Record<string, string | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return query;
}

/** The trimmed text of a form field, or undefined when it is empty. */
export function textField(form: HTMLFormElement, name: string): string | undefined {
  const value = new FormData(form).get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * What a filter bar does with filters kept in the query string: each change is a navigation (a
 * history entry, so Back undoes it) to `path` with the new query.
 */
export function filterNavigation<F extends Record<string, string | undefined>>(
  filters: F,
  path: (query?: URLSearchParams) => string,
  go: (to: string, options: { keepScroll: boolean }) => void,
) {
  const apply = (next: Partial<F>) => go(path(toQuery({ ...filters, ...next })), { keepScroll: true });
  return {
    apply,
    /** The search form's submit: applies the typed `q`. */
    submitSearch(event: { preventDefault(): void; currentTarget: HTMLFormElement }) {
      event.preventDefault();
      go(path(toQuery({ ...filters, q: textField(event.currentTarget, 'q') })), { keepScroll: true });
    },
    reset: () => go(path(), { keepScroll: true }),
  };
}
