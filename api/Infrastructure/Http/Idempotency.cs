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
    /// <summary>The first request under the key was still running when the wait ran out.</summary>
    public sealed record InProgress(TimeSpan RetryAfter) : IdempotencyClaim
    {
        /// <summary>The documented answer: 409 with Retry-After.</summary>
        public IResult ToResult() => new InProgressAnswer(RetryAfter);
    }

    private sealed class InProgressAnswer(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            // Not kept under the key: once the first request answers, a retry gets that answer.
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Idempotency-Key in progress",
                detail: Text.Of(
                    "같은 Idempotency-Key의 첫 요청이 아직 처리 중입니다. Retry-After 초 뒤에 같은 요청을 다시 보내면 첫 요청의 응답을 받습니다.",
                    "The first request with this Idempotency-Key is still running. Send the same request again after Retry-After seconds to get its answer."),
                extensions: new Dictionary<string, object?> { ["code"] = "idempotency_key_in_progress" }).ExecuteAsync(http);
        }
    }
}

/// <summary>
/// Idempotency keys kept in the database, so that every API instance sees them: the first request to
/// insert a key owns it; the others with the same request wait for its answer (up to Idempotency:WaitSeconds,
/// then 409 with Retry-After) and return it; a different request under a used key is refused. Keys are per
/// caller and kept for a day.
/// </summary>
public sealed class IdempotencyStore(DbConnectionFactory db, TimeProvider clock, IConfiguration configuration)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    /// <summary>A claim left unfinished this long (its instance died) may be taken over.</summary>
    private TimeSpan Abandoned => TimeSpan.FromSeconds(configuration.GetValue("Idempotency:AbandonedAfterSeconds", 600));
    private TimeSpan Kept => TimeSpan.FromHours(configuration.GetValue("Idempotency:KeptHours", 24));
    /// <summary>How long a repeat waits for the first request's answer before it is told 409 with Retry-After.</summary>
    private TimeSpan Wait => TimeSpan.FromSeconds(configuration.GetValue("Idempotency:WaitSeconds", 20));

    /// <summary>What a caller told "still in progress" is asked to wait before asking again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private TaskCompletionSource _changed = NewSignal();

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
            ? Text.Of($"{Header}는 인쇄 가능한 ASCII 문자 1–{MaxKeyLength}자여야 합니다.", $"{Header} must be 1 to {MaxKeyLength} printable ASCII characters.")
            : null;

    /// <summary>
    /// Claims <paramref name="key"/> for this request, or waits (at most <see cref="Wait"/>) for the request that holds it
    /// and returns its answer. The database is the only source of truth, so callers on other instances are served alike;
    /// a wake-up from this process's own <see cref="CompleteAsync"/>/<see cref="ReleaseAsync"/> only shortens the wait.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(string owner, string key, string requestHash, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            // Taken before the look, so a completion between the look and the wait still wakes this caller.
            var changed = _changed.Task;
            var now = clock.GetUtcNow();
            await using (var connection = await db.OpenAsync(ct))
            {
                // Look before inserting: a read never waits for a writer (WAL), while an INSERT waits for the write lock
                // — held by the very import this caller waits for. Twenty waiters retrying INSERTs held twenty threads
                // in SQLite's busy wait, and the starved pool let another upload's body time out (408).
                var row = await connection.QuerySingleOrDefaultAsync<KeyRow>("""
                    SELECT request_hash, status_code, content_type, location, etag, body, created_at
                    FROM idempotency_keys WHERE owner = @owner AND idem_key = @key
                    """, new { owner, key });
                if (row is null)
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
                        continue; // another caller inserted it first: look again
                    }
                }
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
            // Another request with this key is running (here or on another instance): wait for its answer, up to the bound.
            var left = Wait - waited.Elapsed;
            if (left <= TimeSpan.Zero) return new IdempotencyClaim.InProgress(RetryAfter);
            var pause = TimeSpan.FromMilliseconds(waited.Elapsed < TimeSpan.FromSeconds(1) ? 50 : 250);
            await Task.WhenAny(changed, Task.Delay(pause < left ? pause : left, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Wakes this process's waiters to look again; replaced on each use, so it never stays set.</summary>
    private void Changed() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task CompleteAsync(string owner, string key, StoredResponse response)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("""
            UPDATE idempotency_keys SET status_code = @StatusCode, content_type = @ContentType, location = @Location, etag = @ETag,
                body = @Body, completed_at = @now
            WHERE owner = @owner AND idem_key = @key
            """, new { response.StatusCode, response.ContentType, response.Location, response.ETag, response.Body, now = clock.GetUtcNow(), owner, key });
        Changed();
    }

    /// <summary>Gives the key up (the request failed without an answer worth repeating), so a retry runs again.</summary>
    public async Task ReleaseAsync(string owner, string key)
    {
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE owner = @owner AND idem_key = @key AND status_code IS NULL", new { owner, key });
        Changed();
    }
}
