// Pure rules of saved views: what of a list's address a view keeps (its filters, never the page position), and the
// limits the API holds to, so the form says so before sending.

/** The API's limits (CreateSavedViewRequestValidator, SavedViewStore.MaxPerUser). */
export const MAX_VIEW_NAME_LENGTH = 60;
export const MAX_VIEW_QUERY_LENGTH = 1000;
export const MAX_VIEWS = 50;

/** Parameters of an address that say where one was in a list, not what it shows. */
const PAGING = new Set(['cursor', 'limit']);

/** The query a view keeps: the address's parameters without paging, in their order, URL-encoded, without '?'. */
export function viewQuery(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const [name, value] of search) if (!PAGING.has(name) && /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(name)) kept.append(name, value);
  // URLSearchParams writes a space as '+', which the API reads back as a space; '%20' would do as well.
  return kept.toString();
}

/** Why a name cannot be saved (undefined: it can): empty, too long, or already one of the page's views. */
export function nameProblem(name: string, taken: readonly string[]): 'empty' | 'long' | 'taken' | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > MAX_VIEW_NAME_LENGTH) return 'long';
  if (taken.includes(trimmed)) return 'taken';
  return undefined;
}
