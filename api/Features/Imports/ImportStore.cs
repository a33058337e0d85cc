using System.Text.Json;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Imports;
using Dapper;

namespace BioCluster.Api.Features.Imports;

/// <summary>Reads the import history.</summary>
public sealed class ImportStore(DbConnectionFactory db)
{
    public sealed class RunRow
    {
        public long Id { get; set; }
        public string Entity { get; set; } = "";
        public string ActorName { get; set; } = "";
        public string? FileName { get; set; }
        public string Format { get; set; } = "";
        public string? Charset { get; set; }
        public string Sha256 { get; set; } = "";
        public long Bytes { get; set; }
        public bool DryRun { get; set; }
        public string OnError { get; set; } = "";
        public string Outcome { get; set; } = "";
        public string Headers { get; set; } = "[]";
        public int RowsTotal { get; set; }
        public int Created { get; set; }
        public int Updated { get; set; }
        public int Unchanged { get; set; }
        public int Rejected { get; set; }
        public bool ProblemsTruncated { get; set; }
        public DateTimeOffset StartedAt { get; set; }
        public long DurationMs { get; set; }

        public ImportRunDto ToDto() => new(Id, WireNames.Parse<ImportEntity>(Entity), DryRun, WireNames.Parse<ImportErrorMode>(OnError),
            WireNames.Parse<ImportOutcome>(Outcome), new ImportTotals(RowsTotal, Created, Updated, Unchanged, Rejected), FileName, Format, Charset,
            Sha256, Bytes, ActorName, StartedAt, DurationMs);
    }

    public static readonly IReadOnlyList<SortField<RunRow>> SortFields = [new("id", "id", r => r.Id, Keyset.WholeNumber)];

    private const string Select = """
        SELECT id, entity, actor_name, file_name, format, charset, sha256, bytes, dry_run, on_error, outcome, headers,
               rows_total, created, updated, unchanged, rejected, problems_truncated, started_at, duration_ms
        FROM import_runs
        """;

