using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Meetings;
using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>
/// The links between council decisions and regulatory issues, both ways: an agenda item links to the issue
/// (<c>agenda_links</c>), and the issue lists the meetings whose items concern it. A move or a new issue may name the
/// decided item it carries out; its timeline then shows the meeting.
/// </summary>
public static class IssueDecisions
{
    public sealed class DecisionRow
    {
        public long IssueId { get; set; }
        public long MeetingId { get; set; }
        public int? MeetingNumber { get; set; }
        public string MeetingTitleKo { get; set; } = "";
        public DateTimeOffset StartsAt { get; set; }
        public long AgendaItemId { get; set; }
        public string ItemTitleKo { get; set; } = "";
        public string? Outcome { get; set; }
        public string Visibility { get; set; } = "";

        public IssueMeetingDto ToDto() => new(MeetingId, MeetingNumber, MeetingTitleKo, StartsAt, AgendaItemId, ItemTitleKo,
            Outcome is null ? null : WireNames.Parse<DecisionOutcome>(Outcome));

        /// <summary>How the timeline names the decision: "제2차 회의 제목 · 안건 제목".</summary>
        public string Label => MeetingNumber is { } n ? $"제{n}차 {MeetingTitleKo} · {ItemTitleKo}" : $"{MeetingTitleKo} · {ItemTitleKo}";
    }

    /// <summary>The columns of a <see cref="DecisionRow"/>, from <c>agenda_items a JOIN meetings m</c>.</summary>
    private const string Columns = """
        m.id AS meeting_id, m.number AS meeting_number, m.title_ko AS meeting_title_ko, m.starts_at, a.id AS agenda_item_id,
        a.title_ko AS item_title_ko, a.outcome, a.visibility
        """;

    /// <summary>The decided item a move or a new issue names: a refusal (400 on <paramref name="field"/>) when there is no decision on it.</summary>
    public static async Task<StoreResult<DecisionRow>> DecidedAsync(DbConnection connection, DbTransaction tx, long itemId, string field)
    {
        var row = await connection.QuerySingleOrDefaultAsync<DecisionRow>($"""
            SELECT {Columns} FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = @itemId
            """, new { itemId }, tx);
        return row is { Outcome: not null }
            ? row
            : Refusal.Invalid(field, Text.Of("결정이 기록된 회의 안건이어야 합니다.", "Name an agenda item the council has decided."));
    }

    /// <summary>Links the item to the issue, once.</summary>
    public static Task LinkAsync(DbConnection connection, DbTransaction tx, long itemId, long issueId) =>
        connection.ExecuteAsync("""
            INSERT INTO agenda_links (agenda_item_id, target_kind, target_id)
            SELECT @itemId, 'regulatory_issue', @issueId
            WHERE NOT EXISTS (SELECT 1 FROM agenda_links WHERE agenda_item_id = @itemId AND target_kind = 'regulatory_issue' AND target_id = @issueId)
            """, new { itemId, issueId }, tx);

    /// <summary>The meetings whose agenda items concern these issues, by issue, in meeting order; internal items only for those who may see them.</summary>
    public static async Task<ILookup<long, IssueMeetingDto>> OfIssuesAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<long> issueIds,
        bool includeInternal) =>
        (await connection.QueryAsync<DecisionRow>($"""
            SELECT l.target_id AS issue_id, {Columns}
            FROM agenda_items a
            JOIN meetings m ON m.id = a.meeting_id
            JOIN agenda_links l ON l.agenda_item_id = a.id AND l.target_kind = 'regulatory_issue'
            WHERE l.target_id IN @issueIds
            ORDER BY m.starts_at, a.position
            """, new { issueIds }, tx))
        .Where(row => includeInternal || row.Visibility == "public")
        .ToLookup(row => row.IssueId, row => row.ToDto());
}
