using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using CsCheck;

namespace BioCluster.Api.Tests.Hostile;

/// <summary>
/// Property tests: random mixtures of valid and hostile values (wrong types, huge and control-character
/// strings, SQL and script fragments, Korean and emoji, overflowing numbers, unknown keys) sent to
/// every write and list endpoint. The answer is never a 5xx, every 4xx is problem+json, and a refused
/// request changes nothing.
/// </summary>
public sealed class HostileInputTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private readonly HttpClient _client = factory.Client();

    private static readonly string[] NastyStrings =
    [
        "", " ", "\t", new('가', 5000), new('x', 100_000), "\u0000\u0007\u001b", "'; DROP TABLE clusters; --",
        "<script>alert(1)</script>", "바이오 😀 클러스터", "../../etc/passwd", "%", "_", "\\", "\uFEFF", "null",
        "osong", "kbiohealth", "mfds", "chungbuk", "archived", "cluster_operator", "https://example.kr", "javascript:alert(1)",
        "Robert'); --", "1e309", "-0", "NaN", "\u202Eevil", "O'Brien", "\"quoted\"",
    ];

    private static readonly Gen<JsonNode?> Value = Gen.OneOf(
        Gen.OneOf(NastyStrings).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.OneOf<JsonNode?>(null, JsonValue.Create(true), new JsonArray(), new JsonObject(),
            new JsonArray(JsonValue.Create("의료기기"), JsonValue.Create(1)), JsonValue.Create(91.5), JsonValue.Create(-181),
            JsonValue.Create(2024), JsonValue.Create(int.MaxValue), JsonValue.Create(long.MinValue)));

    private static readonly string[] ClusterFields =
        ["code", "nameKo", "nameEn", "region", "operatorCode", "designation", "specializations", "establishedYear",
         "areaKm2", "latitude", "longitude", "website", "status"];

    private static readonly string[] AgencyFields = ["code", "nameKo", "nameEn", "kind", "sector", "parentCode", "website"];

    /// <summary>An object that has, per field, nothing, a valid value or a hostile one, plus maybe an unknown key.</summary>
    private static Gen<string> Body(string[] fields, Func<string, JsonNode?> valid) =>
        Gen.Select(Gen.Int[0, 2].Array[fields.Length], Value.Array[fields.Length], Gen.Bool, (choice, values, extra) =>
        {
            var body = new JsonObject();
            for (var i = 0; i < fields.Length; i++)
            {
                if (choice[i] == 1) body[fields[i]] = valid(fields[i])?.DeepClone();
                else if (choice[i] == 2) body[fields[i]] = values[i]?.DeepClone();
            }
            if (extra) body["isAdmin"] = true;
            return body.ToJsonString();
        });

    private static JsonNode? ValidCluster(string field) => field switch
    {
        "code" => "h-" + Guid.NewGuid().ToString("N")[..12],
        "nameKo" => "적대적 입력 클러스터",
        "region" => "seoul",
        "operatorCode" => "kbiohealth",
        "specializations" => new JsonArray(JsonValue.Create("의료기기")),
        "establishedYear" => 2001,
        "latitude" => 37.5,
        "longitude" => 127.0,
        "status" => "active",
        _ => null,
    };

    private static JsonNode? ValidAgency(string field) => field switch
    {
        "code" => "h-" + Guid.NewGuid().ToString("N")[..12],
        "nameKo" => "적대적 입력 기관",
        "kind" => "company",
        "sector" => "industry",
        _ => null,
    };

    private async Task<int> Count(string resource)
    {
        var statuses = resource == "clusters" ? "status=active&status=under_development&status=archived" : "status=active&status=archived";
        var page = await (await _client.GetAsync($"/api/v1/{resource}?{statuses}&limit=1")).Read<Page<JsonNode>>();
        return page.TotalCount;
    }

    private static async Task AssertNot5xx(HttpResponseMessage response, string sent)
    {
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{status} for {sent[..Math.Min(300, sent.Length)]}: {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("clusters")]
    [InlineData("agencies")]
    public async Task Create_RandomHostileBodies_Never5xxAndOnlyCreatedRecordsAreWritten(string resource)
    {
        var gen = resource == "clusters" ? Body(ClusterFields, ValidCluster) : Body(AgencyFields, ValidAgency);
        await gen.SampleAsync(async json =>
        {
            var before = await Count(resource);
            var response = await _client.PostAsync($"/api/v1/{resource}", new StringContent(json, Encoding.UTF8, "application/json"));
            await AssertNot5xx(response, json);
            var created = response.StatusCode == HttpStatusCode.Created ? 1 : 0;
            Assert.Equal(before + created, await Count(resource));
        }, iter: 150, threads: 1);
    }

    [Theory]
    [InlineData("clusters", "osong")]
    [InlineData("agencies", "tipa")]
    public async Task Replace_RandomHostileBodies_Never5xxAndRefusalsWriteNothing(string resource, string code)
    {
        var gen = resource == "clusters" ? Body(ClusterFields[1..], ValidCluster) : Body(AgencyFields[1..], ValidAgency);
        await gen.SampleAsync(async json =>
        {
            var current = await _client.GetAsync($"/api/v1/{resource}/by-code/{code}");
            var id = (await current.Read<JsonNode>())!["id"]!.GetValue<long>();
            var etag = current.ETag();
            var response = await _client.Send(HttpMethod.Put, $"/api/v1/{resource}/{id}", new StringContent(json, Encoding.UTF8, "application/json"), etag);
            await AssertNot5xx(response, json);
            var after = await _client.GetAsync($"/api/v1/{resource}/{id}");
            if (response.IsSuccessStatusCode) Assert.NotEqual(etag, after.ETag());
            else Assert.Equal(etag, after.ETag());
        }, iter: 100, threads: 1);
    }

    [Fact]
    public async Task RawBodiesAndMediaTypes_Never5xx()
    {
        var gen = Gen.Select(
            Gen.OneOf(Gen.String, Gen.OneOf<string>("{", "}", "[1,2", "{\"code\":\"\\u0000\"}", "{\"a\":" + new string('[', 5000), "\u00ff\u00fe", "{\"nameKo\":\"\\uD800\"}")),
            Gen.OneOf<string>("application/json", "text/plain", "application/xml", "application/json; charset=latin1", "multipart/form-data", "application/problem+json"),
            Gen.OneOf<string>("clusters", "agencies"), (b, m, r) => (b, m, r));
        await gen.SampleAsync(async t =>
        {
            var (body, mediaType, resource) = t;
            var before = await Count(resource);
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            var response = await _client.PostAsync($"/api/v1/{resource}", content);
            await AssertNot5xx(response, body);
            Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(before, await Count(resource));
        }, iter: 150, threads: 1);
    }

    [Fact]
    public async Task ListQueries_RandomHostileParameters_Never5xx()
    {
        var parameter = Gen.OneOf<string>("region", "operatorCode", "status", "q", "sort", "limit", "cursor", "kind", "sector", "unknown");
        var gen = Gen.Select(parameter, Gen.OneOf(Gen.String, Gen.OneOf(NastyStrings[..10]), Gen.Long.Select(l => l.ToString())), Gen.OneOf<string>("clusters", "agencies"), (n, v, r) => (n, v, r));
        await gen.SampleAsync(async t =>
        {
            var (name, value, resource) = t;
            var url = $"/api/v1/{resource}?{name}={Uri.EscapeDataString(value[..Math.Min(value.Length, 4000)])}";
            var response = await _client.GetAsync(url);
            await AssertNot5xx(response, url);
        }, iter: 200, threads: 1);
    }

    [Fact]
    public async Task OversizeBody_Returns413()
    {
        var huge = "{\"code\":\"big\",\"nameKo\":\"" + new string('가', 2 * 1024 * 1024) + "\"}";
        var response = await _client.PostAsync("/api/v1/clusters", new StringContent(huge, Encoding.UTF8, "application/json"));
        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task KoreanEmojiAndSqlText_RoundTripExactly()
    {
        const string name = "바이오 😀 클러스터'; DROP TABLE clusters; --";
        var code = Http.Unique("rt");
        var response = await _client.PostAsync("/api/v1/clusters", Http.Body(new { code, nameKo = name, region = "jeju", operatorCode = "wmit" }));
        var created = await response.Read<ClusterDto>();
        Assert.Equal(name, created.NameKo);
        var fetched = await (await _client.GetAsync($"/api/v1/clusters/by-code/{code}")).Read<ClusterDto>();
        Assert.Equal(name, fetched.NameKo);
        var found = await (await _client.GetAsync("/api/v1/clusters?q=" + Uri.EscapeDataString("😀 클러스터'"))).Read<Page<ClusterDto>>();
        Assert.Contains(found.Items, c => c.Code == code);
    }
}
