using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using Dapper;

namespace BioCluster.Api.Features.ClusterIndicators;

/// <summary>Filters of the indicator list and export, already checked by the endpoint.</summary>
public sealed record ClusterIndicatorFilter(string? ClusterCode, int? YearFrom, int? YearTo);

/// <summary>A year's figures as a put left them, and whether the put created them.</summary>
public sealed record IndicatorPut(bool Created, Versioned<ClusterIndicatorDto> Record);

/// <summary>All SQL about the yearly indicators of clusters.</summary>
public sealed class ClusterIndicatorStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "cluster_indicator";

    public sealed class IndicatorRow
    {
        public long Id { get; set; }
        public long ClusterId { get; set; }
        public string ClusterCode { get; set; } = "";
        public string ClusterNameKo { get; set; } = "";
        public string? ClusterNameEn { get; set; }
        public int Year { get; set; }
        public int? Companies { get; set; }
        public int? Employees { get; set; }
        public double? RevenueMillionKrw { get; set; }
        public double? RdSpendMillionKrw { get; set; }
        public double? InvestmentMillionKrw { get; set; }
        public double? ExportsThousandUsd { get; set; }
        public string? Note { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public ClusterIndicatorDto ToDto() => new(
            Id, new ClusterRef(ClusterId, ClusterCode, ClusterNameKo, ClusterNameEn), Year, Companies, Employees,
            RevenueMillionKrw, RdSpendMillionKrw, InvestmentMillionKrw, ExportsThousandUsd, Note, CreatedAt, UpdatedAt);
    }

    private sealed class ClusterOwnerRow
    {
        public long Id { get; set; }
        public long OperatorId { get; set; }
        public string Status { get; set; } = "";
    }

    public static readonly IReadOnlyList<SortField<IndicatorRow>> SortFields =
    [
        new("year", "i.year", r => (long)r.Year, Keyset.WholeNumber),
        new("clusterCode", "c.code", r => r.ClusterCode, Keyset.Text),
        new("id", "i.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT i.id, i.cluster_id, c.code AS cluster_code, c.name_ko AS cluster_name_ko, c.name_en AS cluster_name_en,
               i.year, i.companies, i.employees, i.revenue_million_krw, i.rd_spend_million_krw, i.investment_million_krw,
               i.exports_thousand_usd, i.note, i.version, i.created_at, i.updated_at
        FROM cluster_indicators i
        JOIN clusters c ON c.id = i.cluster_id
        """;

    public async Task<Versioned<ClusterIndicatorDto>?> GetAsync(long clusterId, int year, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, clusterId, year);
    }

    private static async Task<Versioned<ClusterIndicatorDto>?> GetAsync(DbConnection connection, DbTransaction? tx, long clusterId, int year)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(
            $"{Select} WHERE i.cluster_id = @clusterId AND i.year = @year", new { clusterId, year }, tx);
        return row is null ? null : new Versioned<ClusterIndicatorDto>(row.ToDto(), row.Version);
    }

    private static (List<string> Where, DynamicParameters Parameters) Where(ClusterIndicatorFilter filter)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (filter.ClusterCode is not null)
        {
            where.Add("c.code = @ClusterCode");
            p.Add("ClusterCode", filter.ClusterCode);
        }
        if (filter.YearFrom is { } from)
        {
            where.Add("i.year >= @YearFrom");
            p.Add("YearFrom", from);
        }
        if (filter.YearTo is { } to)
        {
            where.Add("i.year <= @YearTo");
            p.Add("YearTo", to);
        }
        return (where, p);
    }

    public async Task<Page<ClusterIndicatorDto>> ListAsync(ClusterIndicatorFilter filter, SortSpec<IndicatorRow> sort, KeysetCursor? cursor, int limit,
        CancellationToken ct)
    {
        var (where, p) = Where(filter);
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "cluster_indicators i JOIN clusters c ON c.id = i.cluster_id",
            where, p, sort, cursor, limit, "i.id", r => r.Id);
        return new Page<ClusterIndicatorDto>(page.Select(r => r.ToDto()).ToList(), next, total);
    }

    /// <summary>Every indicator the filters match, by cluster code then year, read 500 rows at a time.</summary>
    public async IAsyncEnumerable<ClusterIndicatorDto> StreamAsync(ClusterIndicatorFilter filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var sort = new SortSpec<IndicatorRow>(SortFields.Single(f => f.Name == "id"), false);
        KeysetCursor? cursor = null;
        do
        {
            IReadOnlyList<IndicatorRow> rows;
            await using (var connection = await db.OpenAsync(ct))
            {
                var (where, p) = Where(filter);
                string? next;
                (rows, next, _) = await Keyset.PageAsync(connection, db.Dialect, Select, "cluster_indicators i JOIN clusters c ON c.id = i.cluster_id",
                    where, p, sort, cursor, 500, "i.id", r => r.Id, count: false);
                cursor = next is null ? null : new KeysetCursor("id", JsonSerializer.SerializeToElement(rows[^1].Id), rows[^1].Id);
            }
            foreach (var row in rows) yield return row.ToDto();
        } while (cursor is not null);
    }

    /// <summary>
    /// Creates or replaces one year's figures of a cluster. Absent: created only when the caller sent no
    /// If-Match. Present: replaced only when If-Match names the current version.
    /// </summary>
    /// <param name="expectedVersion">The version from If-Match; null when the header was not sent; -1 when unreadable.</param>
    /// <param name="onlyOperatedBy">For a cluster operator: the agency whose clusters alone it may edit (others are "not found").</param>
    public async Task<StoreResult<IndicatorPut>> PutAsync(long clusterId, int year, long? expectedVersion, PutClusterIndicatorRequest r, Actor actor,
        long? onlyOperatedBy, CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note;
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var cluster = await connection.QuerySingleOrDefaultAsync<ClusterOwnerRow>(
            "SELECT id, operator_id, status FROM clusters WHERE id = @clusterId", new { clusterId }, tx);
        if (cluster is null || (onlyOperatedBy is { } own && cluster.OperatorId != own))
            return Refusal.NotFound; // no such cluster, or one the caller may not edit
        if (cluster.Status == "archived") return Refusal.Conflict(ClusterIndicatorsApi.ClusterArchived(clusterId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var figures = new
        {
            ClusterId = clusterId, Year = year, r.Companies, r.Employees, r.RevenueMillionKrw, r.RdSpendMillionKrw,
            r.InvestmentMillionKrw, r.ExportsThousandUsd, Note = note, Now = now, ExpectedVersion = expectedVersion ?? -1,
        };
        var before = await GetAsync(connection, tx, clusterId, year);
        if (before is null)
        {
            // If-Match on a year that does not exist: the caller holds a version that is not there.
            if (expectedVersion is not null) return Refusal.Stale;
            try
            {
                await connection.ExecuteAsync("""
                    INSERT INTO cluster_indicators (cluster_id, year, companies, employees, revenue_million_krw, rd_spend_million_krw,
                                                    investment_million_krw, exports_thousand_usd, note, version, created_at, updated_at)
                    VALUES (@ClusterId, @Year, @Companies, @Employees, @RevenueMillionKrw, @RdSpendMillionKrw,
                            @InvestmentMillionKrw, @ExportsThousandUsd, @Note, 1, @Now, @Now)
                    """, figures, tx);
            }
            catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
            {
                // Another request created this year first; like any existing year, it now needs If-Match.
                return Refusal.VersionRequired;
            }
            var created = (await GetAsync(connection, tx, clusterId, year))!;
            await audit.WriteAsync(connection, tx, actor, "create", EntityType, created.Value.Id, null, created.Value);
            await tx.CommitAsync(ct);
            return new IndicatorPut(true, created);
        }

        if (expectedVersion is null) return Refusal.VersionRequired;
        var changed = await connection.ExecuteAsync("""
            UPDATE cluster_indicators
            SET companies = @Companies, employees = @Employees, revenue_million_krw = @RevenueMillionKrw,
                rd_spend_million_krw = @RdSpendMillionKrw, investment_million_krw = @InvestmentMillionKrw,
                exports_thousand_usd = @ExportsThousandUsd, note = @Note, version = version + 1, updated_at = @Now
            WHERE cluster_id = @ClusterId AND year = @Year AND version = @ExpectedVersion
            """, figures, tx);
        if (changed == 0) return Refusal.Stale;
        var after = (await GetAsync(connection, tx, clusterId, year))!;
        await audit.WriteAsync(connection, tx, actor, "update", EntityType, after.Value.Id, before.Value, after.Value);
        await tx.CommitAsync(ct);
        return new IndicatorPut(false, after);
    }
}
