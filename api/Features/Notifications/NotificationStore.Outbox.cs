using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Meetings;
using BioCluster.Contracts.Notifications;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// The outbox: one <c>Notify…</c> call per event, made by the store that changes the record, on its connection and
/// inside its transaction, so a notification exists exactly when its change does (a refused or rolled-back move leaves
/// none). Each call resolves who is told from the data, writes the event, one bell row per person and, for those who
/// want it mailed one by one, a pending e-mail delivery for the worker.
/// </summary>
public sealed partial class NotificationStore
{
    /// <summary>A person to tell, with what decides how.</summary>
    public sealed class RecipientRow
    {
        public long UserId { get; set; }
        public string? Email { get; set; }
        public string? EmailOff { get; set; }
        public bool? Digest { get; set; }
    }

    private sealed class IssueFacts
    {
        public long Id { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public long RaisedById { get; set; }
        public long? LeadMinistryId { get; set; }
        public string? MinistryKo { get; set; }
        public string? MinistryEn { get; set; }
        public DateTimeOffset? ResponseDueAt { get; set; }
    }

    private static Task<IssueFacts> IssueAsync(DbConnection c, DbTransaction tx, long id) => c.QuerySingleAsync<IssueFacts>("""
        SELECT i.id, i.title_ko, i.title_en, i.raised_by_id, i.lead_ministry_id, a.name_ko AS ministry_ko, a.name_en AS ministry_en, i.response_due_at
        FROM regulatory_issues i LEFT JOIN agencies a ON a.id = i.lead_ministry_id WHERE i.id = @id
        """, new { id }, tx);

    private static async Task<List<long>> MinistriesOfAsync(DbConnection c, DbTransaction tx, IssueFacts issue)
    {
        var ids = (await c.QueryAsync<long>("SELECT agency_id FROM regulatory_issue_co_ministries WHERE issue_id = @Id", new { issue.Id }, tx)).AsList();
        if (issue.LeadMinistryId is { } lead) ids.Insert(0, lead);
        return ids;
    }

