namespace BioCluster.Contracts.Common;

/// <summary>One page of a keyset-paged list.</summary>
/// <param name="Items">The records of this page, in the requested order.</param>
/// <param name="NextCursor">Opaque cursor for the next page; null on the last page.</param>
/// <param name="TotalCount">How many records match the filters, over all pages.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int TotalCount);

/// <summary>A short reference to another record, enough to show and link it.</summary>
public sealed record AgencyRef(long Id, string Code, string NameKo, string? NameEn);

/// <summary>A short reference to a cluster.</summary>
public sealed record ClusterRef(long Id, string Code, string NameKo, string? NameEn);

/// <summary>Result of a health probe.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks);
