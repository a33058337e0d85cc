using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;

namespace BioCluster.Contracts.PolicyRecommendations;

/// <summary>
/// Where a policy recommendation (정책 제언) stands: submitted → routed to its lead ministry → answered (accepted,
/// partially_accepted, long_term_review, not_accepted) → in_progress → completed; withdrawn by whoever raised it.
/// </summary>
public enum RecommendationState
{
    Submitted,
    Routed,
    Accepted,
    PartiallyAccepted,
    LongTermReview,
    NotAccepted,
    InProgress,
    Completed,
    Withdrawn,
}

/// <summary>A named move that keeps a recommendation's state: turning (the remainder of) it into a regulatory issue.</summary>
public enum RecommendationMove
{
    Conversion,
}

/// <summary>Which deadline a recommendation is past, derived on every read.</summary>
public enum RecommendationOverdueKind { Answer, Review, Completion }

/// <summary>A short reference to a recommendation, enough to show and link it.</summary>
public sealed record RecommendationRef(long Id, string ThemeKo, string? ThemeEn, RecommendationState State);

/// <summary>A short reference to a regulatory issue made from a recommendation.</summary>
public sealed record RecommendationIssueRef(long Id, string TitleKo, string? TitleEn, IssueStatus Status);

/// <summary>The meeting and agenda item a recommendation was raised at.</summary>
public sealed record RecommendationSourceDto(long MeetingId, int? MeetingNumber, string MeetingTitleKo, DateTimeOffset MeetingStartsAt,
    long? AgendaItemId, string? AgendaItemTitleKo);

/// <summary>A policy recommendation with its answer, its deadline state and the moves the caller may make now.</summary>
public sealed record PolicyRecommendationDto(
    long Id,
    string ThemeKo,
    string? ThemeEn,
    string Text,
    AgencyRef RaisedBy,
    AgencyRef LeadMinistry,
    IReadOnlyList<AgencyRef> OtherMinistries,
    IReadOnlyList<ClusterRef> Clusters,
    RecommendationSourceDto? Source,
    RecommendationState State,
    DateTimeOffset? RoutedAt,
    DateTimeOffset? ResponseDueAt,
    DateTimeOffset? AnsweredAt,
    string? Answer,
    string? AcceptedPart,
    DateOnly? PlannedCompletionOn,
    DateOnly? ReviewOn,
    string? Justification,
    int? ProgressPercent,
    string? ProgressNote,
    DateOnly? CompletedOn,
    string? Evidence,
    string? WithdrawalReason,
    RecommendationIssueRef? Issue,
    bool Overdue,
    RecommendationOverdueKind? OverdueKind,
    int? DaysLate,
    IReadOnlyList<RecommendationState> AllowedMoves,
    IReadOnlyList<WorkflowMoveDto> MoveForms,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// Raise a recommendation. A cluster operator raises it for its own agency (leave raisedByCode out); the secretariat
/// records one on an operator's behalf by naming it. The lead ministry and the others are agencies of kind ministry.
/// </summary>
public sealed record CreatePolicyRecommendationRequest(
    string ThemeKo,
    string Text,
    string LeadMinistryCode,
    string? ThemeEn = null,
    IReadOnlyList<string>? OtherMinistryCodes = null,
    IReadOnlyList<string>? ClusterCodes = null,
    long? SourceMeetingId = null,
    long? SourceAgendaItemId = null,
    string? RaisedByCode = null);

/// <summary>Replace a recommendation's description while it waits to be routed (If-Match required).</summary>
public sealed record UpdatePolicyRecommendationRequest(
    string ThemeKo,
    string Text,
    string LeadMinistryCode,
    string? ThemeEn = null,
    IReadOnlyList<string>? OtherMinistryCodes = null,
    IReadOnlyList<string>? ClusterCodes = null);

/// <summary>
/// One workflow move. <c>to</c> is the target state; <c>move</c> names a move that keeps the state (conversion). Which of
/// the other fields a move takes, the recommendation's <c>moveForms</c> says.
/// </summary>
public sealed record RecommendationTransitionRequest(
    RecommendationState To,
    RecommendationMove? Move = null,
    string? Comment = null,
    DateTimeOffset? ResponseDueAt = null,
    string? Answer = null,
    string? AcceptedPart = null,
    DateOnly? PlannedCompletionOn = null,
    DateOnly? ReviewOn = null,
    string? Justification = null,
    int? ProgressPercent = null,
    string? ProgressNote = null,
    DateOnly? CompletedOn = null,
    string? Evidence = null,
    string? Reason = null,
    IssueCategory? Category = null,
    string? ProposalKo = null,
    string? LawName = null);

/// <summary>One entry of a recommendation's timeline.</summary>
public sealed record RecommendationTransitionDto(RecommendationState? From, RecommendationState To, string? Move, string ActorName, DateTimeOffset At,
    string? Comment, IReadOnlyDictionary<string, string?> Fields);
