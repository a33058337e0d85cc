using System.Globalization;
using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.ClusterProfile;
using BioCluster.Contracts.Common;
using Dapper;

namespace BioCluster.Api.Features.ClusterProfile;

/// <summary>
/// Where a timeline page ends: the last entry's moment as the database returned it (text on SQLite, a date-time on SQL
/// Server, so equality holds exactly), its kind and its id.
/// </summary>
public sealed record TimelineCursor(object At, int Rank, long Id)
{
    public string Encode()
    {
        var at = At switch
        {
            string s => "s" + s,
            DateTime d => "d" + d.Ticks.ToString(CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"unexpected moment {At.GetType()}"),
        };
        var text = $"t1|{at}|{Rank.ToString(CultureInfo.InvariantCulture)}|{Id.ToString(CultureInfo.InvariantCulture)}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A day (yyyy-MM-dd) or a UTC timestamp as SQLite stores them.</summary>
    private static bool IsStoredMoment(string s) =>
        (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        || (s.Length is > 10 and <= 40 && s.EndsWith('Z')
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _));

    public static bool TryDecode(string? text, out TimelineCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length > 200) return false;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts is not ["t1", { Length: > 1 } at, var r, var i]
                || !int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank < 1 || rank > ClusterTimelineStore.Sources.Count
                || !long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
            object moment;
            if (at[0] == 's' && IsStoredMoment(at[1..])) moment = at[1..];
            else if (at[0] == 'd' && long.TryParse(at[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                     && ticks <= DateTime.MaxValue.Ticks) moment = new DateTime(ticks, DateTimeKind.Unspecified);
            else return false;
            cursor = new TimelineCursor(moment, rank, id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// A cluster's timeline: everything the council did for it, newest first, from one UNION ALL of one SELECT per source
/// (<see cref="Sources"/>). A new source (collaboration projects …) is one more entry there: a SELECT of the same ten
/// columns, the permission that reads it, and a <see cref="TimelineKind"/>. What a caller sees is decided as the records
/// decide it: issues by <c>issues:read</c>, recommendations by <c>recommendations:read</c>, agenda items, decisions and
/// follow-ups by <c>council:read</c> and <see cref="CouncilView"/> (internal items only for the secretariat and the
/// operators of a cluster the item names), site projects by <c>registry:read</c>.
/// </summary>
public sealed class ClusterTimelineStore(DbConnectionFactory db, MeetingStore meetings)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>One source of entries; its SELECT names its columns kind_rank (its <see cref="TimelineKind"/> + 1), record_id,
    /// occurred_at, day_only, title_ko, title_en, state, target_kind, target_id, anchor_id; @ClusterId is the cluster.</summary>
    public sealed record Source(TimelineKind Kind, string Permission, string Sql);

    /// <summary>Agenda items of the cluster the caller may read: naming the cluster or one of its issues; internal ones only
    /// when the caller manages the council or the item names a cluster its agency operates (as <c>MeetingStore</c> shows them).</summary>
    private const string ClusterAgendaItem = """
        EXISTS (SELECT 1 FROM agenda_links l WHERE l.agenda_item_id = a.id
                  AND ((l.target_kind = 'cluster' AND l.target_id = @ClusterId)
                    OR (l.target_kind = 'regulatory_issue' AND l.target_id IN (SELECT rc.issue_id FROM regulatory_issue_clusters rc WHERE rc.cluster_id = @ClusterId))))
          AND (@Manages = 1 OR a.visibility = 'public'
               OR EXISTS (SELECT 1 FROM agenda_links ol WHERE ol.agenda_item_id = a.id AND ol.target_kind = 'cluster' AND ol.target_id IN ({db.Dialect.IdsIn("@Own")})))
        """;

    /// <summary>The sources, in <see cref="TimelineKind"/> order (kind_rank = position + 1).</summary>
    public static IReadOnlyList<Source> Sources { get; } =
    [
        new(TimelineKind.IssueRaised, Permissions.IssuesRead, """
            SELECT 1 AS kind_rank, i.id AS record_id, i.created_at AS occurred_at, 0 AS day_only, i.title_ko, i.title_en, i.status AS state,
                   'regulatory_issue' AS target_kind, i.id AS target_id, NULL AS anchor_id
            FROM regulatory_issues i JOIN regulatory_issue_clusters rc ON rc.issue_id = i.id
            WHERE rc.cluster_id = @ClusterId
            """),
        new(TimelineKind.IssueAnswered, Permissions.IssuesRead, """
            SELECT 2 AS kind_rank, i.id AS record_id, i.answered_at AS occurred_at, 0 AS day_only, i.title_ko, i.title_en, i.status AS state,
                   'regulatory_issue' AS target_kind, i.id AS target_id, NULL AS anchor_id
            FROM regulatory_issues i JOIN regulatory_issue_clusters rc ON rc.issue_id = i.id
            WHERE rc.cluster_id = @ClusterId AND i.answered_at IS NOT NULL
            """),
        new(TimelineKind.RecommendationRaised, Permissions.RecommendationsRead, """
            SELECT 3 AS kind_rank, r.id AS record_id, r.created_at AS occurred_at, 0 AS day_only, r.theme_ko AS title_ko, r.theme_en AS title_en,
                   r.state, 'policy_recommendation' AS target_kind, r.id AS target_id, NULL AS anchor_id
            FROM policy_recommendations r JOIN policy_recommendation_clusters pc ON pc.recommendation_id = r.id
            WHERE pc.cluster_id = @ClusterId
            """),
        new(TimelineKind.RecommendationAnswered, Permissions.RecommendationsRead, """
            SELECT 4 AS kind_rank, r.id AS record_id, r.answered_at AS occurred_at, 0 AS day_only, r.theme_ko AS title_ko, r.theme_en AS title_en,
                   r.state, 'policy_recommendation' AS target_kind, r.id AS target_id, NULL AS anchor_id
            FROM policy_recommendations r JOIN policy_recommendation_clusters pc ON pc.recommendation_id = r.id
            WHERE pc.cluster_id = @ClusterId AND r.answered_at IS NOT NULL
            """),
        new(TimelineKind.AgendaItem, Permissions.CouncilRead, """
            SELECT 5 AS kind_rank, a.id AS record_id, m.starts_at AS occurred_at, 0 AS day_only, a.title_ko, a.title_en, a.outcome AS state,
                   'meeting' AS target_kind, m.id AS target_id, a.id AS anchor_id
            FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
            WHERE {ClusterAgendaItem}
            """),
        new(TimelineKind.Decision, Permissions.CouncilRead, """
            SELECT 6 AS kind_rank, a.id AS record_id, a.decided_at AS occurred_at, 0 AS day_only, a.title_ko, a.title_en, a.outcome AS state,
                   'meeting' AS target_kind, a.meeting_id AS target_id, a.id AS anchor_id
            FROM agenda_items a
            WHERE a.decided_at IS NOT NULL AND {ClusterAgendaItem}
            """),
        new(TimelineKind.FollowUp, Permissions.CouncilRead, """
            SELECT 7 AS kind_rank, f.id AS record_id, f.created_at AS occurred_at, 0 AS day_only, f.title AS title_ko, NULL AS title_en, f.state,
                   'meeting' AS target_kind, f.meeting_id AS target_id, f.id AS anchor_id
            FROM follow_ups f JOIN agenda_items a ON a.id = f.agenda_item_id
            WHERE {ClusterAgendaItem}
            """),
        new(TimelineKind.SiteProject, Permissions.RegistryRead, """
            SELECT 8 AS kind_rank, p.id AS record_id, p.created_at AS occurred_at, 0 AS day_only, p.name_ko AS title_ko, p.name_en AS title_en, p.state,
                   'site_project' AS target_kind, p.id AS target_id, NULL AS anchor_id
            FROM site_projects p
            WHERE p.cluster_id = @ClusterId
            """),
        new(TimelineKind.SiteProjectStage, Permissions.RegistryRead, """
            SELECT 9 AS kind_rank, p.id * 10000 + s.position AS record_id, COALESCE(s.actual_start, s.planned_start) AS occurred_at, 1 AS day_only,
                   s.name_ko AS title_ko, s.name_en AS title_en,
                   CASE WHEN s.actual_end IS NOT NULL THEN 'completed' WHEN s.actual_start IS NOT NULL THEN 'in_progress' ELSE 'planned' END AS state,
                   'site_project' AS target_kind, p.id AS target_id, s.position AS anchor_id
            FROM site_project_stages s JOIN site_projects p ON p.id = s.project_id
            WHERE p.cluster_id = @ClusterId AND COALESCE(s.actual_start, s.planned_start) IS NOT NULL
            """),
        new(TimelineKind.CollaborationProject, Permissions.RegistryRead, """
            SELECT 10 AS kind_rank, c.id AS record_id, c.created_at AS occurred_at, 0 AS day_only, c.title_ko, c.title_en, c.state,
                   'collaboration_project' AS target_kind, c.id AS target_id, NULL AS anchor_id
            FROM collaboration_projects c
            WHERE EXISTS (SELECT 1 FROM collaboration_partners cp WHERE cp.project_id = c.id AND cp.cluster_id = @ClusterId)
            """),
    ];

    /// <summary>The entries after the cursor's.</summary>
    private const string Seek = """
        WHERE t.occurred_at < @At OR (t.occurred_at = @At AND (t.kind_rank > @Rank OR (t.kind_rank = @Rank AND t.record_id < @Id)))
        """;

    /// <summary>Newest first; ties by kind, then id (newest first).</summary>
    private const string Newest = "ORDER BY t.occurred_at DESC, t.kind_rank ASC, t.record_id DESC";

    private sealed class EntryRow
    {
        public long KindRank { get; set; }
        public long RecordId { get; set; }
        public object OccurredAt { get; set; } = "";
        public long DayOnly { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string? State { get; set; }
        public string TargetKind { get; set; } = "";
        public long TargetId { get; set; }
        public long? AnchorId { get; set; }
    }

    /// <summary>The sources' SQL as run: <c>{ClusterAgendaItem}</c> and the id list filled in for this database.</summary>
    private string SourceSql(Source source) => Fill(source.Sql, db.Dialect);

    private static string Fill(string sql, SqlDialect dialect) =>
        sql.Replace("{ClusterAgendaItem}", ClusterAgendaItem).Replace("{db.Dialect.IdsIn(\"@Own\")}", dialect.IdsIn("@Own"));

    /// <summary>The union of the sources the caller may read (null when none).</summary>
    private static string? Union(IEnumerable<Source> sources, SqlDialect dialect)
    {
        var parts = sources.Select(s => Fill(s.Sql, dialect)).ToList();
        return parts.Count == 0 ? null : string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>Every statement this store runs on SQL Server, for the T-SQL parse test.</summary>
    public static IEnumerable<string> SqlServerStatements()
    {
        var dialect = SqlDialect.For(DatabaseProvider.SqlServer);
        var union = Union(Sources, dialect)!;
        yield return $"SELECT t.* FROM ({union}) t {Newest} {dialect.Limit("@Limit")}";
        yield return $"SELECT t.* FROM ({union}) t {Seek} {Newest} {dialect.Limit("@Limit")}";
        yield return $"SELECT COUNT(*) FROM ({union}) t";
    }

    /// <summary>Whether the cluster exists (archived ones too: their history stays readable).</summary>
    public async Task<bool> ExistsAsync(long clusterId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM clusters WHERE id = @clusterId", new { clusterId }) > 0;
    }

    public async Task<Page<TimelineEntryDto>> PageAsync(long clusterId, IReadOnlyCollection<TimelineKind> kinds, TimelineCursor? cursor, int limit,
        Actor actor, CancellationToken ct)
    {
        var readable = Sources.Where(s => actor.Can(s.Permission) && (kinds.Count == 0 || kinds.Contains(s.Kind))).ToList();
        var union = Union(readable, db.Dialect);
        if (union is null) return new Page<TimelineEntryDto>([], null, 0);
        var view = readable.Any(s => s.Permission == Permissions.CouncilRead) ? await meetings.ViewOfAsync(actor, ct) : null;
        var p = new DynamicParameters();
        p.Add("ClusterId", clusterId);
        p.Add("Manages", view?.Manages == true ? 1 : 0);
        p.Add("Own", SqlDialect.IdList(view?.OwnClusters ?? new HashSet<long>()));
        if (cursor is not null)
        {
            p.Add("At", AsStored(cursor.At, db.Provider));
            p.Add("Rank", cursor.Rank);
            p.Add("Id", cursor.Id);
        }
        p.Add("Limit", limit + 1);
        await using var connection = await db.OpenAsync(ct);
        var rows = (await connection.QueryAsync<EntryRow>(
            $"SELECT t.* FROM ({union}) t {(cursor is null ? "" : Seek)} {Newest} {db.Dialect.Limit("@Limit")}", p)).ToList();
        var total = await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM ({union}) t", p);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var last = rows[^1];
            next = new TimelineCursor(last.OccurredAt, (int)last.KindRank, last.RecordId).Encode();
        }
        return new Page<TimelineEntryDto>(rows.Select(ToDto).ToList(), next, total);
    }

    /// <summary>A cursor's moment as this database stores moments (a cursor made by the other engine still compares).</summary>
    private static object AsStored(object at, DatabaseProvider provider) => (at, provider) switch
    {
        (string s, DatabaseProvider.SqlServer) => s.Length == 10
            ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue)
            : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime,
        (DateTime d, DatabaseProvider.Sqlite) => d.TimeOfDay == TimeSpan.Zero && d.Ticks % TimeSpan.TicksPerDay == 0
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : UtcTimestampHandler.Format(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc))),
        _ => at,
    };

    private static TimelineEntryDto ToDto(EntryRow r)
    {
        var (on, at) = Moment(r.OccurredAt, r.DayOnly == 1);
        return new TimelineEntryDto((TimelineKind)(r.KindRank - 1), r.KindRank == 9 ? r.RecordId / 10000 : r.RecordId, on, at, r.TitleKo, r.TitleEn,
            r.State, WireNames.Parse<TimelineTargetKind>(r.TargetKind), r.TargetId, r.AnchorId);
    }

    /// <summary>The Korean calendar day and the UTC instant of a moment as the database returned it.</summary>
    internal static (DateOnly On, DateTimeOffset? At) Moment(object value, bool dayOnly)
    {
        switch (value)
        {
            case string s when dayOnly || s.Length == 10:
                return (DateOnly.ParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture), null);
            case string s:
                var instant = DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                return (DateOnly.FromDateTime(instant.ToOffset(Kst).DateTime), instant);
            case DateTime d when dayOnly:
                return (DateOnly.FromDateTime(d), null);
            case DateTime d:
                var utc = new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc));
                return (DateOnly.FromDateTime(utc.ToOffset(Kst).DateTime), utc);
            case DateTimeOffset o:
                return (DateOnly.FromDateTime(o.ToOffset(Kst).DateTime), dayOnly ? null : o.ToUniversalTime());
            default:
                throw new InvalidOperationException($"unexpected moment {value.GetType()}");
        }
    }
}
