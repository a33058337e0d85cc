using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.RegulatoryIssues;

public static class RegulatoryIssuesApi
{
    public static IEndpointRouteBuilder MapRegulatoryIssues(this IEndpointRouteBuilder app)
    {
        const int Unauthorized = StatusCodes.Status401Unauthorized, Forbidden = StatusCodes.Status403Forbidden, NotFound = StatusCodes.Status404NotFound;
        var group = app.MapGroup("/api/v1/regulatory-issues").WithTags("RegulatoryIssues");
        group.MapGet("/", ListRegulatoryIssues).WithName(nameof(ListRegulatoryIssues)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("List regulatory issues with filters, sort and keyset paging").Validate<IssueListQuery>().Errors(Unauthorized, Forbidden);
        group.MapGet("/export.csv", ExportRegulatoryIssues).WithName(nameof(ExportRegulatoryIssues)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("Export the issues matching the list's filters as CSV (UTF-8 with BOM; the import's columns)")
            .ProducesCsv().Validate<IssueFilterQuery>().Errors(Unauthorized, Forbidden);
        group.MapGet("/export.xlsx", ExportRegulatoryIssuesXlsx).WithName(nameof(ExportRegulatoryIssuesXlsx)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("Export the issues matching the list's filters as an Excel workbook (Korean headers; the import's columns)")
            .ProducesXlsx().Validate<IssueFilterQuery>().Errors(Unauthorized, Forbidden);
        group.MapGet("/stats", GetRegulatoryIssueStats).WithName(nameof(GetRegulatoryIssueStats)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("The pipeline at a glance: counts, overdue per ministry, acceptance rate, days to answer").Errors(Unauthorized, Forbidden);
        group.MapGet("/{id:long}", GetRegulatoryIssue).WithName(nameof(GetRegulatoryIssue)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("Get an issue, with its deadline state and the moves the caller may make").ReturnsETag().Errors(Unauthorized, Forbidden, NotFound);
        group.MapPost("/", CreateRegulatoryIssue).WithName(nameof(CreateRegulatoryIssue)).RequireAuthorization(Permissions.IssuesRaise)
            .WithSummary("Raise a regulatory issue").Idempotent<CreateRegulatoryIssueRequest>().Validate<CreateRegulatoryIssueRequest>().ReturnsETag()
            .Errors(Unauthorized, Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplaceRegulatoryIssue).WithName(nameof(ReplaceRegulatoryIssue)).RequireAuthorization(Permissions.IssuesRaise)
            .WithSummary("Replace an issue's description (If-Match required); the secretariat any time, the raising agency until it is routed")
            .Validate<UpdateRegulatoryIssueRequest>().RequiresIfMatch()
            .Errors(Unauthorized, Forbidden, NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        group.MapPost("/{id:long}/transitions", MoveRegulatoryIssue).WithName(nameof(MoveRegulatoryIssue)).RequireAuthorization(Permissions.IssuesMove)
            .WithSummary("Move an issue through the workflow (If-Match required): 409 if the move does not exist from its state, 403 if not yours to make")
            .RequiresIfMatch()
            .Errors(Unauthorized, Forbidden, NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetRegulatoryIssueHistory).WithName(nameof(GetRegulatoryIssueHistory)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("The issue's timeline: every move with who, when, the comment and the fields it set").Errors(Unauthorized, Forbidden, NotFound);
        group.MapGet("/{id:long}/comments", ListRegulatoryIssueComments).WithName(nameof(ListRegulatoryIssueComments)).RequireAuthorization(Permissions.IssuesRead)
            .WithSummary("The comments on an issue, oldest first").Errors(Unauthorized, Forbidden, NotFound);
        group.MapPost("/{id:long}/comments", AddRegulatoryIssueComment).WithName(nameof(AddRegulatoryIssueComment)).RequireAuthorization(Permissions.IssuesComment)
            .WithSummary("Comment on an issue").Idempotent<CreateIssueCommentRequest>().Validate<CreateIssueCommentRequest>()
            .Errors(Unauthorized, Forbidden, NotFound, StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    public static async Task<Results<Ok<Page<RegulatoryIssueSummaryDto>>, ValidationProblem>> ListRegulatoryIssues(
        [AsParameters] IssueListQuery query, RegulatoryIssueStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<IssueListQuery, RegulatoryIssueStore.IssueRow>.Of(query, RegulatoryIssueStore.SortFields, IssueListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), sort, cursor, limit, ct));
    }

    public static SheetFile ExportRegulatoryIssues([AsParameters] IssueFilterQuery query, RegulatoryIssueStore store, Actor actor, CancellationToken ct) =>
        SheetExport.Csv(new("regulatory-issues", "규제개선과제"), Columns.RegulatoryIssues, IssueCell, store.StreamAsync(query.ToFilter(), actor, ct));

    public static SheetFile ExportRegulatoryIssuesXlsx([AsParameters] IssueFilterQuery query, RegulatoryIssueStore store, Actor actor, CancellationToken ct) =>
        SheetExport.Xlsx(new("regulatory-issues", "규제개선과제"), Columns.RegulatoryIssues, IssueCell, store.StreamAsync(query.ToFilter(), actor, ct));

    /// <summary>One cell of the issue sheet (<see cref="Columns.RegulatoryIssues"/>), by column name.</summary>
    internal static object? IssueCell(RegulatoryIssueDto i, string column) => column switch
    {
        "externalRef" => i.ExternalRef,
        "titleKo" => i.TitleKo,
        "titleEn" => i.TitleEn,
        "problemKo" => i.ProblemKo,
        "problemEn" => i.ProblemEn,
        "proposalKo" => i.ProposalKo,
        "proposalEn" => i.ProposalEn,
        "category" => i.Category,
        "lawName" => i.LawName,
        "lawArticle" => i.LawArticle,
        "raisedByCode" => i.RaisedBy.Code,
        "raisedByName" => SheetCells.NameOf(i.RaisedBy.NameKo, i.RaisedBy.NameEn),
        "clusterCodes" => i.Clusters.Select(c => c.Code),
        "clusterNames" => i.Clusters.Select(c => SheetCells.NameOf(c.NameKo, c.NameEn) ?? c.Code),
        "officialName" => i.Official?.Name,
        "officialDepartment" => i.Official?.Department,
        "officialContact" => i.Official?.Contact,
        "priority" => i.Priority,
        "sourceMeeting" => i.SourceMeeting,
        "tags" => i.Tags,
        "id" => i.Id,
        "status" => i.Status,
        "leadMinistryCode" => i.LeadMinistry?.Code,
        "leadMinistryName" => SheetCells.NameOf(i.LeadMinistry?.NameKo, i.LeadMinistry?.NameEn),
        "responseDueAt" => i.ResponseDueAt,
        "plannedCompletionOn" => i.PlannedCompletionOn,
        "progressPercent" => i.ProgressPercent,
        "overdue" => i.Overdue,
        "daysLate" => i.DaysLate,
        "createdAt" => i.CreatedAt,
        "updatedAt" => i.UpdatedAt,
        _ => null,
    };

    public static async Task<Ok<RegulatoryIssueStatsDto>> GetRegulatoryIssueStats(RegulatoryIssueStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.StatsAsync(ct));

    public static async Task<Results<Ok<RegulatoryIssueDto>, ReadRefused>> GetRegulatoryIssue(
        long id, Actor actor, RegulatoryIssueStore store, HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, actor, ct), Text.Of($"규제 개선 과제 {id}", $"Regulatory issue {id}"), http);

    public static async Task<Results<Created<RegulatoryIssueDto>, CreateRefused>> CreateRegulatoryIssue(
        CreateRegulatoryIssueRequest request, Actor actor, RegulatoryIssueStore store, AgencyStore agencies, HttpContext http, CancellationToken ct)
    {
        var What = Text.Of("규제 개선 과제", "Regulatory issue");
        long raisedBy;
        if (actor.Role is Role.ClusterOperator or Role.MinistryReviewer or Role.Viewer)
        {
            // A cluster operator raises issues for its own agency only.
            if (actor.AgencyId is not { } own)
                return new CreateRefused(Refusal.Forbidden(Text.Of("계정이 어느 기관에도 속하지 않아 과제를 제기할 수 없습니다.",
                    "Your account belongs to no agency, so it cannot raise issues.")), What);
            if (request.RaisedByCode is { } code && (await agencies.GetByCodeAsync(code, ct))?.Value.Id != own)
                return new CreateRefused(Refusal.Invalid("raisedByCode", Text.Of("자기 기관의 과제만 제기할 수 있습니다. raisedByCode는 비워 두십시오.",
                    "You can raise issues only for your own agency; leave raisedByCode out.")), What);
            raisedBy = own;
        }
        else if (request.RaisedByCode is { } code)
        {
            var agency = await agencies.GetByCodeAsync(code, ct);
            if (agency is null || agency.Value.Status != Contracts.Registry.RecordStatus.Active)
                return new CreateRefused(Refusal.Invalid("raisedByCode", Text.Of($"코드 '{code}'인 활성 기관이 없습니다.", $"No active agency has the code '{code}'.")), What);
            raisedBy = agency.Value.Id;
        }
        else if (actor.AgencyId is { } own) raisedBy = own;
        else return new CreateRefused(Refusal.Invalid("raisedByCode", Text.Of("과제를 제기하는 기관을 지정하십시오.", "Say which agency raises the issue.")), What);

        return WriteResponses.Created(await store.CreateAsync(request, raisedBy, actor, ct), What, http, i => $"/api/v1/regulatory-issues/{i.Id}");
    }

    public static async Task<Results<Ok<RegulatoryIssueDto>, WriteRefused>> ReplaceRegulatoryIssue(
        long id, UpdateRegulatoryIssueRequest request, Actor actor, RegulatoryIssueStore store, HttpContext http, CancellationToken ct)
    {
        var result = await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor,
            row => actor.Role is Role.Admin or Role.Secretariat
                   || (actor.AgencyId == row.RaisedById && row.StatusValue == IssueStatus.Submitted), ct);
        return WriteResponses.Respond(result, Text.Of($"규제 개선 과제 {id}", $"Regulatory issue {id}"), http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<RegulatoryIssueDto>, WriteRefused>> MoveRegulatoryIssue(
        long id, IssueTransitionRequest request, Actor actor, RegulatoryIssueStore store, HttpContext http, CancellationToken ct)
    {
        var what = Text.Of($"규제 개선 과제 {id}", $"Regulatory issue {id}");
        if (request.Comment is { Length: > 4000 })
            return new WriteRefused(Refusal.Invalid("comment", Text.Of("4,000자 이하로 쓰세요.", "At most 4,000 characters.")), what);
        return WriteResponses.Respond(await store.MoveAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct), what, http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<IReadOnlyList<IssueTransitionDto>>, ReadRefused>> GetRegulatoryIssueHistory(
        long id, Actor actor, RegulatoryIssueStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, actor, ct) is not { } issue) return ReadResponses.NotFound(Text.Of($"규제 개선 과제 {id}", $"Regulatory issue {id}"));
        var showContact = ContactVisibility.MaySee(actor, issue.Value.RaisedBy.Id, issue.Value.LeadMinistry?.Id, issue.Value.CoMinistries.Select(m => m.Id));
        return TypedResults.Ok(await store.HistoryAsync(id, showContact, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<IssueCommentDto>>, ReadRefused>> ListRegulatoryIssueComments(
        long id, Actor actor, RegulatoryIssueStore store, CancellationToken ct)
    {
        if (await store.GetAsync(id, actor, ct) is null) return ReadResponses.NotFound(Text.Of($"규제 개선 과제 {id}", $"Regulatory issue {id}"));
        return TypedResults.Ok(await store.CommentsAsync(id, ct));
    }

    public static async Task<Results<Created<IssueCommentDto>, ReadRefused>> AddRegulatoryIssueComment(
        long id, CreateIssueCommentRequest request, Actor actor, RegulatoryIssueStore store, CancellationToken ct)
    {
        var comment = await store.AddCommentAsync(id, request.Text.Trim(), actor, ct);
        return comment is null
            ? ReadResponses.NotFound(Text.Of($"규제 개선 과제 {id}", $"Regulatory issue {id}"))
            : TypedResults.Created($"/api/v1/regulatory-issues/{id}/comments", comment);
    }
}
