using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.CollaborationProjects;
using BioCluster.Contracts.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.CollaborationProjects;

/// <summary>
/// Collaboration projects (협력 사업) between clusters and innovation actors (ADR 0025): everyone who reads the registry reads
/// them; the secretariat and the operators of partner clusters keep them.
/// </summary>
public static class CollaborationProjectsApi
{
    public static IEndpointRouteBuilder MapCollaborationProjects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/collaboration-projects").WithTags("CollaborationProjects");
        group.MapGet("/", ListCollaborationProjects).WithName(nameof(ListCollaborationProjects)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("List collaboration projects with filters (state, cluster, agency, meeting, agenda item, text) and keyset paging")
            .Validate<CollaborationListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/export.csv", ExportCollaborationProjects).WithName(nameof(ExportCollaborationProjects)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the projects matching the list's filters as CSV (UTF-8 with BOM, Korean headers; the import's columns)")
            .ProducesCsv().Validate<CollaborationFilterQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/export.xlsx", ExportCollaborationProjectsXlsx).WithName(nameof(ExportCollaborationProjectsXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the projects matching the list's filters as an Excel workbook (the import's columns)")
            .ProducesXlsx().Validate<CollaborationFilterQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/{id:long}", GetCollaborationProject).WithName(nameof(GetCollaborationProject)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get a collaboration project with its partners, source decision and the moves the caller may make").ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        group.MapPost("/", CreateCollaborationProject).WithName(nameof(CreateCollaborationProject)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Register a collaboration project (planned); a cluster operator must name one of its own clusters as a partner")
            .Idempotent<CreateCollaborationProjectRequest>().Validate<CreateCollaborationProjectRequest>().ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplaceCollaborationProject).WithName(nameof(ReplaceCollaborationProject)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Replace a collaboration project's fields (If-Match required)")
            .Validate<UpdateCollaborationProjectRequest>().RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status412PreconditionFailed, Status413PayloadTooLarge,
                Status415UnsupportedMediaType, Status428PreconditionRequired);
        group.MapPost("/{id:long}/partners", AddCollaborationPartner).WithName(nameof(AddCollaborationPartner)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Add a partner (a cluster or an agency, with its role) to a collaboration project (If-Match required)")
            .Validate<CollaborationPartnerRequest>().RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status412PreconditionFailed,
                Status415UnsupportedMediaType, Status428PreconditionRequired);
        group.MapDelete("/{id:long}/partners/{partnerId:long}", RemoveCollaborationPartner).WithName(nameof(RemoveCollaborationPartner))
            .RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Remove a partner from a collaboration project (If-Match required); the last partner cluster stays")
            .RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status412PreconditionFailed, Status428PreconditionRequired);
        group.MapPost("/{id:long}/transitions", MoveCollaborationProject).WithName(nameof(MoveCollaborationProject)).RequireAuthorization(AuthSetup.ClusterEditPolicy)
            .WithSummary("Move a collaboration project through its workflow (start, suspend, resume, complete with outcomes, cancel); If-Match required")
            .RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status412PreconditionFailed,
                Status415UnsupportedMediaType, Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetCollaborationProjectHistory).WithName(nameof(GetCollaborationProjectHistory))
            .RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The audit trail of one collaboration project: creation, edits, partners added and removed, moves")
            .Validate<AuditPageQuery>().Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        return app;
    }

    private static string What(long id) => Text.Of($"협력 사업 {id}", $"Collaboration project {id}");

    public static async Task<Ok<Page<CollaborationProjectDto>>> ListCollaborationProjects([AsParameters] CollaborationListQuery query, Actor actor,
        CollaborationProjectStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<CollaborationListQuery, CollaborationProjectStore.ProjectRow>.Of(query, CollaborationProjectStore.SortFields,
            CollaborationListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), actor, sort, cursor, limit, ct));
    }

    public static SheetFile ExportCollaborationProjects([AsParameters] CollaborationFilterQuery query, Actor actor, CollaborationProjectStore store,
        CancellationToken ct) => Export(false, query, actor, store, ct);

    public static SheetFile ExportCollaborationProjectsXlsx([AsParameters] CollaborationFilterQuery query, Actor actor, CollaborationProjectStore store,
        CancellationToken ct) => Export(true, query, actor, store, ct);

    private static SheetFile Export(bool xlsx, CollaborationFilterQuery query, Actor actor, CollaborationProjectStore store, CancellationToken ct) =>
        SheetExport.As(xlsx, new("collaboration-projects", "협력사업"), Columns.CollaborationProjects, ProjectCell, store.StreamAsync(query.ToFilter(), actor, ct));

    /// <summary>A partner as a cell: <c>cluster:osong:lead</c>, the form the import reads back.</summary>
    public static string PartnerCell(CollaborationPartnerDto p) => $"{WireNames.Of(p.Kind)}:{p.Code}:{WireNames.Of(p.Role)}";

    /// <summary>One cell of the project sheet (<see cref="Columns.CollaborationProjects"/>), by column name.</summary>
    internal static object? ProjectCell(CollaborationProjectDto p, string column) => column switch
    {
        "externalRef" => p.ExternalRef,
        "titleKo" => p.TitleKo,
        "titleEn" => p.TitleEn,
        "summary" => p.Summary,
        "partners" => string.Join(";", p.Partners.Select(PartnerCell)),
        "partnerNames" => p.Partners.Select(x => x.NameKo),
        "startsOn" => p.StartsOn,
        "endsOn" => p.EndsOn,
        "budgetKrw" => p.BudgetKrw,
        "outcomes" => p.Outcomes,
        "sourceAgendaItemId" => p.Source?.AgendaItemId,
        "meeting" => p.Source?.MeetingTitleKo,
        "state" => p.State,
        "id" => p.Id,
        "updatedAt" => p.UpdatedAt,
        _ => null,
    };

    public static async Task<Results<Ok<CollaborationProjectDto>, ReadRefused>> GetCollaborationProject(long id, Actor actor, CollaborationProjectStore store,
        HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, actor, ct), What(id), http);

    public static async Task<Results<Created<CollaborationProjectDto>, CreateRefused>> CreateCollaborationProject(CreateCollaborationProjectRequest request,
        Actor actor, CollaborationProjectStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(request, actor, ct), Text.Of("협력 사업", "Collaboration project"), http,
            p => $"/api/v1/collaboration-projects/{p.Id}");

    public static async Task<Results<Ok<CollaborationProjectDto>, WriteRefused>> ReplaceCollaborationProject(long id, UpdateCollaborationProjectRequest request,
        Actor actor, CollaborationProjectStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct), What(id), http, TypedResults.Ok);

    public static async Task<Results<Ok<CollaborationProjectDto>, WriteRefused>> AddCollaborationPartner(long id, CollaborationPartnerRequest request,
        Actor actor, CollaborationProjectStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.AddPartnerAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct), What(id), http, TypedResults.Ok);

    public static async Task<Results<Ok<CollaborationProjectDto>, WriteRefused>> RemoveCollaborationPartner(long id, long partnerId, Actor actor,
        CollaborationProjectStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.RemovePartnerAsync(id, partnerId, ETags.ExpectedVersion(http.Request), actor, ct), What(id), http, TypedResults.Ok);

    public static async Task<Results<Ok<CollaborationProjectDto>, WriteRefused>> MoveCollaborationProject(long id, CollaborationTransitionRequest request,
        Actor actor, CollaborationProjectStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.MoveAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct), What(id), http, TypedResults.Ok);

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetCollaborationProjectHistory(
        long id, Actor actor, CollaborationProjectStore store, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        if (!await store.ExistsAsync(id, ct)) return ReadResponses.NotFound(What(id));
        return await AuditApi.HistoryAsync(audit, CollaborationProjectStore.EntityType, id, page, actor.Can(Permissions.AuditRead), ct);
    }
}
