using System.Text.Json;
using System.Text.Json.Serialization;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>The API's JSON spelling, in one place for the host, the benchmark and the tests.</summary>
public static class JsonSetup
{
    /// <param name="fastWriters">Whether features add their hand-written writers (<see cref="Data.DatabaseOptions.FastReads"/>).</param>
    public static void Configure(JsonSerializerOptions o, bool fastWriters = true)
    {
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        o.Converters.Add(new UtcTimestampJsonConverter());
        if (fastWriters) Features.RegulatoryIssues.IssueSummaryJsonConverter.Register(o);
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
    }
}
