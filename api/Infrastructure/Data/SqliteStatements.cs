using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// Reads for the hottest list (the regulatory-issue page) through SQLite's C API, with each statement prepared
/// once per physical connection and kept with it. Microsoft.Data.Sqlite prepares every command again (a fifth of a
/// page's time) and costs ~0.2 µs per value read; a page reads ~900. The SQL and its parameters are the same as
/// the Dapper path's (named, with Dapper's <c>IN @list</c> expanded the same way), so both databases run one text.
/// </summary>
/// <remarks>
/// The kept statements are bookkeeping about this process's own handles, like <see cref="SqliteEngine"/>'s: they
/// hold no data, and when the driver closes a handle its statements go with it (finalised when collected).
/// A pooled connection serves one request at a time, so its statements are never shared between threads.
/// </remarks>
public static partial class SqliteStatements
{
    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, KeptStatement>> Kept = new();

    /// <summary>A kept statement and the names of its parameters (without their <c>@</c>), read once when it is prepared.</summary>
    private sealed record KeptStatement(sqlite3_stmt Statement, string[] Names, string[] Columns);

    /// <summary>Statements kept per connection at most (each a few kilobytes of SQLite's memory).</summary>
    public const int MaxKept = 64;

    [GeneratedRegex(@"IN @(\w+)")]
    private static partial Regex ListParameter();

    /// <summary>How many statements the connection keeps (for tests and diagnostics).</summary>
    public static int KeptOn(SqliteConnection connection) =>
        connection.Handle is { } db && Kept.TryGetValue(db, out var statements) ? statements.Count : 0;

    /// <summary>
    /// The texts of the statements kept on this process's open connections to <paramref name="databaseFile"/> (for tests:
    /// which statement a read ran). Read while no request uses those connections: each connection's set is its own.
    /// Connections to other files, open or closed meanwhile by other threads, are passed over.
    /// </summary>
    public static IReadOnlyList<string> KeptTexts(string databaseFile)
    {
        var file = Path.GetFullPath(databaseFile);
        var texts = new List<string>();
        foreach (var (db, statements) in Kept)
        {
            string? name;
            try
            {
                // A handle the driver has closed stays in the table until it is collected; other threads close theirs at any time.
                name = db.IsClosed ? null : raw.sqlite3_db_filename(db, "main").utf8_to_string();
            }
            catch (ObjectDisposedException)
            {
                name = null;
            }
            if (name is not null && Path.GetFullPath(name) == file) texts.AddRange(statements.Keys);
        }
        return texts;
    }

    private const int StatusReprepare = 5; // SQLITE_STMTSTATUS_REPREPARE

    /// <summary>
    /// How many times SQLite has compiled the connection's kept statements again since they were prepared (for tests):
    /// a statement is compiled again when a value it was planned with is bound anew (a bound LIMIT, a LIKE pattern),
    /// which costs what preparing it costs.
    /// </summary>
    public static int RecompiledOn(SqliteConnection connection) =>
        connection.Handle is { } db && Kept.TryGetValue(db, out var statements)
            ? statements.Values.Sum(s => raw.sqlite3_stmt_status(s.Statement, StatusReprepare, 0))
            : 0;

    /// <summary>Runs <paramref name="sql"/> and reads every row with <paramref name="read"/>.</summary>
    public static List<T> Query<T>(SqliteConnection connection, string sql, DynamicParameters? parameters, Func<RowReader, T> read, int capacity = 16) =>
        Query<T>(connection, sql, parameters, (string[] _) => read, capacity);

