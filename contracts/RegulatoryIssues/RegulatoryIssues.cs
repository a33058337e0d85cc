using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.RegulatoryIssues;

/// <summary>Where a regulatory issue (규제 개선 과제) stands.</summary>
public enum IssueStatus
{
    Submitted,
    UnderReview,
    Accepted,
    PartiallyAccepted,
    LongTermReview,
    NotAccepted,
    InProgress,
    Completed,
    Withdrawn,
}

public enum IssueCategory
{
    LicensingApproval,
    ClinicalTrials,
    DataPrivacy,
    ReimbursementPricing,
    LandSite,
    Workforce,
    TaxFinance,
    ImportExport,
    StandardsCertification,
    Other,
}

public enum IssuePriority
{
    Urgent,
    High,
    Normal,
    Low,
}

/// <summary>The legal instrument a ministry will change.</summary>
public enum Instrument
{
    Law,
    EnforcementDecree,
    EnforcementRule,
    Notice,
    Guideline,
}

/// <summary>Why an issue is overdue, when it is.</summary>
public enum OverdueKind
{
    Answer,
    Review,
    Improvement,
}

/// <summary>The official answerable for an issue at the lead ministry.</summary>
public sealed record ResponsibleOfficial(string Name, string? Department = null, string? Contact = null);

/// <summary>One regulatory issue with its current answer, plan and derived deadline state.</summary>
public sealed record RegulatoryIssueDto(
    long Id,
    string TitleKo,
    string? TitleEn,
    string ProblemKo,
    string? ProblemEn,
    string ProposalKo,
    string? ProposalEn,
    IssueCategory Category,
    string? LawName,
    string? LawArticle,
    AgencyRef RaisedBy,
    IReadOnlyList<ClusterRef> Clusters,
    AgencyRef? LeadMinistry,
    IReadOnlyList<AgencyRef> CoMinistries,
    ResponsibleOfficial? Official,
    IssuePriority Priority,
    string? SourceMeeting,
    IReadOnlyList<string> Tags,
    string? ExternalRef,
    IssueStatus Status,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? AnsweredAt,
    string? PlannedChange,
    Instrument? Instrument,
    DateOnly? PlannedCompletionOn,
    DateOnly? ReviewOn,
    string? Justification,
    int? ProgressPercent,
    string? ProgressNote,
    DateOnly? CompletedOn,
    string? Evidence,
    string? WithdrawalReason,
    bool RereviewUsed,
    bool Overdue,
    OverdueKind? OverdueKind,
    int? DaysRemaining,
    int? DaysLate,
    IReadOnlyList<IssueStatus> AllowedMoves,
    IReadOnlyList<WorkflowMoveDto> MoveForms,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<BioCluster.Contracts.Meetings.IssueMeetingDto>? Meetings = null,
    int DeadlineExtensions = 0,
    IssuePendingRequestDto? PendingRequest = null,
    DateOnly? ChallengeDueOn = null,
    bool ChallengeOpen = false,
    DateOnly? FinalAnswerDueOn = null,
    bool FinalAnswerOverdue = false,
    BioCluster.Contracts.PolicyRecommendations.RecommendationRef? SourceRecommendation = null);

/// <summary>
/// What the lead ministry asks of the secretariat while it reviews an issue: to be relieved of it ("not our remit",
/// proposing the ministry that owns the rule) or more time (proposing a date). One at a time, pending until granted or refused.
/// </summary>
public enum IssueRequestKind
{
    Relief,
    Extension,
}

/// <summary>The lead ministry's request waiting for the secretariat's answer.</summary>
public sealed record IssuePendingRequestDto(
    IssueRequestKind Kind,
    string Reason,
    AgencyRef? ProposedMinistry,
    DateOnly? ProposedDueOn,
    DateTimeOffset RequestedAt);

/// <summary>A ministry's part in an issue: it leads the answer, or it cooperates (협조 부처).</summary>
public enum MinistryRole
{
    Lead,
    CoMinistry,
}

/// <summary>
/// The deadline moves of an issue under review, made without changing its state (<c>to</c> is the current state):
/// the secretariat re-routes it to another lead ministry (<c>reroute</c>: leadMinistryCode, reason, optional responseDueAt)
/// or extends its answer deadline (<c>extension</c>: responseDueAt later than the current one, reason); the lead ministry
/// asks to be relieved (<c>relief_request</c>: reason, proposedMinistryCode) or for more time (<c>extension_request</c>:
/// reason, proposedDueOn); the secretariat grants the pending request (<c>grant_request</c>: optional responseDueAt) or
/// refuses it (<c>refuse_request</c>: reason).
/// </summary>
public enum IssueMove
{
    Reroute,
    Extension,
    ReliefRequest,
    ExtensionRequest,
    GrantRequest,
    RefuseRequest,
}

/// <summary>An issue as lists show it: what, whose, where it stands and whether it is late; GET one for the full text.</summary>
public sealed record RegulatoryIssueSummaryDto(
    long Id,
    string TitleKo,
    string? TitleEn,
    IssueCategory Category,
    AgencyRef RaisedBy,
    IReadOnlyList<ClusterRef> Clusters,
    AgencyRef? LeadMinistry,
    IssuePriority Priority,
    IssueStatus Status,
    DateTimeOffset? ResponseDueAt,
    DateOnly? PlannedCompletionOn,
    DateOnly? ReviewOn,
    int? ProgressPercent,
    bool Overdue,
    OverdueKind? OverdueKind,
    int? DaysRemaining,
    int? DaysLate,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int DeadlineExtensions = 0,
    IssueRequestKind? PendingRequest = null,
    DateOnly? ChallengeDueOn = null,
    DateOnly? FinalAnswerDueOn = null,
    MinistryRole? MinistryRole = null);

