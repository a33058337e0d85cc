using System.Runtime.InteropServices;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// SQLite's column reads called on a statement's raw pointer, for the hot reads of <see cref="RowReader"/>: a 50-row
/// page reads ~1,000 values, and each call through SQLitePCL's wrappers also adds and releases a reference on the
/// statement's SafeHandle and makes a full managed-to-native transition. These are the same functions of the same
/// library (the bundled <c>e_sqlite3</c>). Each returns at once, blocks on nothing (the connection's mutex is never
/// contended: a pooled connection serves one request at a time) and never calls back, so the GC transition is skipped.
/// The caller keeps the statement alive (and stepped on a row) for the duration of the reads.
/// </summary>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    public const int Null = 5; // SQLITE_NULL

    [DllImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition]
    public static extern int ColumnType(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64"), SuppressGCTransition]
    public static extern long ColumnInt64(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double"), SuppressGCTransition]
    public static extern double ColumnDouble(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition]
    public static extern nint ColumnText(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes"), SuppressGCTransition]
    public static extern int ColumnBytes(nint statement, int column);

    /// <summary>The column's value as UTF-8 bytes, valid until the statement steps or resets (empty for NULL).</summary>
    public static unsafe ReadOnlySpan<byte> Utf8(nint statement, int column)
    {
        var text = ColumnText(statement, column); // text first, then its length (SQLite's documented order)
        return text == 0 ? default : new ReadOnlySpan<byte>((void*)text, ColumnBytes(statement, column));
    }
}
