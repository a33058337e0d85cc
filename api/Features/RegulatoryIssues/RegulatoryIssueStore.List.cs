using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>The issue list and the export: filters, keyset pages, tallied totals.</summary>
public sealed partial class RegulatoryIssueStore
{
    public static readonly IReadOnlyList<SortField<IssueRow>> SortFields =
    [
        SortField<IssueRow>.Instant("createdAt", "i.created_at", r => r.CreatedAt),
        SortField<IssueRow>.Instant("dueAt", "i.next_due_at", r => r.NextDueAt),
        new("priority", "i.priority", r => r.Priority, Keyset.WholeNumber),
        SortField<IssueRow>.Instant("updatedAt", "i.updated_at", r => r.UpdatedAt),
        new("id", "i.id", r => r.Id, Keyset.WholeNumber),
    ];

    /// <summary>
    /// Only the columns a list shows, so a page reads and sends no long texts; the agencies and clusters the page
    /// names are read once per page (<see cref="ListAsync"/>), not once per row. Its columns are read by name into <see cref="IssueRow"/>.
    /// </summary>
    private const string SummarySelect = """
        SELECT i.id, i.title_ko, i.title_en, i.category, i.raised_by_id, i.lead_ministry_id, i.priority, i.status, i.response_due_at,
               i.planned_completion_on, i.review_on, i.progress_percent, i.next_due_at, i.created_at, i.updated_at, i.cluster_ids,
               i.answered_at, i.deadline_extensions, i.request_kind
        FROM regulatory_issues i
        """;

    /// <summary>
    /// The copy of an issue's cluster ids that its row keeps (ascending, comma-separated), so a list page reads them
    /// with the row instead of seeking the link table once per issue. Written with the links, in their transaction.
    /// </summary>
    internal static string ClusterIdsText(IEnumerable<long> clusterIds) =>
        string.Join(',', clusterIds.Distinct().Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The ids in a <see cref="ClusterIdsText"/> copy.</summary>
    internal static List<long> ClusterIdsOf(string text)
    {
        var ids = new List<long>(2);
        if (text.Length == 0) return ids;
        var span = text.AsSpan();
        foreach (var range in span.Split(','))
            ids.Add(long.Parse(span[range], NumberStyles.None, CultureInfo.InvariantCulture));
        return ids;
    }

    private (List<string> Where, DynamicParameters Parameters) Where(IssueFilter f)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        void Add(string clause, string name, object? value)
        {
            if (value is null) return;
            where.Add(clause);
            p.Add(name, value);
        }
        if (f.Statuses.Count > 0) Add("i.status IN @Statuses", "Statuses", f.Statuses);
        if (f.Categories.Count > 0) Add("i.category IN @Categories", "Categories", f.Categories);
        if (f.Priorities.Count > 0) Add("i.priority IN @Priorities", "Priorities", f.Priorities);
        Add("i.raised_by_id = (SELECT id FROM agencies WHERE code = @RaisedByCode)", "RaisedByCode", f.RaisedByCode);
        Add("i.lead_ministry_id = (SELECT id FROM agencies WHERE code = @LeadMinistryCode)", "LeadMinistryCode", f.LeadMinistryCode);
        // A ministry's queue: the issues it leads and those it cooperates on (협조 부처), or only one of the two.
        const string Leads = "i.lead_ministry_id = (SELECT id FROM agencies WHERE code = @MinistryCode)";
        const string Cooperates = """
            EXISTS (SELECT 1 FROM regulatory_issue_co_ministries cm JOIN agencies ca ON ca.id = cm.agency_id
                    WHERE cm.issue_id = i.id AND ca.code = @MinistryCode)
            """;
        Add(f.MinistryRole switch
        {
            MinistryRole.Lead => Leads,
            MinistryRole.CoMinistry => Cooperates,
            _ => $"({Leads} OR {Cooperates})",
        }, "MinistryCode", f.MinistryCode);
        Add("""
            EXISTS (SELECT 1 FROM regulatory_issue_clusters ic JOIN clusters c ON c.id = ic.cluster_id
                    WHERE ic.issue_id = i.id AND c.code = @ClusterCode)
            """, "ClusterCode", f.ClusterCode);
        if (f.Overdue is { } overdue) Add(overdue ? "i.next_due_at < @Now" : "i.next_due_at >= @Now", "Now", clock.GetUtcNow());
        Add("i.next_due_at < @DueBefore", "DueBefore", f.DueBefore);
        Add("i.created_at >= @CreatedFrom", "CreatedFrom", f.CreatedFrom);
        Add("i.created_at < @CreatedTo", "CreatedTo", f.CreatedTo);
        // "My agency's" issues for a cluster operator: those affecting any cluster it operates.
        Add("""
            EXISTS (SELECT 1 FROM regulatory_issue_clusters oc JOIN clusters c ON c.id = oc.cluster_id JOIN agencies oa ON oa.id = c.operator_id
                    WHERE oc.issue_id = i.id AND oa.code = @OperatorCode)
            """, "OperatorCode", f.OperatorCode);
        // The periods after an answer (ADR 0019) as one comparison on answered_at (IssuePeriods.RunningFrom); the status leads, so
        // the (status, sort column) indexes walk them.
        if (f is { ChallengeOpen: { } open, ChallengeAnsweredFrom: { } challengeFrom })
            Add(open
                ? "(i.status = 'not_accepted' AND i.answered_at >= @ChallengeFrom)"
                : "(i.status <> 'not_accepted' OR i.answered_at IS NULL OR i.answered_at < @ChallengeFrom)", "ChallengeFrom", challengeFrom);
        if (f is { FinalAnswerOverdue: { } late, FinalAnswerBegunBefore: { } reviewBefore })
            Add(late
                ? "(i.status = 'long_term_review' AND i.answered_at < @ReviewBefore)"
                : "(i.status <> 'long_term_review' OR i.answered_at IS NULL OR i.answered_at >= @ReviewBefore)", "ReviewBefore", reviewBefore);
        if (f.Query is not null)
            Add(@"(i.title_ko LIKE @Q ESCAPE '\' OR i.title_en LIKE @Q ESCAPE '\' OR i.problem_ko LIKE @Q ESCAPE '\' OR i.law_name LIKE @Q ESCAPE '\')",
                "Q", Keyset.Contains(f.Query));
        return (where, p);
    }

