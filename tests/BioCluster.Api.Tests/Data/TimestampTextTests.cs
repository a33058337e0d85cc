using System.Globalization;
using System.Text;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using CsCheck;

namespace BioCluster.Api.Tests.Data;

/// <summary>
/// The hand-written readers and writer of instants and dates (hot in every list) against the general .NET
/// parser and formatter they replace, from text and from the UTF-8 bytes SQLite hands over.
/// </summary>
public class TimestampTextTests
{
    private static readonly Gen<DateTimeOffset> Instants =
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    [Fact]
    public void StoredInstantText_ReadsBackTheSameInstant() =>
        Instants.Sample(i =>
        {
            var stored = i.UtcDateTime.ToString(UtcTimestampHandler.SqliteFormat, CultureInfo.InvariantCulture);
            return UtcTimestampHandler.ParseText(stored) == i && UtcTimestampHandler.ParseText(Encoding.UTF8.GetBytes(stored)) == i;
        });

    [Fact]
    public void JsonInstant_IsWhatTheGeneralFormatterWrites() =>
        Instants.Sample(i =>
        {
            var text = new byte[UtcTimestampJsonConverter.MaxLength];
            var written = Encoding.ASCII.GetString(text, 0, UtcTimestampJsonConverter.Format(i, text));
            return written == i.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        });

    [Theory]
    [InlineData("2024-05-29T15:00:00+09:00", "2024-05-29T06:00:00.0000000Z")]
    [InlineData("2024-05-29T06:00:00Z", "2024-05-29T06:00:00.0000000Z")]
    [InlineData("2024-05-29 06:00:00", "2024-05-29T06:00:00.0000000Z")]
    public void OtherInstantText_FallsBackToTheGeneralParser(string stored, string expected)
    {
        Assert.Equal(expected, UtcTimestampHandler.ParseText(stored).UtcDateTime.ToString(UtcTimestampHandler.SqliteFormat, CultureInfo.InvariantCulture));
        Assert.Equal(UtcTimestampHandler.ParseText(stored), UtcTimestampHandler.ParseText(Encoding.UTF8.GetBytes(stored)));
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00.0000000Z")]
    [InlineData("2024-13-01T00:00:00.0000000Z")]
    [InlineData("2024-01-01T24:00:00.0000000Z")]
    [InlineData("2024-01-0xT00:00:00.0000000Z")]
    public void ImpossibleInstantText_IsRefused(string stored)
    {
        Assert.Throws<FormatException>(() => UtcTimestampHandler.ParseText(stored));
        Assert.Throws<FormatException>(() => UtcTimestampHandler.ParseText(Encoding.UTF8.GetBytes(stored)));
    }

    [Fact]
    public void StoredDateText_ReadsBackTheSameDate() =>
        Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(DateOnly.FromDayNumber)
            .Sample(d =>
            {
                var stored = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return DateOnlyHandler.ParseText(stored) == d && DateOnlyHandler.ParseText(Encoding.UTF8.GetBytes(stored)) == d;
            });

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2024-02-29T00:00:00", 2024, 2, 29)]
    public void DateText_Reads(string stored, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateOnlyHandler.ParseText(stored));
        Assert.Equal(new DateOnly(year, month, day), DateOnlyHandler.ParseText(Encoding.UTF8.GetBytes(stored)));
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2023-00-10")]
    public void ImpossibleDateText_IsRefused(string stored)
    {
        Assert.Throws<FormatException>(() => DateOnlyHandler.ParseText(stored));
        Assert.Throws<FormatException>(() => DateOnlyHandler.ParseText(Encoding.UTF8.GetBytes(stored)));
    }
}
