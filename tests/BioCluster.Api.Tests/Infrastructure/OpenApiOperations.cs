using System.Text.Json;

namespace BioCluster.Api.Tests.Infrastructure;

public sealed record OpenApiOperation(string Method, string Path, string? OperationId, string? Summary, string? Tag, IReadOnlyList<string> Responses);

/// <summary>Reads the operations of the served OpenAPI document (JSON form).</summary>
public static class OpenApiOperations
{
    public static IReadOnlyList<OpenApiOperation> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<OpenApiOperation>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            if (op.Name == "parameters") continue;
            var o = op.Value;
            list.Add(new OpenApiOperation(
                op.Name.ToUpperInvariant(), path.Name,
                o.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                o.TryGetProperty("summary", out var s) ? s.GetString() : null,
                o.TryGetProperty("tags", out var t) && t.GetArrayLength() > 0 ? t[0].GetString() : null,
                o.TryGetProperty("responses", out var r) ? r.EnumerateObject().Select(x => x.Name).ToList() : []));
        }
        return list;
    }
}
