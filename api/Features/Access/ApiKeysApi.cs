using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BioCluster.Api.Features.Access;

/// <summary>API keys for agencies' systems: created and revoked by administrators; an agency's people may see their own.</summary>
public static class ApiKeysApi
{
    public const string ReadPolicy = "api-keys:read";

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("ApiKeys");
        group.MapGet("/", ListApiKeys).WithName(nameof(ListApiKeys)).RequireAuthorization(ReadPolicy)
            .WithSummary("List API keys (administrators see all; others their own agency's)")
            .Validate<ApiKeyListQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapGet("/{id:long}", GetApiKey).WithName(nameof(GetApiKey)).RequireAuthorization(ReadPolicy)
            .WithSummary("Get an API key (never its secret)").ReturnsETag()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        group.MapPost("/", CreateApiKey).WithName(nameof(CreateApiKey)).RequireAuthorization(Permissions.ApiKeysManage)
            .WithSummary("Create an API key for an agency; the secret is in this answer only").Validate<CreateApiKeyRequest>().ReturnsETag()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id:long}", RevokeApiKey).WithName(nameof(RevokeApiKey)).RequireAuthorization(Permissions.ApiKeysManage)
            .WithSummary("Revoke an API key (If-Match required); it stops working at once").RequiresIfMatch()
            .Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{id:long}/history", GetApiKeyHistory).WithName(nameof(GetApiKeyHistory)).RequireAuthorization(Permissions.ApiKeysManage)
            .WithSummary("The audit trail of one API key")
            .Validate<AuditPageQuery>().Errors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return app;
    }

    private static bool Sees(Actor actor, long agencyId) => actor.Can(Permissions.ApiKeysManage) || actor.AgencyId == agencyId;

    public static async Task<Ok<Page<ApiKeyDto>>> ListApiKeys([AsParameters] ApiKeyListQuery query, Actor actor, ApiKeyStore keys, CancellationToken ct)
    {
        var (sort, limit, cursor) = PagingRules<ApiKeyListQuery, ApiKeyStore.ApiKeyRow>.Of(query, ApiKeyStore.SortFields, ApiKeyListQuery.DefaultSort);
        // Someone who is not an administrator and has no agency sees no keys at all.
        var agency = actor.Can(Permissions.ApiKeysManage) ? (long?)null : actor.AgencyId ?? -1;
        return TypedResults.Ok(await keys.ListAsync(agency, sort, cursor, limit, ct));
    }

    public static async Task<Results<Ok<ApiKeyDto>, ReadRefused>> GetApiKey(
        long id, Actor actor, ApiKeyStore keys, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var key = await keys.FindAsync(id, ct);
        if (key is null || !Sees(actor, key.AgencyId)) return ReadResponses.NotFound(Text.Of($"API 키 {id}", $"API key {id}"));
        ETags.Set(http, key.Version);
        return TypedResults.Ok(key.ToDto(clock.GetUtcNow()));
    }

    public static async Task<Results<Created<CreatedApiKeyDto>, CreateRefused>> CreateApiKey(
        CreateApiKeyRequest request, Actor actor, ApiKeyStore keys, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expires = request.ExpiresAt ?? now.AddDays(90);
        if (expires <= now.AddMinutes(5) || expires > now.AddYears(2))
            return new CreateRefused(Refusal.Invalid("expiresAt", Text.Of("만료일은 지금부터 5분 뒤에서 2년 사이여야 합니다.",
                "The expiry must be between five minutes and two years from now.")), Text.Of("API 키", "API key"));
        var created = await keys.CreateAsync(request, expires, actor, ct);
        if (created.Refusal is { } refused) return new CreateRefused(refused, Text.Of("API 키", "API key"));
        var (key, secret) = created.Value;
        ETags.Set(http, key.Version);
        return TypedResults.Created($"/api/v1/api-keys/{key.Value.Id}", new CreatedApiKeyDto(key.Value, secret));
    }

    public static async Task<Results<NoContent, WriteRefused>> RevokeApiKey(
        long id, Actor actor, ApiKeyStore keys, HttpContext http, CancellationToken ct)
    {
        var result = await keys.RevokeAsync(id, ETags.ExpectedVersion(http.Request), actor, ct);
        return WriteResponses.Respond(result, Text.Of($"API 키 {id}", $"API key {id}"), http, _ => TypedResults.NoContent());
    }

    public static async Task<Results<Ok<Page<AuditEntryDto>>, ValidationProblem, ReadRefused>> GetApiKeyHistory(
        long id, ApiKeyStore keys, AuditStore audit, CancellationToken ct, [AsParameters] AuditPageQuery page)
    {
        if (await keys.FindAsync(id, ct) is null) return ReadResponses.NotFound(Text.Of($"API 키 {id}", $"API key {id}"));
        return await AuditApi.HistoryAsync(audit, ApiKeyStore.EntityType, id, page, showAddress: true, ct);
    }
}

public sealed class CreateApiKeyRequestValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyRequestValidator()
    {
        RuleFor(x => x.AgencyCode).RegistryCode();
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200).ShortText(200);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage(_ => Text.Of("권한 범위를 하나 이상 지정하십시오: read, write, import.", "Give at least one scope: read, write or import."));
        RuleForEach(x => x.Scopes).DefinedEnum();
    }
}
