using System.Text.Json;
using System.Text.Json.Serialization;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>The API's JSON spelling, in one place for the host, the benchmark and the tests.</summary>
public static class JsonSetup
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        o.Converters.Add(new UtcTimestampJsonConverter());
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
    }
}
