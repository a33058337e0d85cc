// The raise / edit form of an issue as a pure function: form values in, the request (or what is
// wrong) out. The API's validators have the last word; these mirror them so the form answers at once.
import type { IssueCategory, IssuePriority, UpdateRegulatoryIssueRequest } from '../../api/client';
import { ISSUE_CATEGORIES, ISSUE_PRIORITIES, isOneOf } from '../../api/enums';

export const ISSUE_FORM_FIELDS = [
  'titleKo', 'problemKo', 'proposalKo', 'titleEn', 'problemEn', 'proposalEn', 'category', 'priority',
  'clusterCodes', 'raisedByCode', 'lawName', 'lawArticle', 'officialName', 'officialDepartment',
  'officialContact', 'tags', 'sourceMeeting', 'externalRef',
] as const;
export type IssueFormField = (typeof ISSUE_FORM_FIELDS)[number];

/** Shortest Korean texts the API accepts (IssueDescriptionValidator). */
export const ISSUE_MIN_LENGTH = { titleKo: 2, problemKo: 10, proposalKo: 10 } as const;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
const EXTERNAL_REF = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

export type IssueFormError =
  | { code: 'required' }
  | { code: 'tooShort'; min: number }
  | { code: 'clusters' }
  | { code: 'tags' }
  | { code: 'externalRef' }
  | { code: 'officialName' };

export interface IssueFormValues {
  text: Partial<Record<Exclude<IssueFormField, 'clusterCodes'>, string>>;
  clusterCodes: string[];
}

/** The fields both requests share; a new issue adds `raisedByCode`. */
export type IssueRequest = UpdateRegulatoryIssueRequest & { raisedByCode?: string | null };

/** "a, b,, c" → ["a", "b", "c"], without repeats. */
export function splitTags(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[,\n]/).map((s) => s.trim()).filter(Boolean))];
}

export function buildIssueRequest(values: IssueFormValues): { body?: IssueRequest; errors: Partial<Record<IssueFormField, IssueFormError>> } {
  const errors: Partial<Record<IssueFormField, IssueFormError>> = {};
  const text = (field: Exclude<IssueFormField, 'clusterCodes'>) => {
    const value = values.text[field]?.trim();
    return value ? value : undefined;
  };
  const korean = (field: keyof typeof ISSUE_MIN_LENGTH) => {
    const value = text(field);
    if (!value) errors[field] = { code: 'required' };
    else if (value.length < ISSUE_MIN_LENGTH[field]) errors[field] = { code: 'tooShort', min: ISSUE_MIN_LENGTH[field] };
    return value ?? '';
  };

  const titleKo = korean('titleKo');
  const problemKo = korean('problemKo');
  const proposalKo = korean('proposalKo');
  const category = text('category');
  if (!isOneOf(ISSUE_CATEGORIES, category)) errors.category = { code: 'required' };
  const priority = text('priority');
  const clusterCodes = [...new Set(values.clusterCodes.filter(Boolean))];
  if (clusterCodes.length === 0) errors.clusterCodes = { code: 'clusters' };
  const tags = splitTags(values.text.tags);
  if (tags.length > MAX_TAGS || tags.some((tag) => tag.length > MAX_TAG_LENGTH)) errors.tags = { code: 'tags' };
  const externalRef = text('externalRef');
  if (externalRef && (externalRef.length > 100 || !EXTERNAL_REF.test(externalRef))) errors.externalRef = { code: 'externalRef' };
  const officialName = text('officialName');
  const officialDepartment = text('officialDepartment');
  const officialContact = text('officialContact');
  if (!officialName && (officialDepartment || officialContact)) errors.officialName = { code: 'officialName' };

  if (Object.keys(errors).length > 0) return { errors };
  const body: IssueRequest = {
    titleKo,
    problemKo,
    proposalKo,
    category: category as IssueCategory,
    clusterCodes,
    priority: (isOneOf(ISSUE_PRIORITIES, priority) ? priority : 'normal') as IssuePriority,
    titleEn: text('titleEn') ?? null,
    problemEn: text('problemEn') ?? null,
    proposalEn: text('proposalEn') ?? null,
    lawName: text('lawName') ?? null,
    lawArticle: text('lawArticle') ?? null,
    official: officialName ? { name: officialName, department: officialDepartment ?? null, contact: officialContact ?? null } : null,
    sourceMeeting: text('sourceMeeting') ?? null,
    tags,
    externalRef: externalRef ?? null,
  };
  const raisedByCode = text('raisedByCode');
  if (raisedByCode) body.raisedByCode = raisedByCode;
  return { body, errors };
}

/** Where the API's error keys belong in the form: "official.name" → officialName, "clusterCodes[1]" → clusterCodes. */
export function issueErrorField(key: string): IssueFormField | undefined {
  const lower = key.toLowerCase();
  if (lower === 'official' || lower === 'official.name') return 'officialName';
  if (lower === 'official.department') return 'officialDepartment';
  if (lower === 'official.contact') return 'officialContact';
  const base = lower.split(/[.[]/)[0];
  return ISSUE_FORM_FIELDS.find((field) => field.toLowerCase() === base);
}
