using System.Data.Common;
using System.Globalization;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Workflow;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Home;
using BioCluster.Contracts.Meetings;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.Home;

/// <summary>
/// Everything the home (오늘 할 일) reads. Every reader of issues sees every issue (the issue list has no per-actor
/// filter), so the home narrows to the caller's work, not to what it may see; follow-ups are read only by those who
/// manage the council (the secretariat), so no visibility rule applies to the ones shown. Each query walks an index:
/// counts come from the running tallies where they can, lists are top-N walks of a sorted index.
/// </summary>
public sealed class HomeStore(DbConnectionFactory db, TimeProvider clock)
{
    /// <summary>States in which the lead ministry owes the next step (an answer, a review, the improvement).</summary>
    internal static readonly string[] OwedByMinistry = ["under_review", "long_term_review", "accepted", "partially_accepted", "in_progress"];

    /// <summary>States in which the raiser has an answer to read and, if it disagrees, to take up with the secretariat.</summary>
    internal static readonly string[] AnsweredStates = ["accepted", "partially_accepted", "long_term_review", "not_accepted"];

    /// <summary>States no longer open: improved, withdrawn, or refused.</summary>
    internal static readonly string[] ClosedStates = ["completed", "withdrawn", "not_accepted"];

    public const int DueSoonDays = 7;
    public const int ChartMonths = 12;

    private const string Columns = "i.id, i.title_ko, i.title_en, i.status, i.lead_ministry_id, i.next_due_at, i.updated_at";

    public async Task<HomeDto> HomeAsync(Actor actor, int items, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var soon = now.AddDays(DueSoonDays);
        var summaryTask = SummaryAsync(now, soon, ct);
        var chartsTask = ChartsAsync(now, ct);
        Task<SecretariatHome>? secretariatTask = null;
        Task<MinistryHome?>? ministryTask = null;
        Task<OperatorHome?>? operatorTask = null;
        switch (actor.Role)
        {
            case Role.Admin or Role.Secretariat:
                secretariatTask = SecretariatAsync(now, soon, items, ct);
                break;
            case Role.MinistryReviewer when actor.AgencyId is { } ministry:
                ministryTask = MinistryAsync(ministry, now, soon, items, ct);
                break;
            case Role.ClusterOperator when actor.AgencyId is { } operatorId:
                operatorTask = OperatorAsync(operatorId, now, items, ct);
                break;
        }
        await Task.WhenAll(new Task?[] { summaryTask, chartsTask, secretariatTask, ministryTask, operatorTask }.OfType<Task>());
        return new HomeDto(actor.Role, secretariatTask?.Result, ministryTask?.Result, operatorTask?.Result, summaryTask.Result, chartsTask.Result, now);
    }

    private async Task<T> WithConnection<T>(Func<DbConnection, Task<T>> read, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await read(connection);
    }

    // ---- summary ---------------------------------------------------------------------------------------------

    private async Task<HomeSummary> SummaryAsync(DateTimeOffset now, DateTimeOffset soon, CancellationToken ct) =>
        await WithConnection(async c =>
        {
            var byStatus = (await c.QueryAsync<KeyCount>(
                "SELECT status AS name, SUM(issues) AS count FROM regulatory_issue_tallies GROUP BY status")).Where(s => s.Count != 0).ToList();
            var overdue = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM regulatory_issues WHERE next_due_at < @now", new { now });
            var dueSoon = await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM regulatory_issues WHERE next_due_at >= @now AND next_due_at < @soon", new { now, soon });
            var statuses = byStatus.Select(s => new StatusCount(WireNames.Parse<IssueStatus>(s.Name!), (int)s.Count)).OrderBy(s => s.Status).ToList();
            var total = statuses.Sum(s => s.Count);
            var open = byStatus.Where(s => !ClosedStates.Contains(s.Name)).Sum(s => (int)s.Count);
            return new HomeSummary(total, open, overdue, dueSoon, statuses);
        }, ct);

