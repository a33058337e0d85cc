using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Imports;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>What one row came to.</summary>
public enum RowResult
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

/// <summary>The problems of one row, named by column; the row is rejected when there is any.</summary>
public sealed class RowCheck(ImportRow row)
{
    public ImportRow Row { get; } = row;
    public string? Key { get; set; }
    /// <summary>What <see cref="ImportSession.Check"/> made of the row, for <see cref="ImportSession.ApplyAsync"/>.</summary>
    public object? Checked { get; set; }
    public List<ImportProblem> Problems { get; } = [];
    public bool Failed => Problems.Count > 0;

    public void Add(string? column, string code, string message) => Problems.Add(new ImportProblem(Row.Number, column, Key, code, message));

    /// <summary>The cell of <paramref name="column"/> (an index into the target's columns).</summary>
    public string? this[int column] => Row.Cells[column];

    public int? Int(int column, string name)
    {
        var text = Row.Cells[column];
        if (text is null) return null;
        // Excel's "#,##0" format sends 1,234; spreadsheets send whole numbers as 2019 or 2019.0
        var plain = SheetNumbers.WithoutGrouping(text);
        if (int.TryParse(plain, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        Add(name, "not_a_number", Text.Of($"'{Shorten(text)}'은(는) 정수가 아닙니다.", $"'{Shorten(text)}' is not a whole number."));
        return null;
    }

    public double? Double(int column, string name)
    {
        var text = Row.Cells[column];
        if (text is null) return null;
        if (double.TryParse(SheetNumbers.WithoutGrouping(text), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        Add(name, "not_a_number", Text.Of($"'{Shorten(text)}'은(는) 숫자가 아닙니다.", $"'{Shorten(text)}' is not a number."));
        return null;
    }

    /// <summary>A yes/no cell: true/false, yes/no, y/n, 1/0, 예/아니오, O/X (any case).</summary>
    public bool? Bool(int column, string name)
    {
        var text = Row.Cells[column];
        if (text is null) return null;
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1" or "예" or "o" or "있음": return true;
            case "false" or "no" or "n" or "0" or "아니오" or "아니요" or "x" or "없음": return false;
        }
        Add(name, "not_a_boolean", Text.Of($"'{Shorten(text)}'은(는) 예/아니오(true/false) 값이 아닙니다.", $"'{Shorten(text)}' is not yes or no (true/false)."));
        return null;
    }

    /// <summary>A calendar day: yyyy-mm-dd (also with . or / between the parts, as Korean spreadsheets write it).</summary>
    public DateOnly? Date(int column, string name)
    {
        var text = Row.Cells[column];
        if (text is null) return null;
        var normal = text.Trim().TrimEnd('.').Replace('.', '-').Replace('/', '-').Replace(" ", "");
        if (DateOnly.TryParseExact(normal, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        Add(name, "not_a_date", Text.Of($"'{Shorten(text)}'은(는) 날짜(yyyy-mm-dd)가 아닙니다.", $"'{Shorten(text)}' is not a date (yyyy-mm-dd)."));
        return null;
    }

    /// <summary>An enum value written as its wire name, its Korean or English label (what the exports write) or an alias.</summary>
    public T? Enum<T>(int column, string name, IReadOnlyDictionary<string, T>? aliases = null) where T : struct, System.Enum
    {
        var text = Row.Cells[column];
        if (text is null) return null;
        if (Labels.TryParse<T>(text, out var value)) return value;
        if (aliases is not null && aliases.TryGetValue(text.Replace(" ", ""), out var aliased)) return aliased;
        var all = string.Join(", ", WireNames.All<T>());
        Add(name, "unknown_value", Text.Of($"'{Shorten(text)}'은(는) 허용된 값이 아닙니다: {all}.", $"'{Shorten(text)}' is not one of: {all}."));
        return null;
    }

    public static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : text.Split(Columns.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs a request validator and files its errors under the columns (the property names are the column names).</summary>
    public void Validate<T>(IValidator<T> validator, T request, Func<string, string>? columnOf = null)
    {
        foreach (var error in validator.Validate(request).Errors)
        {
            var column = columnOf?.Invoke(error.PropertyName) ?? error.PropertyName.Split('[', '.')[0];
            if (Problems.Any(p => p.Column == column)) continue; // one message per column is enough
            Add(column, "invalid", error.ErrorMessage);
        }
    }

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>
/// Everything a target's session needs: the connection, the write transaction (null when nothing may be
/// written), who imports and when, and the run's one audit batch for the records it changes.
/// </summary>
public sealed class ImportContext(DbConnection connection, SqlDialect dialect, Actor actor, DateTimeOffset now, JsonSerializerOptions json) : IAsyncDisposable
{
    private AuditBatch? _audit;

    public DbConnection Connection { get; } = connection;
    public SqlDialect Dialect { get; } = dialect;
    public Actor Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public JsonSerializerOptions Json { get; } = json;
    public DbTransaction? Transaction { get; private set; }

    /// <summary>
    /// The run's id, taken in the write transaction before the first row (<see cref="ImportStore.ReserveRunAsync"/>), so each
    /// row's audit entry names its run; null in a dry run and once the transaction is rolled back.
    /// </summary>
    public long? RunId { get; set; }

    /// <summary>Audit entries of the changed records, in the write transaction (one prepared statement for the run).</summary>
    public AuditBatch Audit => _audit ??= new AuditBatch(Connection, Transaction ?? throw new InvalidOperationException("Nothing may be written."), Actor, Now, Json)
    {
        ImportRunId = RunId,
    };

    public async Task BeginAsync(CancellationToken ct) => Transaction = await Connection.BeginTransactionAsync(ct);

    /// <summary>Ends the write transaction: commits it, or rolls it back so nothing of the run is written.</summary>
    public async Task EndAsync(bool commit, CancellationToken ct)
    {
        if (Transaction is null) return;
        if (_audit is not null) await _audit.DisposeAsync();
        _audit = null;
        if (commit) await Transaction.CommitAsync(ct);
        else
        {
            await Transaction.RollbackAsync(ct);
            RunId = null; // the reserved run went with the transaction
        }
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_audit is not null) await _audit.DisposeAsync();
        if (Transaction is not null) await Transaction.DisposeAsync();
    }
}

/// <summary>One kind of record an import brings in: its columns and how its rows are checked and written.</summary>
public abstract class ImportTarget
{
    public abstract ImportEntity Entity { get; }
    /// <summary>The entity's columns (one table for its imports and exports, <see cref="Infrastructure.Sheets.Columns"/>).</summary>
    public IReadOnlyList<SheetColumn> Columns =>
        Infrastructure.Sheets.Columns.OfEntity(WireNames.Of(Entity)) ?? throw new InvalidOperationException($"No columns for {Entity}.");

    /// <summary>Reads what rows are compared with and resolved against (existing records, reference codes), once.</summary>
    public abstract Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct);

    protected int Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new ArgumentException($"No column {name} in {Entity}.");
    }
}

/// <summary>
/// The rows of one import, checked in file order. A session keeps every key it has seen, so a second
/// row with the same key is rejected and later rows can refer to records created by earlier ones.
/// </summary>
public abstract class ImportSession : IAsyncDisposable
{
    /// <summary>
    /// The row's own checks, which need only the row (its cells, their formats, the request validator), run ahead of
    /// <see cref="ApplyAsync"/> on another thread: it must not read or change anything the session keeps. What it
    /// makes of the row goes in <see cref="RowCheck.Checked"/>; nothing by default.
    /// </summary>
    public virtual void Check(RowCheck row) { }

    /// <summary>Checks the row, decides what it would do, and writes it when <paramref name="write"/> (in the context's transaction).</summary>
    public abstract Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct);

    /// <summary>Writes what the session gathered over the rows (e.g. running counts), in the run's transaction, once every row is applied.</summary>
    public virtual Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Forgets prepared commands bound to a transaction that has ended.</summary>
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
