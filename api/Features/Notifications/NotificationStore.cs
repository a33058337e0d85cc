using System.Data.Common;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Notifications;
using Dapper;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// All SQL of notifications: the outbox hooks other stores call inside their transactions (<c>.Outbox.cs</c>), the
/// delivery worker's claims, reminders and digests (<c>.Delivery.cs</c>), and here the caller's bell and preferences.
/// </summary>
public sealed partial class NotificationStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit, IOptions<NotificationOptions> options,
    HolidayStore holidays, IConfiguration configuration)
{
    public const string PreferencesEntity = "notification_preferences";

    private NotificationOptions Options => options.Value;

    public sealed class InboxRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string SubjectType { get; set; } = "";
        public long SubjectId { get; set; }
        public string? ActorName { get; set; }
        public string ParamsJson { get; set; } = "{}";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? ReadAt { get; set; }

        public NotificationDto ToDto(bool english)
        {
            var kind = WireNames.Parse<NotificationKind>(Kind);
            var subject = WireNames.Parse<NotificationSubject>(SubjectType);
            var message = NotificationText.Render(kind, Params(ParamsJson), english);
            return new NotificationDto(Id, kind, subject, SubjectId, message.Title, message.Body, NotificationText.Link(subject, SubjectId), ActorName,
                CreatedAt, ReadAt);
        }
    }

    internal static IReadOnlyDictionary<string, string?> Params(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];

    public static readonly IReadOnlyList<SortField<InboxRow>> SortFields = [new("id", "n.id", r => r.Id, Keyset.WholeNumber)];

    private const string InboxSelect = """
        SELECT n.id, e.kind, e.subject_type, e.subject_id, e.actor_name, e.params_json, n.created_at, n.read_at
        FROM notifications n JOIN notification_events e ON e.id = n.event_id
        """;

    /// <summary>The caller's own notifications, newest first; only unread ones when asked. Nobody reads another's.</summary>
    public async Task<Page<NotificationDto>> InboxAsync(long userId, bool unreadOnly, SortSpec<InboxRow> sort, KeysetCursor? cursor, int limit,
        CancellationToken ct)
    {
        var p = new DynamicParameters();
        p.Add("me", userId);
        var where = new List<string> { "n.user_id = @me" };
        if (unreadOnly) where.Add("n.read_at IS NULL");
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, InboxSelect, "notifications n", where, p, sort, cursor, limit, "n.id",
            r => r.Id);
        var english = Localization.IsEnglish;
        return new Page<NotificationDto>(rows.Select(r => r.ToDto(english)).ToList(), next, total);
    }

    public async Task<int> UnreadCountAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notifications WHERE user_id = @userId AND read_at IS NULL", new { userId });
    }

    /// <summary>Marks one of the caller's notifications read (reading it again keeps the first time); false when it is not theirs.</summary>
    public async Task<bool> MarkReadAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var mine = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notifications WHERE id = @id AND user_id = @userId", new { id, userId });
        if (mine == 0) return false;
        await connection.ExecuteAsync("UPDATE notifications SET read_at = @now WHERE id = @id AND user_id = @userId AND read_at IS NULL",
            new { id, userId, now = clock.GetUtcNow() });
        return true;
    }

    public async Task<int> MarkAllReadAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync("UPDATE notifications SET read_at = @now WHERE user_id = @userId AND read_at IS NULL",
            new { userId, now = clock.GetUtcNow() });
    }

    public sealed class PreferencesRow
    {
        public long UserId { get; set; }
        public string? Email { get; set; }
        public string Lang { get; set; } = "ko";
        public string EmailOff { get; set; } = "[]";
        public bool Digest { get; set; }
        public int DigestHour { get; set; } = DefaultDigestHour;
        public long Version { get; set; } = 1;

        public IReadOnlySet<string> Off => (JsonSerializer.Deserialize<List<string>>(EmailOff) ?? []).ToHashSet(StringComparer.Ordinal);

        public NotificationPreferencesDto ToDto(bool emailEnabled) => new(Email, WireNames.Parse<NotificationLanguage>(Lang),
            Enum.GetValues<NotificationKind>().Where(k => !Off.Contains(WireNames.Of(k))).ToList(), Digest, DigestHour, emailEnabled);
    }

    public const int DefaultDigestHour = 8;

    private static async Task<PreferencesRow?> PreferencesRowAsync(DbConnection connection, DbTransaction? tx, long userId) =>
        await connection.QuerySingleOrDefaultAsync<PreferencesRow>(
            "SELECT user_id, email, lang, email_off, digest, digest_hour, version FROM notification_preferences WHERE user_id = @userId", new { userId }, tx);

    /// <summary>The caller's preferences; the defaults (version 1) until they first save them.</summary>
    public async Task<Versioned<NotificationPreferencesDto>> PreferencesAsync(long userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await PreferencesRowAsync(connection, null, userId) ?? new PreferencesRow { UserId = userId };
        return new Versioned<NotificationPreferencesDto>(row.ToDto(Options.EmailEnabled), row.Version);
    }

    /// <summary>
    /// Replaces the caller's preferences under If-Match (the defaults are version 1, so the first save sends "1"). What
    /// waited for a digest the user now stops stays in the bell only (a late pile of single e-mails would help nobody).
    /// </summary>
    public async Task<WriteResult<NotificationPreferencesDto>> SavePreferencesAsync(Actor actor, long expectedVersion, NotificationPreferencesRequest r,
        CancellationToken ct)
    {
        var userId = actor.Id!.Value;
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await PreferencesRowAsync(connection, tx, userId);
        var current = before?.Version ?? 1;
        if (current != expectedVersion) return Refusal.Stale;
        var values = new
        {
            userId,
            Email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim(),
            Lang = WireNames.Of(r.Language),
            EmailOff = JsonSerializer.Serialize(Enum.GetValues<NotificationKind>().Where(k => !r.EmailKinds.Contains(k)).Select(k => WireNames.Of(k)).ToList()),
            r.Digest,
            r.DigestHour,
            expectedVersion,
            now,
        };
        try
        {
            var changed = before is null
                ? await connection.ExecuteAsync("""
                    INSERT INTO notification_preferences (user_id, email, lang, email_off, digest, digest_hour, version, updated_at)
                    VALUES (@userId, @Email, @Lang, @EmailOff, @Digest, @DigestHour, 2, @now)
                    """, values, tx)
                : await connection.ExecuteAsync("""
                    UPDATE notification_preferences SET email = @Email, lang = @Lang, email_off = @EmailOff, digest = @Digest, digest_hour = @DigestHour,
                           version = version + 1, updated_at = @now
                    WHERE user_id = @userId AND version = @expectedVersion
                    """, values, tx);
            if (changed == 0) return Refusal.Stale;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Refusal.Stale; // another first save of the same user won
        }
        if (!r.Digest)
            await connection.ExecuteAsync(
                "UPDATE notifications SET email_mode = 'none' WHERE user_id = @userId AND email_mode = 'digest' AND digest_delivery_id IS NULL",
                new { userId }, tx);
        var after = (await PreferencesRowAsync(connection, tx, userId))!;
        await audit.WriteAsync(connection, tx, actor, "update", PreferencesEntity, userId,
            before?.ToDto(Options.EmailEnabled), after.ToDto(Options.EmailEnabled));
        await tx.CommitAsync(ct);
        return new Versioned<NotificationPreferencesDto>(after.ToDto(Options.EmailEnabled), after.Version);
    }
}
