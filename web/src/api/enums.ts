// Runtime lists of the generated client's enum unions, in display order. The type checks below fail
// the build when the API adds a value that is missing here (or drops one that is still listed).
import type {
  ActorType,
  AgendaKind,
  AgendaVisibility,
  AttendanceStatus,
  DecisionOutcome,
  FollowUpState,
  MeetingKind,
  MeetingState,
  SeatGroup,
  AgencyKind,
  ApiKeyScope,
  ApiKeyStatus,
  ClusterStatus,
  Instrument,
  IssueCategory,
  IssuePriority,
  IssueStatus,
  OverdueKind,
  RecordStatus,
  Region,
  Role,
  Sector,
  UserStatus,
} from './client';

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

/** Most powers first, as the role select lists them. */
export const ROLES = ['admin', 'secretariat', 'ministry_reviewer', 'cluster_operator', 'viewer'] as const satisfies readonly Role[];

export const USER_STATUSES = ['active', 'disabled'] as const satisfies readonly UserStatus[];

export const API_KEY_SCOPES = ['read', 'write', 'import'] as const satisfies readonly ApiKeyScope[];

export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const satisfies readonly ApiKeyStatus[];

export const ACTOR_TYPES = ['user', 'api_key', 'system'] as const satisfies readonly ActorType[];

/** The regulatory-issue pipeline in workflow order (the board's columns). */
export const ISSUE_STATUSES = [
  'submitted', 'under_review', 'accepted', 'partially_accepted', 'long_term_review', 'not_accepted',
  'in_progress', 'completed', 'withdrawn',
] as const satisfies readonly IssueStatus[];

export const ISSUE_CATEGORIES = [
  'licensing_approval', 'clinical_trials', 'data_privacy', 'reimbursement_pricing', 'land_site', 'workforce',
  'tax_finance', 'import_export', 'standards_certification', 'other',
] as const satisfies readonly IssueCategory[];

/** Most urgent first. */
export const ISSUE_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly IssuePriority[];

/** From the strongest instrument (an act) to the weakest (a guideline). */
export const INSTRUMENTS = ['law', 'enforcement_decree', 'enforcement_rule', 'notice', 'guideline'] as const satisfies readonly Instrument[];

export const OVERDUE_KINDS = ['answer', 'review', 'improvement'] as const satisfies readonly OverdueKind[];

/** A meeting's life in order (cancelled last). */
export const MEETING_STATES = ['planned', 'convened', 'held', 'closed', 'cancelled'] as const satisfies readonly MeetingState[];

export const MEETING_KINDS = ['in_person', 'online', 'hybrid'] as const satisfies readonly MeetingKind[];

export const AGENDA_KINDS = ['report', 'deliberation', 'discussion', 'matters_arising'] as const satisfies readonly AgendaKind[];

export const AGENDA_VISIBILITIES = ['public', 'internal'] as const satisfies readonly AgendaVisibility[];

export const DECISION_OUTCOMES = ['approved', 'approved_with_conditions', 'deferred', 'rejected', 'noted'] as const satisfies readonly DecisionOutcome[];

export const ATTENDANCE_STATUSES = ['present', 'substitute', 'absent', 'observer'] as const satisfies readonly AttendanceStatus[];

export const FOLLOW_UP_STATES = ['open', 'in_progress', 'done', 'cancelled'] as const satisfies readonly FollowUpState[];

export const SEAT_GROUPS = ['ministry', 'cluster_operator', 'public_agency', 'private_expert'] as const satisfies readonly SeatGroup[];

// The contract types these as plain strings; the lists are what the API writes today. Unknown
// values still show (as their raw text), they just have no translated label.
export const AUDIT_ENTITY_TYPES = ['cluster', 'agency', 'cluster_indicator', 'user', 'api_key', 'regulatory_issue', 'import', 'document', 'council_body', 'council_seat', 'council_membership', 'meeting', 'meeting_minutes', 'follow_up', 'calendar_feed', 'notification_preferences', 'holiday', 'saved_view', 'site_project', 'policy_recommendation', 'collaboration_project'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'archive', 'unarchive', 'revoke', 'set_password', 'unlock', 'change_password', 'comment', 'import', 'import_dry_run', 'delete', 'end_term', 'attendance', 'decision', 'add_actor', 'remove_actor', 'add_partner', 'remove_partner'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
const exhaustive: [
  Exhaustive<Region, (typeof REGIONS)[number]>,
  Exhaustive<AgencyKind, (typeof AGENCY_KINDS)[number]>,
  Exhaustive<Sector, (typeof SECTORS)[number]>,
  Exhaustive<ClusterStatus, (typeof CLUSTER_STATUSES)[number]>,
  Exhaustive<RecordStatus, (typeof RECORD_STATUSES)[number]>,
  Exhaustive<Role, (typeof ROLES)[number]>,
  Exhaustive<UserStatus, (typeof USER_STATUSES)[number]>,
  Exhaustive<ApiKeyScope, (typeof API_KEY_SCOPES)[number]>,
  Exhaustive<ApiKeyStatus, (typeof API_KEY_STATUSES)[number]>,
  Exhaustive<ActorType, (typeof ACTOR_TYPES)[number]>,
  Exhaustive<IssueStatus, (typeof ISSUE_STATUSES)[number]>,
  Exhaustive<IssueCategory, (typeof ISSUE_CATEGORIES)[number]>,
  Exhaustive<IssuePriority, (typeof ISSUE_PRIORITIES)[number]>,
  Exhaustive<Instrument, (typeof INSTRUMENTS)[number]>,
  Exhaustive<OverdueKind, (typeof OVERDUE_KINDS)[number]>,
  Exhaustive<MeetingState, (typeof MEETING_STATES)[number]>,
  Exhaustive<MeetingKind, (typeof MEETING_KINDS)[number]>,
  Exhaustive<AgendaKind, (typeof AGENDA_KINDS)[number]>,
  Exhaustive<AgendaVisibility, (typeof AGENDA_VISIBILITIES)[number]>,
  Exhaustive<DecisionOutcome, (typeof DECISION_OUTCOMES)[number]>,
  Exhaustive<AttendanceStatus, (typeof ATTENDANCE_STATUSES)[number]>,
  Exhaustive<FollowUpState, (typeof FOLLOW_UP_STATES)[number]>,
  Exhaustive<SeatGroup, (typeof SEAT_GROUPS)[number]>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void exhaustive;

export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value != null && (values as readonly string[]).includes(value);
}
