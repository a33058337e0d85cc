using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Imports;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

using Say = BioCluster.Api.Infrastructure.Http.Text;

namespace BioCluster.Api.Features.Imports;

/// <summary>Import limits (configuration section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
    public int MaxRows { get; set; } = 200_000;
    /// <summary>Problems listed in the answer; all of them (up to <see cref="MaxStoredProblems"/>) stay in the history.</summary>
    public int MaxProblemsInReport { get; set; } = 1_000;
    public int MaxStoredProblems { get; set; } = 20_000;
    /// <summary>Imports one instance runs at once (each can take a core and ~100 MB); more get 503 with Retry-After.</summary>
    public int MaxConcurrent { get; set; } = 2;
    /// <summary>Seconds an import may take, upload excluded; past it the run is rolled back and answered 413.</summary>
    public int TimeLimitSeconds { get; set; } = 300;
    /// <summary>Characters of rejected rows kept for a run's rejected-rows download, all rows together (see <see cref="RejectedRowCutter"/>).</summary>
    public int MaxStoredRejectedChars { get; set; } = 4 * 1024 * 1024;
}

/// <summary>
/// Runs an import: reads the spooled file row by row, has the target check (and, in a real run, write)
/// each row in one transaction, and records the run with its totals, problems and rejected rows.
/// With onError=fail the first rejected row rolls the transaction back at once (nothing is written and
/// the database is free again) and the rest of the file is only checked, so the report is complete.
/// </summary>
public sealed class ImportEngine(DbConnectionFactory db, TimeProvider clock, IOptions<JsonOptions> json, IOptions<ImportOptions> options)
{
    public const string EntityType = "import";

    /// <summary>Seconds an import may run (<see cref="ImportOptions.TimeLimitSeconds"/>).</summary>
    public int TimeLimitSeconds => Math.Max(1, options.Value.TimeLimitSeconds);

    public async Task<ImportReportDto> RunAsync(ImportTarget target, ImportFile file, string? fileName, bool dryRun, ImportErrorMode onError,
        Actor actor, CancellationToken ct)
    {
        var limits = options.Value;
        var started = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var problems = new List<ImportProblem>();
        var rejectedRows = new List<(int Row, IReadOnlyList<string?> Cells)>();
        var cutter = new RejectedRowCutter(limits.MaxStoredRejectedChars);
        int rows = 0, created = 0, updated = 0, unchanged = 0, rejected = 0;

        await file.CheckLimitsAsync(limits.MaxRows, ct); // before the database is touched
        await using var connection = await db.OpenAsync(ct);
        await using var bulk = dryRun ? null : await db.BulkWriteAsync(connection, ct);
        await using var context = new ImportContext(connection, db.Dialect, actor, started, json.Value.SerializerOptions);
        if (!dryRun)
        {
            await context.BeginAsync(ct);
            context.RunId = await ImportStore.ReserveRunAsync(context, db, target.Entity, file, fileName, onError, ct);
        }
        await using (var session = await target.OpenAsync(context, ct))
        {
            await foreach (var check in CheckedRowsAsync(file, target, session, limits.MaxRows, ct))
            {
                rows++;
                var result = RowResult.Rejected;
                if (check.Row.ShapeError is { } shape) check.Add(null, "row_shape", shape);
                else result = await session.ApplyAsync(check, write: context.Transaction is not null, ct);
                if (check.Failed) result = RowResult.Rejected;
                switch (result)
                {
                    case RowResult.Created: created++; break;
                    case RowResult.Updated: updated++; break;
                    case RowResult.Unchanged: unchanged++; break;
                    default:
                        rejected++;
                        if (problems.Count < limits.MaxStoredProblems) problems.AddRange(check.Problems.Take(limits.MaxStoredProblems - problems.Count));
                        if (rejectedRows.Count < limits.MaxStoredProblems && cutter.Cut(check.Row.Raw) is { } kept) rejectedRows.Add((check.Row.Number, kept));
                        // Nothing of this run will be written: give the database back now and only check the rest
                        // (the session keeps what earlier rows would have made, so the report is whole).
                        if (onError == ImportErrorMode.Fail) await context.EndAsync(commit: false, ct);
                        break;
                }
            }
            if (context.Transaction is not null) await session.CompleteAsync(ct);
        }
        if (rows == 0) throw new ImportFileException(Say.Of("파일에 머리글만 있고 행이 없습니다.", "The file has a header but no rows."));

        var outcome = dryRun ? ImportOutcome.Validated : rejected > 0 && onError == ImportErrorMode.Fail ? ImportOutcome.Rejected : ImportOutcome.Imported;
        var headerOf = Infrastructure.Sheets.Columns.HeadersOf(file.Headers, target.Columns);
        var report = new ImportReportDto(0, target.Entity, dryRun, onError, outcome, new ImportTotals(rows, created, updated, unchanged, rejected),
            problems.Take(limits.MaxProblemsInReport).Select(p => WithHeader(p, headerOf)).ToList(), problems.Count > limits.MaxProblemsInReport || rejected > rejectedRows.Count,
            fileName, file.Format, file.Charset, file.Sha256, file.Bytes, actor.Name, started, stopwatch.ElapsedMilliseconds);

        // The run's record goes in with the rows it wrote (one commit), or on its own when nothing was written.
        if (context.Transaction is null) await context.BeginAsync(ct);
        var id = await ImportStore.RecordRunAsync(context, db, report, file.Headers, problems, rejectedRows, ct);
        var wrote = WroteRows(report);
        if (!wrote)
        {
            await context.EndAsync(commit: true, ct);
            return report with { Id = id, DurationMs = stopwatch.ElapsedMilliseconds };
        }
        // The commit leaves the write-ahead log to CheckpointAsync, which the endpoint runs after answering.
        await db.PauseCheckpointsAsync(connection, ct);
        try
        {
            await context.EndAsync(commit: true, ct);
            // Thousands of new rows can change the best plan for every list that reads the table.
            await db.RefreshStatisticsAsync(connection, ct);
        }
        finally
        {
            await db.ResumeCheckpointsAsync(connection);
        }
        return report with { Id = id, DurationMs = stopwatch.ElapsedMilliseconds };
    }

