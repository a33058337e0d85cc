using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Writes instants as UTC ISO-8601 with a <c>Z</c> (<c>2024-05-29T06:00:00Z</c>); reads any ISO-8601 offset.</summary>
public sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
