using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.Registry;

/// <summary>A bio cluster with its operator and location.</summary>
public sealed record ClusterDto(
    long Id,
    string Code,
    string NameKo,
    string? NameEn,
    Region Region,
    AgencyRef Operator,
    string? Designation,
    IReadOnlyList<string> Specializations,
    int? EstablishedYear,
    double? AreaKm2,
    double? Latitude,
    double? Longitude,
    string? Website,
    ClusterStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The profile fields a cluster has whether it is being registered or replaced.</summary>
public interface IClusterProfile
{
    string NameKo { get; }
    Region Region { get; }
    string OperatorCode { get; }
    string? NameEn { get; }
    string? Designation { get; }
    IReadOnlyList<string>? Specializations { get; }
    int? EstablishedYear { get; }
    double? AreaKm2 { get; }
    double? Latitude { get; }
    double? Longitude { get; }
    string? Website { get; }
}

/// <summary>Fields to create a cluster.</summary>
public sealed record CreateClusterRequest(
    string Code,
    string NameKo,
    Region Region,
    string OperatorCode,
    string? NameEn = null,
    string? Designation = null,
    IReadOnlyList<string>? Specializations = null,
    int? EstablishedYear = null,
    double? AreaKm2 = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Website = null,
    ClusterStatus? Status = null) : IClusterProfile;

/// <summary>The editable fields of a cluster, replaced as a whole. The code cannot change; archive with DELETE.</summary>
public sealed record UpdateClusterRequest(
    string NameKo,
    Region Region,
    string OperatorCode,
    ClusterStatus Status,
    string? NameEn = null,
    string? Designation = null,
    IReadOnlyList<string>? Specializations = null,
    int? EstablishedYear = null,
    double? AreaKm2 = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Website = null) : IClusterProfile;
