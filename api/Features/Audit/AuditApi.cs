using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.Audit;

/// <summary>The audit trail: every change, who made it, when, and the record before and after.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/", ListAuditEntries).WithName(nameof(ListAuditEntries)).RequireAuthorization(Permissions.AuditRead)
            .WithSummary("List audit entries, newest first, filtered by entity, actor and time")
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.csv", ExportAuditEntries).WithName(nameof(ExportAuditEntries)).RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Export the audit entries matching the list's filters as CSV, oldest first, before/after as JSON text")
            .ProducesCsv().ProducesValidationProblem().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return app;
    }

    /// <param name="entityType">cluster, agency, user, api_key, …</param>
    /// <param name="entityId">Only entries about this record (with entityType).</param>
    /// <param name="actorType">user, api_key or system.</param>
    /// <param name="actorId">The user or key id (with actorType).</param>
    /// <param name="from">Entries at or after this instant (ISO-8601).</param>
    /// <param name="to">Entries before this instant (ISO-8601).</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem>> ListAuditEntries(
        AuditStore audit, CancellationToken ct,
        string? entityType = null, long? entityId = null, [WireEnum(typeof(ActorType))] string? actorType = null, long? actorId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int? limit = null, string? cursor = null)
    {
        var errors = new ListErrors();
        var type = errors.Text("entityType", entityType);
        var actors = errors.Enums<ActorType>("actorType", actorType is null ? null : [actorType]);
        var (spec, take, after) = errors.Paging(AuditStore.SortFields, "-id", limit, cursor);
        if (errors.Any) return errors.Problem();
        var filter = new AuditFilter(type, entityId, actors.FirstOrDefault(), actorId, from, to);
        return TypedResults.Ok(await audit.ListAsync(filter, spec, after, take, showAddress: true, ct));
    }

    /// <summary>The audit export's columns. Export-only (the trail is never imported), so not in the shared import tables.</summary>
    public static readonly IReadOnlyList<SheetColumn> ExportColumns =
    [
        new("id", "ID", Imported: false),
        new("occurredAt", "발생일시", Imported: false),
        new("actorType", "행위자유형", Imported: false),
        new("actorId", "행위자ID", Imported: false),
        new("actorName", "행위자", Imported: false),
        new("action", "작업", Imported: false),
        new("entityType", "대상유형", Imported: false),
        new("entityId", "대상ID", Imported: false),
        new("requestId", "요청ID", Imported: false),
        new("before", "변경전", Imported: false, Note: "JSON"),
        new("after", "변경후", Imported: false, Note: "JSON"),
    ];

    /// <param name="entityType">cluster, agency, user, api_key, …</param>
    /// <param name="entityId">Only entries about this record (with entityType).</param>
    /// <param name="actorType">user, api_key or system.</param>
    /// <param name="actorId">The user or key id (with actorType).</param>
    /// <param name="from">Entries at or after this instant (ISO-8601).</param>
    /// <param name="to">Entries before this instant (ISO-8601).</param>
    public static Results<SheetFile, ValidationProblem> ExportAuditEntries(
        AuditStore audit, CancellationToken ct,
        string? entityType = null, long? entityId = null, [WireEnum(typeof(ActorType))] string? actorType = null, long? actorId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var errors = new ListErrors();
        var type = errors.Text("entityType", entityType);
        var actors = errors.Enums<ActorType>("actorType", actorType is null ? null : [actorType]);
        if (errors.Any) return errors.Problem();
        var filter = new AuditFilter(type, entityId, actors.FirstOrDefault(), actorId, from, to);
        return SheetExport.Csv("audit", ExportColumns, AuditCell, audit.StreamAsync(filter, showAddress: false, ct));
    }

    internal static object? AuditCell(AuditEntryDto e, string column) => column switch
    {
        "id" => e.Id,
        "occurredAt" => e.OccurredAt,
        "actorType" => e.ActorType,
        "actorId" => e.ActorId,
        "actorName" => e.ActorName,
        "action" => e.Action,
        "entityType" => e.EntityType,
        "entityId" => e.EntityId,
        "requestId" => e.RequestId,
        "before" => e.Before,
        "after" => e.After,
        _ => null,
    };

    /// <summary>One record's own trail, for the <c>…/{id}/history</c> endpoint of each resource.</summary>
    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        AuditStore audit, string entityType, long id, int? limit, string? cursor, bool showAddress, CancellationToken ct)
    {
        var errors = new ListErrors();
        var (spec, take, after) = errors.Paging(AuditStore.SortFields, "-id", limit, cursor);
        if (errors.Any) return errors.Problem();
        return TypedResults.Ok(await audit.ListAsync(new AuditFilter(entityType, id), spec, after, take, showAddress, ct));
    }
}