    // ---- secretariat -----------------------------------------------------------------------------------------

    private async Task<SecretariatHome> SecretariatAsync(DateTimeOffset now, DateTimeOffset soon, int items, CancellationToken ct)
    {
        var toRouteTask = WithConnection(async c =>
        {
            var count = await c.ExecuteScalarAsync<int>("SELECT COALESCE(SUM(issues), 0) FROM regulatory_issue_tallies WHERE status = 'submitted'");
            var rows = (await c.QueryAsync<IssueRow>(
                $"SELECT {Columns} FROM regulatory_issues i WHERE i.status = 'submitted' ORDER BY i.created_at, i.id {db.Dialect.Limit("@Limit")}",
                new { Limit = items })).ToList();
            return (count, rows);
        }, ct);
        var dueTask = WithConnection(async c => (await c.QueryAsync<DueRow>("""
            SELECT lead_ministry_id,
                   SUM(CASE WHEN next_due_at < @now THEN 1 ELSE 0 END) AS overdue,
                   SUM(CASE WHEN next_due_at >= @now THEN 1 ELSE 0 END) AS due_soon
            FROM regulatory_issues
            WHERE next_due_at < @soon AND lead_ministry_id IS NOT NULL
            GROUP BY lead_ministry_id
            """, new { now, soon })).ToList(), ct);
        var today = Council.DayOf(now);
        var followUpsTask = WithConnection(async c =>
        {
            var count = await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM follow_ups WHERE state IN ('open', 'in_progress') AND due_on < @today", new { today });
            var rows = (await c.QueryAsync<FollowUpRow>($"""
                SELECT f.id, f.meeting_id, f.title, f.owner_agency_id, f.due_on
                FROM follow_ups f
                WHERE f.state IN ('open', 'in_progress') AND f.due_on < @today
                ORDER BY f.due_on, f.id {db.Dialect.Limit("@Limit")}
                """, new { today, Limit = items })).ToList();
            return (count, rows);
        }, ct);
        var meetingTask = WithConnection(async c => await c.QueryFirstOrDefaultAsync<MeetingRow>($"""
            SELECT id, title_ko, title_en, state, starts_at, venue FROM meetings
            WHERE state IN ('planned', 'convened') AND starts_at >= @from
            ORDER BY starts_at, id {db.Dialect.Limit("@Limit")}
            """, new { from = Council.EndOf(today.AddDays(-1)), Limit = 1 }), ct);
        await Task.WhenAll(toRouteTask, dueTask, followUpsTask, meetingTask);
        var (routeCount, routeRows) = toRouteTask.Result;
        var due = dueTask.Result;
        var (followUpCount, followUpRows) = followUpsTask.Result;

        await using var connection = await db.OpenAsync(ct);
        var agencies = await AgenciesAsync(connection, routeRows.Select(r => r.LeadMinistryId).Concat(due.Select(d => d.LeadMinistryId))
            .Concat(followUpRows.Select(f => f.OwnerAgencyId)));
        var m = meetingTask.Result;
        return new SecretariatHome(
            new HomeIssueList(routeCount, routeRows.Select(r => r.ToHome(agencies, now, null)).ToList()),
            due.Select(d => new MinistryDue(agencies[d.LeadMinistryId!.Value], (int)d.Overdue, (int)d.DueSoon))
                .OrderByDescending(d => d.Overdue).ThenByDescending(d => d.DueSoon).ThenBy(d => d.Ministry.Code, StringComparer.Ordinal).ToList(),
            (int)due.Sum(d => d.Overdue),
            (int)due.Sum(d => d.DueSoon),
            new HomeFollowUpList(followUpCount, followUpRows.Select(f => new HomeFollowUp(f.Id, f.MeetingId, f.Title,
                f.OwnerAgencyId is { } o ? agencies[o] : null, f.DueOn)).ToList()),
            m is null ? null : new HomeMeeting(m.Id, m.TitleKo, m.TitleEn, WireNames.Parse<MeetingState>(m.State), m.StartsAt, m.Venue));
    }

