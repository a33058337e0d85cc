// Runtime lists of the generated client's enum unions, in display order. The type checks below fail
// the build when the API adds a value that is missing here (or drops one that is still listed).
import type { AgencyKind, ClusterStatus, RecordStatus, Region, Sector } from './client';

/** Korea's 17 first-level divisions (시·도) in the conventional administrative order. */
export const REGIONS = [
  'seoul', 'busan', 'daegu', 'incheon', 'gwangju', 'daejeon', 'ulsan', 'sejong', 'gyeonggi',
  'gangwon', 'chungbuk', 'chungnam', 'jeonbuk', 'jeonnam', 'gyeongbuk', 'gyeongnam', 'jeju',
] as const satisfies readonly Region[];

export const AGENCY_KINDS = [
  'ministry', 'cluster_operator', 'public_institution', 'local_government', 'company',
  'university', 'research_institute', 'hospital', 'association', 'other',
] as const satisfies readonly AgencyKind[];

export const SECTORS = ['industry', 'academia', 'research', 'hospital'] as const satisfies readonly Sector[];

export const CLUSTER_STATUSES = ['active', 'under_development', 'archived'] as const satisfies readonly ClusterStatus[];

export const RECORD_STATUSES = ['active', 'archived'] as const satisfies readonly RecordStatus[];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const exhaustive: [
  Exhaustive<Region, (typeof REGIONS)[number]>,
  Exhaustive<AgencyKind, (typeof AGENCY_KINDS)[number]>,
  Exhaustive<Sector, (typeof SECTORS)[number]>,
  Exhaustive<ClusterStatus, (typeof CLUSTER_STATUSES)[number]>,
  Exhaustive<RecordStatus, (typeof RECORD_STATUSES)[number]>,
] = [true, true, true, true, true];
void exhaustive;

export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value != null && (values as readonly string[]).includes(value);
}
