using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.SiteProjects;

/// <summary>Where a site project stands.</summary>
public enum SiteProjectState
{
    Planned,
    Design,
    Construction,
    Completed,
    OnHold,
}

/// <summary>One stage of a site project (e.g. design, permits, construction, completion) with planned and actual dates.</summary>
public sealed record SiteProjectStage(
    string NameKo,
    string? NameEn = null,
    DateOnly? PlannedStart = null,
    DateOnly? PlannedEnd = null,
    DateOnly? ActualStart = null,
    DateOnly? ActualEnd = null);

/// <summary>A building or site developed in a cluster: location, size, developer, stages and state.</summary>
public sealed record SiteProjectDto(
    long Id,
    ClusterRef Cluster,
    string NameKo,
    string? NameEn,
    string? Address,
    double? Latitude,
    double? Longitude,
    double? LandAreaM2,
    double? FloorAreaM2,
    int? FloorsBelow,
    int? FloorsAbove,
    AgencyRef? Developer,
    SiteProjectState State,
    string? Description,
    IReadOnlyList<SiteProjectStage> Stages,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ExternalRef = null);

/// <summary>The fields of a site project, to register it (with its cluster) or to replace them.</summary>
public interface ISiteProjectFields
{
    string NameKo { get; }
    SiteProjectState State { get; }
    string? NameEn { get; }
    string? Address { get; }
    double? Latitude { get; }
    double? Longitude { get; }
    double? LandAreaM2 { get; }
    double? FloorAreaM2 { get; }
    int? FloorsBelow { get; }
    int? FloorsAbove { get; }
    string? DeveloperCode { get; }
    string? Description { get; }
    IReadOnlyList<SiteProjectStage>? Stages { get; }
}

/// <summary>Fields to register a site project in a cluster.</summary>
public sealed record CreateSiteProjectRequest(
    string ClusterCode,
    string NameKo,
    SiteProjectState State,
    string? NameEn = null,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    double? LandAreaM2 = null,
    double? FloorAreaM2 = null,
    int? FloorsBelow = null,
    int? FloorsAbove = null,
    string? DeveloperCode = null,
    string? Description = null,
    IReadOnlyList<SiteProjectStage>? Stages = null) : ISiteProjectFields;

/// <summary>A site project's fields, replaced whole (it stays in its cluster).</summary>
public sealed record UpdateSiteProjectRequest(
    string NameKo,
    SiteProjectState State,
    string? NameEn = null,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    double? LandAreaM2 = null,
    double? FloorAreaM2 = null,
    int? FloorsBelow = null,
    int? FloorsAbove = null,
    string? DeveloperCode = null,
    string? Description = null,
    IReadOnlyList<SiteProjectStage>? Stages = null) : ISiteProjectFields;
