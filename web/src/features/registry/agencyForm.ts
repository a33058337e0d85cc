// What the agency form sends: read from the form's fields, with the checks the dashboard can make itself (the API has
// the last word and its messages are shown at the same fields). Pure, so it is unit-tested.
import type { AgencyDto, CreateAgencyRequest, Sector, UpdateAgencyRequest } from '../../api/client';
import { AGENCY_KINDS, SECTORS, isOneOf } from '../../api/enums';
import type { FieldErrors } from '../../ui/Form';

/** The trimmed text of a field, or undefined when empty (as ui/Form's textOf, without its React imports). */
function textOf(data: FormData, name: string): string | undefined {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The form's fields, by their API names (the API's errors for them are shown in place). */
export const AGENCY_FIELDS = ['code', 'nameKo', 'nameEn', 'kind', 'sector', 'parentCode', 'clusterCode', 'website'] as const;

/** The API's rule for registry codes, checked before sending so a typo is caught at once. */
export const CODE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

export interface AgencyFormMessages {
  required: string;
  code: string;
}

type Read<T> = { body?: T; errors: FieldErrors };

function common(data: FormData, m: AgencyFormMessages, errors: FieldErrors): UpdateAgencyRequest {
  const nameKo = textOf(data, 'nameKo');
  if (!nameKo) errors.nameKo = [m.required];
  const kind = textOf(data, 'kind');
  if (!isOneOf(AGENCY_KINDS, kind)) errors.kind = [m.required];
  const sector = textOf(data, 'sector');
  const parentCode = textOf(data, 'parentCode')?.toLowerCase();
  if (parentCode && !CODE_PATTERN.test(parentCode)) errors.parentCode = [m.code];
  const clusterCode = textOf(data, 'clusterCode')?.toLowerCase();
  if (clusterCode && !CODE_PATTERN.test(clusterCode)) errors.clusterCode = [m.code];
  return {
    nameKo: nameKo ?? '',
    nameEn: textOf(data, 'nameEn') ?? null,
    kind: isOneOf(AGENCY_KINDS, kind) ? kind : 'other',
    sector: isOneOf(SECTORS, sector) ? sector : null,
    parentCode: parentCode ?? null,
    clusterCode: clusterCode ?? null,
    website: textOf(data, 'website') ?? null,
  };
}

/** A new agency: its code as well (lower-cased, as the registry keeps codes). */
export function readNewAgency(data: FormData, m: AgencyFormMessages): Read<CreateAgencyRequest> {
  const errors: FieldErrors = {};
  const code = textOf(data, 'code')?.toLowerCase();
  if (!code) errors.code = [m.required];
  else if (!CODE_PATTERN.test(code)) errors.code = [m.code];
  const rest = common(data, m, errors);
  if (Object.keys(errors).length > 0) return { errors };
  return { body: { code: code!, ...rest }, errors };
}

/** An edit replaces every editable field: what the form holds. */
export function readAgencyEdit(data: FormData, m: AgencyFormMessages): Read<UpdateAgencyRequest> {
  const errors: FieldErrors = {};
  const body = common(data, m, errors);
  return Object.keys(errors).length > 0 ? { errors } : { body, errors };
}

/** The form's starting values: an agency's, or empty for a new one. */
export function agencyDefaults(a?: AgencyDto) {
  return {
    code: a?.code ?? '',
    nameKo: a?.nameKo ?? '',
    nameEn: a?.nameEn ?? '',
    kind: a?.kind ?? 'ministry',
    // REVIEW: the contract types these as non-nullable but the API sends null when there is none.
    sector: (a?.sector as Sector | null | undefined) ?? '',
    parentCode: (a?.parent as { code: string } | null | undefined)?.code ?? '',
    clusterCode: (a?.cluster as { code: string } | null | undefined)?.code ?? '',
    website: a?.website ?? '',
  };
}

/** Whether the problem is "changed by someone else": the form offers to reload instead of showing it. */
export function isStale(problem: { status: number } | null | undefined): boolean {
  return problem?.status === 412;
}
