using System.Globalization;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Features.ClusterIndicators;

/// <summary>The yearly figures of clusters: a list and export over all clusters, and one year of one cluster.</summary>
public static class ClusterIndicatorsApi
{
    private const string Tag = "ClusterIndicators";

    public static IEndpointRouteBuilder MapClusterIndicators(this IEndpointRouteBuilder app)
    {
        const int Unauthorized = StatusCodes.Status401Unauthorized, Forbidden = StatusCodes.Status403Forbidden, NotFound = StatusCodes.Status404NotFound;
        var list = app.MapGroup("/api/v1/cluster-indicators").WithTags(Tag);
        list.MapGet("/", ListClusterIndicators).WithName(nameof(ListClusterIndicators)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("List the yearly figures of clusters, filtered and sorted, one keyset page at a time").Validate<ClusterIndicatorListQuery>()
            .Errors(Unauthorized, Forbidden);
        list.MapGet("/export.csv", ExportClusterIndicators).WithName(nameof(ExportClusterIndicators)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the yearly figures matching the same filters as CSV (UTF-8 with BOM; the import's columns)")
            .ProducesCsv().Validate<ClusterIndicatorFilterQuery>().Errors(Unauthorized, Forbidden);
        list.MapGet("/export.xlsx", ExportClusterIndicatorsXlsx).WithName(nameof(ExportClusterIndicatorsXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the yearly figures matching the same filters as an Excel workbook (the import's columns, numbers as number cells)")
            .ProducesXlsx().Validate<ClusterIndicatorFilterQuery>().Errors(Unauthorized, Forbidden);

        var one = app.MapGroup("/api/v1/clusters").WithTags(Tag);
        one.MapGet("/{id:long}/indicators/{year:int}", GetClusterIndicator).WithName(nameof(GetClusterIndicator)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get one year's figures of a cluster").ReturnsETag().Errors(Unauthorized, Forbidden, NotFound);
        one.MapPut("/{id:long}/indicators/{year:int}", PutClusterIndicator).WithName(nameof(PutClusterIndicator)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Record one year's figures of a cluster: 201 when the year is new (no If-Match), else a whole replace that needs If-Match")
            .Validate<PutClusterIndicatorRequest>().ReturnsETag()
            .Errors(Unauthorized, Forbidden, NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        one.MapGet("/{id:long}/indicators/{year:int}/history", GetClusterIndicatorHistory).WithName(nameof(GetClusterIndicatorHistory))
            .RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The audit trail of one year's figures of a cluster: every change, who made it and when").Validate<AuditPageQuery>().Errors(Unauthorized, Forbidden, NotFound);
        return app;
    }

    public static async Task<Ok<Page<ClusterIndicatorDto>>> ListClusterIndicators(
        [AsParameters] ClusterIndicatorListQuery query, ClusterIndicatorStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<ClusterIndicatorListQuery, ClusterIndicatorStore.IndicatorRow>.Of(query,
            ClusterIndicatorStore.SortFields, ClusterIndicatorListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    /// <summary>One cell of the figures sheet (<see cref="Columns.ClusterIndicators"/>), by column name.</summary>
    internal static object? IndicatorCell(ClusterIndicatorDto i, string column) => column switch
    {
        "clusterCode" => i.Cluster.Code,
        "clusterName" => SheetCells.NameOf(i.Cluster.NameKo, i.Cluster.NameEn),
        "year" => i.Year,
        "companies" => i.Companies,
        "employees" => i.Employees,
        "revenueMillionKrw" => i.RevenueMillionKrw,
        "rdSpendMillionKrw" => i.RdSpendMillionKrw,
        "investmentMillionKrw" => i.InvestmentMillionKrw,
        "exportsThousandUsd" => i.ExportsThousandUsd,
        "note" => i.Note,
        "id" => i.Id,
        "createdAt" => i.CreatedAt,
        "updatedAt" => i.UpdatedAt,
        _ => null,
    };

    public static SheetFile ExportClusterIndicators([AsParameters] ClusterIndicatorFilterQuery query, ClusterIndicatorStore store, CancellationToken ct) =>
        SheetExport.Csv(new("cluster-indicators", "클러스터지표"), Columns.ClusterIndicators, IndicatorCell, store.StreamAsync(query.ToFilter(), ct));

    public static SheetFile ExportClusterIndicatorsXlsx([AsParameters] ClusterIndicatorFilterQuery query, ClusterIndicatorStore store, CancellationToken ct) =>
        SheetExport.Xlsx(new("cluster-indicators", "클러스터지표"), Columns.ClusterIndicators, IndicatorCell, store.StreamAsync(query.ToFilter(), ct));

    public static async Task<Results<Ok<ClusterIndicatorDto>, ReadRefused>> GetClusterIndicator(
        long id, int year, ClusterIndicatorStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, year, ct), Text.Of($"클러스터 {id}의 {year}년 지표", $"Figures of cluster {id} for {year}"), http);

    /// <param name="ifMatch">Leave out to record a year that has none yet; to replace a recorded year, the ETag you read
    /// (missing: 428; stale: 412, and nothing is written).</param>
    public static async Task<Results<Created<ClusterIndicatorDto>, Ok<ClusterIndicatorDto>, PutRefused>> PutClusterIndicator(
        long id, int year, PutClusterIndicatorRequest request, Actor actor, ClusterIndicatorStore store, HttpContext http, CancellationToken ct,
        [FromHeader(Name = "If-Match")] string? ifMatch = null)
    {
        var what = Text.Of($"클러스터 {id}", $"Cluster {id}");
        if (!PutClusterIndicatorRequestValidator.IsYear(year))
            return new PutRefused(Refusal.Invalid("year", Text.Of(
                $"연도는 {PutClusterIndicatorRequestValidator.FirstYear}년부터 {PutClusterIndicatorRequestValidator.LastYear}년 사이여야 합니다.",
                $"The year must be between {PutClusterIndicatorRequestValidator.FirstYear} and {PutClusterIndicatorRequestValidator.LastYear}.")), what);
        long? expected = string.IsNullOrWhiteSpace(ifMatch) ? null : ETags.ExpectedVersion(http.Request);
        // The same rule as editing the cluster: a cluster operator only for the clusters its agency operates; to it, others do not exist.
        var onlyOperatedBy = actor.Can(Permissions.RegistryWrite) ? (long?)null : actor.AgencyId ?? -1;
        var result = await store.PutAsync(id, year, expected, request, actor, onlyOperatedBy, ct);
        if (result.Refusal is { } refusal) return new PutRefused(refusal, what);
        var (created, record) = result.Value!;
        ETags.Set(http, record.Version);
        return created ? TypedResults.Created($"/api/v1/clusters/{id}/indicators/{year}", record.Value) : TypedResults.Ok(record.Value);
    }

    /// <summary>Why an archived cluster's figures are not recorded (the API's 409 and the import's rejected row say the same).</summary>
    internal static string ClusterArchived(string cluster) => Text.Of(
        $"클러스터 {cluster}은(는) 보관 처리되어 연도별 지표를 기록할 수 없습니다. 먼저 클러스터를 복원하십시오.",
        $"Cluster {cluster} is archived, so its yearly figures cannot be recorded; restore the cluster first.");

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetClusterIndicatorHistory(
        long id, int year, Actor actor, ClusterIndicatorStore store, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        var found = await store.GetAsync(id, year, ct);
        if (found is null) return ReadResponses.NotFound(Text.Of($"클러스터 {id}의 {year}년 지표", $"Figures of cluster {id} for {year}"));
        return await AuditApi.HistoryAsync(audit, ClusterIndicatorStore.EntityType, found.Value.Id, page, actor.Can(Permissions.AuditRead), ct);
    }
}