    /// <summary>Whether the run wrote rows: then the planner's statistics were refreshed, and a checkpoint is due (<see cref="CheckpointAsync"/>).</summary>
    public static bool WroteRows(ImportReportDto report) =>
        !report.DryRun && report.Outcome == ImportOutcome.Imported && report.Totals.Created + report.Totals.Updated > 0;

    /// <summary>
    /// Copies what an import wrote from the write-ahead log into the database (SQLite), after the import has answered:
    /// a third of a second for 100,000 rows that neither the importer nor the next writer waits for.
    /// </summary>
    public Task CheckpointAsync() => db.CheckpointAsync();

    /// <summary>
    /// The file's rows with their own checks done (<see cref="ImportSession.Check"/>), read and checked on another
    /// thread a few hundred rows ahead of the one that applies them, so the two cores share a large import: reading
    /// and validating a row costs about a third of writing it with its audit entry.
    /// </summary>
    private static async IAsyncEnumerable<RowCheck> CheckedRowsAsync(ImportFile file, ImportTarget target, ImportSession session, int maxRows,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const int BatchSize = 256;
        var channel = Channel.CreateBounded<RowCheck[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = Task.Run(async () =>
        {
            try
            {
                var batch = new List<RowCheck>(BatchSize);
                var rows = 0;
                await foreach (var row in file.RowsAsync(target.Columns, stop.Token))
                {
                    if (++rows > maxRows)
                        throw new ImportFileException(Say.Of($"파일의 행이 {maxRows:N0}개를 넘습니다. 더 작은 파일로 나누십시오.", $"The file has more than {maxRows:N0} rows; split it into smaller files."), tooLarge: true);
                    var check = new RowCheck(row);
                    if (row.ShapeError is null) session.Check(check);
                    batch.Add(check);
                    if (batch.Count < BatchSize) continue;
                    await channel.Writer.WriteAsync([.. batch], stop.Token);
                    batch.Clear();
                }
                if (batch.Count > 0) await channel.Writer.WriteAsync([.. batch], stop.Token);
            }
            finally
            {
                channel.Writer.Complete(); // a failure travels with the task, awaited below
            }
        }, stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
                foreach (var check in batch)
                    yield return check;
            await reader; // the reader's failure (a file too large or unreadable) ends the run here
        }
        finally
        {
            // The file must not be read after the run: stop the reader and wait for it, whatever ended the run.
            await stop.CancelAsync();
            try { await reader; } catch (Exception) when (!reader.IsCompletedSuccessfully) { }
        }
    }

    /// <summary>The problem with its column's header as the file spells it.</summary>
    public static ImportProblem WithHeader(ImportProblem p, IReadOnlyDictionary<string, string> headerOf) =>
        p.Column is { } column && headerOf.TryGetValue(column, out var header) ? p with { Header = header } : p;
}

/// <summary>
/// What is kept of a rejected row for the run's rejected-rows download: enough to find and fix the row, not the row at
/// any size. A hostile or broken file (a 60 MB field, a row of a million cells) once grew the database by twice its own
/// size on every dry run. Each cell keeps its first <see cref="MaxCellChars"/> characters (a cut cell ends with "…"), a
/// row its first <see cref="MaxRowChars"/> characters of cells, and a run at most its budget; rows past the budget are
/// not kept (the report says the list is truncated).
/// </summary>
public sealed class RejectedRowCutter(int budgetChars)
{
    public const int MaxCellChars = 1024;
    public const int MaxRowChars = 64 * 1024;
    private int _left = budgetChars;

    /// <summary>The row as kept, or null when the run's budget is spent.</summary>
    public IReadOnlyList<string?>? Cut(IReadOnlyList<string?> cells)
    {
        if (_left <= 0) return null;
        var kept = new List<string?>(Math.Min(cells.Count, 256));
        var rowChars = 0;
        foreach (var cell in cells)
        {
            var text = cell is { Length: > MaxCellChars } ? string.Concat(cell.AsSpan(0, MaxCellChars), "…") : cell;
            rowChars += text?.Length ?? 0;
            if (rowChars > MaxRowChars || rowChars > _left) break;
            kept.Add(text);
        }
        _left -= Math.Max(rowChars, 1);
        return kept;
    }
}

