using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// <c>Idempotency-Key</c> on a create: the first request under a key runs and its answer is kept (status, body,
/// Location, ETag) in the database, so every instance sees it; the same request again gets that answer back
/// with <c>Idempotent-Replayed: true</c> and writes nothing; the same key with a different body is a 422; a repeat
/// that comes while the first is still running waits for its answer, up to a bound, then gets 409 with Retry-After.
/// "The same request" means the same method, path and body (<typeparamref name="T"/>, compared as JSON).
/// </summary>
public sealed class IdempotentFilter<T>(IdempotencyStore store, IOptions<JsonOptions> json) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = IdempotencyStore.KeyOf(http.Request);
        if (key is null) return await next(context);
        if (IdempotencyStore.Problem(key) is { } problem) return Problems.Invalid(IdempotencyStore.Header, problem);
        if (Actor.From(http) is not { } actor) return await next(context);

        var owner = IdempotencyStore.OwnerOf(actor);
        var body = JsonSerializer.SerializeToUtf8Bytes(context.Arguments.OfType<T>().FirstOrDefault(), json.Value.SerializerOptions);
        var hash = Convert.ToHexStringLower(SHA256.HashData(
            [.. Encoding.UTF8.GetBytes($"{http.Request.Method}\n{http.Request.Path}\n"), .. body]));
        switch (await store.ClaimAsync(owner, key, hash, http.RequestAborted))
        {
            case IdempotencyClaim.Replay replay: return replay.Response.ToResult();
            case IdempotencyClaim.InProgress busy: return busy.ToResult();
            case IdempotencyClaim.Mismatch:
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                    detail: Text.Of("이 Idempotency-Key는 이미 다른 요청에 쓰였습니다. 새 요청에는 새 키를 쓰십시오.",
                        "This Idempotency-Key was already used for a different request; use a new key for a new request."));
        }

        try
        {
            var answer = await next(context);
            if (answer is not IResult result) throw new InvalidOperationException("An idempotent endpoint must answer with an IResult.");
            // Run the answer into memory to keep it, then send the kept bytes, so the first answer and every replay match.
            await using var buffer = new MemoryStream();
            var capture = new DefaultHttpContext { RequestServices = http.RequestServices, TraceIdentifier = http.TraceIdentifier };
            capture.Response.Body = buffer;
            await result.ExecuteAsync(capture);
            string? Header(string name) => capture.Response.Headers[name].FirstOrDefault() ?? http.Response.Headers[name].FirstOrDefault();
            var kept = new StoredResponse(capture.Response.StatusCode, capture.Response.ContentType, Header("Location"), Header("ETag"), buffer.ToArray());
            await store.CompleteAsync(owner, key, kept);
            return kept.ToResult(replayed: false);
        }
        catch
        {
            await store.ReleaseAsync(owner, key);
            throw;
        }
    }
}

public static class IdempotentFilterExtensions
{
    /// <summary>Accepts <c>Idempotency-Key</c> on a create whose body is <typeparamref name="T"/>.</summary>
    public static RouteHandlerBuilder Idempotent<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<IdempotentFilter<T>>()
            .WithMetadata(new IdempotentMetadata())
            .Errors(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
}
