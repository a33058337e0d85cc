using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.SavedViews;
using Dapper;

namespace BioCluster.Api.Features.SavedViews;

/// <summary>All SQL about saved views: a person's named list filters. Every statement names the owner, so another's view is never read or removed.</summary>
public sealed class SavedViewStore(DbConnectionFactory db, TimeProvider clock, AuditStore audit)
{
    public const string EntityType = "saved_view";

    /// <summary>How many views one person may keep, over all pages: enough for real use, small enough that a list of them needs no paging.</summary>
    public const int MaxPerUser = 50;

    public sealed class SavedViewRow
    {
        public long Id { get; set; }
        public long UserId { get; set; }
        public string PageKey { get; set; } = "";
        public string ViewName { get; set; } = "";
        public string QueryText { get; set; } = "";
        public long Version { get; set; }
        public DateTimeOffset CreatedAt { get; set; }

        public SavedViewDto ToDto() => new(Id, WireNames.Parse<SavedViewPage>(PageKey), ViewName, QueryText, CreatedAt);
    }

    private const string Select = "SELECT v.id, v.user_id, v.page_key, v.view_name, v.query_text, v.version, v.created_at FROM saved_views v";

    /// <summary>The owner's views of one page (or of every page), by name.</summary>
    public async Task<List<SavedViewDto>> ListAsync(long userId, SavedViewPage? page, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = page is { } p
            ? await connection.QueryAsync<SavedViewRow>($"{Select} WHERE v.user_id = @userId AND v.page_key = @page ORDER BY v.view_name, v.id",
                new { userId, page = WireNames.Of(p) })
            : await connection.QueryAsync<SavedViewRow>($"{Select} WHERE v.user_id = @userId ORDER BY v.page_key, v.view_name, v.id", new { userId });
        return rows.Select(r => r.ToDto()).ToList();
    }

    public async Task<Versioned<SavedViewDto>?> GetAsync(long userId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SavedViewRow>($"{Select} WHERE v.id = @id AND v.user_id = @userId", new { id, userId });
        return row is null ? null : new Versioned<SavedViewDto>(row.ToDto(), row.Version);
    }

    public async Task<StoreResult<Versioned<SavedViewDto>>> CreateAsync(long userId, CreateSavedViewRequest r, Actor actor, CancellationToken ct)
    {
        var name = r.Name.Trim();
        var page = WireNames.Of(r.Page);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var counts = await connection.QuerySingleAsync<CountsRow>("""
            SELECT COUNT(*) AS total, COALESCE(SUM(CASE WHEN page_key = @page AND view_name = @name THEN 1 ELSE 0 END), 0) AS same_name
            FROM saved_views WHERE user_id = @userId
            """, new { userId, page, name }, tx);
        if (counts.SameName > 0) return Duplicate(name);
        if (counts.Total >= MaxPerUser)
            return Refusal.Conflict(Text.Of($"저장한 보기는 {MaxPerUser}개까지입니다. 쓰지 않는 보기를 지우고 다시 저장하십시오.",
                $"You may keep at most {MaxPerUser} saved views. Delete one you no longer use and save again."));
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>($"""
                INSERT INTO saved_views (user_id, page_key, view_name, query_text, version, created_at) VALUES (@userId, @page, @name, @query, 1, @now);
                {db.Dialect.SelectNewId}
                """, new { userId, page, name, query = r.Query, now = clock.GetUtcNow() }, tx);
        }
        catch (System.Data.Common.DbException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Duplicate(name);
        }
        var row = await connection.QuerySingleAsync<SavedViewRow>($"{Select} WHERE v.id = @id", new { id }, tx);
        await audit.WriteAsync(connection, tx, actor, "create", EntityType, id, null, row.ToDto());
        await tx.CommitAsync(ct);
        return new Versioned<SavedViewDto>(row.ToDto(), row.Version);
    }

    /// <summary>Removes one of the owner's views (If-Match); another's is not found.</summary>
    public async Task<WriteResult<SavedViewDto>> DeleteAsync(long userId, long id, long expectedVersion, Actor actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<SavedViewRow>($"{Select} WHERE v.id = @id AND v.user_id = @userId", new { id, userId }, tx);
        if (row is null) return WriteResult<SavedViewDto>.NotFound;
        if (row.Version != expectedVersion) return WriteResult<SavedViewDto>.Stale;
        if (await connection.ExecuteAsync("DELETE FROM saved_views WHERE id = @id AND user_id = @userId AND version = @expectedVersion",
                new { id, userId, expectedVersion }, tx) == 0)
            return WriteResult<SavedViewDto>.Stale;
        await audit.WriteAsync(connection, tx, actor, "delete", EntityType, id, row.ToDto(), null);
        await tx.CommitAsync(ct);
        return WriteResult<SavedViewDto>.Done(new Versioned<SavedViewDto>(row.ToDto(), row.Version));
    }

    private static Refusal Duplicate(string name) =>
        Refusal.Conflict(Text.Of($"이 목록에 '{name}'(이)라는 보기가 이미 있습니다.", $"This list already has a view named '{name}'."));

    private sealed class CountsRow
    {
        public long Total { get; set; }
        public long SameName { get; set; }
    }
}
