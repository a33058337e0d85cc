using System.Text.Json;
using System.Text.Json.Serialization;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Writes instants as UTC ISO-8601 with a <c>Z</c> (<c>2024-05-29T06:00:00Z</c>); reads any ISO-8601 offset.</summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[MaxLength];
        writer.WriteStringValue(text[..Format(value, text)]);
    }

    public const int MaxLength = 28;

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss[.fffffff]Z</c> with the fraction's trailing zeros (and a bare point) left out,
    /// written digit by digit: lists write several instants per row, and custom format strings are slow.
    /// </summary>
    public static int Format(DateTimeOffset value, Span<byte> text)
    {
        var t = value.UtcDateTime;
        Put(text, 0, t.Year, 4); text[4] = (byte)'-'; Put(text, 5, t.Month, 2); text[7] = (byte)'-'; Put(text, 8, t.Day, 2);
        text[10] = (byte)'T'; Put(text, 11, t.Hour, 2); text[13] = (byte)':'; Put(text, 14, t.Minute, 2); text[16] = (byte)':';
        Put(text, 17, t.Second, 2);
        var length = 19;
        var fraction = (int)(t.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            text[19] = (byte)'.';
            Put(text, 20, fraction, 7);
            length = 27;
            while (text[length - 1] == (byte)'0') length--;
        }
        text[length] = (byte)'Z';
        return length + 1;
    }

    private static void Put(Span<byte> text, int start, int value, int digits)
    {
        for (var i = start + digits - 1; i >= start; i--, value /= 10) text[i] = (byte)('0' + value % 10);
    }
}
