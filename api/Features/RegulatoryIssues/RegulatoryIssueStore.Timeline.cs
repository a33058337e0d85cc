using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Features.RegulatoryIssues;

/// <summary>An issue's timeline (every move, with the fields it set) and its comments.</summary>
public sealed partial class RegulatoryIssueStore
{
    private sealed class TransitionRow
    {
        public long Id { get; set; }
        public string? FromStatus { get; set; }
        public string ToStatus { get; set; } = "";
        public string ActorType { get; set; } = "";
        public string ActorName { get; set; } = "";
        public DateTimeOffset OccurredAt { get; set; }
        public string? Comment { get; set; }
        public string FieldsJson { get; set; } = "{}";
    }

    /// <param name="showContact">Whether the caller may see the official's contact details (<see cref="ContactVisibility"/>).</param>
    public async Task<IReadOnlyList<IssueTransitionDto>> HistoryAsync(long id, bool showContact, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<TransitionRow>(
            "SELECT id, from_status, to_status, actor_type, actor_name, occurred_at, comment, fields_json FROM regulatory_issue_transitions WHERE issue_id = @id ORDER BY id",
            new { id });
        return rows.Select(r => new IssueTransitionDto(r.Id, r.FromStatus is null ? null : WireNames.Parse<IssueStatus>(r.FromStatus),
            WireNames.Parse<IssueStatus>(r.ToStatus), WireNames.Parse<ActorType>(r.ActorType), r.ActorName, r.OccurredAt, r.Comment,
            Fields(r.FieldsJson))).ToList();

        IReadOnlyDictionary<string, string?> Fields(string json)
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
            if (!showContact)
                foreach (var key in ContactVisibility.TimelineFields)
                    if (fields.ContainsKey(key)) fields[key] = null;
            return fields;
        }
    }

    private sealed class CommentRow
    {
        public long Id { get; set; }
        public string AuthorName { get; set; } = "";
        public string AuthorType { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public string Text { get; set; } = "";

        public IssueCommentDto ToDto() => new(Id, AuthorName, WireNames.Parse<ActorType>(AuthorType), CreatedAt, Text);
    }

    public async Task<IReadOnlyList<IssueCommentDto>> CommentsAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<CommentRow>(
            "SELECT id, author_name, author_type, created_at, text FROM regulatory_issue_comments WHERE issue_id = @id ORDER BY id", new { id }))
            .Select(c => c.ToDto()).ToList();
    }

    public async Task<IssueCommentDto?> AddCommentAsync(long id, string text, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM regulatory_issues WHERE id = @id", new { id }, tx) == 0) return null;
        var commentId = await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO regulatory_issue_comments (issue_id, author_type, author_name, created_at, text)
            VALUES (@id, @AuthorType, @AuthorName, @now, @text);
            {db.Dialect.SelectNewId}
            """, new { id, AuthorType = WireNames.Of(actor.Type), AuthorName = actor.DisplayName, now, text }, tx);
        var comment = new IssueCommentDto(commentId, actor.DisplayName, actor.Type, now, text);
        await audit.WriteAsync(connection, tx, actor, "comment", EntityType, id, null, comment);
        await notifications.NotifyIssueCommentedAsync(connection, tx, id, text, actor, now);
        await tx.CommitAsync(ct);
        return comment;
    }
}