    // ---- ministry --------------------------------------------------------------------------------------------

    private async Task<MinistryHome?> MinistryAsync(long ministry, DateTimeOffset now, DateTimeOffset soon, int items, CancellationToken ct)
    {
        var p = new { ministry, owed = OwedByMinistry, now, soon, Limit = items };
        var leadTask = WithConnection(async c =>
        {
            var count = await c.ExecuteScalarAsync<int>(
                "SELECT COALESCE(SUM(issues), 0) FROM regulatory_issue_tallies WHERE lead_ministry_id = @ministry AND status IN @owed", p);
            var overdue = await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM regulatory_issues WHERE lead_ministry_id = @ministry AND next_due_at < @now AND status IN @owed", p);
            var dueSoon = await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM regulatory_issues WHERE lead_ministry_id = @ministry AND next_due_at >= @now AND next_due_at < @soon AND status IN @owed", p);
            var rows = (await c.QueryAsync<IssueRow>($"""
                SELECT {Columns} FROM regulatory_issues i
                WHERE i.lead_ministry_id = @ministry AND i.status IN @owed
                ORDER BY i.next_due_at, i.id {db.Dialect.Limit("@Limit")}
                """, p)).ToList();
            return (count, overdue, dueSoon, rows);
        }, ct);
        var coTask = WithConnection(async c =>
        {
            var counts = await c.QuerySingleAsync<CoCounts>("""
                SELECT COUNT(*) AS total,
                       COALESCE(SUM(CASE WHEN i.next_due_at < @now THEN 1 ELSE 0 END), 0) AS overdue,
                       COALESCE(SUM(CASE WHEN i.next_due_at >= @now AND i.next_due_at < @soon THEN 1 ELSE 0 END), 0) AS due_soon
                FROM regulatory_issue_co_ministries cm JOIN regulatory_issues i ON i.id = cm.issue_id
                WHERE cm.agency_id = @ministry AND i.status IN @owed
                """, p);
            var rows = (await c.QueryAsync<IssueRow>($"""
                SELECT {Columns} FROM regulatory_issue_co_ministries cm JOIN regulatory_issues i ON i.id = cm.issue_id
                WHERE cm.agency_id = @ministry AND i.status IN @owed
                ORDER BY i.next_due_at, i.id {db.Dialect.Limit("@Limit")}
                """, p)).ToList();
            return (counts, rows);
        }, ct);
        await Task.WhenAll(leadTask, coTask);
        var (leadCount, leadOverdue, leadSoon, leadRows) = leadTask.Result;
        var (co, coRows) = coTask.Result;
        await using var connection = await db.OpenAsync(ct);
        var agencies = await AgenciesAsync(connection, leadRows.Concat(coRows).Select(r => r.LeadMinistryId).Append(ministry));
        if (!agencies.TryGetValue(ministry, out var self)) return null;
        var merged = leadRows.Select(r => r.ToHome(agencies, now, MinistryPart.Lead))
            .Concat(coRows.Where(r => r.LeadMinistryId != ministry).Select(r => r.ToHome(agencies, now, MinistryPart.CoMinistry)))
            .OrderBy(i => i.DueAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Id).Take(items).ToList();
        return new MinistryHome(self, leadCount, (int)co.Total, leadOverdue + (int)co.Overdue, leadSoon + (int)co.DueSoon, merged);
    }

    // ---- cluster operator ------------------------------------------------------------------------------------

