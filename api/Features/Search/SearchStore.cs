using System.Data.Common;
using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.Search;
using Dapper;
using static BioCluster.Api.Features.Search.SearchDocuments;

namespace BioCluster.Api.Features.Search;

/// <summary>Where a page of hits ends: the kind and the record id of its last hit (hits run newest first within a kind).</summary>
public sealed record SearchCursor(int KindCode, long Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.ASCII.GetBytes($"s1.{KindCode}.{Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string? text, out SearchCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text)) return true;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split('.');
            if (parts is not ["s1", var k, var i] || !int.TryParse(k, out var code) || !long.TryParse(i, out var id)) return false;
            if (Kinds.All(x => x.Code != code) || id <= 0 || id >= KindSpan) return false;
            cursor = new SearchCursor(code, id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// The one search box's reads (ADR 0017). SQLite: the trigram index for queries of three characters or more, the bigram
/// index for two, both kept by <see cref="SearchIndexer"/>; the records it has yet to index (queued changes, new records
/// above their kind's mark) are checked here directly until indexed. SQL Server: its full-text indexes (CONTAINS, Korean word breaker). What a caller may read is
/// decided as the records decide it: registry and issue kinds by permission, agenda items by <see cref="CouncilView"/>.
/// </summary>
public sealed class SearchStore(DbConnectionFactory db, MeetingStore meetings)
{
    /// <summary>Each kind is counted up to this many matches.</summary>
    public const int CountLimit = 1000;

    /// <summary>
    /// Waiting documents of a kind checked directly by a search, at most. Past this (a bulk import's backlog, indexed within
    /// minutes) a search answers from the index at once and says how many changed records it could not search yet, rather
    /// than read every waiting record's text for every search.
    /// </summary>
    public const int DirectCheckLimit = 500;

    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;

    /// <summary>Who may read an agenda item, as the meeting view decides it (<c>MeetingStore.Agenda</c>): the secretariat and admins
    /// every item, everyone else public items and the internal ones that name a cluster their agency operates.</summary>
    private const string VisibleAgendaItems =
        "SELECT a.id FROM agenda_items a WHERE @Manages = 1 OR a.visibility = 'public' OR EXISTS (SELECT 1 FROM agenda_links l " +
        "WHERE l.agenda_item_id = a.id AND l.target_kind = 'cluster' AND l.target_id IN ({own}))";

    /// <summary>SQL Server: the newest matches of a kind before a given id (CONTAINS over the kind's full-text index, migration 0019).</summary>
    public static readonly IReadOnlyDictionary<SearchKind, string> SqlServerMatches = new Dictionary<SearchKind, string>
    {
        [SearchKind.Cluster] = """
            SELECT x.id FROM clusters x WHERE CONTAINS((x.code, x.name_ko, x.name_en, x.region, x.designation), @Term) AND x.id < @Before
            ORDER BY x.id DESC OFFSET 0 ROWS FETCH NEXT @N ROWS ONLY
            """,
        [SearchKind.Agency] = """
            SELECT x.id FROM agencies x WHERE CONTAINS((x.code, x.name_ko, x.name_en), @Term) AND x.id < @Before
            ORDER BY x.id DESC OFFSET 0 ROWS FETCH NEXT @N ROWS ONLY
            """,
        [SearchKind.Meeting] = """
            SELECT x.id FROM meetings x WHERE CONTAINS((x.title_ko, x.title_en, x.venue), @Term) AND x.id < @Before
            ORDER BY x.id DESC OFFSET 0 ROWS FETCH NEXT @N ROWS ONLY
            """,
        [SearchKind.AgendaItem] = """
            SELECT x.id FROM agenda_items x WHERE CONTAINS((x.title_ko, x.title_en, x.decision_text), @Term) AND x.id < @Before
              AND (@Manages = 1 OR x.visibility = 'public' OR EXISTS (SELECT 1 FROM agenda_links l WHERE l.agenda_item_id = x.id
                   AND l.target_kind = 'cluster' AND l.target_id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Own))))
            ORDER BY x.id DESC OFFSET 0 ROWS FETCH NEXT @N ROWS ONLY
            """,
        [SearchKind.RegulatoryIssue] = """
            SELECT x.id FROM regulatory_issues x
            WHERE CONTAINS((x.title_ko, x.title_en, x.problem_ko, x.problem_en, x.proposal_ko, x.proposal_en, x.law_name, x.law_article), @Term)
              AND x.id < @Before
            ORDER BY x.id DESC OFFSET 0 ROWS FETCH NEXT @N ROWS ONLY
            """,
        [SearchKind.IssueComment] = """
            SELECT x.id FROM regulatory_issue_comments x WHERE CONTAINS(x.text, @Term) AND x.id < @Before
            ORDER BY x.id DESC OFFSET 0 ROWS FETCH NEXT @N ROWS ONLY
            """,
    };

    /// <summary>Every SQL Server statement this store runs, as it runs them, for the T-SQL parse test.</summary>
    public static IEnumerable<string> SqlServerStatements() => SqlServerMatches.Values;

    /// <summary>The query as the indexes take it: trimmed.</summary>
    public static string Normal(string query) => query.Trim();

    public async Task<SearchResultsDto> SearchAsync(string query, IReadOnlyCollection<SearchKind> kinds, int limit, SearchCursor? cursor, Actor actor,
        CancellationToken ct)
    {
        query = Normal(query);
        var searched = Kinds.Where(k => (kinds.Count == 0 || kinds.Contains(k.Kind)) && actor.Can(k.Permission)).ToList();
        var view = searched.Any(k => k.Kind == SearchKind.AgendaItem) ? await meetings.ViewOfAsync(actor, ct) : null;
        var scope = new Scope(query, view?.Manages == true ? 1 : 0, SqlDialect.IdList(view?.OwnClusters ?? new HashSet<long>()));
        await using var connection = await db.OpenAsync(ct);

        // Per kind, whether its waiting documents are few enough to check directly (SQLite; SQL Server's indexes keep themselves).
        var marks = db.Provider == DatabaseProvider.Sqlite ? await SearchIndexer.MarksAsync(connection, null) : [];
        var waitingByKind = db.Provider == DatabaseProvider.Sqlite ? await SearchIndexer.WaitingAsync(connection, marks) : [];
        var unindexed = 0;
        var waitingOf = new Dictionary<SearchKind, Waiting>();
        foreach (var kind in searched)
        {
            var waiting = waitingByKind.GetValueOrDefault(kind.Code);
            waitingOf[kind.Kind] = new Waiting(marks.GetValueOrDefault(kind.Code), waiting <= DirectCheckLimit);
            if (waiting > DirectCheckLimit) unindexed += waiting;
        }

        var counts = new List<SearchKindCount>();
        foreach (var kind in searched)
        {
            var found = (await MatchesAsync(connection, kind, scope, long.MaxValue, CountLimit + 1, waitingOf[kind.Kind])).Count;
            counts.Add(new SearchKindCount(kind.Kind, Math.Min(found, CountLimit), found > CountLimit));
        }

        var hits = new List<SearchHitDto>();
        foreach (var kind in searched.Where(k => cursor is null || k.Code <= cursor.KindCode))
        {
            var before = cursor is not null && cursor.KindCode == kind.Code ? cursor.Id : long.MaxValue;
            var ids = await MatchesAsync(connection, kind, scope, before, limit + 1 - hits.Count, waitingOf[kind.Kind]);
            var docs = await ReadAsync(connection, null, db.Dialect, kind, ids);
            foreach (var id in ids)
                if (docs.TryGetValue(id, out var doc))
                    hits.Add(new SearchHitDto(kind.Kind, doc.Id, doc.Code, doc.TitleKo, doc.TitleEn, Snippet(doc, query), doc.IssueId,
                        kind.Kind == SearchKind.AgendaItem ? doc.MeetingId : null));
            if (hits.Count > limit) break;
        }
        string? next = null;
        if (hits.Count > limit)
        {
            hits.RemoveRange(limit, hits.Count - limit);
            var last = hits[^1];
            next = new SearchCursor(Of(last.Kind).Code, last.Id).Encode();
        }
        return new SearchResultsDto(hits, next, counts.Sum(c => c.Count), counts, CountLimit, unindexed);
    }

    private sealed record Scope(string Query, int Manages, string Own);

    /// <summary>A kind's mark (records above it are new and not indexed yet) and whether its waiting records are few enough to
    /// check directly (SQLite).</summary>
    private sealed record Waiting(long Mark, bool Direct);

    /// <summary>The ids of the newest <paramref name="n"/> records of a kind that match, with ids below <paramref name="before"/>.</summary>
    private Task<List<long>> MatchesAsync(DbConnection connection, KindInfo kind, Scope scope, long before, int n, Waiting? waiting) =>
        db.Provider == DatabaseProvider.SqlServer
            ? SqlServerMatchesAsync(connection, kind, scope, before, n)
            : SqliteMatchesAsync(connection, kind, scope, before, n, waiting!);

    private static async Task<List<long>> SqlServerMatchesAsync(DbConnection connection, KindInfo kind, Scope scope, long before, int n)
    {
        // A prefix term: the Korean word breaker splits at spaces and particles, so "임상*" finds 임상시험; a query inside a
        // word (시험 in 임상시험) is not found (ADR 0017).
        var term = "\"" + scope.Query.Replace("\"", "", StringComparison.Ordinal) + "*\"";
        var sql = SqlServerMatches[kind.Kind];
        return (await connection.QueryAsync<long>(sql, new { Term = term, Before = before, N = n, scope.Manages, scope.Own })).ToList();
    }

    /// <summary>
    /// SQLite: the index's matches among the documents not waiting to be indexed (not queued, not above the kind's mark),
    /// merged with the waiting documents whose current text matches (when few enough to check directly; otherwise the
    /// waiting ones are left out until indexed). The FTS5 statements are SQLite's own (MATCH), so they are plain strings,
    /// not parsed as T-SQL.
    /// </summary>
    private async Task<List<long>> SqliteMatchesAsync(DbConnection connection, KindInfo kind, Scope scope, long before, int n, Waiting waiting)
    {
        var lo = Base(kind);
        var hi = lo + KindSpan;
        var upper = before == long.MaxValue ? hi : lo + before;
        var bigram = scope.Query.Length < 3;
        var table = bigram ? "search_bigrams" : "search_trigrams";
        var match = "\"" + (bigram ? scope.Query.ToLowerInvariant() : scope.Query).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        string Visible(string id) => kind.Kind == SearchKind.AgendaItem
            ? $" AND {id} IN (" + VisibleAgendaItems.Replace("{own}", db.Dialect.IdsIn("@Own"), StringComparison.Ordinal) + ")"
            : "";
        var p = new { Match = match, Lo = lo, Hi = hi, Upper = upper, Indexed = lo + waiting.Mark, waiting.Mark, Before = upper - lo, N = n, scope.Manages, scope.Own };
        var indexed = (await connection.QueryAsync<long>(
            $"SELECT rowid - @Lo FROM {table} WHERE {table} MATCH @Match AND rowid > @Lo AND rowid < @Upper AND rowid <= @Indexed " +
            "AND rowid NOT IN (SELECT doc FROM search_pending WHERE doc > @Lo AND doc < @Hi)" + Visible("rowid - @Lo") +
            " ORDER BY rowid DESC LIMIT @N", p)).ToList();
        if (!waiting.Direct) return indexed;
        var ids = (await connection.QueryAsync<long>(
            "SELECT doc - @Lo FROM search_pending WHERE doc > @Lo AND doc < @Upper" + Visible("doc - @Lo") +
            $" UNION SELECT id FROM {kind.Table} WHERE id > @Mark AND id < @Before" + Visible("id"), p)).ToList();
        if (ids.Count == 0) return indexed;
        var docs = await ReadAsync(connection, null, db.Dialect, kind, ids);
        return indexed.Concat(docs.Values.Where(d => Contains(d, scope.Query)).Select(d => d.Id)).OrderDescending().Take(n).ToList();
    }

    /// <summary>About 120 characters of the first text that holds the query, the match marked; the start of the record when no text
    /// holds it literally (SQL Server's word breaker matches forms of a word).</summary>
    public static IReadOnlyList<SnippetPart> Snippet(Doc doc, string query)
    {
        const int before = 40, after = 80;
        foreach (var raw in doc.Texts())
        {
            var text = Flat(raw);
            var at = text.IndexOf(query, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var start = Math.Max(0, at - before);
            if (start > 0 && char.IsLowSurrogate(text[start])) start--;
            var end = Math.Min(text.Length, at + query.Length + after);
            if (end < text.Length && char.IsLowSurrogate(text[end])) end++;
            var parts = new List<SnippetPart>();
            if (at > start || start > 0) parts.Add(new SnippetPart((start > 0 ? "…" : "") + text[start..at], false));
            parts.Add(new SnippetPart(text.Substring(at, query.Length), true));
            if (end > at + query.Length || end < text.Length)
                parts.Add(new SnippetPart(text[(at + query.Length)..end] + (end < text.Length ? "…" : ""), false));
            return parts;
        }
        var first = Flat(doc.Texts().FirstOrDefault() ?? "");
        return [new SnippetPart(first.Length > before + after ? first[..(before + after)] + "…" : first, false)];
    }

    private static string Flat(string text) => text.ReplaceLineEndings(" ");
}
