using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.Registry;

/// <summary>An organisation in the registry: ministry, cluster operator, institution or innovation actor.</summary>
/// <param name="Cluster">The cluster an innovation actor is located in, if any.</param>
public sealed record AgencyDto(
    long Id,
    string Code,
    string NameKo,
    string? NameEn,
    AgencyKind Kind,
    Sector? Sector,
    AgencyRef? Parent,
    ClusterRef? Cluster,
    string? Website,
    RecordStatus Status,
    IReadOnlyList<ClusterRef> OperatedClusters,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Fields to create an agency.</summary>
public sealed record CreateAgencyRequest(
    string Code,
    string NameKo,
    AgencyKind Kind,
    string? NameEn = null,
    Sector? Sector = null,
    string? ParentCode = null,
    string? Website = null,
    string? ClusterCode = null);

/// <summary>The editable fields of an agency, replaced as a whole. The code cannot change.</summary>
public sealed record UpdateAgencyRequest(
    string NameKo,
    AgencyKind Kind,
    string? NameEn = null,
    Sector? Sector = null,
    string? ParentCode = null,
    string? Website = null,
    string? ClusterCode = null);
