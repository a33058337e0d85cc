namespace BioCluster.Contracts.Search;

/// <summary>
/// What a search hit is. Hits come grouped in this order (registry first, comments last), newest first within a kind.
/// </summary>
public enum SearchKind { Cluster, Agency, Meeting, AgendaItem, RegulatoryIssue, IssueComment }

/// <summary>A piece of a snippet: text as it is in the record, marked where it matches the query.</summary>
/// <param name="Text">Plain text (never markup).</param>
/// <param name="Match">Whether this piece is the query's match.</param>
public sealed record SnippetPart(string Text, bool Match);

/// <summary>One record that contains the query.</summary>
/// <param name="Kind">The record's kind.</param>
/// <param name="Id">The record's id (for a comment or an agenda item, its own id).</param>
/// <param name="Code">The code of a cluster or agency (its page is /clusters/{code}, /agencies/{code}).</param>
/// <param name="TitleKo">The record's Korean title or name (for a comment, the issue's title).</param>
/// <param name="TitleEn">The English title or name, when there is one.</param>
/// <param name="Snippet">Up to ~120 characters around the first match, the match marked.</param>
/// <param name="IssueId">The issue a comment belongs to (link: the issue).</param>
/// <param name="MeetingId">The meeting an agenda item belongs to (link: the meeting).</param>
public sealed record SearchHitDto(
    SearchKind Kind,
    long Id,
    string? Code,
    string TitleKo,
    string? TitleEn,
    IReadOnlyList<SnippetPart> Snippet,
    long? IssueId = null,
    long? MeetingId = null);

/// <summary>How many records of one kind match (counted up to <see cref="SearchResultsDto.CountLimit"/>).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">Matches of this kind the caller may read, at most countLimit.</param>
/// <param name="More">True when there are more than countLimit.</param>
public sealed record SearchKindCount(SearchKind Kind, int Count, bool More);

/// <summary>One page of search hits, grouped by kind, with the counts per kind.</summary>
/// <param name="Items">The hits of this page.</param>
/// <param name="NextCursor">Opaque cursor for the next page; null on the last page.</param>
/// <param name="TotalCount">The sum of the per-kind counts (each counted up to countLimit).</param>
/// <param name="Counts">Matches per kind, for every kind searched.</param>
/// <param name="CountLimit">Each kind is counted up to this many; a search for a common word says "1,000+" rather than count them all.</param>
/// <param name="Unindexed">Records changed so recently, in numbers (a bulk import), that they are not searchable yet; they are
/// indexed within minutes. 0 when every record was searched.</param>
public sealed record SearchResultsDto(
    IReadOnlyList<SearchHitDto> Items,
    string? NextCursor,
    int TotalCount,
    IReadOnlyList<SearchKindCount> Counts,
    int CountLimit,
    int Unindexed = 0);
