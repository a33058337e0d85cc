using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.ClusterProfile;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using Dapper;

namespace BioCluster.Api.Features.ClusterProfile;

/// <summary>One figure of every active cluster over the years, read in two statements (clusters, then their values).</summary>
public sealed class IndicatorComparisonStore(DbConnectionFactory db)
{
    /// <summary>The column and unit of each figure: the only column names that reach the SQL (never the caller's text).</summary>
    public static (string Column, IndicatorUnit Unit) Of(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Companies => ("i.companies", IndicatorUnit.Companies),
        IndicatorKind.Employees => ("i.employees", IndicatorUnit.Persons),
        IndicatorKind.RevenueMillionKrw => ("i.revenue_million_krw", IndicatorUnit.MillionKrw),
        IndicatorKind.RdSpendMillionKrw => ("i.rd_spend_million_krw", IndicatorUnit.MillionKrw),
        IndicatorKind.InvestmentMillionKrw => ("i.investment_million_krw", IndicatorUnit.MillionKrw),
        IndicatorKind.ExportsThousandUsd => ("i.exports_thousand_usd", IndicatorUnit.ThousandUsd),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private sealed class ClusterRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Region { get; set; } = "";
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
    }

    private sealed class ValueRow
    {
        public long ClusterId { get; set; }
        public long Year { get; set; }
        public double? Value { get; set; }
    }

    private const string Clusters = """
        SELECT c.id, c.code, c.name_ko, c.name_en, c.region, c.latitude, c.longitude
        FROM clusters c
        WHERE c.status <> 'archived'
        ORDER BY c.code
        """;

    /// <summary>The values of one figure; <c>{column}</c> is one of <see cref="Of"/>'s columns.</summary>
    private const string Values = """
        SELECT i.cluster_id, i.year, {column} AS value
        FROM cluster_indicators i JOIN clusters c ON c.id = i.cluster_id
        WHERE c.status <> 'archived' AND i.year >= @YearFrom AND i.year <= @YearTo
        ORDER BY i.cluster_id, i.year
        """;

    /// <summary>Every statement this store runs, each figure's, for the T-SQL parse test.</summary>
    public static IEnumerable<string> Statements() =>
        [Clusters, .. Enum.GetValues<IndicatorKind>().Select(k => Values.Replace("{column}", Of(k).Column))];

    /// <param name="clusterCodes">Only these clusters (unknown codes are left out); all active clusters when empty.</param>
    public async Task<IndicatorComparisonDto> CompareAsync(IndicatorKind indicator, int yearFrom, int yearTo, IReadOnlyCollection<string> clusterCodes,
        CancellationToken ct)
    {
        var (column, unit) = Of(indicator);
        await using var connection = await db.OpenAsync(ct);
        var clusters = (await connection.QueryAsync<ClusterRow>(Clusters))
            .Where(c => clusterCodes.Count == 0 || clusterCodes.Contains(c.Code)).ToList();
        var values = (await connection.QueryAsync<ValueRow>(Values.Replace("{column}", column), new { YearFrom = yearFrom, YearTo = yearTo }))
            .ToLookup(v => v.ClusterId);
        var series = clusters.Select(c => new IndicatorSeries(new ClusterRef(c.Id, c.Code, c.NameKo, c.NameEn), WireNames.Parse<Region>(c.Region),
            c.Latitude, c.Longitude, values[c.Id].Select(v => new IndicatorPoint((int)v.Year, v.Value)).ToList())).ToList();
        var years = series.SelectMany(s => s.Values).Where(v => v.Value is not null).Select(v => v.Year).Distinct().Order().ToList();
        return new IndicatorComparisonDto(indicator, unit, years, series);
    }
}