    public async Task<Page<ImportRunDto>> ListAsync(string? entity, SortSpec<RunRow> sort, KeysetCursor? cursor, int limit, CancellationToken ct)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (entity is not null)
        {
            where.Add("entity = @entity");
            p.Add("entity", entity);
        }
        await using var connection = await db.OpenAsync(ct);
        var (rows, next, total) = await Keyset.PageAsync(connection, db.Dialect, Select, "import_runs", where, p, sort, cursor, limit, "id", r => r.Id);
        return new Page<ImportRunDto>(rows.Select(r => r.ToDto()).ToList(), next, total);
    }

    public async Task<ImportReportDto?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var run = await connection.QuerySingleOrDefaultAsync<RunRow>($"{Select} WHERE id = @id", new { id });
        if (run is null) return null;
        var headerOf = HeadersOf(run.Entity, run.Headers);
        var problems = (await connection.QueryAsync<(int Row, string? Column, string? Key, string Code, string Message)>("""
            SELECT row_number, column_name, record_key, code, message FROM import_problems WHERE import_id = @id ORDER BY seq
            """, new { id })).Select(p => ImportEngine.WithHeader(new ImportProblem(p.Row, p.Column, p.Key, p.Code, p.Message), headerOf)).ToList();
        var d = run.ToDto();
        return new ImportReportDto(d.Id, d.Entity, d.DryRun, d.OnError, d.Outcome, d.Totals, problems, run.ProblemsTruncated, d.FileName, d.Format,
            d.Charset, d.Sha256, d.Bytes, d.ActorName, d.StartedAt, d.DurationMs);
    }

    /// <summary>A stored run's columns with their headers as its file spelt them.</summary>
    private static IReadOnlyDictionary<string, string> HeadersOf(string entity, string? headersJson) =>
        Columns.OfEntity(entity) is { } columns && headersJson is not null
            ? Columns.HeadersOf(JsonSerializer.Deserialize<List<string>>(headersJson) ?? [], columns)
            : new Dictionary<string, string>();

    public async Task<(IReadOnlyList<string> Headers, IReadOnlyList<(int Row, IReadOnlyList<string?> Cells, string Errors)> Rows)?> RejectedRowsAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var run = await connection.QuerySingleOrDefaultAsync<(string Entity, string Headers)>("SELECT entity, headers FROM import_runs WHERE id = @id", new { id });
        if (run.Headers is null) return null;
        var headerOf = HeadersOf(run.Entity, run.Headers);
        var messages = (await connection.QueryAsync<(int Row, string? Column, string Message)>(
                "SELECT row_number, column_name, message FROM import_problems WHERE import_id = @id ORDER BY seq", new { id }))
            .GroupBy(m => m.Row).ToDictionary(g => g.Key, g => string.Join(" / ", g.Select(m =>
                m.Column is null ? m.Message : $"{headerOf.GetValueOrDefault(m.Column, m.Column)}: {m.Message}")));
        var rows = (await connection.QueryAsync<(int Row, string Cells)>(
                "SELECT row_number, cells FROM import_rejected_rows WHERE import_id = @id ORDER BY row_number", new { id }))
            .Select(r => (r.Row, (IReadOnlyList<string?>)(JsonSerializer.Deserialize<List<string?>>(r.Cells) ?? []), messages.GetValueOrDefault(r.Row, "")))
            .ToList();
        return (JsonSerializer.Deserialize<List<string>>(run.Headers) ?? [], rows);
    }

    /// <summary>
    /// Takes a run's id in its write transaction before its first row, so the audit entry of each row it writes names the run
    /// (<c>audit_entries.import_run_id</c>): a row of totals still zero, which <see cref="RecordRunAsync"/> completes. It is
    /// never seen so: the transaction ends with the completed row, or is rolled back with it.
    /// </summary>
    public static async Task<long> ReserveRunAsync(ImportContext context, DbConnectionFactory db, ImportEntity entity, ImportFile file, string? fileName,
        ImportErrorMode onError, CancellationToken ct)
    {
        var actor = context.Actor;
        return await context.Connection.ExecuteScalarAsync<long>($"""
            INSERT INTO import_runs (entity, actor_type, actor_id, actor_name, file_name, format, charset, sha256, bytes, dry_run, on_error, outcome,
                headers, rows_total, created, updated, unchanged, rejected, problems_truncated, started_at, duration_ms)
            VALUES (@Entity, @ActorType, @ActorId, @ActorName, @FileName, @Format, @Charset, @Sha256, @Bytes, 0, @OnError, 'imported',
                '[]', 0, 0, 0, 0, 0, 0, @StartedAt, 0);
            {db.Dialect.SelectNewId}
            """, new
        {
            Entity = WireNames.Of(entity), ActorType = WireNames.Of(actor.Type), ActorId = actor.Id, ActorName = actor.Name,
            FileName = fileName, file.Format, file.Charset, file.Sha256, file.Bytes, OnError = WireNames.Of(onError), StartedAt = context.Now,
        }, context.Transaction);
    }

    /// <summary>Records a run, its problems and its rejected rows in the run's transaction (dry runs too: they are history).</summary>
    public static async Task<long> RecordRunAsync(ImportContext context, DbConnectionFactory db, ImportReportDto r, IReadOnlyList<string> headers,
        List<ImportProblem> problems, List<(int Row, IReadOnlyList<string?> Cells)> rejectedRows, CancellationToken ct)
    {
        var (connection, tx, actor) = (context.Connection, context.Transaction, context.Actor);
        var id = context.RunId is { } reserved
            ? await connection.ExecuteAsync("""
                UPDATE import_runs SET outcome = @Outcome, charset = @Charset, headers = @Headers, rows_total = @Rows, created = @Created, updated = @Updated,
                    unchanged = @Unchanged, rejected = @Rejected, problems_truncated = @Truncated, duration_ms = @DurationMs
                WHERE id = @Id
                """, new
            {
                Id = reserved, Outcome = WireNames.Of(r.Outcome), r.Charset, Headers = JsonSerializer.Serialize(headers), r.Totals.Rows, r.Totals.Created,
                r.Totals.Updated, r.Totals.Unchanged, r.Totals.Rejected, Truncated = r.ProblemsTruncated, r.DurationMs,
            }, tx) == 1 ? reserved : throw new InvalidOperationException($"The reserved import run {reserved} is gone.")
            : await connection.ExecuteScalarAsync<long>($"""
            INSERT INTO import_runs (entity, actor_type, actor_id, actor_name, file_name, format, charset, sha256, bytes, dry_run, on_error, outcome,
                headers, rows_total, created, updated, unchanged, rejected, problems_truncated, started_at, duration_ms)
            VALUES (@Entity, @ActorType, @ActorId, @ActorName, @FileName, @Format, @Charset, @Sha256, @Bytes, @DryRun, @OnError, @Outcome,
                @Headers, @Rows, @Created, @Updated, @Unchanged, @Rejected, @Truncated, @StartedAt, @DurationMs);
            {db.Dialect.SelectNewId}
            """, new
        {
            Entity = WireNames.Of(r.Entity), ActorType = WireNames.Of(actor.Type), ActorId = actor.Id, actor.Name, ActorName = actor.Name,
            r.FileName, r.Format, r.Charset, r.Sha256, r.Bytes, r.DryRun, OnError = WireNames.Of(r.OnError), Outcome = WireNames.Of(r.Outcome),
            Headers = JsonSerializer.Serialize(headers), r.Totals.Rows, r.Totals.Created, r.Totals.Updated, r.Totals.Unchanged, r.Totals.Rejected,
            Truncated = r.ProblemsTruncated, r.StartedAt, r.DurationMs,
        }, tx);
        if (problems.Count > 0)
            await connection.ExecuteAsync("""
                INSERT INTO import_problems (import_id, seq, row_number, column_name, record_key, code, message)
                VALUES (@id, @Seq, @Row, @Column, @Key, @Code, @Message)
                """, problems.Select((p, i) => new { id, Seq = i + 1, p.Row, p.Column, p.Key, p.Code, p.Message }), tx);
        if (rejectedRows.Count > 0)
            await connection.ExecuteAsync("INSERT INTO import_rejected_rows (import_id, row_number, cells) VALUES (@id, @Row, @Cells)",
                rejectedRows.Select(x => new { id, x.Row, Cells = JsonSerializer.Serialize(x.Cells) }), tx);
        context.Audit.ImportRunId = null; // the run's own entry is the line its rows are read under, not one of them
        await context.Audit.WriteAsync(r.DryRun ? "import_dry_run" : "import", ImportEngine.EntityType, id, null,
            new { r.Entity, r.DryRun, r.OnError, r.Outcome, r.Totals, r.FileName, r.Sha256, r.Bytes }, ct);
        return id;
    }
}