    /// <summary>One keyset page of summaries; the total comes from the tallies when it can, else it is counted.</summary>
    public async Task<Page<RegulatoryIssueSummaryDto>> ListAsync(IssueFilter filter, SortSpec<IssueRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var periods = await PeriodsAsync();
        filter = WithPeriods(filter, periods);
        await using var connection = await db.OpenAsync(ct);
        using var together = Rows.ReadTogether(connection);
        var tallied = await TalliedCountAsync(connection, filter);
        // Several statuses are read as a merge of one sorted read per status (each walks a (status, sort column) index),
        // unless a ministry is named: its own indexes walk every sort in order already (0005, 0009, 0010).
        var statuses = filter.Statuses.Distinct().ToList();
        var merge = statuses.Count > 1 && filter.LeadMinistryCode is null;
        var (where, p) = Where(merge ? filter with { Statuses = [] } : filter);
        List<string>? branches = null;
        if (merge)
        {
            branches = [];
            for (var k = 0; k < statuses.Count; k++)
            {
                branches.Add($"i.status = @Status{k}");
                p.Add($"Status{k}", statuses[k]);
            }
        }
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, SummarySelect, "regulatory_issues i", where, p, sort, cursor, limit,
            "i.id", r => r.Id, count: tallied is null, rows: Rows.ByName<IssueRow>(), branches: branches); // one table, no joins: nothing to gain from reading the keys first
        total = tallied ?? total;
        if (rows.Count == 0) return new Page<RegulatoryIssueSummaryDto>([], next, total);
        var clusterIds = rows.Select(r => ClusterIdsOf(r.ClusterIds)).ToList();
        var clusters = await ClusterRefsAsync(connection, null, clusterIds.SelectMany(ids => ids).Distinct());
        var agencies = await AgenciesAsync(connection, rows.Select(r => r.RaisedById).Concat(rows.Where(r => r.LeadMinistryId is not null)
            .Select(r => r.LeadMinistryId!.Value)).Distinct());
        var now = clock.GetUtcNow();
        long? ministryId = null;
        if (filter.MinistryCode is { } code)
        {
            var named = new DynamicParameters();
            named.Add("code", code);
            ministryId = (await Rows.QueryAsync<IdRow>(connection, "SELECT id FROM agencies WHERE code = @code", named)).FirstOrDefault()?.Id;
        }
        return new Page<RegulatoryIssueSummaryDto>(rows.Select((r, i) => r.ToSummary(agencies[r.RaisedById],
            r.LeadMinistryId is { } lead ? agencies[lead] : null, ByCode(clusterIds[i], clusters), now, periods,
            ministryId is null ? null : r.LeadMinistryId == ministryId ? MinistryRole.Lead : MinistryRole.CoMinistry)).ToList(), next, total);
    }

    /// <summary>
    /// The list's total from the running tallies when the filter only names tallied keys (status, category,
    /// lead ministry): a few tally rows instead of counting thousands of index entries. Null otherwise.
    /// </summary>
    private static async Task<int?> TalliedCountAsync(DbConnection connection, IssueFilter f)
    {
        if (f is not { Priorities.Count: 0, ClusterCode: null, RaisedByCode: null, Overdue: null, DueBefore: null, CreatedFrom: null, CreatedTo: null, Query: null,
                MinistryCode: null,
                ChallengeOpen: null, FinalAnswerOverdue: null, OperatorCode: null })
            return null;
        var where = new List<string> { "1 = 1" };
        var p = new DynamicParameters(); // only what the statement names (Dapper sends every added parameter)
        void Add(string clause, string name, object value)
        {
            where.Add(clause);
            p.Add(name, value);
        }
        if (f.Statuses.Count > 0) Add("status IN @Statuses", "Statuses", f.Statuses);
        if (f.Categories.Count > 0) Add("category IN @Categories", "Categories", f.Categories);
        if (f.LeadMinistryCode is not null) Add("lead_ministry_id = (SELECT id FROM agencies WHERE code = @LeadMinistryCode)", "LeadMinistryCode", f.LeadMinistryCode);
        return (int)(await Rows.QueryAsync<TotalRow>(connection,
            $"SELECT COALESCE(SUM(issues), 0) AS total FROM regulatory_issue_tallies WHERE {string.Join(" AND ", where)}", p))[0].Total;
    }

    /// <summary>Every issue matching the filter, oldest first, read 500 at a time, so an export of any size streams.</summary>
    public async IAsyncEnumerable<RegulatoryIssueDto> StreamAsync(IssueFilter filter, Actor actor, [EnumeratorCancellation] CancellationToken ct)
    {
        var resolved = WithPeriods(filter, await PeriodsAsync());
        await foreach (var issue in Keyset.StreamAsync(db, Select, "regulatory_issues i", () => Where(resolved), SortFields.Single(f => f.Name == "id"), "i.id",
                           r => r.Id, (connection, rows) => ToDtosAsync(connection, null, rows, actor), ct, keysFirst: true).WithCancellation(ct))
            yield return issue;
    }

    /// <summary>The filter with the instants its period filters compare answered_at with, from the periods in force now.</summary>
    private IssueFilter WithPeriods(IssueFilter filter, IssuePeriods periods)
    {
        if (filter is { ChallengeOpen: null, FinalAnswerOverdue: null }) return filter;
        var now = clock.GetUtcNow();
        return filter with
        {
            ChallengeAnsweredFrom = filter.ChallengeOpen is null ? null : periods.RunningFrom(periods.ChallengeMonths, now),
            FinalAnswerBegunBefore = filter.FinalAnswerOverdue is null ? null : periods.RunningFrom(periods.LongTermReviewMonths, now),
        };
    }

    private sealed class IdRow
    {
        public long Id { get; set; }
    }

    private sealed class TotalRow
    {
        public long Total { get; set; }
    }
}
