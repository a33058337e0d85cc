using BioCluster.Contracts.Common;

namespace BioCluster.Contracts.Registry;

/// <summary>One year of a cluster's figures (its time series has one of these per year).</summary>
/// <param name="Year">The calendar year the figures describe, 1990–2100.</param>
/// <param name="Companies">Companies located in the cluster.</param>
/// <param name="Employees">People employed by them.</param>
/// <param name="RevenueMillionKrw">Revenue, in millions of won.</param>
/// <param name="RdSpendMillionKrw">R&amp;D spend, in millions of won.</param>
/// <param name="InvestmentMillionKrw">Investment attracted, in millions of won.</param>
/// <param name="ExportsThousandUsd">Exports, in thousands of US dollars.</param>
/// <param name="Note">Source or remarks (free text).</param>
public sealed record ClusterIndicatorDto(
    long Id,
    ClusterRef Cluster,
    int Year,
    int? Companies,
    int? Employees,
    double? RevenueMillionKrw,
    double? RdSpendMillionKrw,
    double? InvestmentMillionKrw,
    double? ExportsThousandUsd,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One year's figures of a cluster, replaced as a whole: figures left out are cleared (unknown).</summary>
public sealed record PutClusterIndicatorRequest(
    int? Companies = null,
    int? Employees = null,
    double? RevenueMillionKrw = null,
    double? RdSpendMillionKrw = null,
    double? InvestmentMillionKrw = null,
    double? ExportsThousandUsd = null,
    string? Note = null);
