using System.Buffers;
using System.Data.Common;
using System.Text;

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
    private readonly nint _statement;

    public RowReader(DbDataReader reader) => _reader = reader;

    /// <summary>A row of a stepped statement, read through its raw pointer (<see cref="SqliteNative"/>); the caller keeps the statement alive.</summary>
    internal RowReader(nint statement) => _statement = statement;

    private bool IsNull(int i) => _statement != 0 ? SqliteNative.ColumnType(_statement, i) == SqliteNative.Null : _reader!.IsDBNull(i);

    /// <summary>Whether the column is NULL.</summary>
    public bool IsNullAt(int i) => IsNull(i);

    /// <summary>Writes the column's text as UTF-8 into <paramref name="into"/>: on SQLite its bytes as stored, without a string.</summary>
    public void Utf8Into(int i, IBufferWriter<byte> into)
    {
        if (_statement != 0) into.Write(SqliteNative.Utf8(_statement, i));
        else Encoding.UTF8.GetBytes(_reader!.GetString(i), into);
    }

    public long Long(int i) => _statement != 0 ? SqliteNative.ColumnInt64(_statement, i) : Convert.ToInt64(_reader!.GetValue(i));

    public int Int(int i) => _statement != 0 ? (int)SqliteNative.ColumnInt64(_statement, i) : Convert.ToInt32(_reader!.GetValue(i));

    public long? LongOrNull(int i) => IsNull(i) ? null : Long(i);

    public int? IntOrNull(int i) => IsNull(i) ? null : Int(i);

    public string Text(int i) => _statement != 0 ? Encoding.UTF8.GetString(SqliteNative.Utf8(_statement, i)) : _reader!.GetString(i);

    public string? TextOrNull(int i) => IsNull(i) ? null : Text(i);

    public DateTimeOffset Instant(int i) =>
        _statement != 0 ? UtcTimestampHandler.ParseText(SqliteNative.Utf8(_statement, i)) : UtcTimestampHandler.Instance.Parse(_reader!.GetValue(i));

    public DateTimeOffset? InstantOrNull(int i) => IsNull(i) ? null : Instant(i);

    public double? DoubleOrNull(int i) =>
        IsNull(i) ? null : _statement != 0 ? SqliteNative.ColumnDouble(_statement, i) : Convert.ToDouble(_reader!.GetValue(i));

    public DateOnly? DateOrNull(int i) =>
        IsNull(i) ? null : _statement != 0 ? DateOnlyHandler.ParseText(SqliteNative.Utf8(_statement, i)) : DateOnlyHandler.Instance.Parse(_reader!.GetValue(i));
}

/// <summary>Rows read by hand (<see cref="RowReader"/>): through SQLite's C API with kept statements on SQLite, through Dapper's reader elsewhere.</summary>
public static class Rows
{
    /// <summary>
    /// Makes the reads that follow on this connection one read transaction until disposed, on SQLite: one snapshot for
    /// a page, its total and the names it shows, and the write-ahead log's read lock taken once instead of once per
    /// statement (~7 µs each, most of a small statement's cost). Nothing on SQL Server, whose reads stay as they were.
    /// </summary>
    public static IDisposable? ReadTogether(DbConnection connection)
    {
        if (connection is not FastReadConnection sqlite) return null;
        SqliteStatements.Query(sqlite, "BEGIN", null, _ => 0);
        return new EndRead(sqlite);
    }

    private sealed class EndRead(Microsoft.Data.Sqlite.SqliteConnection connection) : IDisposable
    {
        public void Dispose() => SqliteStatements.Query(connection, "COMMIT", null, _ => 0); // reads only: nothing to keep or lose
    }

    /// <summary>
    /// The rows of <paramref name="sql"/> as <typeparamref name="T"/>, mapped by column name: through kept statements on
    /// a <see cref="FastReadConnection"/>, through Dapper otherwise.
    /// </summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Dapper.DynamicParameters? parameters,
        DbTransaction? transaction = null, int capacity = 16) where T : class, new()
    {
        if (connection is FastReadConnection sqlite) return SqliteStatements.Query(sqlite, sql, parameters, RowMap<T>.For, capacity);
        return Dapper.SqlMapper.AsList(await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters, transaction));
    }

    /// <summary>A page reader for <see cref="Keyset.PageAsync{TRow}"/>: the page's rows by name, on the fast path when the connection takes it.</summary>
    public static Func<DbConnection, string, Dapper.DynamicParameters, int, Task<List<T>>> ByName<T>() where T : class, new() =>
        (connection, sql, parameters, capacity) => QueryAsync<T>(connection, sql, parameters, null, capacity);

    /// <summary>The rows of <paramref name="sql"/>, each read by <paramref name="read"/> (infrastructure only: features map by name).</summary>
    internal static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Dapper.DynamicParameters? parameters, Func<RowReader, T> read,
        DbTransaction? transaction = null, int capacity = 16)
    {
        if (connection is FastReadConnection sqlite) return SqliteStatements.Query(sqlite, sql, parameters, read, capacity);
        var rows = new List<T>(capacity);
        await using var reader = await Dapper.SqlMapper.ExecuteReaderAsync(connection, sql, parameters, transaction);
        var row = new RowReader(reader);
        while (await reader.ReadAsync()) rows.Add(read(row));
        return rows;
    }
}
