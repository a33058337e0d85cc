using System.Data.Common;
using System.Security.Cryptography;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using Dapper;
using Microsoft.AspNetCore.Identity;

namespace BioCluster.Api.Features.Access;

/// <summary>Filters of the user list, already checked by the endpoint.</summary>
public sealed record UserFilter(IReadOnlyList<string> Roles, IReadOnlyList<string> Statuses, string? Query);

/// <summary>What a login attempt came to.</summary>
public enum LoginOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record LoginResult(LoginOutcome Outcome, UserStore.UserRow? User, TimeSpan RetryAfter);

/// <summary>All SQL about accounts and their sessions. Passwords are hashed with ASP.NET Core's PBKDF2 hasher.</summary>
public sealed class UserStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, IConfiguration configuration)
{
    public const string EntityType = "user";
    private static readonly PasswordHasher<UserRow> Hasher = new();

    /// <summary>Compared against when the username is unknown, so both answers take as long.</summary>
    private static readonly string DummyHash = Hasher.HashPassword(new UserRow(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));

    private int MaxFailedLogins => configuration.GetValue("Auth:MaxFailedLogins", 5);
    private TimeSpan LockoutDuration => TimeSpan.FromMinutes(configuration.GetValue("Auth:LockoutMinutes", 15));
    public TimeSpan SessionIdle => TimeSpan.FromMinutes(configuration.GetValue("Auth:SessionIdleMinutes", 30));

    public sealed class UserRow
    {
        public long Id { get; set; }
        public string Username { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Role { get; set; } = "";
        public long? AgencyId { get; set; }
        public string? AgencyCode { get; set; }
        public string? AgencyNameKo { get; set; }
        public string? AgencyNameEn { get; set; }
        public string PasswordHash { get; set; } = "";
        public string Status { get; set; } = "";
        public int FailedLogins { get; set; }
        public DateTimeOffset? LockedUntil { get; set; }
        public DateTimeOffset? LastLoginAt { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public Role RoleValue => WireNames.Parse<Role>(Role);

        public AgencyRef? Agency => AgencyId is { } id ? new AgencyRef(id, AgencyCode!, AgencyNameKo!, AgencyNameEn) : null;

        public UserDto ToDto() => new(Id, Username, DisplayName, RoleValue, Agency, WireNames.Parse<UserStatus>(Status),
            LockedUntil, LastLoginAt, CreatedAt, UpdatedAt);
    }

    public static readonly IReadOnlyList<SortField<UserRow>> SortFields =
    [
        new("username", "u.username", r => r.Username, Keyset.Text),
        new("role", "u.role", r => r.Role, Keyset.Text),
        new("id", "u.id", r => r.Id, Keyset.WholeNumber),
    ];

    private const string Select = """
        SELECT u.id, u.username, u.display_name, u.role, u.agency_id, a.code AS agency_code, a.name_ko AS agency_name_ko,
               a.name_en AS agency_name_en, u.password_hash, u.status, u.failed_logins, u.locked_until, u.last_login_at,
               u.version, u.created_at, u.updated_at
        FROM users u
        LEFT JOIN agencies a ON a.id = u.agency_id
        """;

    public static string Normalise(string username) => username.Trim().ToLowerInvariant();

    public async Task<UserRow?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindAsync(connection, null, id);
    }

    private static Task<UserRow?> FindAsync(DbConnection connection, DbTransaction? tx, long id) =>
        connection.QuerySingleOrDefaultAsync<UserRow>($"{Select} WHERE u.id = @id", new { id }, tx);

    public async Task<bool> AnyAdminAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE role = 'admin'") > 0;
    }

    public async Task<bool> ExistsAsync(string username, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM users WHERE username = @u", new { u = Normalise(username) }) > 0;
    }

    public async Task<Page<UserDto>> ListAsync(UserFilter filter, SortSpec<UserRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (filter.Roles.Count > 0) { where.Add("u.role IN @Roles"); p.Add("Roles", filter.Roles); }
        if (filter.Statuses.Count > 0) { where.Add("u.status IN @Statuses"); p.Add("Statuses", filter.Statuses); }
        if (filter.Query is not null)
        {
            where.Add(@"(u.username LIKE @Q ESCAPE '\' OR u.display_name LIKE @Q ESCAPE '\')");
            p.Add("Q", Keyset.Contains(filter.Query));
        }
        await using var connection = await db.OpenAsync(ct);
        var (page, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "users u", where, p, sort, cursor, limit, "u.id", r => r.Id);
        return new Page<UserDto>(page.Select(r => r.ToDto()).ToList(), next, total);
    }

