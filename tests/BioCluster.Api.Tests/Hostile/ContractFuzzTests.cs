using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;
using CsCheck;
using Dapper;

namespace BioCluster.Api.Tests.Hostile;

/// <summary>
/// A fuzz test of the whole contract: every operation of the served OpenAPI document, with path and query parameters and
/// JSON bodies generated from its schemas and then spoiled (control characters, lone surrogates, huge and negative
/// numbers, impossible dates, wrong types, nulls, unknown and duplicate keys, deep nesting, broken JSON), sent by an
/// administrator to a host that serves the dashboard as the real run does. Never a 5xx; and a request refused with a
/// 4xx leaves every table as it was.
/// </summary>
public sealed class ContractFuzzTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private sealed record Operation(string Method, string Path, IReadOnlyList<(string Name, JsonElement Schema)> Query, JsonElement? Body);

    private static JsonElement Resolve(JsonElement root, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var r) && r.GetString() is { } reference
            ? root.GetProperty("components").GetProperty("schemas").GetProperty(reference.Split('/')[^1])
            : schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1 ? Resolve(root, all[0])
            : schema.TryGetProperty("oneOf", out var one) && one.GetArrayLength() > 0 ? Resolve(root, one[0])
            : schema;

    private static readonly string[] Hostile =
    [
        "", " ", "\u0000", "\u0007\u001b", "\ud800", "\udfff", "\uFEFF", "\u202E", "'; DROP TABLE clusters; --", "<script>alert(1)</script>",
        "바이오 😀", new('가', 9000), "9999-99-99", "0000-00-00T00:00:00Z", "2024-02-30", "-1", "1e309", "NaN", "null", "osong", "mohw",
    ];

    private static readonly Gen<JsonNode?> Junk = Gen.OneOf(
        Gen.OneOf(Hostile).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.OneOf<JsonNode?>(null, JsonValue.Create(true), new JsonArray(), new JsonObject(), JsonValue.Create(long.MinValue), JsonValue.Create(decimal.MaxValue)));

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<List<T>> All<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Int[0, 0].Select(_ => new List<T>()), (acc, gen) => acc.SelectMany(list => gen.Select(x => new List<T>(list) { x })));

    /// <summary>A value for the schema: mostly one of its own kind, sometimes junk.</summary>
    private static Gen<JsonNode?> ValueOf(JsonElement root, JsonElement schema, int depth)
    {
        schema = Resolve(root, schema);
        var own = OwnKind(root, schema, depth);
        return Gen.Int[0, 9].SelectMany(roll => roll < 7 ? own : Junk);
    }

    private static Gen<JsonNode?> OwnKind(JsonElement root, JsonElement schema, int depth)
    {
        if (schema.TryGetProperty("enum", out var values))
            return Gen.OneOf(values.EnumerateArray().Select(v => (JsonNode?)JsonNode.Parse(v.GetRawText())).ToArray());
        var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "string" when format == "date-time":
                return Gen.DateTimeOffset.Select(d => (JsonNode?)JsonValue.Create(d.ToString("O")));
            case "string" when format == "date":
                return Gen.Date.Select(d => (JsonNode?)JsonValue.Create(d.ToString("yyyy-MM-dd")));
            case "string":
                return Gen.OneOf(Gen.String[0, 60], Gen.OneOf("osong", "mfds", "kbiohealth", "seoul", "company", "급한 과제", "https://bio.example.kr"))
                    .Select(s => (JsonNode?)JsonValue.Create(s));
            case "integer":
                return Gen.OneOf(Gen.Int[-5, 2100], Gen.Int).Select(i => (JsonNode?)JsonValue.Create(i));
            case "number":
                return Gen.Double[-1000, 100000].Select(d => (JsonNode?)JsonValue.Create(d));
            case "boolean":
                return Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));
            case "array" when depth < 4 && schema.TryGetProperty("items", out var items):
                return ValueOf(root, items, depth + 1).Array[0, 3].Select(a => (JsonNode?)new JsonArray(a.Select(x => x?.DeepClone()).ToArray()));
            case "object" when depth < 4 && schema.TryGetProperty("properties", out var properties):
            {
                var props = properties.EnumerateObject().Select(p => (p.Name, Gen: ValueOf(root, p.Value, depth + 1))).ToList();
                return Gen.Select(Gen.Int[0, 3].Array[props.Count], All(props.Select(p => p.Gen)), Gen.Bool, (choice, vals, extra) =>
                {
                    var o = new JsonObject();
                    for (var i = 0; i < props.Count; i++)
                        if (choice[i] != 0) o[props[i].Name] = vals[i]?.DeepClone();
                    if (extra) o["isAdmin"] = true; // an unknown property
                    return (JsonNode?)o;
                });
            }
            default:
                return Junk;
        }
    }

    /// <summary>The body as text, sometimes spoiled in ways no serializer writes.</summary>
    private static Gen<string> Text(Gen<JsonNode?> body) => Gen.Select(body, Gen.Int[0, 11], (node, spoil) =>
    {
        var text = node?.ToJsonString() ?? "null";
        return spoil switch
        {
            0 when text.StartsWith("{\"", StringComparison.Ordinal) && text.IndexOf(',') is > 0 and var comma => "{" + text[1..comma] + "," + text[1..], // duplicate key
            1 => new string('[', 300) + new string(']', 300),
            2 => text.Length > 2 ? text[..(text.Length / 2)] : "{",
            3 when text.StartsWith('{') => "{\"titleKo\":\"\\ud800\",\"nameKo\":\"\\udfff\"," + text[1..],
            4 when text.StartsWith('{') => "{\"n\":1e999," + text[1..],
            5 => "{\"a\":" + new string('{', 70) + new string('}', 71),
            _ => text,
        };
    });

    private static readonly HashSet<string> NotFuzzed = ["POST /api/v1/auth/logout"]; // it would end the fuzzer's own session

    /// <summary>Tables whose rows a refused request may change by design: sign-in failures, sessions' renewal, keys' last use, claimed idempotency keys.</summary>
    private static readonly HashSet<string> Volatile = ["login_failures", "user_sessions", "idempotency_keys", "data_protection_keys", "schema_migrations"];

    /// <summary>
    /// Columns a refused request may change by design: a key's last use, and a known account's failed sign-ins and lock-out
    /// (a 401 for a wrong password on an existing username counts it, which the fuzzer hits when it guesses a username).
    /// </summary>
    private static readonly HashSet<string> VolatileColumns = ["last_used_at", "failed_logins", "locked_until"];

    private async Task<string> FingerprintAsync()
    {
        await using var db = factory.OpenDatabase();
        var tables = (await db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
            .Where(t => !Volatile.Contains(t) && !t.StartsWith("search_", StringComparison.Ordinal)); // the search index is kept by a background indexer
        var all = new StringBuilder();
        foreach (var table in tables)
        {
            var columns = (await db.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')")).Where(c => !VolatileColumns.Contains(c)).ToList();
            var rows = await db.QueryAsync<string>($"SELECT {string.Join(" || '|' || ", columns.Select(c => $"COALESCE(CAST(\"{c}\" AS TEXT), '∅')"))} FROM \"{table}\" ORDER BY rowid");
            all.Append(table).Append(':').Append(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))))).Append('\n');
        }
        return all.ToString();
    }

    [Fact]
    public async Task EveryOperation_WithHostileInput_IsNever5xx_AndARefusedRequestWritesNothing()
    {
        var client = await factory.AsRole("admin");
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var root = doc.RootElement;
        var ops = new List<Operation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            if (NotFuzzed.Contains($"{op.Name.ToUpperInvariant()} {path.Name}")) continue;
            var query = op.Value.TryGetProperty("parameters", out var ps)
                ? ps.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("schema"))).ToList()
                : [];
            JsonElement? body = op.Value.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var json)
                ? json.GetProperty("schema") : null;
            ops.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, query, body));
        }
        Assert.True(ops.Count > 50, $"{ops.Count} operations");

        await factory.NewKey("mohw", ["read"]); // so the keys' collection has a record to address
        var ids = new Dictionary<string, long>();
        foreach (var collection in new[] { "clusters", "agencies", "api-keys", "users" })
            ids[collection] = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/{collection}?limit=1")).RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
        var pathValue = Gen.OneOf(Gen.Const("real"), Gen.OneOf("0", "-1", "99999999999999999999", "abc", "%00", "가", "2024", "agencies", "osong", "x.csv"));

        var requests = Gen.Int[0, ops.Count - 1].SelectMany(i =>
        {
            var op = ops[i];
            var query = op.Query.Count == 0 ? Gen.Const(string.Empty)
                : All(op.Query.Select(q => Gen.Int[0, 2].SelectMany(k => k == 0 ? Gen.Const((JsonNode?)null) : ValueOf(root, q.Schema, 0))))
                    .Select(values => string.Join("&", op.Query.Zip(values).Where(z => z.Second is not null)
                        .Select(z => $"{z.First.Name}={Uri.EscapeDataString(z.Second is JsonValue v && v.TryGetValue<string>(out var s) ? s : z.Second!.ToJsonString())}")));
            var body = op.Body is { } schema ? Text(ValueOf(root, schema, 0)).Select(x => (string?)x) : Gen.Const((string?)null);
            return Gen.Select(pathValue.Array[4], query, body, Gen.Bool, (pv, q, b, match) => (op, pv, q, b, match));
        });

        var refused = 0;
        await requests.SampleAsync(async r =>
        {
            var (op, pv, q, b, ifMatch) = r;
            var k = 0;
            var path = System.Text.RegularExpressions.Regex.Replace(op.Path, @"\{(\w+)\}", m =>
            {
                var given = pv[k++ % pv.Length];
                if (given != "real") return Uri.EscapeDataString(given);
                return m.Groups[1].Value switch
                {
                    "year" => "2024",
                    "entity" => "agencies",
                    "code" => "osong",
                    _ => (op.Path.Split('/') is { Length: > 3 } segments ? ids.GetValueOrDefault(segments[3], 1) : 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
            });
            using var request = new HttpRequestMessage(new HttpMethod(op.Method), q.Length > 0 ? $"{path}?{q}" : path);
            if (b is not null) request.Content = new StringContent(b, Encoding.UTF8, "application/json");
            if (op.Method is "PUT" or "DELETE" or "POST") request.Headers.TryAddWithoutValidation("If-Match", ifMatch ? "\"1\"" : "garbage");
            var isImport = op.Path.StartsWith("/api/v1/imports/{entity}", StringComparison.Ordinal); // a rejected real import records its run by design
            var before = op.Method == "GET" || isImport ? null : await FingerprintAsync();
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{op.Method} {request.RequestUri} {b?[..Math.Min(b.Length, 300)]} → {status}: {text[..Math.Min(text.Length, 400)]}");
            if (status >= 400 && before is not null)
            {
                refused++;
                Assert.True(before == await FingerprintAsync(), $"{op.Method} {request.RequestUri} → {status} changed the database: {b?[..Math.Min(b.Length, 300)]}");
            }
        }, iter: 1500, threads: 1);
        Assert.True(refused > 200, $"only {refused} refused writes were checked");
    }
}
