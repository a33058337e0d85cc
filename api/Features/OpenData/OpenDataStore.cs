using System.Data.Common;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.OpenData;
using Dapper;

namespace BioCluster.Api.Features.OpenData;

/// <summary>
/// All SQL of the open data (ADR 0027): what the council publishes, each kind read from a derived table with an
/// <c>id</c> and a <c>modified</c> column, paged by (modified, id) after a cursor and filtered by <c>updatedSince</c>.
/// Every column read here is one the council publishes: no person's name, contact, comment or internal agenda item.
/// </summary>
public sealed class OpenDataStore(DbConnectionFactory db)
{
    /// <summary>The position after the last object of a page.</summary>
    public sealed record After(DateTimeOffset Modified, long Id);

    /// <summary>No filter: before any instant the database keeps (both engines compare it without NULL handling).</summary>
    public static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed class MeetingRow
    {
        public long Id { get; set; }
        public int? Number { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public DateTimeOffset StartsAt { get; set; }
        public DateTimeOffset? EndsAt { get; set; }
        public string BodyCode { get; set; } = "";
        public string BodyNameKo { get; set; } = "";
        public string? BodyNameEn { get; set; }
        public int MinutesVersion { get; set; }
        public DateTimeOffset PublishedAt { get; set; }
        public string? Summary { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset Modified { get; set; }
    }

    public sealed class AgendaRow
    {
        public long Id { get; set; }
        public long MeetingId { get; set; }
        public long? ParentId { get; set; }
        public int Position { get; set; }
        public string Kind { get; set; } = "";
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Visibility { get; set; } = "";
        public string? Outcome { get; set; }
        public string? DecisionText { get; set; }
    }

    public sealed class RecommendationRow
    {
        public long Id { get; set; }
        public string ThemeKo { get; set; } = "";
        public string? ThemeEn { get; set; }
        public string Content { get; set; } = "";
        public string RaisedByCode { get; set; } = "";
        public string RaisedByNameKo { get; set; } = "";
        public string? RaisedByNameEn { get; set; }
        public string LeadCode { get; set; } = "";
        public string LeadNameKo { get; set; } = "";
        public string? LeadNameEn { get; set; }
        public string State { get; set; } = "";
        public DateTimeOffset? AnsweredAt { get; set; }
        public string? Answer { get; set; }
        public string? AcceptedPart { get; set; }
        public DateOnly? PlannedCompletionOn { get; set; }
        public DateOnly? ReviewOn { get; set; }
        public string? Justification { get; set; }
        public int? ProgressPercent { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public long? PublicMeetingId { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset Modified { get; set; }
    }

    public sealed class ImprovementRow
    {
        public long Id { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Category { get; set; } = "";
        public string ProblemKo { get; set; } = "";
        public string? ProblemEn { get; set; }
        public string ProposalKo { get; set; } = "";
        public string? ProposalEn { get; set; }
        public string? LawName { get; set; }
        public string? LawArticle { get; set; }
        public string RaisedByCode { get; set; } = "";
        public string RaisedByNameKo { get; set; } = "";
        public string? RaisedByNameEn { get; set; }
        public string? LeadCode { get; set; }
        public string? LeadNameKo { get; set; }
        public string? LeadNameEn { get; set; }
        public string? Answer { get; set; }
        public string? PlannedChange { get; set; }
        public string? Instrument { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public string? Evidence { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset Modified { get; set; }
    }

    public sealed class FiguresRow
    {
        public long Id { get; set; }
        public string ClusterCode { get; set; } = "";
        public string ClusterNameKo { get; set; } = "";
        public string? ClusterNameEn { get; set; }
        public string ClusterRegion { get; set; } = "";
        public int Year { get; set; }
        public long? Companies { get; set; }
        public long? Employees { get; set; }
        public double? RevenueMillionKrw { get; set; }
        public double? RdSpendMillionKrw { get; set; }
        public double? InvestmentMillionKrw { get; set; }
        public double? ExportsThousandUsd { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset Modified { get; set; }
    }

    public sealed class OrganizationLink
    {
        public long OwnerId { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Region { get; set; } = "";
    }

    /// <summary>Meetings whose minutes have a published version: modified is the later of the meeting's last change and that publication.</summary>
    private const string MeetingSource = """
        SELECT m.id, m.number, m.title_ko, m.title_en, m.starts_at, m.ends_at, b.code AS body_code, b.name_ko AS body_name_ko,
               b.name_en AS body_name_en, p.version_no AS minutes_version, p.published_at, p.summary, m.created_at,
               CASE WHEN m.updated_at > p.published_at THEN m.updated_at ELSE p.published_at END AS modified
        FROM meetings m
        JOIN council_bodies b ON b.id = m.body_id
        JOIN meeting_minutes p ON p.meeting_id = m.id AND p.state = 'published' AND p.published_at IS NOT NULL
             AND p.version_no = (SELECT MAX(q.version_no) FROM meeting_minutes q WHERE q.meeting_id = m.id AND q.state = 'published')
        """;

    /// <summary>Answered recommendations, unless raised at an internal agenda item (then the council keeps them to itself).</summary>
    private const string RecommendationSource = """
        SELECT r.id, r.theme_ko, r.theme_en, r.content, g.code AS raised_by_code, g.name_ko AS raised_by_name_ko, g.name_en AS raised_by_name_en,
               l.code AS lead_code, l.name_ko AS lead_name_ko, l.name_en AS lead_name_en, r.state, r.answered_at, r.answer, r.accepted_part,
               r.planned_completion_on, r.review_on, r.justification, r.progress_percent, r.completed_on,
               (SELECT MAX(pm.meeting_id) FROM meeting_minutes pm WHERE pm.meeting_id = r.source_meeting_id AND pm.state = 'published') AS public_meeting_id,
               r.created_at, r.updated_at AS modified
        FROM policy_recommendations r
        JOIN agencies g ON g.id = r.raised_by_id
        JOIN agencies l ON l.id = r.lead_ministry_id
        LEFT JOIN agenda_items a ON a.id = r.source_agenda_item_id
        WHERE r.state IN ('accepted', 'partially_accepted', 'long_term_review', 'not_accepted', 'in_progress', 'completed')
          AND (a.id IS NULL OR a.visibility = 'public')
        """;

    /// <summary>Regulatory issues whose improvement is completed; the ministry official's name and contact are never read.</summary>
    private const string ImprovementSource = """
        SELECT i.id, i.title_ko, i.title_en, i.category, i.problem_ko, i.problem_en, i.proposal_ko, i.proposal_en, i.law_name, i.law_article,
               g.code AS raised_by_code, g.name_ko AS raised_by_name_ko, g.name_en AS raised_by_name_en,
               l.code AS lead_code, l.name_ko AS lead_name_ko, l.name_en AS lead_name_en, i.answer, i.planned_change, i.instrument,
               i.completed_on, i.evidence, i.created_at, i.updated_at AS modified
        FROM regulatory_issues i
        JOIN agencies g ON g.id = i.raised_by_id
        LEFT JOIN agencies l ON l.id = i.lead_ministry_id
        WHERE i.status = 'completed'
        """;

    /// <summary>Every cluster's yearly figures (the note, an internal remark, is not read).</summary>
    private const string FiguresSource = """
        SELECT f.id, c.code AS cluster_code, c.name_ko AS cluster_name_ko, c.name_en AS cluster_name_en, c.region AS cluster_region, f.year,
               f.companies, f.employees, f.revenue_million_krw, f.rd_spend_million_krw, f.investment_million_krw, f.exports_thousand_usd,
               f.created_at, f.updated_at AS modified
        FROM cluster_indicators f
        JOIN clusters c ON c.id = f.cluster_id
        """;

    private string PageSql(string source) => $"""
        SELECT * FROM ({source}) x
        WHERE x.modified >= @Since AND (x.modified > @AfterModified OR (x.modified = @AfterModified AND x.id > @AfterId))
        ORDER BY x.modified, x.id {db.Dialect.Limit("@Limit")}
        """;

    private static string OneSql(string source) => $"SELECT * FROM ({source}) x WHERE x.id = @Id";

    private static object PageArgs(DateTimeOffset? since, After? after, int limit) => new
    {
        Since = since ?? Beginning,
        AfterModified = after?.Modified ?? Beginning.AddSeconds(-1),
        AfterId = after?.Id ?? 0L,
        Limit = limit,
    };

    public async Task<List<(MeetingRow Meeting, List<AgendaRow> Agenda)>> MeetingsAsync(DateTimeOffset? since, After? after, int limit, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<MeetingRow>(new CommandDefinition(PageSql(MeetingSource), PageArgs(since, after, limit), cancellationToken: ct))).AsList();
        return await WithAgendaAsync(connection, rows, ct);
    }

    public async Task<(MeetingRow Meeting, List<AgendaRow> Agenda)?> MeetingAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<MeetingRow>(new CommandDefinition(OneSql(MeetingSource), new { Id = id }, cancellationToken: ct))).AsList();
        return rows.Count == 0 ? null : (await WithAgendaAsync(connection, rows, ct))[0];
    }

    /// <summary>Each meeting's public agenda items: an item shows when it and every item above it are public.</summary>
    private async Task<List<(MeetingRow, List<AgendaRow>)>> WithAgendaAsync(DbConnection connection, List<MeetingRow> meetings, CancellationToken ct)
    {
        if (meetings.Count == 0) return [];
        var items = (await connection.QueryAsync<AgendaRow>(new CommandDefinition($"""
            SELECT a.id, a.meeting_id, a.parent_id, a.position, a.kind, a.title_ko, a.title_en, a.visibility, a.outcome, a.decision_text
            FROM agenda_items a WHERE a.meeting_id IN ({db.Dialect.IdsIn("@ids")}) ORDER BY a.meeting_id, a.position, a.id
            """, new { ids = SqlDialect.IdList(meetings.Select(m => m.Id)) }, cancellationToken: ct))).ToLookup(a => a.MeetingId);
        return meetings.Select(m => (m, PublicItems(items[m.Id].ToList()))).ToList();
    }

    internal static List<AgendaRow> PublicItems(List<AgendaRow> all)
    {
        var byId = all.ToDictionary(a => a.Id);
        bool Public(AgendaRow a) => a.Visibility == "public" && (a.ParentId is not { } p || (byId.TryGetValue(p, out var parent) && Public(parent)));
        return all.Where(Public).ToList();
    }

    public async Task<(List<RecommendationRow> Rows, ILookup<long, OrganizationLink> Ministries, ILookup<long, OrganizationLink> Clusters)> RecommendationsAsync(
        DateTimeOffset? since, After? after, int limit, long? id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<RecommendationRow>(new CommandDefinition(
            id is not null ? OneSql(RecommendationSource) : PageSql(RecommendationSource),
            id is { } x ? new { Id = x } : PageArgs(since, after, limit), cancellationToken: ct))).AsList();
        if (rows.Count == 0) return (rows, Empty, Empty);
        var ids = SqlDialect.IdList(rows.Select(r => r.Id));
        var ministries = (await connection.QueryAsync<OrganizationLink>(new CommandDefinition($"""
            SELECT m.recommendation_id AS owner_id, g.code, g.name_ko, g.name_en, '' AS region
            FROM policy_recommendation_ministries m JOIN agencies g ON g.id = m.agency_id
            WHERE m.recommendation_id IN ({db.Dialect.IdsIn("@ids")}) ORDER BY g.code
            """, new { ids }, cancellationToken: ct))).ToLookup(l => l.OwnerId);
        var clusters = (await connection.QueryAsync<OrganizationLink>(new CommandDefinition($"""
            SELECT k.recommendation_id AS owner_id, c.code, c.name_ko, c.name_en, c.region
            FROM policy_recommendation_clusters k JOIN clusters c ON c.id = k.cluster_id
            WHERE k.recommendation_id IN ({db.Dialect.IdsIn("@ids")}) ORDER BY c.code
            """, new { ids }, cancellationToken: ct))).ToLookup(l => l.OwnerId);
        return (rows, ministries, clusters);
    }

    public async Task<(List<ImprovementRow> Rows, ILookup<long, OrganizationLink> Clusters)> ImprovementsAsync(
        DateTimeOffset? since, After? after, int limit, long? id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<ImprovementRow>(new CommandDefinition(
            id is not null ? OneSql(ImprovementSource) : PageSql(ImprovementSource),
            id is { } x ? new { Id = x } : PageArgs(since, after, limit), cancellationToken: ct))).AsList();
        if (rows.Count == 0) return (rows, Empty);
        var clusters = (await connection.QueryAsync<OrganizationLink>(new CommandDefinition($"""
            SELECT k.issue_id AS owner_id, c.code, c.name_ko, c.name_en, c.region
            FROM regulatory_issue_clusters k JOIN clusters c ON c.id = k.cluster_id
            WHERE k.issue_id IN ({db.Dialect.IdsIn("@ids")}) ORDER BY c.code
            """, new { ids = SqlDialect.IdList(rows.Select(r => r.Id)) }, cancellationToken: ct))).ToLookup(l => l.OwnerId);
        return (rows, clusters);
    }

    public async Task<List<FiguresRow>> FiguresAsync(DateTimeOffset? since, After? after, int limit, long? id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<FiguresRow>(new CommandDefinition(
            id is not null ? OneSql(FiguresSource) : PageSql(FiguresSource),
            id is { } x ? new { Id = x } : PageArgs(since, after, limit), cancellationToken: ct))).AsList();
    }

    private static readonly ILookup<long, OrganizationLink> Empty = Array.Empty<OrganizationLink>().ToLookup(l => l.OwnerId);
}
