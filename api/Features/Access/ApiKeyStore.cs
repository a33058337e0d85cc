using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using Dapper;

namespace BioCluster.Api.Features.Access;

/// <summary>
/// API keys look like <c>bck_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the row; only the SHA-256
/// of the whole key is stored (the key is 256 random bits, so a fast hash is as safe as a slow one).
/// </summary>
public sealed class ApiKeyStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "api_key";
    public const string KeyStart = "bck_";

    public sealed class ApiKeyRow
    {
        public long Id { get; set; }
        public long AgencyId { get; set; }
        public string AgencyCode { get; set; } = "";
        public string AgencyNameKo { get; set; } = "";
        public string? AgencyNameEn { get; set; }
        public string AgencyKind { get; set; } = "";
        public string AgencyStatus { get; set; } = "";
        public string Name { get; set; } = "";
        public string Prefix { get; set; } = "";
        public string KeyHash { get; set; } = "";
        public string Scopes { get; set; } = "";
        public DateTimeOffset ExpiresAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }

        public IReadOnlyList<ApiKeyScope> ScopeList =>
            Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(WireNames.Parse<ApiKeyScope>).ToList();

        public ApiKeyStatus StatusAt(DateTimeOffset now) =>
            RevokedAt is not null ? ApiKeyStatus.Revoked : ExpiresAt <= now ? ApiKeyStatus.Expired : ApiKeyStatus.Active;

        public ApiKeyDto ToDto(DateTimeOffset now) => new(Id, new AgencyRef(AgencyId, AgencyCode, AgencyNameKo, AgencyNameEn), Name, Prefix,
            ScopeList, StatusAt(now), ExpiresAt, RevokedAt, LastUsedAt, CreatedAt);
    }

    public static readonly IReadOnlyList<SortField<ApiKeyRow>> SortFields = [new("id", "k.id", r => r.Id, Keyset.WholeNumber)];

    private const string Select = """
        SELECT k.id, k.agency_id, a.code AS agency_code, a.name_ko AS agency_name_ko, a.name_en AS agency_name_en,
               a.kind AS agency_kind, a.status AS agency_status, k.name, k.prefix, k.key_hash, k.scopes, k.expires_at,
               k.revoked_at, k.last_used_at, k.version, k.created_at
        FROM api_keys k
        JOIN agencies a ON a.id = k.agency_id
        """;

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async Task<ApiKeyRow?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRow>($"{Select} WHERE k.id = @id", new { id });
    }

    /// <summary>The key row a presented key belongs to, or null when it is malformed, unknown or its secret is wrong.</summary>
    public async Task<ApiKeyRow?> VerifyAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(KeyStart, StringComparison.Ordinal) || presented.Length > 200) return null;
        var parts = presented[KeyStart.Length..].Split('_', 2);
        if (parts.Length != 2 || parts[0].Length != 12) return null;
        await using var connection = await db.OpenAsync(ct);
        // Every request with a key reads it, so the read is a kept statement on SQLite (Rows.QueryAsync).
        var p = new DynamicParameters();
        p.Add("prefix", parts[0]);
        var row = (await Rows.QueryAsync<ApiKeyRow>(connection, $"{Select} WHERE k.prefix = @prefix", p, capacity: 1)).SingleOrDefault();
        if (row is null) return null;
        var ok = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(row.KeyHash));
        if (!ok) return null;

        var now = clock.GetUtcNow();
        // Best effort: while an import holds the write lock the request goes on without it (the next one records it).
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.TryWriteBrieflyAsync(connection, "UPDATE api_keys SET last_used_at = @now WHERE id = @id",
                new Dictionary<string, object> { ["now"] = now, ["id"] = row.Id }, ct);
        return row;
    }

    public async Task<Page<ApiKeyDto>> ListAsync(long? agencyId, SortSpec<ApiKeyRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = new List<string>();
        if (agencyId is not null) { where.Add("k.agency_id = @AgencyId"); p.Add("AgencyId", agencyId); }
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "api_keys k", where, p, sort, cursor, limit, "k.id", r => r.Id);
        var now = clock.GetUtcNow();
        return new Page<ApiKeyDto>(page.Select(r => r.ToDto(now)).ToList(), next, total);
    }

    public async Task<StoreResult<(Versioned<ApiKeyDto> Key, string Secret)>> CreateAsync(CreateApiKeyRequest r, DateTimeOffset expiresAt, Actor actor,
        CancellationToken ct)
    {
        var prefix = RandomToken(9)[..12];
        var secret = $"{KeyStart}{prefix}_{RandomToken(32)}";
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var agencyId = await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM agencies WHERE code = @AgencyCode AND status = 'active'", new { r.AgencyCode }, tx);
        if (agencyId is null)
            return Refusal.Invalid("agencyCode", Text.Of($"코드 '{r.AgencyCode}'인 활성 기관이 없습니다.", $"No active agency has the code '{r.AgencyCode}'."));
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO api_keys (agency_id, name, prefix, key_hash, scopes, expires_at, created_by, version, created_at)
            VALUES (@AgencyId, @Name, @Prefix, @KeyHash, @Scopes, @ExpiresAt, @CreatedBy, 1, @Now);
            {db.Dialect.SelectNewId}
            """,
            new
            {
                AgencyId = agencyId, r.Name, Prefix = prefix, KeyHash = Hash(secret),
                Scopes = string.Join(',', r.Scopes.Distinct().Order().Select(WireNames.Of)), ExpiresAt = expiresAt,
                CreatedBy = actor.Type == ActorType.User ? actor.Id : null, Now = now,
            }, tx);
        var row = (await connection.QuerySingleAsync<ApiKeyRow>($"{Select} WHERE k.id = @id", new { id }, tx));
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, row.ToDto(now));
        await tx.CommitAsync(ct);
        return (new Versioned<ApiKeyDto>(row.ToDto(now), row.Version), secret);
    }

    public async Task<WriteResult<ApiKeyDto>> RevokeAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>($"{Select} WHERE k.id = @id", new { id }, tx);
        if (before is null) return WriteResult<ApiKeyDto>.NotFound;
        var changed = await connection.ExecuteAsync("""
            UPDATE api_keys SET revoked_at = CASE WHEN revoked_at IS NULL THEN @Now ELSE revoked_at END, version = version + 1
            WHERE id = @Id AND version = @ExpectedVersion
            """, new { Id = id, ExpectedVersion = expectedVersion, Now = now }, tx);
        if (changed == 0) return WriteResult<ApiKeyDto>.Stale;
        var after = await connection.QuerySingleAsync<ApiKeyRow>($"{Select} WHERE k.id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, actor, "revoke", EntityType, id, before.ToDto(now), after.ToDto(now));
        await tx.CommitAsync(ct);
        return WriteResult<ApiKeyDto>.Done(new Versioned<ApiKeyDto>(after.ToDto(now), after.Version));
    }

    private static string RandomToken(int bytes) =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes)).Replace('_', 'x').Replace('-', 'y');
}