    public async Task<StoreResult<Versioned<UserDto>>> CreateAsync(CreateUserRequest r, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var agency = await ResolveAgencyAsync(connection, tx, r.Role, r.AgencyCode);
        if (agency.Refusal is { } refused) return refused;
        var agencyId = agency.Value;
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO users (username, display_name, role, agency_id, password_hash, status, failed_logins, version, created_at, updated_at)
                VALUES (@Username, @DisplayName, @Role, @AgencyId, @PasswordHash, 'active', 0, 1, @Now, @Now);
                {db.Dialect.SelectNewId}
                """,
                new
                {
                    Username = Normalise(r.Username), r.DisplayName, Role = WireNames.Of(r.Role), AgencyId = agencyId,
                    PasswordHash = Hasher.HashPassword(new UserRow(), r.Password), Now = now,
                }, tx);
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Conflict(Text.Of($"사용자 이름 '{Normalise(r.Username)}'은(는) 이미 쓰이고 있습니다.", $"The username '{Normalise(r.Username)}' is taken."));
        }
        var created = (await FindAsync(connection, tx, id))!;
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, created.ToDto());
        await tx.CommitAsync(ct);
        return new Versioned<UserDto>(created.ToDto(), created.Version);
    }

    public async Task<WriteResult<UserDto>> UpdateAsync(long id, long expectedVersion, UpdateUserRequest r, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, id);
        if (before is null) return WriteResult<UserDto>.NotFound;
        if (before.Version != expectedVersion) return WriteResult<UserDto>.Stale;
        if (before.Id == actor.Id && (r.Role != Role.Admin || r.Status != UserStatus.Active))
            return Refusal.Invalid("role", Text.Of("자신의 관리자 권한을 없애거나 자신을 비활성화할 수 없습니다.",
                "You cannot remove your own administrator rights or disable yourself."));
        var agency = await ResolveAgencyAsync(connection, tx, r.Role, r.AgencyCode);
        if (agency.Refusal is { } refused) return refused;
        var agencyId = agency.Value;
        var now = clock.GetUtcNow();
        var changed = await connection.ExecuteAsync("""
            UPDATE users SET display_name = @DisplayName, role = @Role, agency_id = @AgencyId, status = @Status,
                             version = version + 1, updated_at = @Now
            WHERE id = @Id AND version = @ExpectedVersion
            """,
            new { Id = id, ExpectedVersion = expectedVersion, r.DisplayName, Role = WireNames.Of(r.Role), AgencyId = agencyId,
                  Status = WireNames.Of(r.Status), Now = now }, tx);
        if (changed == 0) return WriteResult<UserDto>.Stale;
        if (r.Status == UserStatus.Disabled) await RevokeSessionsAsync(connection, tx, id, now);
        return await FinishAsync(connection, tx, actor, "update", before, ct);
    }

    /// <summary>An administrator sets a new password: the lock-out is cleared and every session ends.</summary>
    public async Task<WriteResult<UserDto>> SetPasswordAsync(long id, string password, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, id);
        if (before is null) return WriteResult<UserDto>.NotFound;
        if (PasswordPolicy.Check(password, before.Username) is { } problem) return Refusal.Invalid("newPassword", problem);
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync("""
            UPDATE users SET password_hash = @Hash, failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = @Now
            WHERE id = @Id
            """, new { Id = id, Hash = Hasher.HashPassword(before, password), Now = now }, tx);
        await RevokeSessionsAsync(connection, tx, id, now);
        return await FinishAsync(connection, tx, actor, "set_password", before, ct);
    }

    /// <summary>The signed-in user changes their own password; other sessions end, this one stays.</summary>
    public async Task<bool> ChangeOwnPasswordAsync(long id, string current, string next, string keepSessionId, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, id);
        if (before is null || Hasher.VerifyHashedPassword(before, before.PasswordHash, current) == PasswordVerificationResult.Failed)
            return false;
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(
            "UPDATE users SET password_hash = @Hash, version = version + 1, updated_at = @Now WHERE id = @Id",
            new { Id = id, Hash = Hasher.HashPassword(before, next), Now = now }, tx);
        await connection.ExecuteAsync(
            "UPDATE user_sessions SET revoked_at = @Now WHERE user_id = @Id AND revoked_at IS NULL AND id <> @Keep",
            new { Id = id, Now = now, Keep = SessionKey(keepSessionId) }, tx);
        await FinishAsync(connection, tx, actor, "change_password", before, ct);
        return true;
    }

    public async Task<WriteResult<UserDto>> UnlockAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await FindAsync(connection, tx, id);
        if (before is null) return WriteResult<UserDto>.NotFound;
        await connection.ExecuteAsync(
            "UPDATE users SET failed_logins = 0, locked_until = NULL, version = version + 1, updated_at = @Now WHERE id = @Id",
            new { Id = id, Now = clock.GetUtcNow() }, tx);
        return await FinishAsync(connection, tx, actor, "unlock", before, ct);
    }

    private async Task<WriteResult<UserDto>> FinishAsync(DbConnection connection, DbTransaction tx, Actor actor, string action, UserRow before, CancellationToken ct)
    {
        var after = (await FindAsync(connection, tx, before.Id))!;
        await audit.WriteAsync(connection, tx, actor, action, EntityType, before.Id, before.ToDto(), after.ToDto());
        await tx.CommitAsync(ct);
        return WriteResult<UserDto>.Done(new Versioned<UserDto>(after.ToDto(), after.Version));
    }

    private static async Task<StoreResult<long?>> ResolveAgencyAsync(DbConnection connection, DbTransaction tx, Role role, string? agencyCode)
    {
        var kind = Permissions.RequiredAgencyKind(role);
        var wrongKind = Refusal.Invalid("agencyCode", Text.Of($"{WireNames.Of(role)} 역할은 유형이 {kind}인 기관에 속해야 합니다.",
            $"A {WireNames.Of(role)} must belong to an agency of kind {kind}."));
        if (agencyCode is null) return kind is not null ? wrongKind : (long?)null;
        var agency = await connection.QuerySingleOrDefaultAsync<AgencyKindRow>(
            "SELECT id, kind FROM agencies WHERE code = @agencyCode AND status = 'active'", new { agencyCode }, tx);
        if (agency is null) return Refusal.Invalid("agencyCode", Text.Of($"코드 '{agencyCode}'인 활성 기관이 없습니다.", $"No active agency has the code '{agencyCode}'."));
        if (kind is not null && agency.Kind != kind) return wrongKind;
        return agency.Id;
    }

    // ---- sign-in and sessions ----

    public async Task<LoginResult> LoginAsync(string username, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>($"{Select} WHERE u.username = @u", new { u = Normalise(username) });
        if (user is null) return await UnknownUsernameAsync(connection, Normalise(username), password, now);
        if (user.LockedUntil is { } locked && locked > now)
            return new LoginResult(LoginOutcome.LockedOut, null, locked - now);
        if (user.LockedUntil is not null)
        {
            // The lock has run out: the next wrong password starts a fresh count rather than locking again at once.
            await connection.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @Id AND locked_until <= @now", new { user.Id, now });
        }

        var verified = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed || user.Status != "active")
        {
            // One statement, so parallel attempts on several API instances all count.
            var until = now + LockoutDuration;
            await connection.ExecuteAsync("""
                UPDATE users
                SET failed_logins = failed_logins + 1,
                    locked_until = CASE WHEN failed_logins + 1 >= @Max THEN @Until ELSE locked_until END
                WHERE id = @Id
                """, new { user.Id, Max = MaxFailedLogins, Until = until });
            var lockedNow = await connection.ExecuteScalarAsync<int>("SELECT failed_logins FROM users WHERE id = @Id", new { user.Id }) >= MaxFailedLogins;
            return lockedNow
                ? new LoginResult(LoginOutcome.LockedOut, null, LockoutDuration)
                : new LoginResult(LoginOutcome.Failed, null, TimeSpan.Zero);
        }

        var hash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password) : user.PasswordHash;
        await connection.ExecuteAsync(
            "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = @Now, password_hash = @Hash WHERE id = @Id",
            new { user.Id, Now = now, Hash = hash });
        return new LoginResult(LoginOutcome.Succeeded, user, TimeSpan.Zero);
    }

    /// <summary>
    /// A sign-in for a username with no account answers exactly as one with a wrong password would: 401 until the
    /// fifth failure, then 429 with Retry-After until the lock runs out, then a fresh count. The failures are kept in
    /// <c>login_failures</c> under the SHA-256 of the username (nothing typed is stored), in the database, so every
    /// API instance counts them. Without this, five wrong tries told an attacker whether a username exists.
    /// </summary>
    private async Task<LoginResult> UnknownUsernameAsync(DbConnection connection, string username, string password, DateTimeOffset now)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(username)));
        var lockedUntil = await connection.ExecuteScalarAsync<DateTimeOffset?>(
            "SELECT locked_until FROM login_failures WHERE username_hash = @key", new { key });
        if (lockedUntil is { } locked && locked > now) return new LoginResult(LoginOutcome.LockedOut, null, locked - now);
        Hasher.VerifyHashedPassword(new UserRow(), DummyHash, password); // the same work as a real account's check
        var p = new { key, Now = now, Max = MaxFailedLogins, Until = now + LockoutDuration };
        // As for an account: a lock that has run out starts a fresh count; the failure that reaches the limit locks.
        const string Count = """
            UPDATE login_failures
            SET failed_logins = CASE WHEN locked_until <= @Now THEN 1 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN (CASE WHEN locked_until <= @Now THEN 1 ELSE failed_logins + 1 END) >= @Max THEN @Until ELSE NULL END,
                last_failed_at = @Now
            WHERE username_hash = @key
            """;
        const string First = """
            INSERT INTO login_failures (username_hash, failed_logins, locked_until, last_failed_at)
            VALUES (@key, 1, CASE WHEN 1 >= @Max THEN @Until ELSE NULL END, @Now)
            """;
        if (await connection.ExecuteAsync(Count, p) == 0)
        {
            try { await connection.ExecuteAsync(First, p); }
            catch (DbException e) when (db.Dialect.IsUniqueViolation(e)) { await connection.ExecuteAsync(Count, p); } // a parallel first try
        }
        var lockedNow = await connection.ExecuteScalarAsync<int>("SELECT failed_logins FROM login_failures WHERE username_hash = @key", new { key }) >= MaxFailedLogins;
        return lockedNow ? new LoginResult(LoginOutcome.LockedOut, null, LockoutDuration) : new LoginResult(LoginOutcome.Failed, null, TimeSpan.Zero);
    }

    /// <summary>
    /// How a session is kept: the SHA-256 of its id, lower-case hex. The id itself travels only inside the (encrypted)
    /// cookie, so the table holds nothing a copy of the database could sign in with. The id is 256 random bits, so a
    /// fast hash is as safe as a slow one (as for API keys).
    /// </summary>
    public static string SessionKey(string sessionId) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId)));

    /// <summary>Starts a session; the id returned goes into the cookie, only its <see cref="SessionKey"/> is stored.</summary>
    public async Task<string> StartSessionAsync(long userId, CancellationToken ct)
    {
        var id = Base64UrlId();
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO user_sessions (id, user_id, created_at, expires_at) VALUES (@key, @userId, @now, @expires)",
            new { key = SessionKey(id), userId, now, expires = now + SessionIdle });
        return id;
    }

    /// <summary>
    /// The user behind a live session, sliding its expiry forward; null when the session was signed out,
    /// expired, or its user disabled. Checked on every cookie request, so sign-out works on every instance.
    /// </summary>
    public async Task<UserRow?> ValidateSessionAsync(string sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var key = SessionKey(sessionId);
        await using var connection = await db.OpenAsync(ct);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            "SELECT user_id, expires_at, revoked_at FROM user_sessions WHERE id = @key", new { key });
        if (session is null || session.RevokedAt is not null || session.ExpiresAt <= now) return null;
        var user = await FindAsync(connection, null, session.UserId);
        if (user is null || user.Status != "active") return null;
        // Best effort, like a key's last use: while an import holds the write lock the renewal waits for a later request
        // (the session has at least half its idle time left).
        if (session.ExpiresAt - now < SessionIdle / 2)
            await db.TryWriteBrieflyAsync(connection, "UPDATE user_sessions SET expires_at = @expires WHERE id = @key",
                new Dictionary<string, object> { ["expires"] = now + SessionIdle, ["key"] = key }, ct);
        return user;
    }

    public async Task EndSessionAsync(string sessionId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE user_sessions SET revoked_at = @now WHERE id = @key AND revoked_at IS NULL",
            new { key = SessionKey(sessionId), now = clock.GetUtcNow() });
    }

    private static Task RevokeSessionsAsync(DbConnection connection, DbTransaction tx, long userId, DateTimeOffset now) =>
        connection.ExecuteAsync("UPDATE user_sessions SET revoked_at = @now WHERE user_id = @userId AND revoked_at IS NULL",
            new { userId, now }, tx);

    private sealed class SessionRow
    {
        public long UserId { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
    }

    private static string Base64UrlId() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Creates an account outside any request (bootstrap and demo users), audited as BioCluster itself.</summary>
    public async Task<bool> EnsureAsync(string username, string displayName, Role role, string? agencyCode, string password, CancellationToken ct)
    {
        if (await ExistsAsync(username, ct)) return false;
        var created = await CreateAsync(new CreateUserRequest(username, displayName, role, password, agencyCode), Actor.System("bootstrap"), ct);
        // A conflict: another instance created it first. Any other refusal is a broken configuration, said at start-up.
        if (created.Refusal is { Kind: not RefusalKind.Conflict } refused)
            throw new InvalidOperationException($"Account '{username}' cannot be created: {refused.Detail ?? string.Join(" ", refused.Errors?.Values.SelectMany(v => v) ?? [])}");
        return created.IsOk;
    }
}
