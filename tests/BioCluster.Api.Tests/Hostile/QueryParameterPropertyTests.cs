using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using CsCheck;

namespace BioCluster.Api.Tests.Hostile;

/// <summary>
/// Every list and export operation of the contract, with every query parameter the contract gives it, read from the
/// served OpenAPI document itself (so a new list or a new filter is covered the day it is added): an invalid value —
/// not one of an enum's values, not a number, not a date, an impossible date, a sort the list does not have, a cursor it
/// never gave out — is a 400 problem whose errors name that parameter. Never a 5xx. (Once `priority=NULL` and
/// hand-made cursors answered 500.)
/// </summary>
public sealed class QueryParameterPropertyTests(QueryParameterPropertyTests.WithOpenData factory) : IClassFixture<QueryParameterPropertyTests.WithOpenData>
{
    /// <summary>The default host with the open data switched on, so its lists (ADR 0027) are walked with the rest.</summary>
    public sealed class WithOpenData : SqliteApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("OpenData:Enabled", "true")];
    }

    public sealed record Parameter(string Name, string? Type, string? Format, IReadOnlyList<string> Enum);

    public sealed record ListOperation(string Path, IReadOnlyList<Parameter> Parameters);

    /// <summary>GET operations that take paging, sorting or filters, or export: the lists and exports.</summary>
    private static async Task<IReadOnlyList<ListOperation>> ListOperationsAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var ops = new List<ListOperation>();
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var ps)) continue;
            var query = ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => ParameterOf(doc.RootElement, p)).ToList();
            var isList = query.Any(p => p.Name is "limit" or "cursor" or "sort") || path.Name.Contains("export", StringComparison.Ordinal);
            if (isList && query.Count > 0) ops.Add(new ListOperation(path.Name, query));
        }
        return ops;
    }

    private static Parameter ParameterOf(JsonElement root, JsonElement p)
    {
        var schema = Resolve(root, p.GetProperty("schema"));
        var items = schema.TryGetProperty("items", out var i) ? Resolve(root, i) : schema;
        var values = items.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(v => v.GetString()!).ToList() : [];
        return new Parameter(p.GetProperty("name").GetString()!,
            items.TryGetProperty("type", out var t) ? t.GetString() : null,
            items.TryGetProperty("format", out var f) ? f.GetString() : null, values);
    }

    /// <summary>The schema a <c>$ref</c> names (enums are component schemas), or the schema itself.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var r) && r.GetString() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal)
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..])
            : schema;

    /// <summary>A path with its path parameters filled (a record that exists where that matters little: the query is refused first).</summary>
    private string Concrete(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m => m.Groups[1].Value switch
        {
            "year" => "2024",
            "entity" => "agencies",
            _ => _ids[path.Split('/')[3]].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>An existing record of each collection (and figures for 2024), so the query, not the path, is what is refused.</summary>
    private readonly Dictionary<string, long> _ids = new();

    private async Task<HttpClient> PreparedAsync()
    {
        var client = factory.Client();
        if (_ids.Count > 0) return client;
        await factory.NewKey("mohw", ["read"]);
        for (var i = 0; i < 2; i++) // two issues, so the issue list gives out a cursor of its own (sorted by an instant)
            (await client.PostAsync("/api/v1/regulatory-issues", Http.Body(new
            {
                titleKo = "질의 매개변수 시험 과제", problemKo = "임상시험 승인 절차가 기관마다 달라 지연됩니다.", proposalKo = "공동 심의를 인정하도록 고시를 개정합니다.",
                category = "clinical_trials", clusterCodes = new[] { "osong" }, raisedByCode = "kbiohealth",
            }))).EnsureSuccessStatusCode();
        // A meeting taken as far as a decision with a follow-up, so the follow-up collection has a record too.
        var meeting = await client.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "질의 시험 회의", kind = "online", startsAt = "2026-12-01T06:00:00Z", onlineUrl = "https://meet.example.go.kr/q",
        }));
        var meetingId = JsonDocument.Parse(await meeting.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var etag = meeting.Headers.ETag!.Tag;
        async Task<JsonElement> Step(HttpMethod method, string path, object body)
        {
            var response = await client.Send(method, path, Http.Body(body), etag);
            response.EnsureSuccessStatusCode();
            etag = response.Headers.ETag!.Tag;
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        var item = (await Step(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda", new { titleKo = "질의 시험 안건", kind = "deliberation" }))
            .GetProperty("agenda")[0].GetProperty("id").GetInt64();
        await Step(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/transitions", new { to = "convened" });
        await Step(HttpMethod.Put, $"/api/v1/meetings/{meetingId}/agenda/{item}/decision",
            new { outcome = "noted", text = "보고 접수", followUps = new[] { new { title = "질의 시험 후속조치", ownerAgencyCode = "mfds" } } });
        (await client.PostAsync("/api/v1/collaboration-projects", Http.Body(new
        {
            titleKo = "질의 시험 협력 사업", summary = "질의 매개변수 시험용 협력 사업입니다.", partners = new[] { new { clusterCode = "osong", role = "lead" } },
        }))).EnsureSuccessStatusCode();
        foreach (var collection in new[] { "clusters", "agencies", "api-keys", "users", "regulatory-issues", "meetings", "follow-ups", "site-projects",
                     "collaboration-projects" })
            _ids[collection] = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/{collection}?limit=1")).RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
        _ids["agenda-items"] = item; // agenda items have no list of their own; their documents list is under their id
        var figures = await client.PutAsync($"/api/v1/clusters/{_ids["clusters"]}/indicators/2024", Http.Body(new { companies = 1 }));
        Assert.True(figures.StatusCode is HttpStatusCode.Created or HttpStatusCode.PreconditionRequired); // made, or made by an earlier test
        return client;
    }

    private static readonly string[] NotAnEnumValue =
        ["NULL", "null", "'", "\"", "%", "%25", "-1", "0", "_", "*", "osong' OR 1=1 --", "긴급", "😀", "\u0000", "\t", "URGENT", "under review", new('x', 300)];

    private static string Cursor(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    /// <summary>Cursors no list gave out: garbage, and well-formed ones carrying values of the wrong kind or size.</summary>
    private static readonly string[] ForeignCursors =
    [
        "x", "%%%", "====", new('A', 3000), Cursor("{}"), Cursor("[]"), Cursor("null"), Cursor("{\"s\":\"id\",\"v\":1.5,\"i\":1}"),
        Cursor("{\"s\":\"id\",\"v\":1e300,\"i\":1}"), Cursor("{\"s\":\"id\",\"v\":99999999999999999999999,\"i\":1}"),
        Cursor("{\"s\":\"-createdAt\",\"v\":\"not a time\",\"i\":1}"), Cursor("{\"s\":\"-createdAt\",\"v\":12,\"i\":1}"),
        Cursor("{\"s\":\"code\",\"v\":[1,2],\"i\":1}"), Cursor("{\"s\":\"code\",\"v\":{\"a\":1},\"i\":1}"),
        Cursor("{\"s\":\"id\",\"v\":1,\"i\":\"one\"}"), Cursor("{\"s\":\"id\",\"v\":1,\"i\":1e40}"), Cursor("{\"s\":null,\"v\":null,\"i\":null}"),
        Cursor("{\"s\":\"nosuchsort\",\"v\":1,\"i\":1}"), Cursor("{\"s\":\"-id\",\"v\":true,\"i\":1}"),
    ];

    /// <summary>Values that cannot be right for a parameter of this type, whatever the operation; null when none is certain.</summary>
    private static string[]? Invalid(Parameter p) => p switch
    {
        { Name: "cursor" } => ForeignCursors,
        { Name: "sort" } => ["nope", "--id", "-", "id,code", "ID ", "createdAt;DROP", "😀"],
        { Enum.Count: > 0 } => NotAnEnumValue.Where(v => !p.Enum.Contains(v)).ToArray(),
        { Type: "integer" } => ["abc", "1.5", "1e3", "99999999999999999999", "0x10", "", "NaN", "١٢"],
        { Type: "number" } => ["abc", "1,5.3", "NaN", "Infinity", "1e999"],
        { Type: "boolean" } => ["maybe", "2", "yes please", "tru"],
        { Format: "date-time" } => ["not-a-date", "2024-13-45T00:00:00Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "99999-01-01", "2024-02-30"],
        { Format: "date" } => ["2024-13-45", "2024-02-30", "yesterday", "0000-00-00"],
        _ => null,
    };

    /// <summary>
    /// Cursors in this list's own shape — its sort, as a real page gives it out — with a value or id of the wrong kind or
    /// size: they get past the first checks and reach the seek, where a 500 once came from.
    /// </summary>
    private async Task<string[]> CraftedAsync(HttpClient client, ListOperation op)
    {
        if (!op.Parameters.Any(p => p.Name == "cursor")) return [];
        // The open data's cursors are (modified, id) text, not this keyset shape: the foreign cursors cover them.
        if (op.Path.StartsWith("/api/open/", StringComparison.Ordinal)) return [];
        // A list with a required filter (the search's q) is paged with one, so a real cursor of its own can be crafted from.
        var required = op.Path == "/api/v1/search" ? "q=%EA%B7%9C%EC%A0%9C&" : "";
        using var page = JsonDocument.Parse(await client.GetStringAsync($"{Concrete(op.Path)}?{required}limit=1"));
        if (page.RootElement.GetProperty("nextCursor").GetString() is not { } next) return [];
        var real = JsonDocument.Parse(Base64Url.DecodeFromChars(next)).RootElement;
        var sort = real.GetProperty("s").GetString();
        var instant = real.GetProperty("v").ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(real.GetProperty("v").GetString(), out _);
        string Crafted(string value, string id = "1") => Cursor($"{{\"s\":{JsonSerializer.Serialize(sort)},\"v\":{value},\"i\":{id}}}");
        return [Crafted("1.5"), Crafted("1e300"), Crafted("99999999999999999999999"), Crafted("-1e-300"), Crafted("true"), Crafted("null"),
            Crafted("[1]"), Crafted("{}"), Crafted("\"\"", "1.5"), Crafted("1", "\"x\""), Crafted(JsonSerializer.Serialize(new string('가', 3000))),
            .. instant ? [Crafted("\"9999-99-99\""), Crafted("\"0001-01-01T00:00:00+14:00\""), Crafted("12")] : Array.Empty<string>()];
    }

    [Fact]
    public async Task TheContractsListsAndExports_AreAllFound()
    {
        var ops = await ListOperationsAsync(await PreparedAsync());
        foreach (var path in new[] { "/api/v1/clusters", "/api/v1/agencies", "/api/v1/regulatory-issues", "/api/v1/regulatory-issues/export.csv", "/api/v1/audit", "/api/v1/imports" })
            Assert.Contains(ops, o => o.Path == path);
        Assert.Contains(ops, o => o.Parameters.Any(p => p.Name == "priority" && p.Enum.Contains("urgent")));
    }

    [Fact]
    public async Task InvalidValueOfAnyListOrExportParameter_Is400NamingIt()
    {
        var client = await PreparedAsync();
        var cases = new List<(ListOperation Op, Parameter Param, string[]? Values)>();
        foreach (var op in await ListOperationsAsync(client))
        {
            var crafted = await CraftedAsync(client, op);
            foreach (var p in op.Parameters)
                cases.Add((op, p, p.Name == "cursor" ? [.. ForeignCursors, .. crafted] : Invalid(p)));
        }
        cases = cases.Where(c => c.Values is not null).ToList();
        Assert.True(cases.Count > 40, $"only {cases.Count} parameters with certain invalid values");
        var gen = Gen.Int[0, cases.Count - 1].SelectMany(i => Gen.Int[0, cases[i].Values!.Length - 1].Select(j => (Case: cases[i], Value: cases[i].Values![j])));
        await gen.SampleAsync(async t =>
        {
            var url = $"{Concrete(t.Case.Op.Path)}?{t.Case.Param.Name}={Uri.EscapeDataString(t.Value)}";
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} → {(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
            var problem = await response.Problem(HttpStatusCode.BadRequest);
            Assert.True(problem.Errors().Keys.Any(k => string.Equals(k, t.Case.Param.Name, StringComparison.OrdinalIgnoreCase)),
                $"{url}: the errors do not name '{t.Case.Param.Name}': {body}");
        }, iter: 400, threads: 1);

        // Every case once as well, so none is left to chance.
        foreach (var (op, param, values) in cases)
        foreach (var value in values!)
        {
            var url = $"{Concrete(op.Path)}?{param.Name}={Uri.EscapeDataString(value)}";
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} → {(int)response.StatusCode}: {body[..Math.Min(400, body.Length)]}");
            Assert.True((await response.Problem(HttpStatusCode.BadRequest)).Errors().Keys.Any(k => string.Equals(k, param.Name, StringComparison.OrdinalIgnoreCase)),
                $"{url}: the errors do not name '{param.Name}': {body}");
        }
    }

    [Fact]
    public async Task AnyTextInAnyListOrExportParameter_IsNever5xx()
    {
        var client = await PreparedAsync();
        var ops = await ListOperationsAsync(client);
        var pairs = ops.SelectMany(o => o.Parameters.Select(p => (o.Path, p.Name))).ToList();
        var text = Gen.OneOf(Gen.String, Gen.OneOf(NotAnEnumValue), Gen.OneOf(ForeignCursors), Gen.Long.Select(l => l.ToString()),
            Gen.Date.Select(d => d.ToString("yyyy-MM-dd")), Gen.DateTimeOffset.Select(d => d.ToString("O")));
        await Gen.Select(Gen.Int[0, pairs.Count - 1], text).SampleAsync(async t =>
        {
            var (path, name) = pairs[t.Item1];
            var url = $"{Concrete(path)}?{name}={Uri.EscapeDataString(t.Item2[..Math.Min(t.Item2.Length, 2000)])}";
            var response = await client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }, iter: 400, threads: 1);
    }
}
