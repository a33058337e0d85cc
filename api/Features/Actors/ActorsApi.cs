using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Actors;
using BioCluster.Contracts.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.Actors;

/// <summary>
/// Innovation actors (산·학·연·병, ADR 0024): the partner search, the counts by sector per cluster, an agency's actor
/// profile, and placing an agency in a cluster or taking it out.
/// </summary>
public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/actors").WithTags("Actors");
        group.MapGet("/", ListActors).WithName(nameof(ListActors)).RequireAuthorization(Permissions.RegistryRead)
            .Validate<ActorListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("Partner search: the innovation actors located in clusters, filtered by sector, specialisation, cluster, region and text, one keyset page at a time");
        group.MapGet("/sector-counts", CountActorsBySector).WithName(nameof(CountActorsBySector)).RequireAuthorization(Permissions.RegistryRead)
            .Validate<ActorCountsQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("How many active actors of each sector (산·학·연·병) every active cluster (or one) has");
        group.MapGet("/export.csv", ExportActors).WithName(nameof(ExportActors)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the actors matching the search's filters as CSV (UTF-8 with BOM; the import's columns)")
            .ProducesCsv().Validate<ActorFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.xlsx", ExportActorsXlsx).WithName(nameof(ExportActorsXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the actors matching the search's filters as an Excel workbook (the import's columns, names beside codes)")
            .ProducesXlsx().Validate<ActorFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetActor).WithName(nameof(GetActor)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("An agency as an innovation actor: its sector, specialisations, region and clusters (the ETag is the agency's)")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPut("/{id:long}/profile", ReplaceActorProfile).WithName(nameof(ReplaceActorProfile)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Replace an agency's actor profile: sector, specialisations, region (If-Match, the agency's version); an operator, only for actors in its clusters")
            .Validate<UpdateActorProfileRequest>().RequiresIfMatch()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);

        var clusters = app.MapGroup("/api/v1/clusters").WithTags("Actors");
        clusters.MapPut("/{id:long}/actors/{agencyId:long}", AddClusterActor).WithName(nameof(AddClusterActor)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Place an agency in the cluster as one of its innovation actors (again: no change); an operator, only in its own clusters")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        clusters.MapDelete("/{id:long}/actors/{agencyId:long}", RemoveClusterActor).WithName(nameof(RemoveClusterActor)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Take an agency out of the cluster's innovation actors; an operator, only from its own clusters")
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static long? OnlyOperatedBy(Actor actor) => actor.Can(Permissions.RegistryWrite) ? null : actor.AgencyId ?? -1;

    public static async Task<Ok<Page<ActorDto>>> ListActors([AsParameters] ActorListQuery query, ActorStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<ActorListQuery, ActorStore.ActorRow>.Of(query, ActorStore.SortFields, ActorListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    public static async Task<Ok<IReadOnlyList<ClusterSectorCountsDto>>> CountActorsBySector([AsParameters] ActorCountsQuery query, ActorStore store,
        CancellationToken ct) =>
        TypedResults.Ok(await store.CountsAsync(ListRules.Normal(query.ClusterCode), ct));

    public static SheetFile ExportActors([AsParameters] ActorFilterQuery query, ActorStore store, CancellationToken ct) => Export(false, query, store, ct);

    public static SheetFile ExportActorsXlsx([AsParameters] ActorFilterQuery query, ActorStore store, CancellationToken ct) => Export(true, query, store, ct);

    private static SheetFile Export(bool xlsx, ActorFilterQuery query, ActorStore store, CancellationToken ct) =>
        SheetExport.As(xlsx, new("actors", "혁신주체"), Columns.Actors, ActorCell, store.StreamAsync(query.ToFilter(), ct));

    /// <summary>One cell of the actor sheet (<see cref="Columns.Actors"/>), by column name.</summary>
    internal static object? ActorCell(ActorDto a, string column) => column switch
    {
        "code" => a.Code,
        "nameKo" => a.NameKo,
        "nameEn" => a.NameEn,
        "kind" => a.Kind,
        "sector" => a.Sector,
        "specializations" => a.Specializations,
        "region" => a.Region,
        "website" => a.Website,
        "clusterCodes" => a.Clusters.Select(c => c.Code).ToList(),
        "clusterNames" => a.Clusters.Select(c => SheetCells.NameOf(c.NameKo, c.NameEn) ?? c.Code).ToList(),
        "id" => a.Id,
        "status" => a.Status,
        _ => null,
    };

    public static async Task<Results<Ok<ActorDto>, ReadRefused>> GetActor(long id, ActorStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, ct), Text.Of($"기관 {id}", $"Agency {id}"), http);

    public static async Task<Results<Ok<ActorDto>, WriteRefused>> ReplaceActorProfile(
        long id, UpdateActorProfileRequest request, Actor actor, ActorStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.UpdateProfileAsync(id, ETags.ExpectedVersion(http.Request), request, actor, OnlyOperatedBy(actor), ct);
        return WriteResponses.Respond(result, Text.Of($"기관 {id}", $"Agency {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<ActorDto>, WriteRefused>> AddClusterActor(long id, long agencyId, Actor actor, ActorStore store, HttpContext http,
        CancellationToken ct)
    {
        var result = await store.AddAsync(id, agencyId, actor, OnlyOperatedBy(actor), ct);
        return WriteResponses.Respond(result, Text.Of($"클러스터 {id} 또는 기관 {agencyId}", $"Cluster {id} or agency {agencyId}"), http, TypedResults.Ok);
    }

    public static async Task<Results<NoContent, ActionRefused>> RemoveClusterActor(long id, long agencyId, Actor actor, ActorStore store, HttpContext http,
        CancellationToken ct)
    {
        var result = await store.RemoveAsync(id, agencyId, actor, OnlyOperatedBy(actor), ct);
        return WriteResponses.Acted(result, Text.Of($"클러스터 {id}의 혁신 주체 {agencyId}", $"Actor {agencyId} of cluster {id}"), http, _ => TypedResults.NoContent());
    }
}
