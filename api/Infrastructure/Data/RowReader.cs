using System.Data.Common;
using SQLitePCL;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// Typed reads of a row's columns by position, for the few hot reads that take their rows by hand instead of
/// through Dapper's mapper (which asks the driver for every value as an object). On SQLite the row comes straight
/// from a kept statement (<see cref="SqliteStatements"/>), read through the C API: instants and dates are our
/// fixed-width text, every integer a 64-bit one. Elsewhere (SQL Server) it comes from an ADO.NET reader, with
/// datetime2/date and int or bigint.
/// </summary>
public readonly struct RowReader
{
    private readonly DbDataReader? _reader;
    private readonly sqlite3_stmt? _statement;

    public RowReader(DbDataReader reader) => _reader = reader;

    public RowReader(sqlite3_stmt statement) => _statement = statement;

    private bool IsNull(int i) => _statement is { } s ? raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL : _reader!.IsDBNull(i);

    public long Long(int i) => _statement is { } s ? raw.sqlite3_column_int64(s, i) : Convert.ToInt64(_reader!.GetValue(i));

    public int Int(int i) => _statement is { } s ? raw.sqlite3_column_int(s, i) : Convert.ToInt32(_reader!.GetValue(i));

    public long? LongOrNull(int i) => IsNull(i) ? null : Long(i);

    public int? IntOrNull(int i) => IsNull(i) ? null : Int(i);

    public string Text(int i) => _statement is { } s ? raw.sqlite3_column_text(s, i).utf8_to_string() ?? "" : _reader!.GetString(i);

    public string? TextOrNull(int i) => IsNull(i) ? null : Text(i);

    public DateTimeOffset Instant(int i) =>
        _statement is not null ? UtcTimestampHandler.ParseText(Text(i)) : UtcTimestampHandler.Instance.Parse(_reader!.GetValue(i));

    public DateTimeOffset? InstantOrNull(int i) => IsNull(i) ? null : Instant(i);

    public DateOnly? DateOrNull(int i) =>
        IsNull(i) ? null : _statement is not null ? DateOnlyHandler.ParseText(Text(i)) : DateOnlyHandler.Instance.Parse(_reader!.GetValue(i));
}

/// <summary>Rows read by hand (<see cref="RowReader"/>): through SQLite's C API with kept statements on SQLite, through Dapper's reader elsewhere.</summary>
public static class Rows
{
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Dapper.DynamicParameters? parameters, Func<RowReader, T> read,
        DbTransaction? transaction = null, int capacity = 16)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite) return SqliteStatements.Query(sqlite, sql, parameters, read, capacity);
        var rows = new List<T>(capacity);
        await using var reader = await Dapper.SqlMapper.ExecuteReaderAsync(connection, sql, parameters, transaction);
        var row = new RowReader(reader);
        while (await reader.ReadAsync()) rows.Add(read(row));
        return rows;
    }
}
