using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>Dapper settings shared by every store; registered once per process.</summary>
public static class DapperSetup
{
    private static int _done;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcTimestampHandler());
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }
}

/// <summary>
/// Stores instants as UTC. SQLite keeps them as fixed-width ISO-8601 text, so text order is time order;
/// SQL Server keeps them as datetime2.
/// </summary>
public sealed class UtcTimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = utc.ToString(SqliteFormat, CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.DateTime2;
            parameter.Value = utc;
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        // Our own fixed-width format first (the common case, and much cheaper); anything else ISO-8601.
        string s when DateTimeOffset.TryParseExact(s, SqliteFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact) => exact,
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
    };
}

/// <summary>Calendar dates: <c>yyyy-MM-dd</c> text in SQLite, <c>date</c> in SQL Server.</summary>
public sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public override void SetValue(IDbDataParameter parameter, DateOnly value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value.ToDateTime(TimeOnly.MinValue);
        }
    }

    public override DateOnly Parse(object value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        string s => DateOnly.Parse(s[..Math.Min(10, s.Length)], CultureInfo.InvariantCulture),
        _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
    };
}
