using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// The only SQL that differs between the embedded SQLite database and SQL Server.
/// Every store writes portable SQL and asks the dialect for these few pieces.
/// </summary>
public abstract class SqlDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Appended after ORDER BY to take the first <paramref name="parameter"/> rows.</summary>
    public abstract string Limit(string parameter);

    /// <summary>Appended after ORDER BY to skip <paramref name="offset"/> rows and take <paramref name="limit"/>. Only for small statistics reads: lists page by keyset.</summary>
    public abstract string OffsetLimit(string offset, string limit);

    /// <summary>A statement that, run right after an INSERT in the same batch, selects the new identity as a 64-bit integer.</summary>
    public abstract string SelectNewId { get; }

    /// <summary>Whether the exception is a unique-key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// A subquery of the ids in <paramref name="parameter"/>, a JSON array (<see cref="IdList"/>), for <c>x IN (…)</c>:
    /// one parameter and one statement text whatever the number of ids, where a parameter per id costs a lookup
    /// by name each (SQLite) and a new plan per count (SQL Server).
    /// </summary>
    public abstract string IdsIn(string parameter);

    /// <summary>The value of an <see cref="IdsIn"/> parameter.</summary>
    public static string IdList(IEnumerable<long> ids) => "[" + string.Join(',', ids) + "]";

    /// <summary>Every dialect-specific statement, so tests can parse each one.</summary>
    public IEnumerable<string> Fragments() =>
        [Limit("@Limit"), OffsetLimit("@Offset", "@Limit"), SelectNewId, $"SELECT 1 WHERE 1 IN ({IdsIn("@Ids")})"];

    public static SqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteDialect.Instance,
        DatabaseProvider.SqlServer => SqlServerDialect.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    public override string Limit(string parameter) => $"LIMIT {parameter}";
    public override string OffsetLimit(string offset, string limit) => $"LIMIT {limit} OFFSET {offset}";
    public override string SelectNewId => "SELECT last_insert_rowid();";
    public override string IdsIn(string parameter) => $"SELECT value FROM json_each({parameter})";

    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
    public override string Limit(string parameter) => $"OFFSET 0 ROWS FETCH NEXT {parameter} ROWS ONLY";
    public override string OffsetLimit(string offset, string limit) => $"OFFSET {offset} ROWS FETCH NEXT {limit} ROWS ONLY";
    public override string SelectNewId => "SELECT CAST(SCOPE_IDENTITY() AS BIGINT);";
    public override string IdsIn(string parameter) => $"SELECT CAST([value] AS BIGINT) FROM OPENJSON({parameter})";

    // 2627: unique constraint; 2601: unique index.
    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException { Number: 2627 or 2601 };
}
