using System.Data.Common;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using Dapper;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>The first answer to a request sent with an Idempotency-Key.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body)
{
    /// <summary>The kept answer as a result; <paramref name="replayed"/> marks it as a repeat of an earlier answer.</summary>
    public IResult ToResult(bool replayed = true) => new StoredResult(this, replayed);

    private sealed class StoredResult(StoredResponse stored, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = stored.StatusCode;
            if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
            if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
            if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
            if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
            await http.Response.Body.WriteAsync(stored.Body);
        }
    }
}

/// <summary>What claiming an Idempotency-Key came to.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>This request owns the key: run it, then <see cref="IdempotencyStore.CompleteAsync"/> or <see cref="IdempotencyStore.ReleaseAsync"/>.</summary>
    public sealed record Owned : IdempotencyClaim;
    /// <summary>The key was used before for this same request: answer what was answered then.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;
    /// <summary>The key was used before for a different request: 422.</summary>
    public sealed record Mismatch : IdempotencyClaim;
    /// <summary>The first request under the key is still running after the longest wait: 409 with Retry-After (<see cref="IdempotencyStore.InProgress"/>).</summary>
    public sealed record InProgress : IdempotencyClaim;
}

/// <summary>
/// Idempotency keys kept in the database, so that every API instance sees them: the first request to
/// insert a key owns it; the others with the same request wait for its answer and return it; a
/// different request under a used key is refused. Keys are per caller and kept for a day.
/// </summary>
public sealed class IdempotencyStore(DbConnectionFactory db, TimeProvider clock, IConfiguration configuration)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>A claim left unfinished this long (its instance died) may be taken over.</summary>
    private TimeSpan Abandoned => TimeSpan.FromSeconds(configuration.GetValue("Idempotency:AbandonedAfterSeconds", 600));
    private TimeSpan Kept => TimeSpan.FromHours(configuration.GetValue("Idempotency:KeptHours", 24));
    /// <summary>How long a repeat waits for the first request's answer before it is told the first is still running.</summary>
    private TimeSpan Wait => TimeSpan.FromSeconds(configuration.GetValue("Idempotency:WaitSeconds", 60));

    /// <summary>Seconds a caller told "still in progress" is asked to wait before asking again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// The answer to a repeat whose first request is still running after <see cref="Wait"/>: 409 with Retry-After. The
    /// repeat wrote nothing; asked again later it gets the first request's answer.
    /// </summary>
    public static IResult InProgress(HttpContext http)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Of("같은 요청을 처리하는 중", "Request in progress"),
            detail: Text.Of($"이 Idempotency-Key로 보낸 첫 요청을 아직 처리하고 있습니다. {RetryAfterSeconds}초 뒤 같은 요청을 다시 보내면 첫 요청의 응답을 받습니다.",
                $"The first request under this Idempotency-Key is still running. Send the same request again in {RetryAfterSeconds} seconds to get its answer."));
    }

    private sealed class KeyRow
    {
        public string RequestHash { get; set; } = "";
        public int? StatusCode { get; set; }
        public string? ContentType { get; set; }
        public string? Location { get; set; }
        public string? Etag { get; set; }
        public byte[]? Body { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
    }

    /// <summary>
    /// The request's key, or null without one. An empty header counts as none: generated clients send the
    /// header empty when the caller gives no key.
    /// </summary>
    public static string? KeyOf(HttpRequest request) =>
        request.Headers[Header].FirstOrDefault() is { Length: > 0 } key ? key : null;

    /// <summary>Whose keys these are: keys are per caller, so two callers may use the same key.</summary>
    public static string OwnerOf(Actor actor) => $"{WireNames.Of(actor.Type)}:{actor.Id}:{actor.Name}";

    /// <summary>Checks the header's value: printable ASCII, at most 200 characters.</summary>
    public static string? Problem(string key) =>
        key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~')
            ? $"{Header} must be 1 to {MaxKeyLength} printable ASCII characters."
            : null;

    public async Task<IdempotencyClaim> ClaimAsync(string owner, string key, string requestHash, CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var now = clock.GetUtcNow();
            await using (var connection = await db.OpenAsync(ct))
            {
                try
                {
                    await connection.ExecuteAsync("""
                        INSERT INTO idempotency_keys (owner, idem_key, request_hash, created_at) VALUES (@owner, @key, @requestHash, @now)
                        """, new { owner, key, requestHash, now });
                    return new IdempotencyClaim.Owned();
                }
                catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
                {
                }
                var row = await connection.QuerySingleOrDefaultAsync<KeyRow>("""
                    SELECT request_hash, status_code, content_type, location, etag, body, created_at
                    FROM idempotency_keys WHERE owner = @owner AND idem_key = @key
                    """, new { owner, key });
                if (row is null) continue; // released in between: try again
                if (row.StatusCode is { } status)
                {
                    if (row.CreatedAt < now - Kept)
                    {
                        // Expired: forget it and treat the key as new.
                        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE owner = @owner AND idem_key = @key AND created_at = @CreatedAt",
                            new { owner, key, row.CreatedAt });
                        continue;
                    }
                    return row.RequestHash == requestHash
                        ? new IdempotencyClaim.Replay(new StoredResponse(status, row.ContentType, row.Location, row.Etag, row.Body ?? []))
                        : new IdempotencyClaim.Mismatch();
                }
                if (row.RequestHash != requestHash) return new IdempotencyClaim.Mismatch();
                if (row.CreatedAt < now - Abandoned)
                {
                    var taken = await connection.ExecuteAsync("""
                        UPDATE idempotency_keys SET created_at = @now WHERE owner = @owner AND idem_key = @key AND created_at = @CreatedAt AND status_code IS NULL
                        """, new { owner, key, now, row.CreatedAt });
                    if (taken == 1) return new IdempotencyClaim.Owned();
                    continue;
                }
            }
            // Another request with this key is running: wait for its answer, for a while.
            if (waited >= Wait) return new IdempotencyClaim.InProgress();
            var pause = TimeSpan.FromMilliseconds(waited < TimeSpan.FromSeconds(2) ? 25 : 200);
            await Task.Delay(pause, ct);
            waited += pause;
        }
    }

    public async Task CompleteAsync(string owner, string key, StoredResponse response)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            UPDATE idempotency_keys SET status_code = @StatusCode, content_type = @ContentType, location = @Location, etag = @ETag,
                body = @Body, completed_at = @now
            WHERE owner = @owner AND idem_key = @key
            """, new { response.StatusCode, response.ContentType, response.Location, response.ETag, response.Body, now = clock.GetUtcNow(), owner, key });
    }

    /// <summary>Gives the key up (the request failed without an answer worth repeating), so a retry runs again.</summary>
    public async Task ReleaseAsync(string owner, string key)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE owner = @owner AND idem_key = @key AND status_code IS NULL", new { owner, key });
    }
}
