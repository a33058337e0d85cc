using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using static BioCluster.Api.Features.Search.SearchDocuments;

namespace BioCluster.Api.Features.Search;

/// <summary>
/// Brings SQLite's search indexes up to date from <c>search_pending</c> (written by triggers in the transaction of every
/// write that changes searched text, migration 0019): a few documents per short write transaction, newest first, so it
/// never holds the write lock for long and an import pays one small insert per row instead of the index's work (ADR 0017).
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

    /// <summary>Indexes up to <paramref name="batch"/> pending documents in one transaction; returns how many it took.</summary>
    public async Task<int> IndexPendingAsync(int batch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var pending = (await connection.QueryAsync<long>("SELECT doc FROM search_pending ORDER BY doc DESC LIMIT @batch", new { batch }, tx)).ToList();
        if (pending.Count == 0) return 0;
        var docs = new Dictionary<long, Doc?>();
        foreach (var group in pending.GroupBy(doc => (int)(doc / KindSpan)))
        {
            var kind = OfCode(group.Key);
            var lo = Base(kind);
            var found = await ReadAsync(connection, tx, db.Dialect, kind, group.Select(doc => doc - lo).ToList());
            foreach (var key in group) docs[key] = found.GetValueOrDefault(key - lo);
        }
        // In ascending key order: FTS5 writes its pending terms out whenever a key is not above the last one it was given,
        // so descending keys would flush a segment per document (measured: ~7 documents/s instead of hundreds).
        foreach (var key in pending.Order())
        {
            await connection.ExecuteAsync("DELETE FROM search_trigrams WHERE rowid = @key", new { key }, tx);
            await connection.ExecuteAsync("DELETE FROM search_bigrams WHERE rowid = @key", new { key }, tx);
            if (docs[key] is not { } doc) continue; // deleted: out of the index
            await connection.ExecuteAsync("INSERT INTO search_trigrams (rowid, body) VALUES (@key, @body)", new { key, body = doc.Body() }, tx);
            await connection.ExecuteAsync("INSERT INTO search_bigrams (rowid, grams) VALUES (@key, @grams)", new { key, grams = Bigrams(doc.Texts()) }, tx);
        }
        await connection.ExecuteAsync($"DELETE FROM search_pending WHERE doc IN ({db.Dialect.IdsIn("@docs")})", new { docs = SqlDialect.IdList(pending) }, tx);
        await tx.CommitAsync(ct);
        return pending.Count;
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
