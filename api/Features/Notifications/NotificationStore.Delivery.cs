using System.Data.Common;
using System.Globalization;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Notifications;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.Notifications;

/// <summary>
/// The delivery worker's SQL. Every step is a single guarded statement or a short transaction, so any number of
/// workers (one per API instance) can run over one database: a claim is an UPDATE that only succeeds while the row is
/// still claimable, and every later step is fenced by the claim's own token.
/// </summary>
public sealed partial class NotificationStore
{
    /// <summary>A delivery a worker holds, with what it needs to write the message.</summary>
    public sealed class ClaimedDelivery
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public long? NotificationId { get; set; }
        public DateOnly? DigestDay { get; set; }
        public int Attempts { get; set; }
        public string? Email { get; set; }
        public string? Lang { get; set; }
        public string LeaseToken { get; set; } = "";
    }

    /// <summary>One notification as a message carries it.</summary>
    public sealed class MessageItem
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string SubjectType { get; set; } = "";
        public long SubjectId { get; set; }
        public string ParamsJson { get; set; } = "{}";
        public DateTimeOffset CreatedAt { get; set; }
    }

    /// <summary>
    /// Gives up, for good, the deliveries whose worker stopped after handing the message to the SMTP server and before
    /// recording the answer: whether the server took it cannot be known, and sending it again could send it twice.
    /// </summary>
    public async Task<int> AbandonInterruptedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync("""
            UPDATE notification_deliveries
            SET state = 'failed', lease_token = NULL, lease_until = NULL, updated_at = @now,
                last_error = 'interrupted after the message was handed to the SMTP server; not sent again, so that it is never sent twice'
            WHERE state = 'sending' AND lease_until < @now AND handed_over_at IS NOT NULL
            """, new { now });
    }

    /// <summary>
    /// Claims up to <paramref name="batch"/> due deliveries for <paramref name="leaseFor"/>: each by one UPDATE that only
    /// matches while the row is claimable, so of two workers racing for a row exactly one changes it (SQLite runs one
    /// writer at a time; SQL Server's update lock makes the second re-read the row and find it taken).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int batch, TimeSpan leaseFor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        var candidates = (await connection.QueryAsync<long>($"""
            SELECT id FROM notification_deliveries
            WHERE (state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until < @now AND handed_over_at IS NULL)
            ORDER BY id {db.Dialect.Limit("@Limit")}
            """, new { now, Limit = batch })).AsList();
        var claimed = new List<ClaimedDelivery>();
        foreach (var id in candidates)
        {
            var token = Guid.NewGuid().ToString("N");
            var changed = await connection.ExecuteAsync("""
                UPDATE notification_deliveries
                SET state = 'sending', lease_token = @token, lease_until = @until, attempts = attempts + 1, updated_at = @now
                WHERE id = @id
                  AND ((state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until < @now AND handed_over_at IS NULL))
                """, new { id, token, until = now + leaseFor, now });
            if (changed == 0) continue; // another worker took it first
            claimed.Add(await connection.QuerySingleAsync<ClaimedDelivery>("""
                SELECT d.id, d.user_id, d.notification_id, d.digest_day, d.attempts, p.email, p.lang, d.lease_token
                FROM notification_deliveries d LEFT JOIN notification_preferences p ON p.user_id = d.user_id
                WHERE d.id = @id
                """, new { id }));
        }
        return claimed;
    }

    /// <summary>The notifications a claimed delivery carries: its one, or every one its digest took.</summary>
    public async Task<IReadOnlyList<MessageItem>> ItemsAsync(ClaimedDelivery d, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        const string select = """
            SELECT n.id, e.kind, e.subject_type, e.subject_id, e.params_json, n.created_at
            FROM notifications n JOIN notification_events e ON e.id = n.event_id
            """;
        return (await connection.QueryAsync<MessageItem>(d.NotificationId is { } one
            ? $"{select} WHERE n.id = @one"
            : $"{select} WHERE n.digest_delivery_id = @Id ORDER BY n.id", new { one = d.NotificationId, d.Id })).AsList();
    }

    /// <summary>
    /// Records, before a byte of the message goes out, that it is being handed to the SMTP server, and to whom. False
    /// when the lease is no longer this worker's (it took too long and another may hold it): then nothing is sent.
    /// </summary>
    public async Task<bool> HandOverAsync(ClaimedDelivery d, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync("""
            UPDATE notification_deliveries SET handed_over_at = @now, to_address = @address, updated_at = @now
            WHERE id = @Id AND lease_token = @LeaseToken AND state = 'sending' AND lease_until > @now
            """, new { d.Id, d.LeaseToken, address, now }) == 1;
    }

    public async Task MarkSentAsync(ClaimedDelivery d, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            UPDATE notification_deliveries SET state = 'sent', sent_at = @now, lease_token = NULL, lease_until = NULL, last_error = NULL, updated_at = @now
            WHERE id = @Id AND lease_token = @LeaseToken
            """, new { d.Id, d.LeaseToken, now });
    }

    /// <summary>
    /// The message was not taken (the server could not be reached, or answered no). A passing failure waits
    /// <paramref name="backoff"/> × 2^(attempts − 1) for another try while attempts remain; otherwise, or when
    /// <paramref name="final"/>, the delivery fails with the error.
    /// </summary>
    public async Task RetryOrFailAsync(ClaimedDelivery d, string error, bool final, int maxAttempts, TimeSpan backoff, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var fail = final || d.Attempts >= maxAttempts;
        var wait = TimeSpan.FromTicks(backoff.Ticks * (1L << Math.Clamp(d.Attempts - 1, 0, 20)));
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            UPDATE notification_deliveries
            SET state = @state, next_attempt_at = @next, last_error = @error, handed_over_at = NULL, lease_token = NULL, lease_until = NULL, updated_at = @now
            WHERE id = @Id AND lease_token = @LeaseToken
            """, new { d.Id, d.LeaseToken, state = fail ? "failed" : "pending", next = fail ? now : now + wait, error = Clip(error), now });
    }

    /// <summary>The message may or may not have been taken (the connection broke while it was being sent): failed, never sent again.</summary>
    public async Task FailUncertainAsync(ClaimedDelivery d, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            UPDATE notification_deliveries SET state = 'failed', last_error = @error, lease_token = NULL, lease_until = NULL, updated_at = @now
            WHERE id = @Id AND lease_token = @LeaseToken
            """, new { d.Id, d.LeaseToken, error = Clip("uncertain, not sent again: " + error), now });
    }

    private static string Clip(string s) => s.Length > 1900 ? s[..1900] : s;

    private sealed class DigestCandidate
    {
        public long UserId { get; set; }
        public int DigestHour { get; set; }
    }

    /// <summary>
    /// Makes today's digest delivery of every user whose digest hour (Korean time) has come and who has notifications
    /// waiting for one: at most one per user and day (its dedupe key), however many workers try at once.
    /// </summary>
    public async Task<int> ProduceDigestsAsync(CancellationToken ct)
    {
        if (!Options.EmailEnabled) return 0;
        var now = clock.GetUtcNow();
        var local = now.ToOffset(Council.Offset);
        var day = Council.DayOf(now);
        await using var connection = await db.OpenAsync(ct);
        var waiting = (await connection.QueryAsync<DigestCandidate>("""
            SELECT p.user_id, p.digest_hour FROM notification_preferences p
            WHERE p.digest_hour <= @hour
              AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = p.user_id AND n.email_mode = 'digest' AND n.digest_delivery_id IS NULL)
            """, new { hour = local.Hour })).AsList();
        var made = 0;
        foreach (var user in waiting)
        {
            var key = $"digest:{user.UserId}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                var id = await connection.ExecuteScalarAsync<long>($"""
                    INSERT INTO notification_deliveries (user_id, digest_day, dedupe_key, state, attempts, next_attempt_at, created_at, updated_at)
                    VALUES (@UserId, @day, @key, 'pending', 0, @now, @now, @now);
                    {db.Dialect.SelectNewId}
                    """, new { user.UserId, day, key, now }, tx);
                var taken = await connection.ExecuteAsync("""
                    UPDATE notifications SET digest_delivery_id = @id
                    WHERE user_id = @UserId AND email_mode = 'digest' AND digest_delivery_id IS NULL
                    """, new { id, user.UserId }, tx);
                if (taken == 0) { await tx.RollbackAsync(ct); continue; }
                await tx.CommitAsync(ct);
                made++;
            }
            catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
            {
                await tx.RollbackAsync(ct); // today's digest of this user is made already; what came since waits for tomorrow's
            }
        }
        return made;
    }

    private sealed class DueIssue
    {
        public long Id { get; set; }
        public DateTimeOffset ResponseDueAt { get; set; }
    }

    private sealed class DueImprovement
    {
        public long Id { get; set; }
        public DateOnly PlannedCompletionOn { get; set; }
    }

    private sealed class AnsweredIssue
    {
        public long Id { get; set; }
        public string Status { get; set; } = "";
        public DateTimeOffset AnsweredAt { get; set; }
    }

    private sealed class DueRecommendation
    {
        public long Id { get; set; }
        public DateTimeOffset ResponseDueAt { get; set; }
    }

    private sealed class DueFollowUp
    {
        public long Id { get; set; }
        public string Title { get; set; } = "";
        public long OwnerAgencyId { get; set; }
        public DateOnly DueOn { get; set; }
    }

    /// <summary>How long after a deadline an overdue reminder is still made (older ones are not dug up, e.g. on first start).</summary>
    public const int OverdueReminderDays = 7;

    /// <summary>How many days before a deadline the "due soon" reminder is made (once: on the first pass in that window).</summary>
    public const int SoonReminderDays = 3;

    /// <summary>
    /// How far a period in months may end past its calendar end, counted in working days (a weekend next to the longest
    /// run of holidays, e.g. 추석 with its substitute day): the window of answers read is widened by it, the exact end is
    /// then counted in memory.
    /// </summary>
    private const int PeriodShiftSlackDays = 15;

    /// <summary>Who a reminder of an issue goes to.</summary>
    private enum IssueAudience
    {
        /// <summary>The lead and co-ministries (and, when overdue, the secretariat): the answer, the improvement, the final answer.</summary>
        Ministries,
        /// <summary>The agency that raised the issue: the challenge period of a refusal.</summary>
        Raiser,
    }

    /// <summary>
    /// Makes the deadline reminders that are due, each once per deadline and step (dedupe key of kind, record and
    /// deadline; a new deadline — an extension — is reminded of afresh), counting days on the Korean calendar:
    /// an issue under review whose answer is due (ministries); an accepted issue whose improvement — its planned
    /// completion — is due (ministries); a long-term review whose final answer is due <c>Issues:LongTermReviewPeriod</c>
    /// months after it began (ministries); a refusal whose challenge period (<c>Issues:ChallengePeriod</c> months) ends
    /// (the raising agency; no "overdue": a closed period is no one's task); an open follow-up (its owner agency); a routed policy recommendation
    /// whose answer is due (its addressed ministries; overdue also the secretariat). Each
    /// step is "within 3 days", "today", and — but for the challenge period — "overdue" up to 7 days late.
    /// </summary>
    public async Task<int> ProduceRemindersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = Council.DayOf(now);
        await using var connection = await db.OpenAsync(ct);
        var issues = (await connection.QueryAsync<DueIssue>("""
            SELECT id, response_due_at FROM regulatory_issues
            WHERE status = 'under_review' AND response_due_at IS NOT NULL AND response_due_at >= @from AND response_due_at < @to
            ORDER BY id
            """, new { from = now.AddDays(-(OverdueReminderDays + 1)), to = now.AddDays(SoonReminderDays + 1) })).AsList();
        var improvements = (await connection.QueryAsync<DueImprovement>("""
            SELECT id, planned_completion_on FROM regulatory_issues
            WHERE status IN ('accepted', 'partially_accepted', 'in_progress') AND planned_completion_on IS NOT NULL
              AND planned_completion_on >= @fromDay AND planned_completion_on <= @toDay
            ORDER BY id
            """, new { fromDay = today.AddDays(-OverdueReminderDays), toDay = today.AddDays(SoonReminderDays) })).AsList();
        // The periods that run after an answer end where the issue page says they do (IssuePeriods).
        var periods = IssuePeriods.Configured(await holidays.WorkingDaysAsync(ct), configuration);
        var answered = new List<AnsweredIssue>();
        foreach (var (status, months) in new[] { ("not_accepted", periods.ChallengeMonths), ("long_term_review", periods.LongTermReviewMonths) })
            answered.AddRange(await connection.QueryAsync<AnsweredIssue>("""
                SELECT id, status, answered_at FROM regulatory_issues
                WHERE status = @status AND answered_at IS NOT NULL AND answered_at >= @from AND answered_at < @to
                ORDER BY id
                """, new
            {
                status,
                from = now.AddMonths(-months).AddDays(-(OverdueReminderDays + PeriodShiftSlackDays)),
                to = now.AddMonths(-months).AddDays(SoonReminderDays + 2),
            }));
        var followUps = (await connection.QueryAsync<DueFollowUp>("""
            SELECT id, title, owner_agency_id, due_on FROM follow_ups
            WHERE state IN ('open', 'in_progress') AND owner_agency_id IS NOT NULL AND due_on IS NOT NULL AND due_on >= @fromDay AND due_on <= @toDay
            ORDER BY id
            """, new { fromDay = today.AddDays(-OverdueReminderDays), toDay = today.AddDays(SoonReminderDays) })).AsList();
        var recommendations = (await connection.QueryAsync<DueRecommendation>("""
            SELECT id, response_due_at FROM policy_recommendations
            WHERE state = 'routed' AND response_due_at IS NOT NULL AND response_due_at >= @from AND response_due_at < @to
            ORDER BY id
            """, new { from = now.AddDays(-(OverdueReminderDays + 1)), to = now.AddDays(SoonReminderDays + 1) })).AsList();
        var made = 0;
        foreach (var rec in recommendations)
        {
            var due = Council.DayOf(rec.ResponseDueAt);
            if (KindOf(due.DayNumber - today.DayNumber, NotificationKind.RecommendationDueSoon, NotificationKind.RecommendationDueToday,
                    NotificationKind.RecommendationOverdue) is not { } kind) continue;
            var overdue = kind == NotificationKind.RecommendationOverdue;
            made += await RemindAsync(connection, $"{WireNames.Of(kind)}:{rec.Id}:{UtcTimestampHandler.Format(rec.ResponseDueAt)}", async tx =>
            {
                var facts = await RecommendationAsync(connection, tx, rec.Id);
                var p = RecommendationParams(facts);
                p["dueOn"] = Day(due);
                p["daysLeft"] = (due.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture);
                return (kind, NotificationSubject.PolicyRecommendation, rec.Id, p,
                    await RecipientsAsync(connection, tx, await AddressedMinistriesAsync(connection, tx, facts), overdue, null));
            }, now, ct);
        }
        foreach (var issue in issues)
        {
            var due = Council.DayOf(issue.ResponseDueAt);
            if (KindOf(due.DayNumber - today.DayNumber, NotificationKind.IssueDueSoon, NotificationKind.IssueDueToday, NotificationKind.IssueOverdue)
                is not { } kind) continue;
            made += await RemindIssueAsync(connection, issue.Id, kind, due, UtcTimestampHandler.Format(issue.ResponseDueAt), IssueAudience.Ministries,
                kind == NotificationKind.IssueOverdue, today, now, ct);
        }
        foreach (var issue in improvements)
        {
            var due = issue.PlannedCompletionOn;
            if (KindOf(due.DayNumber - today.DayNumber, NotificationKind.ImprovementDueSoon, NotificationKind.ImprovementDueToday,
                    NotificationKind.ImprovementOverdue) is not { } kind) continue;
            made += await RemindIssueAsync(connection, issue.Id, kind, due, Day(due), IssueAudience.Ministries,
                kind == NotificationKind.ImprovementOverdue, today, now, ct);
        }
        foreach (var issue in answered)
        {
            var refused = issue.Status == "not_accepted";
            var (challengeDue, _, finalAnswerDue, _) = periods.Of(WireNames.Parse<IssueStatus>(issue.Status), issue.AnsweredAt, now);
            var due = (refused ? challengeDue : finalAnswerDue)!.Value;
            var kind = refused
                ? KindOf(due.DayNumber - today.DayNumber, NotificationKind.ChallengeEndingSoon, NotificationKind.ChallengeEndsToday, null)
                : KindOf(due.DayNumber - today.DayNumber, NotificationKind.FinalAnswerDueSoon, NotificationKind.FinalAnswerDueToday,
                    NotificationKind.FinalAnswerOverdue);
            if (kind is not { } k) continue;
            made += await RemindIssueAsync(connection, issue.Id, k, due, Day(due), refused ? IssueAudience.Raiser : IssueAudience.Ministries,
                k == NotificationKind.FinalAnswerOverdue, today, now, ct);
        }
        foreach (var f in followUps)
        {
            if (KindOf(f.DueOn.DayNumber - today.DayNumber, NotificationKind.FollowUpDueSoon, NotificationKind.FollowUpDueToday,
                    NotificationKind.FollowUpOverdue) is not { } kind) continue;
            var key = $"{WireNames.Of(kind)}:{f.Id}:{Day(f.DueOn)}";
            made += await RemindAsync(connection, key, async tx =>
            {
                var p = new Dictionary<string, string?>
                {
                    ["title"] = f.Title,
                    ["dueOn"] = Day(f.DueOn),
                    ["daysLeft"] = (f.DueOn.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture),
                };
                return (kind, NotificationSubject.FollowUp, f.Id, p, await RecipientsAsync(connection, tx, [f.OwnerAgencyId], secretariat: false, null));
            }, now, ct);
        }
        return made;

        static NotificationKind? KindOf(int daysLeft, NotificationKind soon, NotificationKind today, NotificationKind? overdue) => daysLeft switch
        {
            >= 1 and <= SoonReminderDays => soon,
            0 => today,
            < 0 and >= -OverdueReminderDays => overdue,
            _ => null,
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One reminder of an issue's deadline (<paramref name="deadline"/> names it in the dedupe key), to its ministries or its raiser.</summary>
    private Task<int> RemindIssueAsync(DbConnection connection, long issueId, NotificationKind kind, DateOnly due, string deadline, IssueAudience audience,
        bool secretariat, DateOnly today, DateTimeOffset now, CancellationToken ct) =>
        RemindAsync(connection, $"{WireNames.Of(kind)}:{issueId}:{deadline}", async tx =>
        {
            var facts = await IssueAsync(connection, tx, issueId);
            var p = IssueParams(facts);
            p["dueOn"] = Day(due);
            p["daysLeft"] = (due.DayNumber - today.DayNumber).ToString(CultureInfo.InvariantCulture);
            List<long> agencies = audience == IssueAudience.Raiser ? [facts.RaisedById] : await MinistriesOfAsync(connection, tx, facts);
            return (kind, NotificationSubject.RegulatoryIssue, issueId, p, await RecipientsAsync(connection, tx, agencies, secretariat, null));
        }, now, ct);

    /// <summary>One reminder in its own transaction, skipped when its key was made already (here or by another worker).</summary>
    private async Task<int> RemindAsync(DbConnection connection, string key,
        Func<DbTransaction, Task<(NotificationKind Kind, NotificationSubject Subject, long Id, Dictionary<string, string?> Params, List<RecipientRow> To)>> build,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notification_events WHERE dedupe_key = @key", new { key }) > 0) return 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            var (kind, subject, id, p, to) = await build(tx);
            await WriteAsync(connection, tx, kind, subject, id, null, p, to, key, now);
            await tx.CommitAsync(ct);
            return 1;
        }
        catch (DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            await tx.RollbackAsync(ct);
            return 0;
        }
    }

    /// <summary>Deliveries for administrators, newest first, by state when asked.</summary>
    public async Task<Page<NotificationDeliveryDto>> DeliveriesAsync(IReadOnlyList<DeliveryState> states, SortSpec<DeliveryRow> sort, KeysetCursor? cursor,
        int limit, CancellationToken ct)
    {
        var p = new DynamicParameters();
        var where = new List<string>();
        if (states.Count > 0)
        {
            where.Add("d.state IN @states");
            p.Add("states", states.Select(s => WireNames.Of(s)).ToArray());
        }
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, """
            SELECT d.id, d.user_id, u.username, e.kind AS notification_kind, d.digest_day, d.state, d.attempts, d.next_attempt_at, d.to_address,
                   d.last_error, d.sent_at, d.created_at, d.updated_at
            FROM notification_deliveries d
            JOIN users u ON u.id = d.user_id
            LEFT JOIN notifications n ON n.id = d.notification_id
            LEFT JOIN notification_events e ON e.id = n.event_id
            """, "notification_deliveries d", where, p, sort, cursor, limit, "d.id", r => r.Id);
        return new Page<NotificationDeliveryDto>(rows.Select(r => r.ToDto()).ToList(), next, total);
    }

    public sealed class DeliveryRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string Username { get; set; } = "";
        public string? NotificationKind { get; set; }
        public DateOnly? DigestDay { get; set; }
        public string State { get; set; } = "";
        public int Attempts { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; }
        public string? ToAddress { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? SentAt { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public NotificationDeliveryDto ToDto() => new(Id, UserId, Username,
            NotificationKind is null ? null : WireNames.Parse<NotificationKind>(NotificationKind), DigestDay, WireNames.Parse<DeliveryState>(State),
            Attempts, NextAttemptAt, ToAddress, LastError, SentAt, CreatedAt, UpdatedAt);
    }

    public static readonly IReadOnlyList<SortField<DeliveryRow>> DeliverySortFields = [new("id", "d.id", r => r.Id, Keyset.WholeNumber)];
}
