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
            .Validate<ClusterListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("List clusters, filtered and sorted, one keyset page at a time");
        group.MapGet("/export.csv", ExportClusters).WithName(nameof(ExportClusters)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the clusters matching the list's filters as CSV (UTF-8 with BOM; the import's columns)")
            .ProducesCsv().Validate<ClusterFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.xlsx", ExportClustersXlsx).WithName(nameof(ExportClustersXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the clusters matching the list's filters as an Excel workbook (Korean headers; the import's columns)")
            .ProducesXlsx().Validate<ClusterFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
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
        group.MapPost("/{id:long}/unarchive", UnarchiveCluster).WithName(nameof(UnarchiveCluster)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Bring an archived cluster back as active (If-Match required); refused while its operator is archived")
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetClusterHistory).WithName(nameof(GetClusterHistory)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The audit trail of one cluster: every change, who made it and when")
            .Validate<AuditPageQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<Page<ClusterDto>>> ListClusters([AsParameters] ClusterListQuery query, ClusterStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<ClusterListQuery, ClusterStore.ClusterRow>.Of(query, ClusterStore.SortFields, ClusterListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    public static SheetFile ExportClusters([AsParameters] ClusterFilterQuery query, ClusterStore store, CancellationToken ct) =>
        SheetExport.Csv(new("clusters", "클러스터"), Columns.Clusters, ClusterCell, store.StreamAsync(query.ToFilter(), ct));

    public static SheetFile ExportClustersXlsx([AsParameters] ClusterFilterQuery query, ClusterStore store, CancellationToken ct) =>
        SheetExport.Xlsx(new("clusters", "클러스터"), Columns.Clusters, ClusterCell, store.StreamAsync(query.ToFilter(), ct));

    /// <summary>One cell of the cluster sheet (<see cref="Columns.Clusters"/>), by column name.</summary>
    internal static object? ClusterCell(ClusterDto c, string column) => column switch
    {
        "code" => c.Code,
        "nameKo" => c.NameKo,
        "nameEn" => c.NameEn,
        "region" => c.Region,
        "operatorCode" => c.Operator.Code,
        "operatorName" => SheetCells.NameOf(c.Operator.NameKo, c.Operator.NameEn),
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

    public static async Task<Results<Ok<ClusterDto>, ReadRefused>> GetCluster(long id, ClusterStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, ct), Text.Of($"클러스터 {id}", $"Cluster {id}"), http);

    public static async Task<Results<Ok<ClusterDto>, ReadRefused>> GetClusterByCode(string code, ClusterStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetByCodeAsync(code, ct), Text.Of($"클러스터 '{code}'", $"Cluster '{code}'"), http);

    public static async Task<Results<Created<ClusterDto>, CreateRefused>> CreateCluster(
        CreateClusterRequest request, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(request, actor, ct), Text.Of("클러스터", "Cluster"), http, c => $"/api/v1/clusters/{c.Id}");

    public static async Task<Results<Ok<ClusterDto>, WriteRefused>> ReplaceCluster(
        long id, UpdateClusterRequest request, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        // A cluster operator may edit only the clusters its own agency operates; to it, others do not exist.
        var onlyOperatedBy = actor.Can(Permissions.RegistryWrite) ? (long?)null : actor.AgencyId ?? -1;
        var result = await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, onlyOperatedBy, ct);
        return WriteResponses.Respond(result, Text.Of($"클러스터 {id}", $"Cluster {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<NoContent, WriteRefused>> ArchiveCluster(long id, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.ArchiveAsync(id, ETags.ExpectedVersion(http.Request), actor, ct);
        return WriteResponses.Respond(result, Text.Of($"클러스터 {id}", $"Cluster {id}"), http, _ => TypedResults.NoContent());
    }

    public static async Task<Results<Ok<ClusterDto>, WriteRefused>> UnarchiveCluster(long id, Actor actor, ClusterStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.UnarchiveAsync(id, ETags.ExpectedVersion(http.Request), actor, ct);
        return WriteResponses.Respond(result, Text.Of($"클러스터 {id}", $"Cluster {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetClusterHistory(
        long id, Actor actor, ClusterStore store, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        if (await store.GetAsync(id, ct) is null) return ReadResponses.NotFound(Text.Of($"클러스터 {id}", $"Cluster {id}"));
        return await AuditApi.HistoryAsync(audit, ClusterStore.EntityType, id, page, actor.Can(Permissions.AuditRead), ct);
    }
}
