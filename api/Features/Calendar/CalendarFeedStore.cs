using System.Security.Cryptography;
using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Calendar;
using BioCluster.Contracts.Common;
using Dapper;

namespace BioCluster.Api.Features.Calendar;

/// <summary>
/// All SQL of calendar feeds: the feeds themselves (a token's hash, its owner and scope) and the meetings a feed
/// carries. A token is 256 random bits shown once; only its SHA-256 is kept, so a copy of the database cannot read a
/// feed (as for sessions and API keys, a fast hash is as safe as a slow one for a random secret).
/// </summary>
public sealed class CalendarFeedStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "calendar_feed";
    public const string TokenStart = "bcf_";

    public sealed class FeedRow
    {
        public long Id { get; set; }
        public long? OwnerUserId { get; set; }
        public long? OwnerApiKeyId { get; set; }
        public string Scope { get; set; } = "";
        public long? BodyId { get; set; }
        public string? BodyCode { get; set; }
        public string? BodyNameKo { get; set; }
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }

        public CalendarFeedDto ToDto() => new(Id, WireNames.Parse<CalendarFeedScope>(Scope), BodyCode, BodyNameKo,
            RevokedAt is null ? CalendarFeedStatus.Active : CalendarFeedStatus.Revoked, CreatedAt, RevokedAt, LastUsedAt);
    }

    /// <summary>A feed found by its token, with what decides whether it still answers and what it shows.</summary>
    public sealed class LiveFeedRow
    {
        public long Id { get; set; }
        public string Scope { get; set; } = "";
        public long? BodyId { get; set; }
        public string? BodyNameKo { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }
        public long? OwnerUserId { get; set; }
        public string? UserStatus { get; set; }
        public long? UserAgencyId { get; set; }
        public DateTimeOffset? KeyRevokedAt { get; set; }
        public DateTimeOffset? KeyExpiresAt { get; set; }
        public long? KeyAgencyId { get; set; }
        public string? AgencyNameKo { get; set; }

        /// <summary>The feed answers only while its owner could still sign in: an active user, or a key neither revoked nor expired.</summary>
        public bool OwnerActive(DateTimeOffset now) => OwnerUserId is not null
            ? UserStatus == "active"
            : KeyRevokedAt is null && KeyExpiresAt is { } expires && expires > now;

        public long? AgencyId => OwnerUserId is not null ? UserAgencyId : KeyAgencyId;
    }

    /// <summary>A meeting as a calendar shows it.</summary>
    public sealed class FeedMeetingRow
    {
        public long Id { get; set; }
        public string BodyNameKo { get; set; } = "";
        public int? Number { get; set; }
        public string TitleKo { get; set; } = "";
        public string Kind { get; set; } = "";
        public string State { get; set; } = "";
        public DateTimeOffset StartsAt { get; set; }
        public DateTimeOffset? EndsAt { get; set; }
        public string? Venue { get; set; }
        public string? OnlineUrl { get; set; }
        public string? CancelReason { get; set; }
        public int Sequence { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
    }

    /// <summary>A public agenda item of a meeting in a feed (internal items are never read here).</summary>
    public sealed class FeedAgendaRow
    {
        public long MeetingId { get; set; }
        public long Id { get; set; }
        public long? ParentId { get; set; }
        public int Position { get; set; }
        public string TitleKo { get; set; } = "";
    }

    private const string Select = """
        SELECT f.id, f.owner_user_id, f.owner_api_key_id, f.scope, f.body_id, b.code AS body_code, b.name_ko AS body_name_ko, f.version,
               f.created_at, f.revoked_at, f.last_used_at
        FROM calendar_feeds f
        LEFT JOIN council_bodies b ON b.id = f.body_id
        """;

    /// <summary>How a token is kept: its SHA-256, lower-case hex (as session ids are).</summary>
    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when the text could be a token this store made: anything else is not looked up at all.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: > 10 and <= 100 } && token.StartsWith(TokenStart, StringComparison.Ordinal)
        && token.AsSpan(TokenStart.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    /// <summary>Who owns a feed made by this caller: its user row, or its API key. Single sign-on callers have no row to own one.</summary>
    private static (long? User, long? Key) OwnerOf(Actor actor) => actor.Type switch
    {
        ActorType.User => (actor.Id, null),
        ActorType.ApiKey => (null, actor.Id),
        _ => (null, null),
    };

    private static string OwnerWhere(Actor actor) => actor.Type == ActorType.ApiKey ? "f.owner_api_key_id = @owner" : "f.owner_user_id = @owner";

    public async Task<StoreResult<(Versioned<CalendarFeedDto> Feed, string Token)>> CreateAsync(CreateCalendarFeedRequest r, Actor actor, CancellationToken ct)
    {
        var (user, key) = OwnerOf(actor);
        if (user is null && key is null)
            return Refusal.Forbidden(Text.Of("통합 로그인(SSO)으로 들어온 호출자는 달력 구독을 만들 수 없습니다. BioCluster 계정이나 API 키로 만드세요.",
                "A single sign-on caller cannot own a calendar feed; use a BioCluster account or an API key."));
        if (r.Scope == CalendarFeedScope.Person && actor.AgencyId is null)
            return Refusal.Invalid("scope", Text.Of("소속 기관이 없는 계정은 기관 일정(person) 구독을 만들 수 없습니다. 협의체(body) 구독을 만드세요.",
                "An account without an agency cannot have a 'person' feed; make a 'body' feed instead."));
        var token = TokenStart + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        long? bodyId = null;
        if (r.Scope == CalendarFeedScope.Body)
        {
            bodyId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM council_bodies WHERE code = @BodyCode", new { r.BodyCode }, tx);
            if (bodyId is null)
                return Refusal.Invalid("bodyCode", Text.Of($"코드 '{r.BodyCode}'인 협의체가 없습니다.", $"No council body has the code '{r.BodyCode}'."));
        }
        var id = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO calendar_feeds (token_hash, owner_user_id, owner_api_key_id, scope, body_id, version, created_at)
            VALUES (@Hash, @user, @key, @Scope, @bodyId, 1, @now);
            {db.Dialect.SelectNewId}
            """, new { Hash = TokenHash(token), user, key, Scope = WireNames.Of(r.Scope), bodyId, now }, tx);
        var row = await connection.QuerySingleAsync<FeedRow>($"{Select} WHERE f.id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, row.ToDto());
        await tx.CommitAsync(ct);
        return (new Versioned<CalendarFeedDto>(row.ToDto(), row.Version), token);
    }

    /// <summary>One feed, if the caller owns it (or is an administrator); null otherwise, so others learn nothing of it.</summary>
    public async Task<Versioned<CalendarFeedDto>?> GetAsync(long id, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<FeedRow>($"{Select} WHERE f.id = @id", new { id });
        return row is not null && Sees(actor, row) ? new Versioned<CalendarFeedDto>(row.ToDto(), row.Version) : null;
    }

    private static bool Sees(Actor actor, FeedRow row)
    {
        if (actor.Role == Role.Admin && actor.Type == ActorType.User) return true;
        var (user, key) = OwnerOf(actor);
        return (user is not null && row.OwnerUserId == user) || (key is not null && row.OwnerApiKeyId == key);
    }

    /// <summary>The caller's own feeds, newest first (an administrator's list is their own too: feeds are personal).</summary>
    public async Task<Page<CalendarFeedDto>> ListOwnAsync(Actor actor, SortSpec<FeedRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var (user, key) = OwnerOf(actor);
        if (user is null && key is null) return new Page<CalendarFeedDto>([], null, 0);
        var p = new DynamicParameters();
        p.Add("owner", user ?? key);
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "calendar_feeds f", [OwnerWhere(actor)], p, sort, cursor, limit,
            "f.id", r => r.Id);
        return new Page<CalendarFeedDto>(rows.Select(r => r.ToDto()).ToList(), next, total);
    }

    public static readonly IReadOnlyList<SortField<FeedRow>> SortFields = [new("id", "f.id", r => r.Id, Keyset.WholeNumber)];

    /// <summary>Revokes a feed at once; a feed already revoked stays as it was revoked. Owners their own, administrators any.</summary>
    public async Task<WriteResult<CalendarFeedDto>> RevokeAsync(long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await connection.QuerySingleOrDefaultAsync<FeedRow>($"{Select} WHERE f.id = @id", new { id }, tx);
        if (before is null || !Sees(actor, before)) return WriteResult<CalendarFeedDto>.NotFound;
        var changed = await connection.ExecuteAsync("""
            UPDATE calendar_feeds SET revoked_at = CASE WHEN revoked_at IS NULL THEN @now ELSE revoked_at END, version = version + 1
            WHERE id = @id AND version = @expectedVersion
            """, new { id, expectedVersion, now }, tx);
        if (changed == 0) return WriteResult<CalendarFeedDto>.Stale;
        var after = await connection.QuerySingleAsync<FeedRow>($"{Select} WHERE f.id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, actor, "revoke", EntityType, id, before.ToDto(), after.ToDto());
        await tx.CommitAsync(ct);
        return WriteResult<CalendarFeedDto>.Done(new Versioned<CalendarFeedDto>(after.ToDto(), after.Version));
    }

    /// <summary>
    /// What a token's feed shows, or null when the token is unknown, the feed revoked, or its owner no longer active
    /// (all alike to the caller). Reading it notes the feed's last use, at most once a minute and never waiting for it.
    /// </summary>
    public async Task<MeetingFeed?> FeedAsync(string token, CancellationToken ct)
    {
        if (!LooksLikeToken(token)) return null;
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var feed = await connection.QuerySingleOrDefaultAsync<LiveFeedRow>("""
            SELECT f.id, f.scope, f.body_id, b.name_ko AS body_name_ko, f.last_used_at, f.owner_user_id, u.status AS user_status,
                   u.agency_id AS user_agency_id, k.revoked_at AS key_revoked_at, k.expires_at AS key_expires_at, k.agency_id AS key_agency_id,
                   g.name_ko AS agency_name_ko
            FROM calendar_feeds f
            LEFT JOIN council_bodies b ON b.id = f.body_id
            LEFT JOIN users u ON u.id = f.owner_user_id
            LEFT JOIN api_keys k ON k.id = f.owner_api_key_id
            LEFT JOIN agencies g ON g.id = COALESCE(u.agency_id, k.agency_id)
            WHERE f.token_hash = @hash AND f.revoked_at IS NULL
            """, new { hash = TokenHash(token) });
        if (feed is null || !feed.OwnerActive(now)) return null;
        var scope = WireNames.Parse<CalendarFeedScope>(feed.Scope);
        if (scope == CalendarFeedScope.Person && feed.AgencyId is null) return null; // the owner has left its agency: nothing to show

        // Body: that body's meetings. Person: the meetings of every body the agency has (or had) a seat on, and any
        // meeting where it presents an item. Cancelled meetings stay, so that subscribed calendars drop them.
        var p = scope == CalendarFeedScope.Body ? new { body = feed.BodyId, agency = (long?)null } : new { body = (long?)null, agency = feed.AgencyId };
        var meetings = (await connection.QueryAsync<FeedMeetingRow>("""
            SELECT m.id, b.name_ko AS body_name_ko, m.number, m.title_ko, m.kind, m.state, m.starts_at, m.ends_at, m.venue, m.online_url,
                   m.cancel_reason, m.sequence, m.created_at, m.updated_at
            FROM meetings m JOIN council_bodies b ON b.id = m.body_id
            WHERE m.body_id = @body
               OR m.body_id IN (SELECT s.body_id FROM council_seats s WHERE s.agency_id = @agency)
               OR EXISTS (SELECT 1 FROM agenda_items x WHERE x.meeting_id = m.id AND x.presenter_agency_id = @agency)
            ORDER BY m.starts_at, m.id
            """, p)).AsList();
        var agenda = (await connection.QueryAsync<FeedAgendaRow>("""
            SELECT a.meeting_id, a.id, a.parent_id, a.position, a.title_ko
            FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE a.visibility = 'public'
              AND (m.body_id = @body
                   OR m.body_id IN (SELECT s.body_id FROM council_seats s WHERE s.agency_id = @agency)
                   OR EXISTS (SELECT 1 FROM agenda_items x WHERE x.meeting_id = m.id AND x.presenter_agency_id = @agency))
            ORDER BY a.meeting_id, a.position, a.id
            """, p)).ToLookup(a => a.MeetingId);

        if (feed.LastUsedAt is null || now - feed.LastUsedAt > TimeSpan.FromMinutes(1))
            await db.TryWriteBrieflyAsync(connection, "UPDATE calendar_feeds SET last_used_at = @now WHERE id = @id",
                new Dictionary<string, object> { ["now"] = now, ["id"] = feed.Id }, ct);

        var name = scope == CalendarFeedScope.Body
            ? $"{feed.BodyNameKo} 회의"
            : $"{feed.AgencyNameKo} 협의체 회의 일정";
        return new MeetingFeed(name, now, meetings.Select(m => (m, (IReadOnlyList<FeedAgendaRow>)agenda[m.Id].ToList())).ToList());
    }
}

/// <summary>What one feed shows: its name and its meetings, each with its public agenda.</summary>
public sealed record MeetingFeed(string Name, DateTimeOffset ReadAt,
    IReadOnlyList<(CalendarFeedStore.FeedMeetingRow Meeting, IReadOnlyList<CalendarFeedStore.FeedAgendaRow> Agenda)> Meetings);
