using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>A forward-only migration script embedded in the API assembly.</summary>
public sealed record MigrationScript(int Number, string Name, string Sql);

/// <summary>
/// Applies the numbered scripts of one dialect folder in order, each once, recording them in
/// <c>schema_migrations</c>. Concurrent starts are serialised by the database itself
/// (SQLite: an immediate transaction; SQL Server: an application lock), so a second instance waits
/// and then finds nothing to do.
/// </summary>
public sealed partial class Migrator(DbConnectionFactory factory, ILogger<Migrator> logger)
{
    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    public static IReadOnlyList<MigrationScript> Scripts(DatabaseProvider provider)
    {
        var prefix = $"Migrations/{provider}/";
        var assembly = typeof(Migrator).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var match = ScriptName().Match(file);
            if (!match.Success)
                throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_snake_case.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new MigrationScript(int.Parse(match.Groups[1].Value), file, reader.ReadToEnd()));
        }
        return scripts.OrderBy(s => s.Number).ToList();
    }

    public static IEnumerable<string> Batches(string sql) =>
        BatchSeparator().Split(sql).Select(b => b.Trim()).Where(b => b.Length > 0);

    /// <summary>The page size of a new SQLite database, in bytes.</summary>
    public const int SqlitePageSize = 16384;

    public static int LatestNumber(DatabaseProvider provider) => Scripts(provider).Select(s => s.Number).DefaultIfEmpty(0).Max();

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        var scripts = Scripts(factory.Provider);
        await using var connection = await factory.OpenAsync(ct);
        if (factory.Provider == DatabaseProvider.Sqlite)
        {
            // A new file gets 16 KB pages; a file that already has tables keeps its own (SQLite ignores the setting then,
            // and changing it would take a VACUUM). Bulk imports write ~16 % faster than with 4 KB pages (fewer page
            // splits, cache fetches and log frames per row); a single small write costs SQLite more (~0.2 ms, four
            // times the bytes per changed page), which through HTTP showed only in a single writer's p90/p99 under
            // sustained load, and mostly no longer with 4 MB checkpoints (SqliteEngine.AutoCheckpointPages, docs/benchmarks.md).
            await connection.ExecuteAsync($"PRAGMA page_size = {SqlitePageSize};");
            // Persistent for the file: readers do not block the writer.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.Serializable, ct);
        if (factory.Provider == DatabaseProvider.SqlServer)
        {
            await connection.ExecuteAsync(
                "EXEC sp_getapplock @Resource = 'biocluster_migrations', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000;",
                transaction: tx);
            await connection.ExecuteAsync(
                "IF OBJECT_ID('dbo.schema_migrations') IS NULL CREATE TABLE dbo.schema_migrations (number INT NOT NULL PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at DATETIME2 NOT NULL);",
                transaction: tx);
        }
        else
        {
            await connection.ExecuteAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
                transaction: tx);
        }

        var applied = (await connection.QueryAsync<int>("SELECT number FROM schema_migrations", transaction: tx)).ToHashSet();
        var count = 0;
        foreach (var script in scripts.Where(s => !applied.Contains(s.Number)))
        {
            logger.LogInformation("Applying migration {Migration}", script.Name);
            foreach (var batch in Batches(script.Sql).Where(b => !IsOutsideTransaction(b)))
                await connection.ExecuteAsync(batch, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (number, name, applied_at) VALUES (@Number, @Name, @AppliedAt)",
                new { script.Number, script.Name, AppliedAt = DateTimeOffset.UtcNow },
                transaction: tx);
            count++;
        }
        await tx.CommitAsync(ct);
        // Statements SQL Server refuses inside a user transaction (full-text DDL, 0019): run after the commit, on every start,
        // each guarded by its own existence check, so a start that failed between the commit and these finishes them later.
        foreach (var batch in scripts.SelectMany(s => Batches(s.Sql)).Where(IsOutsideTransaction))
            await connection.ExecuteAsync(batch);
        return count;
    }

    /// <summary>A batch that opens with <c>-- outside transaction</c>: run after the migrations commit, on every start.</summary>
    public static bool IsOutsideTransaction(string batch) => batch.StartsWith("-- outside transaction", StringComparison.Ordinal);

    /// <summary>The highest migration applied to the database, or null when none is.</summary>
    public async Task<int?> AppliedNumberAsync(DbConnection connection)
    {
        try
        {
            return await connection.ExecuteScalarAsync<int?>("SELECT MAX(number) FROM schema_migrations");
        }
        catch (DbException)
        {
            return null;
        }
    }
}
