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

namespace BioCluster.Api.Features.Clusters;

public static class ClustersApi
{
    public static IEndpointRouteBuilder MapClusters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clusters").WithTags("Clusters");

        group.MapGet("/", ListClusters).WithName(nameof(ListClusters)).RequireAuthorization(Permissions.RegistryRead)
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("List clusters, filtered and sorted, one keyset page at a time");
        group.MapGet("/export.csv", ExportClusters).WithName(nameof(ExportClusters)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the clusters matching the list's filters as CSV (UTF-8 with BOM; the import's columns)")
            .ProducesCsv().ProducesValidationProblem().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.xlsx", ExportClustersXlsx).WithName(nameof(ExportClustersXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the clusters matching the list's filters as an Excel workbook (Korean headers; the import's columns)")
            .ProducesXlsx().ProducesValidationProblem().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetCluster).WithName(nameof(GetCluster)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get a cluster by id")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapGet("/by-code/{code}", GetClusterByCode).WithName(nameof(GetClusterByCode)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get a cluster by its code")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", CreateCluster).WithName(nameof(CreateCluster)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Register a cluster").Idempotent<CreateClusterRequest>().Validate<CreateClusterRequest>()
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplaceCluster).WithName(nameof(ReplaceCluster)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Replace a cluster's editable fields (If-Match required)").Validate<UpdateClusterRequest>()
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{id:long}", ArchiveCluster).WithName(nameof(ArchiveCluster)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Archive a cluster (If-Match required); it stays readable but leaves default lists")
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetClusterHistory).WithName(nameof(GetClusterHistory)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The audit trail of one cluster: every change, who made it and when")
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="region">Only clusters in these 시·도 (repeat the parameter for several).</param>
    /// <param name="operatorCode">Only clusters run by the agency with this code.</param>
    /// <param name="status">Only these statuses; by default every status except archived.</param>
    /// <param name="q">Free text matched against the Korean and English names and the code.</param>
    /// <param name="sort">One of code, nameKo, region, id; prefix with '-' for descending. Default code.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<Page<ClusterDto>>, ValidationProblem>> ListClusters(
        ClusterStore store, CancellationToken ct,
        [WireEnum(typeof(Region))] string[]? region = null, string? operatorCode = null, [WireEnum(typeof(ClusterStatus))] string[]? status = null, string? q = null,
        string? sort = null, int? limit = null, string? cursor = null)
    {
        var errors = new ListErrors();
        var regions = errors.Enums<Region>("region", region);
        var statuses = errors.Enums<ClusterStatus>("status", status);
        var query = errors.Text("q", q);
        var op = errors.Text("operatorCode", operatorCode);
        var (spec, take, after) = errors.Paging(ClusterStore.SortFields, sort, limit, cursor);
        if (errors.Any) return errors.Problem();

        return TypedResults.Ok(await store.ListAsync(new ClusterFilter(regions, op, statuses, query), spec, after, take, ct));
    }

    /// <param name="region">Only clusters in these 시·도 (repeat the parameter for several).</param>
    /// <param name="operatorCode">Only clusters run by the agency with this code.</param>
    /// <param name="status">Only these statuses; by default every status except archived.</param>
    /// <param name="q">Free text matched against the Korean and English names and the code.</param>
    public static Results<SheetFile, ValidationProblem> ExportClusters(ClusterStore store, CancellationToken ct,
        [WireEnum(typeof(Region))] string[]? region = null, string? operatorCode = null, [WireEnum(typeof(ClusterStatus))] string[]? status = null, string? q = null) =>
        Export(SheetExport.Csv, store, ct, region, operatorCode, status, q);

    /// <param name="region">Only clusters in these 시·도 (repeat the parameter for several).</param>
    /// <param name="operatorCode">Only clusters run by the agency with this code.</param>
    /// <param name="status">Only these statuses; by default every status except archived.</param>
    /// <param name="q">Free text matched against the Korean and English names and the code.</param>
    public static Results<SheetFile, ValidationProblem> ExportClustersXlsx(ClusterStore store, CancellationToken ct,
        [WireEnum(typeof(Region))] string[]? region = null, string? operatorCode = null, [WireEnum(typeof(ClusterStatus))] string[]? status = null, string? q = null) =>
        Export(SheetExport.Xlsx, store, ct, region, operatorCode, status, q);

    private static Results<SheetFile, ValidationProblem> Export(
        Func<string, IReadOnlyList<SheetColumn>, SheetCell<ClusterDto>, IAsyncEnumerable<ClusterDto>, SheetFile> format,
        ClusterStore store, CancellationToken ct, string[]? region, string? operatorCode, string[]? status, string? q)
    {
        var errors = new ListErrors();
        var filter = new ClusterFilter(errors.Enums<Region>("region", region), errors.Text("operatorCode", operatorCode),
            errors.Enums<ClusterStatus>("status", status), errors.Text("q", q));
        if (errors.Any) return errors.Problem();
        return format("clusters", Columns.Clusters, ClusterCell, store.StreamAsync(filter, ct));
    }

    /// <summary>One cell of the cluster sheet (<see cref="Columns.Clusters"/>), by column name.</summary>
    internal static object? ClusterCell(ClusterDto c, string column) => column switch
    {
        "code" => c.Code,
        "nameKo" => c.NameKo,
        "nameEn" => c.NameEn,
        "region" => c.Region,
        "operatorCode" => c.Operator.Code,
        "designation" => c.Designation,
        "specializations" => c.Specializations,
        "establishedYear" => c.EstablishedYear,
        "areaKm2" => c.AreaKm2,
        "latitude" => c.Latitude,
        "longitude" => c.Longitude,
        "website" => c.Website,
        "status" => c.Status,
        "id" => c.Id,
        "createdAt" => c.CreatedAt,
        "updatedAt" => c.UpdatedAt,
        _ => null,
    };

    public static async Task<Results<Ok<ClusterDto>, ProblemHttpResult>> GetCluster(long id, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        var found = await store.GetAsync(id, ct);
        if (found is null) return Problems.NotFound($"Cluster {id}");
        ETags.Set(http, found.Version);
        return TypedResults.Ok(found.Value);
    }

    public static async Task<Results<Ok<ClusterDto>, ProblemHttpResult>> GetClusterByCode(string code, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        var found = await store.GetByCodeAsync(code, ct);
        if (found is null) return Problems.NotFound($"Cluster '{code}'");
        ETags.Set(http, found.Version);
        return TypedResults.Ok(found.Value);
    }

    public static async Task<Results<Created<ClusterDto>, ProblemHttpResult>> CreateCluster(
        CreateClusterRequest request, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        var created = await store.CreateAsync(request, actor, ct);
        ETags.Set(http, created.Version);
        return TypedResults.Created($"/api/v1/clusters/{created.Value.Id}", created.Value);
    }

    public static async Task<Results<Ok<ClusterDto>, WriteRefused>> ReplaceCluster(
        long id, UpdateClusterRequest request, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        // A cluster operator may edit only the clusters its own agency operates; to it, others do not exist.
        var onlyOperatedBy = actor.Can(Permissions.RegistryWrite) ? (long?)null : actor.AgencyId ?? -1;
        var result = await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, onlyOperatedBy, ct);
        return WriteResponses.Respond(result, $"Cluster {id}", http, TypedResults.Ok);
    }

    public static async Task<Results<NoContent, WriteRefused>> ArchiveCluster(long id, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.ArchiveAsync(id, ETags.ExpectedVersion(http.Request), actor, ct);
        return WriteResponses.Respond(result, $"Cluster {id}", http, _ => TypedResults.NoContent());
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ProblemHttpResult>> GetClusterHistory(
        long id, Actor actor, ClusterStore store, AuditStore audit, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        if (await store.GetAsync(id, ct) is null) return Problems.NotFound($"Cluster {id}");
        return await AuditApi.HistoryAsync(audit, ClusterStore.EntityType, id, limit, cursor, actor.Can(Permissions.AuditRead), ct);
    }
}
