namespace BioCluster.Contracts.OpenData;

// The open-data surface (ADR 0027, docs/open-data.md): what the council publishes, read without signing in, in a shape
// close to OParl 1.1 / Open Civic Data. Every object's `id` is its stable URL; `type` names its kind; `name` is Korean and
// `nameEn` English; `created`/`modified` are UTC instants. No person is named anywhere in it.

/// <summary>Where a list goes on: <c>first</c> is its first page with the same filter, <c>next</c> the next page (null on the last).</summary>
public sealed record OpenListLinks(string First, string? Next);

/// <summary>How a list is cut into pages (cursor paging: there are no page numbers).</summary>
public sealed record OpenPagination(int ElementsPerPage);

/// <summary>One page of a list, ordered by <c>modified</c> then <c>id</c> (stable: a harvester following <c>links.next</c> sees every object once).</summary>
public sealed record OpenList<T>(IReadOnlyList<T> Data, OpenPagination Pagination, OpenListLinks Links);

/// <summary>An organisation (a ministry, an agency, a council body) by its registry code and names.</summary>
public sealed record OpenOrganization(string Code, string Name, string? NameEn);

/// <summary>A bio cluster by its registry code and names.</summary>
public sealed record OpenCluster(string Code, string Name, string? NameEn, string Region);

/// <summary>The published minutes of a meeting: the latest published version, when it was published, and its summary.</summary>
public sealed record OpenMinutes(int Version, DateTimeOffset Published, string? Summary);

/// <summary>A public agenda item (OParl AgendaItem) of a meeting with published minutes; internal items are never listed.</summary>
public sealed record OpenAgendaItem(
    string Id,
    string Type,
    string Number,
    string Name,
    string? NameEn,
    string Kind,
    bool Public,
    string? Result,
    string? ResolutionText);

/// <summary>A council meeting whose minutes are published (OParl Meeting): no attendees, presenters or remarks, only what the council decided in public.</summary>
public sealed record OpenMeeting(
    string Id,
    string Type,
    string Name,
    string? NameEn,
    int? Number,
    OpenOrganization Organization,
    DateTimeOffset Start,
    DateTimeOffset? End,
    OpenMinutes Minutes,
    IReadOnlyList<OpenAgendaItem> AgendaItem,
    DateTimeOffset Created,
    DateTimeOffset Modified);

/// <summary>A ministry's answer to a recommendation: the kind (the recommendation's state) and what the ministry said.</summary>
public sealed record OpenRecommendationAnswer(
    string Kind,
    string? Text,
    DateTimeOffset? Answered,
    string? AcceptedPart,
    DateOnly? PlannedCompletionOn,
    DateOnly? ReviewOn,
    string? Justification,
    int? ProgressPercent,
    DateOnly? CompletedOn);

/// <summary>An answered policy recommendation (OParl Paper, <c>paperType</c> <c>policy_recommendation</c>).</summary>
public sealed record OpenRecommendation(
    string Id,
    string Type,
    string PaperType,
    string Name,
    string? NameEn,
    string Text,
    OpenOrganization Originator,
    IReadOnlyList<OpenOrganization> AddressedTo,
    IReadOnlyList<OpenCluster> Cluster,
    OpenRecommendationAnswer Answer,
    string? Meeting,
    DateTimeOffset Created,
    DateTimeOffset Modified);

/// <summary>A regulatory improvement the lead ministry completed (OParl Paper, <c>paperType</c> <c>regulatory_improvement</c>).</summary>
public sealed record OpenImprovement(
    string Id,
    string Type,
    string PaperType,
    string Name,
    string? NameEn,
    string Category,
    string Problem,
    string? ProblemEn,
    string Proposal,
    string? ProposalEn,
    string? LawName,
    string? LawArticle,
    OpenOrganization Originator,
    OpenOrganization? LeadMinistry,
    IReadOnlyList<OpenCluster> Cluster,
    string? Answer,
    string? PlannedChange,
    string? Instrument,
    DateOnly? CompletedOn,
    string? Evidence,
    DateTimeOffset Created,
    DateTimeOffset Modified);

/// <summary>One cluster's figures for one year (no OParl counterpart; <c>type</c> is BioCluster's own).</summary>
public sealed record OpenClusterFigures(
    string Id,
    string Type,
    OpenCluster Cluster,
    int Year,
    long? Companies,
    long? Employees,
    double? RevenueMillionKrw,
    double? RdSpendMillionKrw,
    double? InvestmentMillionKrw,
    double? ExportsThousandUsd,
    DateTimeOffset Created,
    DateTimeOffset Modified);

/// <summary>The entry point of the open data (OParl System): its lists and the terms they are published under.</summary>
public sealed record OpenSystem(
    string Id,
    string Type,
    string Name,
    string? NameEn,
    string License,
    string Meetings,
    string Recommendations,
    string Improvements,
    string ClusterFigures,
    string Documentation);
