using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;

namespace BioCluster.Contracts.ClusterProfile;

/// <summary>
/// What a timeline entry records. Entries come newest first; entries of the same moment in this order.
/// </summary>
public enum TimelineKind
{
    /// <summary>A regulatory issue affecting the cluster was raised.</summary>
    IssueRaised,
    /// <summary>The lead ministry answered such an issue.</summary>
    IssueAnswered,
    /// <summary>A policy recommendation concerning the cluster was raised.</summary>
    RecommendationRaised,
    /// <summary>The lead ministry answered such a recommendation.</summary>
    RecommendationAnswered,
    /// <summary>An agenda item naming the cluster (or one of its issues) was on a meeting's agenda.</summary>
    AgendaItem,
    /// <summary>The meeting decided on such an item.</summary>
    Decision,
    /// <summary>A follow-up of such an item was assigned.</summary>
    FollowUp,
    /// <summary>A site project of the cluster was recorded.</summary>
    SiteProject,
    /// <summary>A stage of one of its site projects starts (actual start, else planned start).</summary>
    SiteProjectStage,
    /// <summary>A collaboration project with the cluster as a partner was recorded.</summary>
    CollaborationProject,
}

/// <summary>The record a timeline entry opens.</summary>
public enum TimelineTargetKind { RegulatoryIssue, PolicyRecommendation, Meeting, SiteProject, CollaborationProject }

/// <summary>One thing the council did for a cluster.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Id">The id of the record the entry is about (issue, recommendation, agenda item, follow-up, site project; for a stage, the project).</param>
/// <param name="On">The calendar day in Korea (KST) it happened.</param>
/// <param name="At">The instant, UTC; null for entries known only by their day (site project stages).</param>
/// <param name="TitleKo">The record's Korean title.</param>
/// <param name="TitleEn">Its English title, when there is one.</param>
/// <param name="State">The record's state now, as a wire name of its own kind (issue status, recommendation state, decision
/// outcome, follow-up state, site project state; for a stage: planned, in_progress or completed); null when it has none yet.</param>
/// <param name="TargetKind">The kind of record the entry opens.</param>
/// <param name="TargetId">Its id (for agenda items, decisions and follow-ups: the meeting).</param>
/// <param name="AnchorId">Within the target: the agenda item or follow-up id, or the stage position; null otherwise.</param>
public sealed record TimelineEntryDto(
    TimelineKind Kind,
    long Id,
    DateOnly On,
    DateTimeOffset? At,
    string TitleKo,
    string? TitleEn,
    string? State,
    TimelineTargetKind TargetKind,
    long TargetId,
    long? AnchorId);

/// <summary>Which yearly figure of the clusters to compare.</summary>
public enum IndicatorKind { Companies, Employees, RevenueMillionKrw, RdSpendMillionKrw, InvestmentMillionKrw, ExportsThousandUsd }

/// <summary>The unit of a figure: a count of companies, persons, millions of won, thousands of US dollars.</summary>
public enum IndicatorUnit { Companies, Persons, MillionKrw, ThousandUsd }

/// <summary>One year's value of the compared figure; null when the year is recorded but this figure is unknown.</summary>
public sealed record IndicatorPoint(int Year, double? Value);

/// <summary>One cluster's values of the compared figure, with where it is (for the map).</summary>
/// <param name="Cluster">The cluster.</param>
/// <param name="Region">Its 시·도.</param>
/// <param name="Latitude">Its latitude (WGS 84), when recorded.</param>
/// <param name="Longitude">Its longitude (WGS 84), when recorded.</param>
/// <param name="Values">Its recorded years in the range, oldest first (empty when it has none).</param>
public sealed record IndicatorSeries(ClusterRef Cluster, Region Region, double? Latitude, double? Longitude, IReadOnlyList<IndicatorPoint> Values);

/// <summary>One figure of every (or the chosen) active cluster over the years, in one answer.</summary>
/// <param name="Indicator">The compared figure.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Years">Every year any cluster has a value for in the range, oldest first.</param>
/// <param name="Series">One per cluster, by code.</param>
public sealed record IndicatorComparisonDto(IndicatorKind Indicator, IndicatorUnit Unit, IReadOnlyList<int> Years, IReadOnlyList<IndicatorSeries> Series);
