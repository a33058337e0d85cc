using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.ClusterIndicators;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.Registry;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>A cluster's yearly figures, upserted by (cluster code, year); empty cells mean "not reported".</summary>
public sealed class ClusterIndicatorImport(IValidator<PutClusterIndicatorRequest> validator) : ImportTarget
{
    private IValidator<PutClusterIndicatorRequest> Validator { get; } = validator;

    public override ImportEntity Entity => ImportEntity.ClusterIndicators;

    /// <summary>The imported fields of one year's figures, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string ClusterCode, int Year, int? Companies, int? Employees, double? RevenueMillionKrw, double? RdSpendMillionKrw,
        double? InvestmentMillionKrw, double? ExportsThousandUsd, string? Note);

    private sealed class Existing
    {
        public long Id { get; set; }
        public string ClusterCode { get; set; } = "";
        public int Year { get; set; }
        public int? Companies { get; set; }
        public int? Employees { get; set; }
        public double? RevenueMillionKrw { get; set; }
        public double? RdSpendMillionKrw { get; set; }
        public double? InvestmentMillionKrw { get; set; }
        public double? ExportsThousandUsd { get; set; }
        public string? Note { get; set; }
        public Record ToRecord() => new(ClusterCode, Year, Companies, Employees, RevenueMillionKrw, RdSpendMillionKrw, InvestmentMillionKrw, ExportsThousandUsd, Note);
    }

    /// <summary>A year's figures as the import knows them: the id (0 when only this run's unwritten rows made them) and fields.</summary>
    private readonly record struct Known(long Id, Record Record);

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var existing = (await context.Connection.QueryAsync<Existing>("""
            SELECT i.id, c.code AS cluster_code, i.year, i.companies, i.employees, i.revenue_million_krw, i.rd_spend_million_krw,
                   i.investment_million_krw, i.exports_thousand_usd, i.note
            FROM cluster_indicators i JOIN clusters c ON c.id = i.cluster_id
            """, transaction: context.Transaction)).ToDictionary(e => (e.ClusterCode, e.Year), e => new Known(e.Id, e.ToRecord()));
        var stored = (await context.Connection.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM clusters",
            transaction: context.Transaction)).ToList();
        var clusters = stored.ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var archived = stored.Where(c => c.Status == "archived").Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return new Session(this, context, existing, clusters, archived);
    }

    private sealed class Session(ClusterIndicatorImport target, ImportContext context, Dictionary<(string, int), Known> existing,
        Dictionary<string, long> clusters, HashSet<string> archived) : ImportSession
    {
        private readonly Dictionary<(string, int), int> _seen = [];
        private readonly int _cluster = target.Column("clusterCode"), _year = target.Column("year"), _companies = target.Column("companies"),
            _employees = target.Column("employees"), _revenue = target.Column("revenueMillionKrw"), _rd = target.Column("rdSpendMillionKrw"),
            _investment = target.Column("investmentMillionKrw"), _exports = target.Column("exportsThousandUsd"), _note = target.Column("note");

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var clusterCode = row[_cluster];
            var year = row.Int(_year, "year");
            row.Key = $"{clusterCode}/{row[_year]}";
            if (clusterCode is null) row.Add("clusterCode", "required", Text.Of("클러스터 코드를 입력하십시오.", "The cluster code is required."));
            else if (!clusters.ContainsKey(clusterCode)) row.Add("clusterCode", "unknown_reference", Text.Of($"코드 '{clusterCode}'인 클러스터가 없습니다.", $"No cluster has the code '{clusterCode}'."));
            else if (archived.Contains(clusterCode)) row.Add("clusterCode", "archived", ClusterIndicators.ClusterIndicatorsApi.ClusterArchived(clusterCode));
            if (row[_year] is null) row.Add("year", "required", Text.Of("연도를 입력하십시오.", "The year is required."));
            else if (year is not null and (< 1990 or > 2100)) row.Add("year", "invalid", Text.Of("연도는 1990년에서 2100년 사이입니다.", "The year is between 1990 and 2100."));
            var request = new PutClusterIndicatorRequest(row.Int(_companies, "companies"), row.Int(_employees, "employees"), row.Double(_revenue, "revenueMillionKrw"),
                row.Double(_rd, "rdSpendMillionKrw"), row.Double(_investment, "investmentMillionKrw"), row.Double(_exports, "exportsThousandUsd"), row[_note]);
            row.Validate(target.Validator, request);
            if (clusterCode is not null && year is { } y && _seen.TryGetValue((clusterCode, y), out var first))
                row.Add("year", "duplicate_in_file", Text.Of($"{clusterCode} {y}년이 다시 나옵니다. 처음 나온 곳은 {first}행입니다.", $"{clusterCode} {y} appears again; first at row {first}."));
            if (row.Failed) return RowResult.Rejected;
            var key = (clusterCode!, year!.Value);
            _seen[key] = row.Row.Number;

            var record = new Record(clusterCode!, year.Value, request.Companies, request.Employees, request.RevenueMillionKrw, request.RdSpendMillionKrw,
                request.InvestmentMillionKrw, request.ExportsThousandUsd, request.Note);
            var found = existing.TryGetValue(key, out var current);
            Record? before = found ? current.Record : null;
            if (before == record) return RowResult.Unchanged;
            var id = current.Id;
            if (write)
            {
                var p = new
                {
                    ClusterId = clusters[clusterCode!], record.Year, record.Companies, record.Employees, record.RevenueMillionKrw, record.RdSpendMillionKrw,
                    record.InvestmentMillionKrw, record.ExportsThousandUsd, record.Note, context.Now, Id = id,
                };
                if (!found)
                    id = await context.Connection.ExecuteScalarAsync<long>($"""
                        INSERT INTO cluster_indicators (cluster_id, year, companies, employees, revenue_million_krw, rd_spend_million_krw,
                            investment_million_krw, exports_thousand_usd, note, version, created_at, updated_at)
                        VALUES (@ClusterId, @Year, @Companies, @Employees, @RevenueMillionKrw, @RdSpendMillionKrw,
                            @InvestmentMillionKrw, @ExportsThousandUsd, @Note, 1, @Now, @Now);
                        {context.Dialect.SelectNewId}
                        """, p, context.Transaction);
                else
                    await context.Connection.ExecuteAsync("""
                        UPDATE cluster_indicators SET companies = @Companies, employees = @Employees, revenue_million_krw = @RevenueMillionKrw,
                            rd_spend_million_krw = @RdSpendMillionKrw, investment_million_krw = @InvestmentMillionKrw,
                            exports_thousand_usd = @ExportsThousandUsd, note = @Note, version = version + 1, updated_at = @Now
                        WHERE id = @Id
                        """, p, context.Transaction);
                await context.Audit.WriteAsync(found ? "update" : "create", ClusterIndicatorStore.EntityType, id, before, record, ct);
            }
            existing[key] = new Known(id, record);
            return found ? RowResult.Updated : RowResult.Created;
        }
    }
}