    private async Task<OperatorHome?> OperatorAsync(long operatorId, DateTimeOffset now, int items, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var clusters = (await connection.QueryAsync<LinkRow>(
            "SELECT id, code, name_ko, name_en FROM clusters WHERE operator_id = @operatorId ORDER BY code", new { operatorId }))
            .Select(c => new ClusterRef(c.Id, c.Code, c.NameKo, c.NameEn)).ToList();
        var clusterIds = clusters.Select(c => c.Id).ToList();
        var p = new { clusterIds, operatorId, answered = AnsweredStates, Limit = items };
        // Both cluster sections read the links alone (each carries its issue's state and time of last change, migration 0023):
        // an issue linked to two of the operator's clusters is counted and listed once.
        var byStatusTask = WithConnection(async c => clusterIds.Count == 0 ? [] : (await c.QueryAsync<KeyCount>("""
            SELECT ic.issue_status AS name, COUNT(DISTINCT ic.issue_id) AS count FROM regulatory_issue_clusters ic
            WHERE ic.cluster_id IN @clusterIds
            GROUP BY ic.issue_status
            """, p)).ToList(), ct);
        var recentTask = WithConnection(async c =>
        {
            // The newest few per cluster, each a walk down its own index range, merged here: an IN over several clusters would
            // sort every link of them.
            var newest = new List<LinkChange>();
            foreach (var clusterId in clusterIds)
                newest.AddRange(await c.QueryAsync<LinkChange>($"""
                    SELECT ic.issue_id, ic.issue_updated_at FROM regulatory_issue_clusters ic
                    WHERE ic.cluster_id = @clusterId
                    ORDER BY ic.issue_updated_at DESC, ic.issue_id DESC {db.Dialect.Limit("@Limit")}
                    """, new { clusterId, Limit = items }));
            var ids = newest.OrderByDescending(l => l.IssueUpdatedAt).ThenByDescending(l => l.IssueId).Select(l => l.IssueId).Distinct().Take(items).ToList();
            return await IssuesInOrderAsync(c, ids);
        }, ct);
        var answeredTask = WithConnection(async c =>
        {
            var count = await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM regulatory_issues WHERE raised_by_id = @operatorId AND status IN @answered", p);
            var ids = (await c.QueryAsync<long>($"""
                SELECT i.id FROM regulatory_issues i
                WHERE i.raised_by_id = @operatorId AND i.status IN @answered
                ORDER BY i.updated_at DESC, i.id DESC {db.Dialect.Limit("@Limit")}
                """, p)).ToList();
            return (count, await IssuesInOrderAsync(c, ids));
        }, ct);
        await Task.WhenAll(byStatusTask, recentTask, answeredTask);
        var recent = recentTask.Result;
        var (answeredCount, answeredRows) = answeredTask.Result;
        var byStatus = byStatusTask.Result.Select(s => new StatusCount(WireNames.Parse<IssueStatus>(s.Name!), (int)s.Count)).OrderBy(s => s.Status).ToList();
        var agencies = await AgenciesAsync(connection, recent.Concat(answeredRows).Select(r => r.LeadMinistryId));
        return new OperatorHome(clusters, byStatus,
            new HomeIssueList(answeredCount, answeredRows.Select(r => r.ToHome(agencies, now, null)).ToList()),
            new HomeIssueList(byStatus.Sum(s => s.Count), recent.Select(r => r.ToHome(agencies, now, null)).ToList()));
    }

    /// <summary>The issues' rows in the order of <paramref name="ids"/>.</summary>
    private static async Task<List<IssueRow>> IssuesInOrderAsync(DbConnection connection, List<long> ids)
    {
        if (ids.Count == 0) return [];
        var rows = (await connection.QueryAsync<IssueRow>($"SELECT {Columns} FROM regulatory_issues i WHERE i.id IN @ids", new { ids })).ToDictionary(r => r.Id);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    // ---- charts ----------------------------------------------------------------------------------------------

    /// <summary>The first instant (KST) of each of the last <see cref="ChartMonths"/> months, oldest first, and the month after.</summary>
    internal static List<DateTimeOffset> MonthStarts(DateTimeOffset now)
    {
        var kst = now.ToOffset(Council.Offset);
        var current = new DateTimeOffset(kst.Year, kst.Month, 1, 0, 0, 0, Council.Offset);
        return Enumerable.Range(-(ChartMonths - 1), ChartMonths + 1).Select(k => current.AddMonths(k)).ToList();
    }

    internal static string MonthName(DateTimeOffset start) => start.ToOffset(Council.Offset).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);

