using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>HTTP helpers for the API suite: JSON in the API's own spelling, and problem+json checks.</summary>
public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static StringContent Body(object value) =>
        new(JsonSerializer.Serialize(value, Json), Encoding.UTF8, "application/json");

    public static StringContent Raw(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, mediaType);

    public static async Task<T> Read<T>(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static async Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string path, HttpContent? content = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    /// <summary>Asserts an RFC 9457 problem with every member the conventions require, and returns it.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        foreach (var member in new[] { "type", "title", "status", "detail", "instance", "traceId" })
            Assert.True(problem.TryGetProperty(member, out _), $"problem lacks '{member}': {text}");
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static IReadOnlyDictionary<string, string[]> Errors(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors)
            ? errors.Deserialize<Dictionary<string, string[]>>()!
            : new Dictionary<string, string[]>();

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("response has no ETag");

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];
}
