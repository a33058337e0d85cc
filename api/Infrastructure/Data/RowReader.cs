using System.Data.Common;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// Typed reads of a row's columns by position, for the few hot lists that read their rows by hand instead of
/// through Dapper's mapper (which asks the driver for every value as an object, about twice the cost on
/// SQLite). Each read works on both databases: SQLite keeps instants and dates as our fixed-width text and
/// every integer as a 64-bit one; SQL Server keeps datetime2/date and int or bigint.
/// </summary>
public readonly struct RowReader(DbDataReader reader, bool sqlite)
{
    public long Long(int i) => sqlite ? reader.GetInt64(i) : Convert.ToInt64(reader.GetValue(i));

    public int Int(int i) => sqlite ? reader.GetInt32(i) : Convert.ToInt32(reader.GetValue(i));

    public long? LongOrNull(int i) => reader.IsDBNull(i) ? null : Long(i);

    public int? IntOrNull(int i) => reader.IsDBNull(i) ? null : Int(i);

    public string Text(int i) => reader.GetString(i);

    public string? TextOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public DateTimeOffset Instant(int i) =>
        sqlite ? UtcTimestampHandler.ParseText(reader.GetString(i)) : UtcTimestampHandler.Instance.Parse(reader.GetValue(i));

    public DateTimeOffset? InstantOrNull(int i) => reader.IsDBNull(i) ? null : Instant(i);

    public DateOnly? DateOrNull(int i) =>
        reader.IsDBNull(i) ? null : sqlite ? DateOnlyHandler.ParseText(reader.GetString(i)) : DateOnlyHandler.Instance.Parse(reader.GetValue(i));
}
