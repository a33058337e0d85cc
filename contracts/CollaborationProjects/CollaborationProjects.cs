using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.CollaborationProjects;

/// <summary>
/// Where a collaboration project (협력 사업) stands: planned → in_progress → completed; suspended (and resumed) on the way;
/// cancelled by the secretariat.
/// </summary>
public enum CollaborationState
{
    Planned,
    InProgress,
    Completed,
    Suspended,
    Cancelled,
}

/// <summary>A partner's part in a collaboration project: lead (주관), co_lead (공동주관), partner (참여), funder (재원 지원), advisor (자문).</summary>
public enum PartnerRole
{
    Lead,
    CoLead,
    Partner,
    Funder,
    Advisor,
}

/// <summary>Whether a partner is a cluster or an agency (an innovation actor, a ministry, a public agency).</summary>
public enum PartnerKind
{
    Cluster,
    Agency,
}

/// <summary>One partner of a project: a cluster or an agency, with its role. <c>partnerId</c> names the partnership (to remove it).</summary>
public sealed record CollaborationPartnerDto(long PartnerId, PartnerKind Kind, long Id, string Code, string NameKo, string? NameEn, PartnerRole Role);

/// <summary>The meeting and agenda item whose decision started the project.</summary>
public sealed record CollaborationSourceDto(long MeetingId, int? MeetingNumber, string MeetingTitleKo, DateTimeOffset MeetingStartsAt,
    long? AgendaItemId, string? AgendaItemTitleKo);

/// <summary>A collaboration project between clusters and innovation actors, with the moves and edits the caller may make now.</summary>
/// <param name="BudgetKrw">The budget in whole won (KRW).</param>
/// <param name="MayEdit">Whether the caller may edit the project, its partners and move it (the secretariat; an operator of a partner cluster).</param>
public sealed record CollaborationProjectDto(
    long Id,
    string TitleKo,
    string? TitleEn,
    string Summary,
    IReadOnlyList<CollaborationPartnerDto> Partners,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    long? BudgetKrw,
    CollaborationState State,
    string? StateNote,
    string? Outcomes,
    CollaborationSourceDto? Source,
    string? ExternalRef,
    bool MayEdit,
    IReadOnlyList<CollaborationState> AllowedMoves,
    IReadOnlyList<WorkflowMoveDto> MoveForms,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A partner to name: a cluster (clusterCode) or an agency (agencyCode), exactly one, and its role.</summary>
public sealed record CollaborationPartnerRequest(PartnerRole Role, string? ClusterCode = null, string? AgencyCode = null);

/// <summary>
/// Register a collaboration project (in <c>planned</c>). At least one partner must be a cluster; a cluster operator must name
/// one of its own clusters. <c>sourceAgendaItemId</c> (or <c>sourceMeetingId</c>) links the decision that started it.
/// </summary>
public sealed record CreateCollaborationProjectRequest(
    string TitleKo,
    string Summary,
    IReadOnlyList<CollaborationPartnerRequest> Partners,
    string? TitleEn = null,
    DateOnly? StartsOn = null,
    DateOnly? EndsOn = null,
    long? BudgetKrw = null,
    string? Outcomes = null,
    long? SourceMeetingId = null,
    long? SourceAgendaItemId = null,
    string? ExternalRef = null);

/// <summary>Replace a project's editable fields (If-Match required); partners change through their own endpoints, the state through moves.</summary>
public sealed record UpdateCollaborationProjectRequest(
    string TitleKo,
    string Summary,
    string? TitleEn = null,
    DateOnly? StartsOn = null,
    DateOnly? EndsOn = null,
    long? BudgetKrw = null,
    string? Outcomes = null,
    long? SourceMeetingId = null,
    long? SourceAgendaItemId = null,
    string? ExternalRef = null);

/// <summary>One workflow move: <c>to</c> is the target state; which other fields it takes, the project's <c>moveForms</c> says.</summary>
public sealed record CollaborationTransitionRequest(
    CollaborationState To,
    string? Reason = null,
    string? Outcomes = null);
