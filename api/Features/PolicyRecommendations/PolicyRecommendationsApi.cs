using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.PolicyRecommendations;
using Microsoft.AspNetCore.Http.HttpResults;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.PolicyRecommendations;

/// <summary>Policy recommendations (정책 제언): raised by cluster operators, answered by ministries, carried over between meetings (ADR 0023).</summary>
public static class PolicyRecommendationsApi
{
    public static IEndpointRouteBuilder MapPolicyRecommendations(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/policy-recommendations").WithTags("PolicyRecommendations");
        group.MapGet("/", ListPolicyRecommendations).WithName(nameof(ListPolicyRecommendations)).RequireAuthorization(Permissions.RecommendationsRead)
            .WithSummary("List policy recommendations with filters (state, ministry, cluster, raiser, meeting, overdue) and keyset paging")
            .Validate<RecommendationListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/export.csv", ExportPolicyRecommendations).WithName(nameof(ExportPolicyRecommendations)).RequireAuthorization(Permissions.RecommendationsRead)
            .WithSummary("Export the recommendations matching the list's filters as CSV (UTF-8 with BOM, Korean headers)")
            .ProducesCsv().Validate<RecommendationFilterQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/export.xlsx", ExportPolicyRecommendationsXlsx).WithName(nameof(ExportPolicyRecommendationsXlsx))
            .RequireAuthorization(Permissions.RecommendationsRead)
            .WithSummary("Export the recommendations matching the list's filters as an Excel workbook laid out as a report (dates as date cells)")
            .ProducesXlsx().Validate<RecommendationFilterQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapGet("/{id:long}", GetPolicyRecommendation).WithName(nameof(GetPolicyRecommendation)).RequireAuthorization(Permissions.RecommendationsRead)
            .WithSummary("Get a recommendation, with its answer, deadline state, linked issue and the moves the caller may make").ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        group.MapPost("/", CreatePolicyRecommendation).WithName(nameof(CreatePolicyRecommendation)).RequireAuthorization(Permissions.RecommendationsRaise)
            .WithSummary("Raise a policy recommendation (a cluster operator for itself; the secretariat on an operator's behalf)")
            .Idempotent<CreatePolicyRecommendationRequest>().Validate<CreatePolicyRecommendationRequest>().ReturnsETag()
            .Errors(Status401Unauthorized, Status403Forbidden, Status409Conflict, Status415UnsupportedMediaType);
        group.MapPut("/{id:long}", ReplacePolicyRecommendation).WithName(nameof(ReplacePolicyRecommendation)).RequireAuthorization(Permissions.RecommendationsRaise)
            .WithSummary("Replace a recommendation's description while it is submitted (If-Match required); the raiser or the secretariat")
            .Validate<UpdatePolicyRecommendationRequest>().RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status412PreconditionFailed,
                Status415UnsupportedMediaType, Status428PreconditionRequired);
        group.MapPost("/{id:long}/transitions", MovePolicyRecommendation).WithName(nameof(MovePolicyRecommendation)).RequireAuthorization(Permissions.RecommendationsMove)
            .WithSummary("Move a recommendation through the workflow, or turn it into a regulatory issue (move: conversion); If-Match required")
            .RequiresIfMatch()
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound, Status409Conflict, Status412PreconditionFailed,
                Status415UnsupportedMediaType, Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetPolicyRecommendationHistory).WithName(nameof(GetPolicyRecommendationHistory))
            .RequireAuthorization(Permissions.RecommendationsRead)
            .WithSummary("The recommendation's timeline: every move with who, when, the comment and the fields it set")
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        app.MapGet("/api/v1/meetings/{id:long}/carried-over-recommendations", ListCarriedOverRecommendations).WithTags("PolicyRecommendations")
            .WithName(nameof(ListCarriedOverRecommendations)).RequireAuthorization(Permissions.RecommendationsRead)
            .WithSummary("Matters arising (계속 안건): recommendations raised at earlier meetings of the body that still await an answer")
            .Errors(Status401Unauthorized, Status403Forbidden, Status404NotFound);
        return app;
    }

    public static async Task<Ok<Page<PolicyRecommendationDto>>> ListPolicyRecommendations([AsParameters] RecommendationListQuery query, Actor actor,
        PolicyRecommendationStore store, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<RecommendationListQuery, PolicyRecommendationStore.RecommendationRow>.Of(query, PolicyRecommendationStore.SortFields,
            RecommendationListQuery.DefaultSort);
        return TypedResults.Ok(await store.ListAsync(query.ToFilter(), actor, sort, cursor, limit, ct));
    }

    private static readonly IReadOnlyList<SheetColumn> ExportColumns =
    [
        new("id", "번호"), new("themeKo", "주제"), new("themeEn", "주제(영문)"), new("raisedBy", "제기 기관"), new("leadMinistry", "주관 부처"),
        new("otherMinistries", "관계 부처"), new("clusters", "클러스터"), new("meeting", "제기 회의"), new("state", "상태"), new("responseDueAt", "답변 기한"),
        new("answer", "답변"), new("acceptedPart", "수용 부분"), new("reviewOn", "검토 기한"), new("overdue", "기한 경과"), new("issueId", "연계 과제"),
        new("createdAt", "제기 일시"),
    ];

    private static object? ExportCell(PolicyRecommendationDto r, string column) => column switch
    {
        "id" => r.Id,
        "themeKo" => r.ThemeKo,
        "themeEn" => r.ThemeEn,
        "raisedBy" => r.RaisedBy.NameKo,
        "leadMinistry" => r.LeadMinistry.NameKo,
        "otherMinistries" => r.OtherMinistries.Select(m => m.NameKo),
        "clusters" => r.Clusters.Select(c => c.NameKo),
        "meeting" => r.Source?.MeetingTitleKo,
        "state" => r.State,
        "responseDueAt" => r.ResponseDueAt,
        "answer" => r.Answer,
        "acceptedPart" => r.AcceptedPart,
        "reviewOn" => r.ReviewOn,
        "overdue" => r.Overdue,
        "issueId" => r.Issue?.Id,
        "createdAt" => r.CreatedAt,
        _ => null,
    };

    public static SheetFile ExportPolicyRecommendations([AsParameters] RecommendationFilterQuery query, Actor actor, PolicyRecommendationStore store, CancellationToken ct) =>
        SheetExport.Csv(new("policy-recommendations", "정책제언"), ExportColumns, ExportCell, store.StreamAsync(query.ToFilter(), actor, ct));

    public static SheetFile ExportPolicyRecommendationsXlsx([AsParameters] RecommendationFilterQuery query, Actor actor, PolicyRecommendationStore store,
        CancellationToken ct) =>
        SheetExport.Xlsx(new("policy-recommendations", "정책제언"), ExportColumns, ExportCell, store.StreamAsync(query.ToFilter(), actor, ct));

    public static async Task<Results<Ok<PolicyRecommendationDto>, ReadRefused>> GetPolicyRecommendation(long id, Actor actor, PolicyRecommendationStore store,
        HttpContext http, CancellationToken ct) =>
        ReadResponses.Found(await store.GetAsync(id, actor, ct), Text.Of($"정책 제언 {id}", $"Policy recommendation {id}"), http);

    public static async Task<Results<Created<PolicyRecommendationDto>, CreateRefused>> CreatePolicyRecommendation(CreatePolicyRecommendationRequest request, Actor actor,
        PolicyRecommendationStore store, AgencyStore agencies, HttpContext http, CancellationToken ct)
    {
        const string What = "Policy recommendation";
        long raisedBy;
        if (actor.Role is Role.Admin or Role.Secretariat)
        {
            if (request.RaisedByCode is not { } code)
                return new CreateRefused(Refusal.Invalid("raisedByCode", Text.Of("제언을 제기하는 클러스터 운영기관을 지정하세요.",
                    "Say which cluster operator raises the recommendation.")), What);
            var agency = await agencies.GetByCodeAsync(code.Trim(), ct);
            if (agency is null || agency.Value.Status != Contracts.Registry.RecordStatus.Active || agency.Value.Kind != Contracts.Registry.AgencyKind.ClusterOperator)
                return new CreateRefused(Refusal.Invalid("raisedByCode", Text.Of($"코드 '{code}'인 활성 클러스터 운영기관이 없습니다.",
                    $"No active cluster operator has the code '{code}'.")), What);
            raisedBy = agency.Value.Id;
        }
        else
        {
            if (actor.AgencyId is not { } own)
                return new CreateRefused(Refusal.Forbidden(Text.Of("계정이 어느 기관에도 속하지 않아 제언을 제기할 수 없습니다.",
                    "Your account belongs to no agency, so it cannot raise recommendations.")), What);
            if (request.RaisedByCode is { } code && (await agencies.GetByCodeAsync(code.Trim(), ct))?.Value.Id != own)
                return new CreateRefused(Refusal.Invalid("raisedByCode", Text.Of("자기 기관의 제언만 제기할 수 있습니다. raisedByCode는 비워 두십시오.",
                    "You can raise recommendations only for your own agency; leave raisedByCode out.")), What);
            raisedBy = own;
        }
        return WriteResponses.Created(await store.CreateAsync(request, raisedBy, actor, ct), What, http, r => $"/api/v1/policy-recommendations/{r.Id}");
    }

    public static async Task<Results<Ok<PolicyRecommendationDto>, WriteRefused>> ReplacePolicyRecommendation(long id, UpdatePolicyRecommendationRequest request,
        Actor actor, PolicyRecommendationStore store, HttpContext http, CancellationToken ct) =>
        WriteResponses.Respond(await store.UpdateAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct), Text.Of($"정책 제언 {id}", $"Policy recommendation {id}"), http, TypedResults.Ok);

    public static async Task<Results<Ok<PolicyRecommendationDto>, WriteRefused>> MovePolicyRecommendation(long id, RecommendationTransitionRequest request,
        Actor actor, PolicyRecommendationStore store, HttpContext http, CancellationToken ct)
    {
        var what = Text.Of($"정책 제언 {id}", $"Policy recommendation {id}");
        if (request.Comment is { Length: > 4000 })
            return new WriteRefused(Refusal.Invalid("comment", Text.Of("4,000자 이하로 쓰세요.", "At most 4,000 characters.")), what);
        return WriteResponses.Respond(await store.MoveAsync(id, ETags.ExpectedVersion(http.Request), request, actor, ct), what, http, TypedResults.Ok);
    }

    public static async Task<Results<Ok<IReadOnlyList<RecommendationTransitionDto>>, ReadRefused>> GetPolicyRecommendationHistory(long id,
        PolicyRecommendationStore store, CancellationToken ct) =>
        await store.HistoryAsync(id, ct) is { } history ? TypedResults.Ok(history) : ReadResponses.NotFound(Text.Of($"정책 제언 {id}", $"Policy recommendation {id}"));

    public static async Task<Results<Ok<IReadOnlyList<PolicyRecommendationDto>>, ReadRefused>> ListCarriedOverRecommendations(long id, Actor actor,
        PolicyRecommendationStore store, CancellationToken ct) =>
        await store.CarriedOverAsync(id, actor, ct) is { } open ? TypedResults.Ok(open) : ReadResponses.NotFound(Text.Of($"회의 {id}", $"Meeting {id}"));
}
