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
            .Validate<AuditListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.csv", ExportAuditEntries).WithName(nameof(ExportAuditEntries)).RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Export the audit entries matching the list's filters as CSV, oldest first, before/after as JSON text")
            .ProducesCsv().Validate<AuditFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/export.xlsx", ExportAuditEntriesXlsx).WithName(nameof(ExportAuditEntriesXlsx)).RequireAuthorization(Permissions.AuditRead)
            .WithSummary("Export the audit entries matching the list's filters as an Excel workbook, oldest first, before/after as JSON text")
            .ProducesXlsx().Validate<AuditFilterQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Every audit list reads newest first.</summary>
    public const string NewestFirst = "-id";

    public static async Task<Ok<Page<AuditEntryDto>>> ListAuditEntries([AsParameters] AuditListQuery query, AuditStore audit, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<AuditListQuery, AuditStore.AuditRow>.Of(query, AuditStore.SortFields, NewestFirst);
        return TypedResults.Ok(await audit.ListAsync(query.ToListFilter(), sort, cursor, limit, showAddress: true, ct));
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

    public static SheetFile ExportAuditEntries([AsParameters] AuditFilterQuery query, AuditStore audit, CancellationToken ct) =>
        SheetExport.Csv(new("audit", "감사기록"), ExportColumns, AuditCell, audit.StreamAsync(query.ToFilter(), showAddress: false, ct));

    public static SheetFile ExportAuditEntriesXlsx([AsParameters] AuditFilterQuery query, AuditStore audit, CancellationToken ct) =>
        SheetExport.Xlsx(new("audit", "감사기록"), ExportColumns, AuditCell, audit.StreamAsync(query.ToFilter(), showAddress: false, ct));

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

    /// <summary>One record's own trail, for the <c>…/{id}/history</c> endpoint of each resource (validated: <see cref="AuditPageQuery"/>).</summary>
    public static async Task<Ok<Page<AuditEntryDto>>> HistoryAsync(
        AuditStore audit, string entityType, long id, AuditPageQuery page, bool showAddress, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<AuditPageQuery, AuditStore.AuditRow>.Of(page, AuditStore.SortFields, NewestFirst);
        return TypedResults.Ok(await audit.ListAsync(new AuditFilter(entityType, id), sort, cursor, limit, showAddress, ct));
    }
}