    /// <summary>The last charts computed, with what they were computed from: the newest move and the first month shown.</summary>
    private volatile CachedCharts? _charts;

    private sealed record CachedCharts(long LastMove, DateTimeOffset FirstMonth, HomeCharts Charts);

    /// <summary>
    /// The charts are the same for every caller and change only with a move (every create, move and import writes one
    /// to the timeline) or when the month turns, so they are computed again only then: the newest move's id is one
    /// seek on the timeline's key. REVIEW: an edit of a submitted issue's category changes the by-category chart
    /// without a move; it shows with the next move anywhere.
    /// </summary>
    private async Task<HomeCharts> ChartsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var lastMove = await WithConnection(c => c.ExecuteScalarAsync<long?>("SELECT MAX(id) FROM regulatory_issue_transitions"), ct) ?? 0;
        var firstMonth = MonthStarts(now)[0];
        if (_charts is { } cached && cached.LastMove == lastMove && cached.FirstMonth == firstMonth) return cached.Charts;
        var charts = await ComputeChartsAsync(now, ct);
        _charts = new CachedCharts(lastMove, firstMonth, charts);
        return charts;
    }

    private async Task<HomeCharts> ComputeChartsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var starts = MonthStarts(now);
        var months = starts.Take(ChartMonths).Select(MonthName).ToList();
        // The month of a timestamp as a CASE over the month boundaries: the same text in both dialects, no date functions.
        var bucket = "CASE " + string.Concat(Enumerable.Range(1, ChartMonths - 1).Select(k => $"WHEN {{0}} < @b{k} THEN {k - 1} ")) + $"ELSE {ChartMonths - 1} END";
        var p = new DynamicParameters();
        for (var k = 0; k < ChartMonths; k++) p.Add($"b{k}", starts[k]);
        p.Add("bEnd", starts[ChartMonths]);
        var bucketSql = string.Format(CultureInfo.InvariantCulture, bucket, "t.occurred_at");
        var movesTask = WithConnection(async c => (await c.QueryAsync<BucketCount>($"""
            SELECT m.bucket, m.name, COUNT(*) AS count
            FROM (SELECT {bucketSql} AS bucket, t.to_status AS name
                  FROM regulatory_issue_transitions t
                  WHERE t.occurred_at >= @b0 AND t.occurred_at < @bEnd) m
            GROUP BY m.bucket, m.name
            """, p)).ToList(), ct);
        var answersTask = WithConnection(async c => (await c.QueryAsync<AnswerRow>("""
            SELECT answered_at, answer_days FROM regulatory_issues
            WHERE answered_at >= @b0 AND answered_at < @bEnd AND answer_days IS NOT NULL
            """, p)).ToList(), ct);
        var talliesTask = WithConnection(async c => (await c.QueryAsync<TallyRow>(
            "SELECT lead_ministry_id, status, category, issues FROM regulatory_issue_tallies WHERE issues <> 0 AND status NOT IN @closed",
            new { closed = ClosedStates })).ToList(), ct);
        await Task.WhenAll(movesTask, answersTask, talliesTask);

        var moves = movesTask.Result.Select(m => new MonthStatusCount(months[(int)m.Bucket], WireNames.Parse<IssueStatus>(m.Name!), (int)m.Count))
            .OrderBy(m => m.Month, StringComparer.Ordinal).ThenBy(m => m.Status).ToList();
        var answers = answersTask.Result.ToLookup(a => MonthIndex(starts, a.AnsweredAt));
        var answerTimes = months.Select((month, k) =>
        {
            var days = answers[k].Select(a => a.AnswerDays).Order().ToList();
            return new MonthAnswerTimes(month, days.Count, Percentile(days, 0.5), Percentile(days, 0.9));
        }).ToList();
        var tallies = talliesTask.Result;
        await using var connection = await db.OpenAsync(ct);
        var agencies = await AgenciesAsync(connection, tallies.Where(t => t.LeadMinistryId != 0).Select(t => (long?)t.LeadMinistryId));
        var byMinistry = tallies.Where(t => t.LeadMinistryId != 0).GroupBy(t => t.LeadMinistryId)
            .Select(g => new MinistryCount(agencies[g.Key], (int)g.Sum(t => t.Issues))).Where(m => m.Count > 0)
            .OrderByDescending(m => m.Count).ThenBy(m => m.Ministry.Code, StringComparer.Ordinal).ToList();
        var byCategory = tallies.GroupBy(t => t.Category).Select(g => new CategoryCount(WireNames.Parse<IssueCategory>(g.Key), (int)g.Sum(t => t.Issues)))
            .Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Category).ToList();
        return new HomeCharts(months, moves, byMinistry, byCategory, answerTimes);
    }

    private static int MonthIndex(List<DateTimeOffset> starts, DateTimeOffset at)
    {
        for (var k = 1; k < starts.Count; k++)
            if (at < starts[k]) return k - 1;
        return starts.Count - 2;
    }

    private static async Task<Dictionary<long, AgencyRef>> AgenciesAsync(DbConnection connection, IEnumerable<long?> ids)
    {
        var agencyIds = ids.OfType<long>().Distinct().ToList();
        if (agencyIds.Count == 0) return [];
        return (await connection.QueryAsync<LinkRow>("SELECT id, code, name_ko, name_en FROM agencies WHERE id IN @agencyIds", new { agencyIds }))
            .ToDictionary(a => a.Id, a => new AgencyRef(a.Id, a.Code, a.NameKo, a.NameEn));
    }

    // ---- rows ------------------------------------------------------------------------------------------------

    private sealed class IssueRow
    {
        public long Id { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Status { get; set; } = "";
        public long? LeadMinistryId { get; set; }
        public DateTimeOffset NextDueAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }

        public HomeIssue ToHome(Dictionary<long, AgencyRef> agencies, DateTimeOffset now, MinistryPart? part)
        {
            DateTimeOffset? due = NextDueAt.Year >= 9999 ? null : NextDueAt;
            return new HomeIssue(Id, TitleKo, TitleEn, WireNames.Parse<IssueStatus>(Status),
                LeadMinistryId is { } lead && agencies.TryGetValue(lead, out var a) ? a : null, due, due < now, part, UpdatedAt);
        }
    }

    private sealed class LinkChange
    {
        public long IssueId { get; set; }
        public DateTimeOffset IssueUpdatedAt { get; set; }
    }

    private sealed class KeyCount
    {
        public string? Name { get; set; }
        public long Count { get; set; }
    }

    private sealed class BucketCount
    {
        public long Bucket { get; set; }
        public string? Name { get; set; }
        public long Count { get; set; }
    }

    private sealed class DueRow
    {
        public long? LeadMinistryId { get; set; }
        public long Overdue { get; set; }
        public long DueSoon { get; set; }
    }

    private sealed class CoCounts
    {
        public long Total { get; set; }
        public long Overdue { get; set; }
        public long DueSoon { get; set; }
    }

    private sealed class FollowUpRow
    {
        public long Id { get; set; }
        public long MeetingId { get; set; }
        public string Title { get; set; } = "";
        public long? OwnerAgencyId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    private sealed class MeetingRow
    {
        public long Id { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string State { get; set; } = "";
        public DateTimeOffset StartsAt { get; set; }
        public string? Venue { get; set; }
    }

    private sealed class AnswerRow
    {
        public DateTimeOffset AnsweredAt { get; set; }
        public double AnswerDays { get; set; }
    }

    private sealed class TallyRow
    {
        public long LeadMinistryId { get; set; }
        public string Status { get; set; } = "";
        public string Category { get; set; } = "";
        public long Issues { get; set; }
    }

    private sealed class LinkRow
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
    }
}
