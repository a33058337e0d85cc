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

namespace BioCluster.Api.Features.Agencies;

public static class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgencies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agencies").WithTags("Agencies");

        group.MapGet("/", ListAgencies).WithName(nameof(ListAgencies)).RequireAuthorization(Permissions.RegistryRead)
            .Validate<AgencyListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)
            .WithSummary("List agencies, filtered and sorted, one keyset page at a time");
        group.MapGet("/export.csv", ExportAgencies).WithName(nameof(ExportAgencies)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the agencies matching the list's filters as CSV (UTF-8 with BOM; the import's columns)")
            .ProducesCsv().Validate<AgencyFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.xlsx", ExportAgenciesXlsx).WithName(nameof(ExportAgenciesXlsx)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Export the agencies matching the list's filters as an Excel workbook (the import's columns, names beside codes)")
            .ProducesXlsx().Validate<AgencyFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetAgency).WithName(nameof(GetAgency)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get an agency by id, with the clusters it operates")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapGet("/by-code/{code}", GetAgencyByCode).WithName(nameof(GetAgencyByCode)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("Get an agency by its code")
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAgency).WithName(nameof(CreateAgency)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Register an agency").Idempotent<CreateAgencyRequest>().Validate<CreateAgencyRequest>()
            .ReturnsETag().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplaceAgency).WithName(nameof(ReplaceAgency)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Replace an agency's editable fields (If-Match required)").Validate<UpdateAgencyRequest>()
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{id:long}", ArchiveAgency).WithName(nameof(ArchiveAgency)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Archive an agency (If-Match required); refused while it operates clusters")
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired);
        group.MapPost("/{id:long}/unarchive", UnarchiveAgency).WithName(nameof(UnarchiveAgency)).RequireAuthorization(Permissions.RegistryWrite)
            .WithSummary("Bring an archived agency back (If-Match required): it is offered in pickers and may be routed issues again")
            .RequiresIfMatch().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetAgencyHistory).WithName(nameof(GetAgencyHistory)).RequireAuthorization(Permissions.RegistryRead)
            .WithSummary("The audit trail of one agency: every change, who made it and when")
            .Validate<AuditPageQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Ok<Page<AgencyDto>>> ListAgencies([AsParameters] AgencyListQuery query, AgencyStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<AgencyListQuery, AgencyStore.AgencyRow>.Of(query, AgencyStore.SortFields, AgencyListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    public static SheetFile ExportAgencies([AsParameters] AgencyFilterQuery query, AgencyStore store, CancellationToken ct) =>
        Export(false, query, store, ct);

    public static SheetFile ExportAgenciesXlsx([AsParameters] AgencyFilterQuery query, AgencyStore store, CancellationToken ct) =>
        Export(true, query, store, ct);

    private static SheetFile Export(bool xlsx, AgencyFilterQuery query, AgencyStore store, CancellationToken ct) =>
        SheetExport.As(xlsx, new("agencies", "기관"), Columns.Agencies, AgencyCell, store.StreamAsync(query.ToFilter(), ct));

    /// <summary>One cell of the agency sheet (<see cref="Columns.Agencies"/>), by column name.</summary>
    internal static object? AgencyCell(AgencyDto a, string column) => column switch
    {
        "code" => a.Code,
        "nameKo" => a.NameKo,
        "nameEn" => a.NameEn,
        "kind" => a.Kind,
        "sector" => a.Sector,
        "parentCode" => a.Parent?.Code,
        "parentName" => SheetCells.NameOf(a.Parent?.NameKo, a.Parent?.NameEn),
        "clusterCode" => a.Cluster?.Code,
        "clusterName" => SheetCells.NameOf(a.Cluster?.NameKo, a.Cluster?.NameEn),
        "website" => a.Website,
        "id" => a.Id,
        "status" => a.Status,
        "createdAt" => a.CreatedAt,
        "updatedAt" => a.UpdatedAt,
        _ => null,
    };

    public static async Task<Results<Ok<AgencyDto>, ReadRefused>> GetAgency(long id, AgencyStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, ct), Text.Of($"기관 {id}", $"Agency {id}"), http);

    public static async Task<Results<Ok<AgencyDto>, ReadRefused>> GetAgencyByCode(string code, AgencyStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetByCodeAsync(code, ct), Text.Of($"기관 '{code}'", $"Agency '{code}'"), http);

    public static async Task<Results<Created<AgencyDto>, CreateRefused>> CreateAgency(
        CreateAgencyRequest request, Actor actor, AgencyStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Created(await store.CreateAsync(request, actor, ct), Text.Of("기관", "Agency"), http, a => $"/api/v1/agencies/{a.Id}");

    public static async Task<Results<Ok<AgencyDto>, WriteRefused>> ReplaceAgency(
        long id, UpdateAgencyRequest request, Actor actor, AgencyStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct);
        return WriteResponses.Respond(result, Text.Of($"기관 {id}", $"Agency {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<NoContent, WriteRefused>> ArchiveAgency(long id, Actor actor, AgencyStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.ArchiveAsync(id, ETags.ExpectedVersion(http.Request), actor, ct);
        return WriteResponses.Respond(result, Text.Of($"기관 {id}", $"Agency {id}"), http, _ => TypedResults.NoContent());
    }

    public static async Task<Results<Ok<AgencyDto>, WriteRefused>> UnarchiveAgency(long id, Actor actor, AgencyStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.UnarchiveAsync(id, ETags.ExpectedVersion(http.Request), actor, ct);
        return WriteResponses.Respond(result, Text.Of($"기관 {id}", $"Agency {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetAgencyHistory(
        long id, Actor actor, AgencyStore store, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        if (await store.GetAsync(id, ct) is null) return ReadResponses.NotFound(Text.Of($"기관 {id}", $"Agency {id}"));
        return await AuditApi.HistoryAsync(audit, AgencyStore.EntityType, id, page, actor.Can(Permissions.AuditRead), ct);
    }
}
