using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;

namespace BioCluster.Contracts.Actors;

/// <summary>
/// An innovation actor (산·학·연·병): an agency of the registry with a sector, located in one or more clusters.
/// <paramref name="Id"/> and <paramref name="Code"/> are the agency's.
/// </summary>
public sealed record ActorDto(
    long Id,
    string Code,
    string NameKo,
    string? NameEn,
    AgencyKind Kind,
    Sector? Sector,
    IReadOnlyList<string> Specializations,
    Region? Region,
    string? Website,
    IReadOnlyList<ClusterRef> Clusters,
    RecordStatus Status);

/// <summary>How many active actors of each sector a cluster has (산·학·연·병), and those with no sector yet.</summary>
public sealed record ClusterSectorCountsDto(
    ClusterRef Cluster,
    int Industry,
    int Academia,
    int Research,
    int Hospital,
    int Unclassified,
    int Total);

/// <summary>An agency's actor profile: its sector, what it specialises in, and the region (시·도) it is in.</summary>
public sealed record UpdateActorProfileRequest(
    Sector Sector,
    IReadOnlyList<string>? Specializations = null,
    Region? Region = null);
