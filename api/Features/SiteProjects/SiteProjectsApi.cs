using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.SiteProjects;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.SiteProjects;

/// <summary>Site projects in clusters (ADR 0024): kept by the secretariat and by the cluster's operator; everyone who reads the registry reads them.</summary>
public static class SiteProjectsApi
{
    public static IEndpointRouteBuilder MapSiteProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/site-projects").WithTags("SiteProjects");
        group.MapGet("/", ListSiteProjects).WithName(nameof(ListSiteProjects)).RequireAuthorization(Permissions.RegistryRead)
            .Validate<SiteProjectListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("List site projects (optionally of one cluster, in some states), with their stages, one keyset page at a time");
        group.MapGet("/export.csv", ExportSiteProjects).WithName(nameof(ExportSiteProjects)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the site projects matching the list's filters as CSV (UTF-8 with BOM, Korean headers; the import's columns)")
            .ProducesCsv().Validate<SiteProjectFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.xlsx", ExportSiteProjectsXlsx).WithName(nameof(ExportSiteProjectsXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the site projects matching the list's filters as an Excel workbook (the import's columns)")
            .ProducesXlsx().Validate<SiteProjectFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetSiteProject).WithName(nameof(GetSiteProject)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get a site project with its stages")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", CreateSiteProject).WithName(nameof(CreateSiteProject)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Register a site project in a cluster (an operator: in its own clusters)").Validate<CreateSiteProjectRequest>()
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplaceSiteProject).WithName(nameof(ReplaceSiteProject)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Replace a site project's fields and stages (If-Match required)").Validate<UpdateSiteProjectRequest>()
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{id:long}", DeleteSiteProject).WithName(nameof(DeleteSiteProject)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Delete a site project (If-Match required); its history stays in the audit trail")
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetSiteProjectHistory).WithName(nameof(GetSiteProjectHistory)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The audit trail of one site project")
            .Validate<AuditPageQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static long? OnlyOperatedBy(Actor actor) => actor.Can(Permissions.RegistryWrite) ? null : actor.AgencyId ?? -1;

    public static async Task<Ok<Page<SiteProjectDto>>> ListSiteProjects([AsParameters] SiteProjectListQuery query, SiteProjectStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<SiteProjectListQuery, SiteProjectStore.ProjectRow>.Of(query, SiteProjectStore.SortFields, SiteProjectListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    public static SheetFile ExportSiteProjects([AsParameters] SiteProjectFilterQuery query, SiteProjectStore store, CancellationToken ct) =>
        SheetExport.Csv(Title, Columns.SiteProjects, ProjectCell, store.StreamAsync(query.ToFilter(), ct));

    public static SheetFile ExportSiteProjectsXlsx([AsParameters] SiteProjectFilterQuery query, SiteProjectStore store, CancellationToken ct) =>
        SheetExport.Xlsx(Title, Columns.SiteProjects, ProjectCell, store.StreamAsync(query.ToFilter(), ct));

    private static readonly SheetTitle Title = new("site-projects", "현장사업");

    /// <summary>One cell of the site-project sheet (<see cref="Columns.SiteProjects"/>), by column name.</summary>
    internal static object? ProjectCell(SiteProjectDto p, string column) => column switch
    {
        "externalRef" => p.ExternalRef,
        "clusterCode" => p.Cluster.Code,
        "clusterName" => p.Cluster.NameKo,
        "nameKo" => p.NameKo,
        "nameEn" => p.NameEn,
        "state" => p.State,
        "address" => p.Address,
        "latitude" => p.Latitude,
        "longitude" => p.Longitude,
        "landAreaM2" => p.LandAreaM2,
        "floorAreaM2" => p.FloorAreaM2,
        "floorsBelow" => p.FloorsBelow,
        "floorsAbove" => p.FloorsAbove,
        "developerCode" => p.Developer?.Code,
        "developerName" => p.Developer?.NameKo,
        "description" => p.Description,
        "stages" => Imports.SiteProjectImport.StagesCell(p.Stages),
        "id" => p.Id,
        "updatedAt" => p.UpdatedAt,
        _ => null,
    };

    public static async Task<Results<Ok<SiteProjectDto>, ReadRefused>> GetSiteProject(long id, SiteProjectStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, ct), Text.Of($"현장 사업 {id}", $"Site project {id}"), http);

    public static async Task<Results<Created<SiteProjectDto>, CreateRefused>> CreateSiteProject(
        CreateSiteProjectRequest request, Actor actor, SiteProjectStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(request, actor, OnlyOperatedBy(actor), ct), Text.Of("현장 사업", "Site project"), http, p => $"/api/v1/site-projects/{p.Id}");

    public static async Task<Results<Ok<SiteProjectDto>, WriteRefused>> ReplaceSiteProject(
        long id, UpdateSiteProjectRequest request, Actor actor, SiteProjectStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, OnlyOperatedBy(actor), ct);
        return WriteResponses.Respond(result, Text.Of($"현장 사업 {id}", $"Site project {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<NoContent, WriteRefused>> DeleteSiteProject(long id, Actor actor, SiteProjectStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.DeleteAsync(id, ETags.ExpectedVersion(http.Request), actor, OnlyOperatedBy(actor), ct);
        return WriteResponses.Respond(result, Text.Of($"현장 사업 {id}", $"Site project {id}"), http, _ => TypedResults.NoContent());
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetSiteProjectHistory(
        long id, Actor actor, SiteProjectStore store, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        if (await store.GetAsync(id, ct) is null) return ReadResponses.NotFound(Text.Of($"현장 사업 {id}", $"Site project {id}"));
        return await AuditApi.HistoryAsync(audit, SiteProjectStore.EntityType, id, page, actor.Can(Permissions.AuditRead), ct);
    }
}
