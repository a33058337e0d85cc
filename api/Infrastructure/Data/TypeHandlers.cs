using System.Data;
using System.Globalization;
using System.Numerics;
using System.Text;
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
        SqlMapper.AddTypeHandler(UtcTimestampHandler.Instance);
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(DateOnlyHandler.Instance);
    }
}

/// <summary>
/// Stores instants as UTC. SQLite keeps them as fixed-width ISO-8601 text, so text order is time order;
/// SQL Server keeps them as datetime2.
/// </summary>
public sealed class UtcTimestampHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public static readonly UtcTimestampHandler Instance = new();

    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }
        else
        {
            parameter.DbType = DbType.DateTime2;
            parameter.Value = utc;
        }
    }

    /// <summary>The instant as SQLite stores it: fixed-width UTC text, so text order is time order.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        string s => ParseText(s),
        _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
    };

    /// <summary>
    /// Reads our own fixed-width text (every stored instant) digit by digit — lists read thousands of them, and
    /// the general parser costs more than the database read — and anything else as ISO-8601.
    /// </summary>
    public static DateTimeOffset ParseText(string s) => TryParseFixed<char>(s, out var value) ? value : ParseGeneral(s);

    /// <summary><see cref="ParseText(string)"/> of the value as SQLite hands it over, in UTF-8, without making a string of it first.</summary>
    public static DateTimeOffset ParseText(ReadOnlySpan<byte> utf8) =>
        TryParseFixed(utf8, out var value) ? value : ParseGeneral(Encoding.UTF8.GetString(utf8));

    private static DateTimeOffset ParseGeneral(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static bool TryParseFixed<T>(ReadOnlySpan<T> s, out DateTimeOffset value) where T : unmanaged, IBinaryInteger<T>
    {
        value = default;
        if (!(s.Length == 28 && Is(s[4], '-') && Is(s[7], '-') && Is(s[10], 'T') && Is(s[13], ':') && Is(s[16], ':') && Is(s[19], '.') && Is(s[27], 'Z')
            && Digits(s, 0, 4, out var year) && Digits(s, 5, 2, out var month) && Digits(s, 8, 2, out var day)
            && Digits(s, 11, 2, out var hour) && Digits(s, 14, 2, out var minute) && Digits(s, 17, 2, out var second)
            && Digits(s, 20, 7, out var ticks)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60))
            return false;
        value = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
        return true;
    }

    internal static bool Is<T>(T c, char expected) where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(c) == expected;

    /// <summary>The decimal number in <paramref name="count"/> ASCII digits of <paramref name="s"/> from <paramref name="start"/>.</summary>
    internal static bool Digits<T>(ReadOnlySpan<T> s, int start, int count, out int value) where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = int.CreateTruncating(s[i]) - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}

/// <summary>Calendar dates: <c>yyyy-MM-dd</c> text in SQLite, <c>date</c> in SQL Server.</summary>
public sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
{
    public static readonly DateOnlyHandler Instance = new();

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
        string s => ParseText(s),
        _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
    };

    /// <summary>Reads <c>yyyy-MM-dd</c> (what we store) digit by digit, anything else with the general parser.</summary>
    public static DateOnly ParseText(string s) => TryParseFixed<char>(s, out var value) ? value : ParseGeneral(s);

    /// <summary><see cref="ParseText(string)"/> of the value as SQLite hands it over, in UTF-8.</summary>
    public static DateOnly ParseText(ReadOnlySpan<byte> utf8) => TryParseFixed(utf8, out var value) ? value : ParseGeneral(Encoding.UTF8.GetString(utf8));

    private static DateOnly ParseGeneral(string s) => DateOnly.Parse(s[..Math.Min(10, s.Length)], CultureInfo.InvariantCulture);

    private static bool TryParseFixed<T>(ReadOnlySpan<T> s, out DateOnly value) where T : unmanaged, IBinaryInteger<T>
    {
        value = default;
        if (!(s.Length == 10 && UtcTimestampHandler.Is(s[4], '-') && UtcTimestampHandler.Is(s[7], '-')
            && UtcTimestampHandler.Digits(s, 0, 4, out var year) && UtcTimestampHandler.Digits(s, 5, 2, out var month)
            && UtcTimestampHandler.Digits(s, 8, 2, out var day)
            && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)))
            return false;
        value = new DateOnly(year, month, day);
        return true;
    }
}
