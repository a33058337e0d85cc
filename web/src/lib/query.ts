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