    private static Dictionary<string, string?> IssueParams(IssueFacts issue) => new()
    {
        ["title"] = issue.TitleKo,
        ["titleEn"] = issue.TitleEn,
        ["ministry"] = issue.MinistryKo,
        ["ministryEn"] = issue.MinistryEn,
        ["dueOn"] = issue.ResponseDueAt is { } due ? Council.DayOf(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    };

    /// <summary>
    /// A workflow move was made on an issue. When it <paramref name="routed"/> the issue (into review, or to another lead
    /// ministry: a re-route, a granted relief), the lead and co-ministries' people are told it is theirs to answer
    /// (<see cref="NotificationKind.IssueRouted"/>); everyone else who works the issue — the raising agency, the ministries
    /// when the move did not route it (an extension, a request) — is told it moved. The one who moved it is not.
    /// </summary>
    public async Task NotifyIssueMovedAsync(DbConnection c, DbTransaction tx, long issueId, IssueStatus from, IssueStatus to, bool routed, Actor actor,
        DateTimeOffset now)
    {
        var issue = await IssueAsync(c, tx, issueId);
        var ministries = await MinistriesOfAsync(c, tx, issue);
        var told = new HashSet<long>();
        if (routed && ministries.Count > 0)
            told = await NotifyIssueRoutedAsync(c, tx, issue, ministries, actor, now);
        var p = IssueParams(issue);
        p["from"] = WireNames.Of(from);
        p["to"] = WireNames.Of(to);
        p["actor"] = actor.DisplayName;
        var recipients = await RecipientsAsync(c, tx, [issue.RaisedById, .. ministries], secretariat: false, actor);
        await WriteAsync(c, tx, NotificationKind.IssueMoved, NotificationSubject.RegulatoryIssue, issueId, actor.DisplayName, p,
            recipients.Where(r => !told.Contains(r.UserId)).ToList(), null, now);
    }

    /// <summary>An issue was routed to its (new) lead ministry: the lead and co-ministries' people are told.</summary>
    private async Task<HashSet<long>> NotifyIssueRoutedAsync(DbConnection c, DbTransaction tx, IssueFacts issue, List<long> ministries, Actor actor,
        DateTimeOffset now)
    {
        var recipients = await RecipientsAsync(c, tx, ministries, secretariat: false, actor);
        var p = IssueParams(issue);
        p["actor"] = actor.DisplayName;
        await WriteAsync(c, tx, NotificationKind.IssueRouted, NotificationSubject.RegulatoryIssue, issue.Id, actor.DisplayName, p, recipients, null, now);
        return recipients.Select(r => r.UserId).ToHashSet();
    }

    /// <summary>A comment on an issue: the people of every agency that works it (raiser, ministries, its clusters' operators) except the author.</summary>
    public async Task NotifyIssueCommentedAsync(DbConnection c, DbTransaction tx, long issueId, string text, Actor actor, DateTimeOffset now)
    {
        var issue = await IssueAsync(c, tx, issueId);
        var agencies = await MinistriesOfAsync(c, tx, issue);
        agencies.Add(issue.RaisedById);
        agencies.AddRange(await c.QueryAsync<long>(
            "SELECT c.operator_id FROM regulatory_issue_clusters ic JOIN clusters c ON c.id = ic.cluster_id WHERE ic.issue_id = @issueId AND c.operator_id IS NOT NULL",
            new { issueId }, tx));
        var p = IssueParams(issue);
        p["actor"] = actor.DisplayName;
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        p["excerpt"] = flat.Length > 140 ? flat[..140] + "…" : flat;
        await WriteAsync(c, tx, NotificationKind.IssueCommented, NotificationSubject.RegulatoryIssue, issueId, actor.DisplayName, p,
            await RecipientsAsync(c, tx, agencies, secretariat: false, actor), null, now);
    }

    private sealed class FollowUpFacts
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public long? OwnerAgencyId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    /// <summary>A follow-up was given to an agency (made with an owner, or its owner changed): that agency's people are told.</summary>
    public async Task NotifyFollowUpAssignedAsync(DbConnection c, DbTransaction tx, long followUpId, Actor actor, DateTimeOffset now)
    {
        var f = await c.QuerySingleAsync<FollowUpFacts>("SELECT id, title, owner_agency_id, due_on FROM follow_ups WHERE id = @followUpId",
            new { followUpId }, tx);
        if (f.OwnerAgencyId is not { } owner) return;
        var p = new Dictionary<string, string?>
        {
            ["title"] = f.Title,
            ["dueOn"] = f.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["actor"] = actor.DisplayName,
        };
        await WriteAsync(c, tx, NotificationKind.FollowUpAssigned, NotificationSubject.FollowUp, followUpId, actor.DisplayName, p,
            await RecipientsAsync(c, tx, [owner], secretariat: false, actor), null, now);
    }

    private sealed class MeetingFacts
    {
        public long Id { get; set; }
        public long BodyId { get; set; }
        public string BodyKo { get; set; } = "";
        public string? BodyEn { get; set; }
        public int? Number { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public DateTimeOffset StartsAt { get; set; }
        public string? Venue { get; set; }
        public string? CancelReason { get; set; }
    }

    /// <summary>
    /// A meeting was convened or cancelled (other moves tell nobody): the people of every agency that holds a seat of its
    /// body, or sits on it for a current member, are told.
    /// </summary>
    public async Task NotifyMeetingMovedAsync(DbConnection c, DbTransaction tx, long meetingId, MeetingState to, Actor actor, DateTimeOffset now)
    {
        if (to is not (MeetingState.Convened or MeetingState.Cancelled)) return;
        var m = await c.QuerySingleAsync<MeetingFacts>("""
            SELECT m.id, m.body_id, b.name_ko AS body_ko, b.name_en AS body_en, m.number, m.title_ko, m.title_en, m.starts_at, m.venue, m.cancel_reason
            FROM meetings m JOIN council_bodies b ON b.id = m.body_id WHERE m.id = @meetingId
            """, new { meetingId }, tx);
        var today = Council.DayOf(now);
        var agencies = (await c.QueryAsync<long>("""
            SELECT s.agency_id FROM council_seats s
            WHERE s.body_id = @BodyId AND s.agency_id IS NOT NULL AND (s.active_to IS NULL OR s.active_to >= @today)
            UNION
            SELECT ms.on_behalf_of_id FROM council_memberships ms JOIN council_seats s ON s.id = ms.seat_id
            WHERE s.body_id = @BodyId AND ms.on_behalf_of_id IS NOT NULL AND (ms.ends_on IS NULL OR ms.ends_on >= @today)
            """, new { m.BodyId, today }, tx)).AsList();
        var numbered = m.Number is { } n ? $" 제{n}차" : "";
        var numberedEn = m.Number is { } k ? $" meeting {k}" : "";
        var p = new Dictionary<string, string?>
        {
            ["title"] = $"{m.BodyKo}{numbered} — {m.TitleKo}",
            ["titleEn"] = $"{m.BodyEn ?? m.BodyKo}{numberedEn} — {m.TitleEn ?? m.TitleKo}",
            ["startsAt"] = m.StartsAt.ToOffset(Council.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["venue"] = m.Venue,
            ["reason"] = m.CancelReason,
            ["actor"] = actor.DisplayName,
        };
        await WriteAsync(c, tx, to == MeetingState.Convened ? NotificationKind.MeetingConvened : NotificationKind.MeetingCancelled,
            NotificationSubject.Meeting, meetingId, actor.DisplayName, p, await RecipientsAsync(c, tx, agencies, secretariat: false, actor), null, now);
    }

    private sealed class RecommendationFacts
    {
        public long Id { get; set; }
        public string ThemeKo { get; set; } = "";
        public string? ThemeEn { get; set; }
        public long RaisedById { get; set; }
        public long LeadMinistryId { get; set; }
        public string MinistryKo { get; set; } = "";
        public string? MinistryEn { get; set; }
        public DateTimeOffset? ResponseDueAt { get; set; }
    }

    private static Task<RecommendationFacts> RecommendationAsync(DbConnection c, DbTransaction tx, long id) => c.QuerySingleAsync<RecommendationFacts>("""
        SELECT r.id, r.theme_ko, r.theme_en, r.raised_by_id, r.lead_ministry_id, a.name_ko AS ministry_ko, a.name_en AS ministry_en, r.response_due_at
        FROM policy_recommendations r JOIN agencies a ON a.id = r.lead_ministry_id WHERE r.id = @id
        """, new { id }, tx);

    /// <summary>The lead ministry first, then the other addressed ministries.</summary>
    private static async Task<List<long>> AddressedMinistriesAsync(DbConnection c, DbTransaction tx, RecommendationFacts r)
    {
        var ids = (await c.QueryAsync<long>("SELECT agency_id FROM policy_recommendation_ministries WHERE recommendation_id = @Id ORDER BY agency_id",
            new { r.Id }, tx)).AsList();
        ids.Insert(0, r.LeadMinistryId);
        return ids;
    }

    private static Dictionary<string, string?> RecommendationParams(RecommendationFacts r) => new()
    {
        ["title"] = r.ThemeKo,
        ["titleEn"] = r.ThemeEn,
        ["ministry"] = r.MinistryKo,
        ["ministryEn"] = r.MinistryEn,
        ["dueOn"] = r.ResponseDueAt is { } due ? Council.DayOf(due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    };

    /// <summary>
    /// A move was made on a policy recommendation (ADR 0023). Routing tells the people of the addressed ministries (lead
    /// and others) it is theirs to answer; every move — routing, answers, progress, conversion into an issue, withdrawal —
    /// tells the raising agency's people (the cluster operator) it moved. The one who moved it is not told.
    /// </summary>
    public async Task NotifyRecommendationMovedAsync(DbConnection c, DbTransaction tx, long recommendationId, string from, string to, string? move,
        bool routed, Actor actor, DateTimeOffset now)
    {
        var rec = await RecommendationAsync(c, tx, recommendationId);
        var told = new HashSet<long>();
        if (routed)
        {
            var ministries = await RecipientsAsync(c, tx, await AddressedMinistriesAsync(c, tx, rec), secretariat: false, actor);
            var routedParams = RecommendationParams(rec);
            routedParams["actor"] = actor.DisplayName;
            await WriteAsync(c, tx, NotificationKind.RecommendationRouted, NotificationSubject.PolicyRecommendation, rec.Id, actor.DisplayName, routedParams,
                ministries, null, now);
            told = ministries.Select(r => r.UserId).ToHashSet();
        }
        var p = RecommendationParams(rec);
        p["from"] = from;
        p["to"] = to;
        p["move"] = move;
        p["actor"] = actor.DisplayName;
        var raisers = await RecipientsAsync(c, tx, [rec.RaisedById], secretariat: false, actor);
        await WriteAsync(c, tx, NotificationKind.RecommendationMoved, NotificationSubject.PolicyRecommendation, rec.Id, actor.DisplayName, p,
            raisers.Where(r => !told.Contains(r.UserId)).ToList(), null, now);
    }

    /// <summary>The active people of these agencies (and of the secretariat when asked), without the one who acted.</summary>
    internal async Task<List<RecipientRow>> RecipientsAsync(DbConnection c, DbTransaction tx, IEnumerable<long> agencies, bool secretariat, Actor? actor)
    {
        var rows = (await c.QueryAsync<RecipientRow>($"""
            SELECT u.id AS user_id, p.email, p.email_off, p.digest
            FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
            WHERE u.status = 'active' AND (u.agency_id IN ({db.Dialect.IdsIn("@agencies")}) OR (@secretariat = 1 AND u.role = 'secretariat'))
            ORDER BY u.id
            """, new { agencies = SqlDialect.IdList(agencies.Distinct()), secretariat = secretariat ? 1 : 0 }, tx)).AsList();
        if (actor is { Type: ActorType.User, Id: { } me }) rows.RemoveAll(r => r.UserId == me);
        return rows;
    }

    /// <summary>
    /// Writes one event and its recipients' rows. With a <paramref name="dedupeKey"/> the event is made at most once
    /// (false when it already was). A recipient's e-mail: none without an address, for a kind they turned off, or while
    /// this BioCluster sends no e-mail; otherwise a pending delivery now, or a place in their next daily digest.
    /// </summary>
    internal async Task<bool> WriteAsync(DbConnection c, DbTransaction tx, NotificationKind kind, NotificationSubject subject, long subjectId,
        string? actorName, Dictionary<string, string?> p, IReadOnlyList<RecipientRow> recipients, string? dedupeKey, DateTimeOffset now)
    {
        if (recipients.Count == 0 && dedupeKey is null) return false;
        var eventId = await c.ExecuteScalarAsync<long>($"""
            INSERT INTO notification_events (kind, subject_type, subject_id, actor_name, params_json, dedupe_key, created_at)
            VALUES (@Kind, @Subject, @subjectId, @actorName, @Params, @dedupeKey, @now);
            {db.Dialect.SelectNewId}
            """, new { Kind = WireNames.Of(kind), Subject = WireNames.Of(subject), subjectId, actorName, Params = JsonSerializer.Serialize(p), dedupeKey, now }, tx);
        var wire = WireNames.Of(kind);
        foreach (var r in recipients)
        {
            var mode = !Options.EmailEnabled || string.IsNullOrWhiteSpace(r.Email) || (r.EmailOff is { } off && off.Contains($"\"{wire}\"", StringComparison.Ordinal))
                ? "none"
                : r.Digest == true ? "digest" : "single";
            var notificationId = await c.ExecuteScalarAsync<long>($"""
                INSERT INTO notifications (event_id, user_id, email_mode, created_at) VALUES (@eventId, @UserId, @mode, @now);
                {db.Dialect.SelectNewId}
                """, new { eventId, r.UserId, mode, now }, tx);
            if (mode == "single")
                await c.ExecuteAsync("""
                    INSERT INTO notification_deliveries (user_id, notification_id, state, attempts, next_attempt_at, created_at, updated_at)
                    VALUES (@UserId, @notificationId, 'pending', 0, @now, @now, @now)
                    """, new { r.UserId, notificationId, now }, tx);
        }
        return true;
    }
}