/// <summary>The description of an issue, shared by raising and editing it.</summary>
public interface IIssueDescription
{
    string TitleKo { get; }
    string ProblemKo { get; }
    string ProposalKo { get; }
    IssueCategory Category { get; }
    IReadOnlyList<string> ClusterCodes { get; }
    string? TitleEn { get; }
    string? ProblemEn { get; }
    string? ProposalEn { get; }
    string? LawName { get; }
    string? LawArticle { get; }
    ResponsibleOfficial? Official { get; }
    string? SourceMeeting { get; }
    IReadOnlyList<string>? Tags { get; }
    string? ExternalRef { get; }
}

/// <summary>Raise a regulatory issue. Korean text is required, English optional.</summary>
public sealed record CreateRegulatoryIssueRequest(
    string TitleKo,
    string ProblemKo,
    string ProposalKo,
    IssueCategory Category,
    IReadOnlyList<string> ClusterCodes,
    string? RaisedByCode = null,
    string? TitleEn = null,
    string? ProblemEn = null,
    string? ProposalEn = null,
    string? LawName = null,
    string? LawArticle = null,
    ResponsibleOfficial? Official = null,
    IssuePriority? Priority = null,
    string? SourceMeeting = null,
    IReadOnlyList<string>? Tags = null,
    string? ExternalRef = null,
    long? SourceAgendaItemId = null) : IIssueDescription;

/// <summary>The editable description of an issue, replaced as a whole; the workflow fields move only by transitions.</summary>
public sealed record UpdateRegulatoryIssueRequest(
    string TitleKo,
    string ProblemKo,
    string ProposalKo,
    IssueCategory Category,
    IReadOnlyList<string> ClusterCodes,
    IssuePriority Priority,
    string? TitleEn = null,
    string? ProblemEn = null,
    string? ProposalEn = null,
    string? LawName = null,
    string? LawArticle = null,
    ResponsibleOfficial? Official = null,
    string? SourceMeeting = null,
    IReadOnlyList<string>? Tags = null,
    string? ExternalRef = null) : IIssueDescription;

/// <summary>
/// A move of the workflow. Each target needs its fields: under_review (assignment) leadMinistryCode
/// and optionally coMinistryCodes and responseDueAt (default 14 days); accepted / partially_accepted
/// plannedChange, instrument, plannedCompletionOn; long_term_review reviewOn; not_accepted a
/// justification; in_progress progressPercent and progressNote; completed completedOn and evidence;
/// withdrawn reason. <c>move</c> names a deadline move that keeps the state (<see cref="IssueMove"/>). Fields another move uses are refused. Any move may name the council decision it carries out
/// (<c>agendaItemId</c>, a decided agenda item): the item is linked to the issue and the timeline shows the meeting.
/// </summary>
public sealed record IssueTransitionRequest(
    IssueStatus To,
    string? Comment = null,
    string? LeadMinistryCode = null,
    IReadOnlyList<string>? CoMinistryCodes = null,
    DateTimeOffset? ResponseDueAt = null,
    ResponsibleOfficial? Official = null,
    string? PlannedChange = null,
    Instrument? Instrument = null,
    DateOnly? PlannedCompletionOn = null,
    DateOnly? ReviewOn = null,
    string? Justification = null,
    int? ProgressPercent = null,
    string? ProgressNote = null,
    DateOnly? CompletedOn = null,
    string? Evidence = null,
    string? Reason = null,
    long? AgendaItemId = null,
    IssueMove? Move = null,
    string? ProposedMinistryCode = null,
    DateOnly? ProposedDueOn = null);

/// <summary>One step of an issue's timeline.</summary>
public sealed record IssueTransitionDto(
    long Id,
    IssueStatus? From,
    IssueStatus To,
    ActorType ActorType,
    string ActorName,
    DateTimeOffset OccurredAt,
    string? Comment,
    IReadOnlyDictionary<string, string?> Fields);

public sealed record IssueCommentDto(long Id, string AuthorName, ActorType AuthorType, DateTimeOffset CreatedAt, string Text);

public sealed record CreateIssueCommentRequest(string Text);

public sealed record StatusCount(IssueStatus Status, int Count);

public sealed record MinistryStatusCount(AgencyRef Ministry, IssueStatus Status, int Count);

public sealed record MinistryOverdue(AgencyRef Ministry, int Overdue);

public sealed record ClusterCount(ClusterRef Cluster, int Count);

public sealed record CategoryCount(IssueCategory Category, int Count);

/// <summary>The pipeline at a glance.</summary>
public sealed record RegulatoryIssueStatsDto(
    int Total,
    int Overdue,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<MinistryStatusCount> ByMinistryAndStatus,
    IReadOnlyList<ClusterCount> ByCluster,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<MinistryOverdue> OverdueByMinistry,
    double? AcceptanceRate,
    double? MedianDaysToAnswer,
    double? P90DaysToAnswer,
    int CompletedThisYear,
    DateTimeOffset ComputedAt);
