using System.Data.Common;
using System.Globalization;
using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.Search;
using Dapper;

namespace BioCluster.Api.Features.Search;

/// <summary>
/// What each kind of record contributes to search: its key range, the columns searched, and the statement that reads
/// those columns (with what a hit links to and what decides who may read it) for a set of ids. The indexer, the check of
/// documents not yet indexed and the snippets all read the text through here, so they cannot disagree.
/// </summary>
public static class SearchDocuments
{
    /// <summary>A document's key is its kind's code × 2^40 + the record's id (migration 0019).</summary>
    public const long KindSpan = 1L << 40;

    /// <param name="Table">The kind's table, whose rows above the kind's mark (<c>search_marks</c>) are new and not yet indexed.</param>
    public sealed record KindInfo(SearchKind Kind, int Code, string Permission, string Table, string Sql);

    /// <summary>One record's searched text and what a hit shows and links to.</summary>
    public sealed class Doc
    {
        public long Id { get; set; }
        public string? Code { get; set; }
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public long? IssueId { get; set; }
        public long? MeetingId { get; set; }
        public string? Visibility { get; set; }
        public string? T1 { get; set; }
        public string? T2 { get; set; }
        public string? T3 { get; set; }
        public string? T4 { get; set; }
        public string? T5 { get; set; }
        public string? T6 { get; set; }
        public string? T7 { get; set; }
        public string? T8 { get; set; }

        /// <summary>The searched columns that have a value, in their order (the title first).</summary>
        public IEnumerable<string> Texts() => new[] { T1, T2, T3, T4, T5, T6, T7, T8 }.Where(t => !string.IsNullOrEmpty(t))!;

        /// <summary>The text the trigram index holds: the columns, one per line.</summary>
        public string Body() => string.Join('\n', Texts());
    }

    /// <summary>In the order hits are listed: the registry first, comments last (descending codes = descending keys).</summary>
    public static readonly IReadOnlyList<KindInfo> Kinds =
    [
        new(SearchKind.Cluster, 6, Permissions.RegistryRead, "clusters", """
            SELECT id, code, name_ko AS title_ko, name_en AS title_en, code AS t1, name_ko AS t2, name_en AS t3, region AS t4, designation AS t5
            FROM clusters WHERE id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids))
            """),
        new(SearchKind.Agency, 5, Permissions.RegistryRead, "agencies", """
            SELECT id, code, name_ko AS title_ko, name_en AS title_en, code AS t1, name_ko AS t2, name_en AS t3
            FROM agencies WHERE id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids))
            """),
        new(SearchKind.Meeting, 4, Permissions.CouncilRead, "meetings", """
            SELECT id, id AS meeting_id, title_ko, title_en, title_ko AS t1, title_en AS t2, venue AS t3
            FROM meetings WHERE id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids))
            """),
        new(SearchKind.AgendaItem, 3, Permissions.CouncilRead, "agenda_items", """
            SELECT id, meeting_id, visibility, title_ko, title_en, title_ko AS t1, title_en AS t2, decision_text AS t3
            FROM agenda_items WHERE id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids))
            """),
        new(SearchKind.RegulatoryIssue, 2, Permissions.IssuesRead, "regulatory_issues", """
            SELECT id, id AS issue_id, title_ko, title_en, title_ko AS t1, title_en AS t2, problem_ko AS t3, problem_en AS t4,
                   proposal_ko AS t5, proposal_en AS t6, law_name AS t7, law_article AS t8
            FROM regulatory_issues WHERE id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids))
            """),
        new(SearchKind.IssueComment, 1, Permissions.IssuesRead, "regulatory_issue_comments", """
            SELECT c.id, c.issue_id, i.title_ko, i.title_en, c.text AS t1
            FROM regulatory_issue_comments c JOIN regulatory_issues i ON i.id = c.issue_id
            WHERE c.id IN (SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids))
            """),
    ];

    public static KindInfo Of(SearchKind kind) => Kinds.Single(k => k.Kind == kind);

    public static KindInfo OfCode(int code) => Kinds.Single(k => k.Code == code);

    public static long Base(KindInfo kind) => kind.Code * KindSpan;

    /// <summary>The documents of these ids (those that still exist), by id.</summary>
    public static async Task<Dictionary<long, Doc>> ReadAsync(DbConnection connection, DbTransaction? tx, SqlDialect dialect, KindInfo kind,
        IReadOnlyCollection<long> ids)
    {
        var found = new Dictionary<long, Doc>();
        // The statements are written with SQL Server's id list (so the parse test reads them as they run there); SQLite's differs.
        var sql = dialect.Provider == DatabaseProvider.SqlServer ? kind.Sql : kind.Sql.Replace("SELECT CAST([value] AS BIGINT) FROM OPENJSON(@Ids)", dialect.IdsIn("@Ids"), StringComparison.Ordinal);
        foreach (var chunk in ids.Chunk(500))
            foreach (var doc in await connection.QueryAsync<Doc>(sql, new { Ids = SqlDialect.IdList(chunk) }, tx))
                found[doc.Id] = doc;
        return found;
    }

    /// <summary>
    /// The distinct two-character pieces of the text made of letters and digits, lower-cased, space-separated: what the
    /// bigram index holds for a document, so a two-syllable word is one token (ADR 0017).
    /// </summary>
    public static string Bigrams(IEnumerable<string> texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var grams = new StringBuilder();
        foreach (var text in texts)
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                if (!IsGramChar(text[i]) || !IsGramChar(text[i + 1])) continue;
                var gram = string.Create(2, (text[i], text[i + 1]), static (span, pair) =>
                {
                    span[0] = char.ToLowerInvariant(pair.Item1);
                    span[1] = char.ToLowerInvariant(pair.Item2);
                });
                if (!seen.Add(gram)) continue;
                if (grams.Length > 0) grams.Append(' ');
                grams.Append(gram);
            }
        }
        return grams.ToString();
    }

    /// <summary>A character the bigram index keeps (a letter or digit outside the surrogate range).</summary>
    public static bool IsGramChar(char c) => !char.IsSurrogate(c) && char.IsLetterOrDigit(c);

    /// <summary>Whether the document's text contains the query as the indexes match it (ignoring case).</summary>
    public static bool Contains(Doc doc, string query) =>
        doc.Texts().Any(t => CultureInfo.InvariantCulture.CompareInfo.IndexOf(t, query, CompareOptions.OrdinalIgnoreCase) >= 0);
}