    /// <summary>Runs <paramref name="sql"/> and reads every row with the reader <paramref name="readerFor"/> makes for its columns.</summary>
    public static List<T> Query<T>(SqliteConnection connection, string sql, DynamicParameters? parameters, Func<string[], Func<RowReader, T>> readerFor,
        int capacity = 16)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (parameters is not null)
            foreach (var name in parameters.ParameterNames)
                values[name] = parameters.Get<object?>(name);
        sql = Expand(sql, values);
        var statements = Kept.GetValue(db, _ => new Dictionary<string, KeptStatement>(StringComparer.Ordinal));
        if (!statements.TryGetValue(sql, out var kept))
        {
            var prepared = Prepare(db, sql);
            if (statements.Count >= MaxKept) // filters combine into many texts: keep a bounded set, starting again when full
            {
                foreach (var old in statements.Values) old.Statement.Dispose();
                statements.Clear();
            }
            var names = new string[raw.sqlite3_bind_parameter_count(prepared)];
            for (var i = 0; i < names.Length; i++)
            {
                if (raw.sqlite3_bind_parameter_name(prepared, i + 1).utf8_to_string() is ['@', .. var name]) names[i] = name;
                else
                {
                    prepared.Dispose();
                    throw new ArgumentException("Name every parameter with @.", nameof(sql));
                }
            }
            var columns = new string[raw.sqlite3_column_count(prepared)];
            for (var i = 0; i < columns.Length; i++) columns[i] = raw.sqlite3_column_name(prepared, i).utf8_to_string();
            statements[sql] = kept = new KeptStatement(prepared, names, columns);
        }
        var statement = kept.Statement;
        var added = false;
        statement.DangerousAddRef(ref added); // the reads below use the raw pointer
        try
        {
            // Every parameter is bound below (a missing one is an error): nothing of the last run's values is left to clear.
            for (var i = 0; i < kept.Names.Length; i++)
            {
                if (!values.TryGetValue(kept.Names[i], out var value))
                    throw new ArgumentException($"No value for the parameter @{kept.Names[i]}.", nameof(parameters));
                Bind(db, statement, i + 1, value);
            }
            var rows = new List<T>(capacity);
            var read = readerFor(kept.Columns);
            var reader = new RowReader(statement.DangerousGetHandle());
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) rows.Add(read(reader));
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
            return rows;
        }
        finally
        {
            raw.sqlite3_reset(statement); // holds no read transaction between requests
            if (added) statement.DangerousRelease();
        }
    }

    /// <summary>
    /// Prepares one statement to be run many times (kept here, or a <see cref="BulkStatement"/>); SQLite's errors as
    /// <see cref="SqliteException"/>, and text after the first statement refused rather than silently ignored.
    /// </summary>
    internal static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out var statement, out string tail), db);
        if (string.IsNullOrWhiteSpace(tail)) return statement;
        statement.Dispose();
        throw new ArgumentException("One statement at a time.", nameof(sql));
    }

    /// <summary>Dapper's expansion of <c>IN @list</c> for a list value: <c>IN (@list1, @list2, …)</c>.</summary>
    private static string Expand(string sql, Dictionary<string, object?> values)
    {
        foreach (var (name, value) in values.ToList())
        {
            if (value is string or byte[] or null || value is not IEnumerable list) continue;
            var items = list.Cast<object?>().ToList();
            var names = new StringBuilder();
            for (var i = 0; i < items.Count; i++)
            {
                values[$"{name}{i + 1}"] = items[i];
                names.Append(i == 0 ? "" : ", ").Append('@').Append(name).Append(i + 1);
            }
            values.Remove(name);
            var key = (sql, name, items.Count);
            if (!Expanded.TryGetValue(key, out var expanded))
            {
                expanded = ListParameter().Replace(sql, m => m.Groups[1].Value == name ? $"IN ({(items.Count == 0 ? "SELECT NULL WHERE 1 = 0" : names)})" : m.Value);
                if (Expanded.Count < MaxExpanded) Expanded.TryAdd(key, expanded);
            }
            sql = expanded;
        }
        return sql;
    }

    /// <summary>Texts already expanded, by text, list and length (a pure function of its key; bounded, as lengths come from callers).</summary>
    private static readonly ConcurrentDictionary<(string Sql, string Name, int Count), string> Expanded = new();

    private const int MaxExpanded = 512;

    private static void Bind(sqlite3 db, sqlite3_stmt statement, int i, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, i),
            string s => raw.sqlite3_bind_text16(statement, i, s.AsSpan()),
            long l => raw.sqlite3_bind_int64(statement, i, l),
            int n => raw.sqlite3_bind_int64(statement, i, n),
            bool b => raw.sqlite3_bind_int64(statement, i, b ? 1 : 0),
            DateTimeOffset t => raw.sqlite3_bind_text16(statement, i, UtcTimestampHandler.Format(t).AsSpan()),
            DateOnly d => raw.sqlite3_bind_text16(statement, i, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).AsSpan()),
            double x => raw.sqlite3_bind_double(statement, i, x),
            byte[] bytes => raw.sqlite3_bind_blob(statement, i, bytes),
            _ => throw new ArgumentException($"No SQLite binding for a {value.GetType().Name}."),
        };
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }
}
