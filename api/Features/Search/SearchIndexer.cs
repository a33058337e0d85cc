using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using static BioCluster.Api.Features.Search.SearchDocuments;

namespace BioCluster.Api.Features.Search;

/// <summary>
/// Brings SQLite's search indexes up to date: the records changed or deleted (<c>search_pending</c>, written by triggers in
/// the transaction of every update and delete of searched text, migration 0019) and the new ones (above their kind's mark
/// in <c>search_marks</c>, migration 0028), a few documents per short write transaction, so it never holds the write lock
/// for long and an import pays nothing per row for search (ADR 0017).
/// Nothing to do on SQL Server, whose full-text indexes keep themselves.
/// </summary>
public sealed class SearchIndexer(DbConnectionFactory db, IConfiguration configuration, ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>Documents per transaction: ~64 long issues are ~100–200 ms of indexing on the development machine.</summary>
    public const int Batch = 64;

    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (db.Provider != DatabaseProvider.Sqlite) return;
        // On by default; off only where something else drives the indexing (a test that needs a backlog to stay one).
        if (!configuration.GetValue("Search:Indexer:Enabled", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await IndexPendingAsync(Batch, stoppingToken) > 0) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // Busy (an import holds the write lock), or the database is not migrated yet: the documents stay pending and
                // searches check them directly meanwhile.
                logger.LogDebug(e, "Search indexing deferred");
            }
            try
            {
                await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Indexes up to <paramref name="batch"/> waiting documents in one transaction — the queued (changed or deleted) ones
    /// newest first, then the new ones above their kind's mark in id order — and returns how many it took.
    /// </summary>
    public async Task<int> IndexPendingAsync(int batch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var queued = (await connection.QueryAsync<long>("SELECT doc FROM search_pending ORDER BY doc DESC LIMIT @batch", new { batch }, tx)).ToList();
        var marks = await MarksAsync(connection, tx);
        var fresh = new Dictionary<int, long>(); // kind code → the highest new id taken
        var keys = new SortedSet<long>(queued);
        foreach (var kind in Kinds)
        {
            var left = batch - keys.Count;
            if (left <= 0) break;
            var ids = (await connection.QueryAsync<long>($"SELECT id FROM {kind.Table} WHERE id > @Mark ORDER BY id LIMIT @left",
                new { Mark = marks.GetValueOrDefault(kind.Code), left }, tx)).ToList();
            if (ids.Count == 0) continue;
            fresh[kind.Code] = ids[^1];
            foreach (var id in ids) keys.Add(Base(kind) + id);
        }
        if (keys.Count == 0) return 0;
        var docs = new Dictionary<long, Doc?>();
        foreach (var group in keys.GroupBy(doc => (int)(doc / KindSpan)))
        {
            var kind = OfCode(group.Key);
            var lo = Base(kind);
            var found = await ReadAsync(connection, tx, db.Dialect, kind, group.Select(doc => doc - lo).ToList());
            foreach (var key in group) docs[key] = found.GetValueOrDefault(key - lo);
        }
        // In ascending key order: FTS5 writes its pending terms out whenever a key is not above the last one it was given,
        // so descending keys would flush a segment per document (measured: ~7 documents/s instead of hundreds).
        foreach (var key in keys)
        {
            await connection.ExecuteAsync("DELETE FROM search_trigrams WHERE rowid = @key", new { key }, tx);
            await connection.ExecuteAsync("DELETE FROM search_bigrams WHERE rowid = @key", new { key }, tx);
            if (docs[key] is not { } doc) continue; // deleted: out of the index
            await connection.ExecuteAsync("INSERT INTO search_trigrams (rowid, body) VALUES (@key, @body)", new { key, body = doc.Body() }, tx);
            await connection.ExecuteAsync("INSERT INTO search_bigrams (rowid, grams) VALUES (@key, @grams)", new { key, grams = Bigrams(doc.Texts()) }, tx);
        }
        if (queued.Count > 0)
            await connection.ExecuteAsync($"DELETE FROM search_pending WHERE doc IN ({db.Dialect.IdsIn("@docs")})", new { docs = SqlDialect.IdList(queued) }, tx);
        foreach (var (code, last) in fresh)
            await connection.ExecuteAsync("UPDATE search_marks SET last_id = @last WHERE kind = @code", new { last, code }, tx);
        await tx.CommitAsync(ct);
        return keys.Count;
    }

    /// <summary>Per kind (by its code), the highest id indexed or queued: every record above it is new and waits (migration 0028).</summary>
    public static async Task<Dictionary<int, long>> MarksAsync(DbConnection connection, DbTransaction? tx) =>
        (await connection.QueryAsync<(long Kind, long LastId)>("SELECT kind, last_id FROM search_marks", transaction: tx))
        .ToDictionary(m => (int)m.Kind, m => m.LastId);

    /// <summary>
    /// How many documents of each kind (by its code) wait to be indexed: queued ones (changed or deleted) and new ones above
    /// the kind's mark, in one statement — nothing or nearly nothing but for the minutes after a bulk change.
    /// </summary>
    public static async Task<Dictionary<int, int>> WaitingAsync(DbConnection connection, IReadOnlyDictionary<int, long> marks)
    {
        var sql = "SELECT doc / @Span AS code, COUNT(*) AS n FROM search_pending GROUP BY doc / @Span" + string.Concat(Kinds.Select(k =>
            $" UNION ALL SELECT {k.Code}, COUNT(*) FROM {k.Table} WHERE id > @Mark{k.Code}"));
        var p = new DynamicParameters(new { Span = KindSpan });
        foreach (var k in Kinds) p.Add($"Mark{k.Code}", marks.GetValueOrDefault(k.Code));
        var waiting = new Dictionary<int, int>();
        foreach (var (code, n) in await connection.QueryAsync<(long Code, int N)>(sql, p))
            waiting[(int)code] = waiting.GetValueOrDefault((int)code) + n;
        return waiting;
    }

    /// <summary>Indexes until nothing is pending (tests, the benchmark).</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                if (await IndexPendingAsync(Batch, ct) == 0) return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 5) // SQLITE_BUSY: the background loop holds it; try again
            {
                await Task.Delay(20, ct);
            }
        }
    }
}
