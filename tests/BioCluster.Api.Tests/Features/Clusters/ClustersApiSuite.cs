using System.Net;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Tests.Features.Clusters;

/// <summary>The clusters API, through HTTP, run once per database provider.</summary>
public abstract class ClustersApiSuite(ApiFactory factory)
{
    protected readonly HttpClient Client = factory.Client();

    private static readonly string[] SeededCodes = ["songdo", "daegu-gyeongbuk", "osong", "innopolis", "gwanggyo", "wonju"];

    private static object NewCluster(string code, string operatorCode = "kbiohealth", string nameKo = "테스트 바이오 클러스터") => new
    {
        code,
        nameKo,
        nameEn = "Test bio cluster",
        region = "chungbuk",
        operatorCode,
        designation = "첨단의료복합단지",
        specializations = new[] { "의료기기" },
        establishedYear = 2010,
        areaKm2 = 1.13,
        latitude = 36.63,
        longitude = 127.32,
        website = "https://example.kr/cluster",
    };

    private static object Replacement(string nameKo, string operatorCode = "kbiohealth") => new
    {
        nameKo,
        region = "chungbuk",
        operatorCode,
        status = "active",
    };

    private async Task<(ClusterDto Cluster, string ETag)> Create(string? code = null)
    {
        var response = await Client.PostAsync("/api/v1/clusters", Http.Body(NewCluster(code ?? Http.Unique("c"))));
        return (await response.Read<ClusterDto>(), response.ETag());
    }

    private async Task<int> CountAll() =>
        (await (await Client.GetAsync("/api/v1/clusters?status=active&status=under_development&status=archived&limit=1")).Read<Page<ClusterDto>>()).TotalCount;

    [ApiFact]
    public async Task ListClusters_Default_ContainsTheSixSeededClustersWithOperators()
    {
        var page = await (await Client.GetAsync("/api/v1/clusters?limit=200")).Read<Page<ClusterDto>>();
        foreach (var code in SeededCodes)
            Assert.Contains(page.Items, c => c.Code == code);
        var osong = page.Items.Single(c => c.Code == "osong");
        Assert.Equal("오송첨단의료복합단지", osong.NameKo);
        Assert.Equal(Region.Chungbuk, osong.Region);
        Assert.Equal("kbiohealth", osong.Operator.Code);
        Assert.True(page.TotalCount >= 6);
    }

    [ApiFact]
    public async Task ListClusters_FilterByRegionAndOperator_ReturnsOnlyMatches()
    {
        var byRegion = await (await Client.GetAsync("/api/v1/clusters?region=incheon&region=gangwon")).Read<Page<ClusterDto>>();
        Assert.Contains(byRegion.Items, c => c.Code == "songdo");
        Assert.Contains(byRegion.Items, c => c.Code == "wonju");
        Assert.All(byRegion.Items, c => Assert.Contains(c.Region, new[] { Region.Incheon, Region.Gangwon }));

        var byOperator = await (await Client.GetAsync("/api/v1/clusters?operatorCode=ifez")).Read<Page<ClusterDto>>();
        Assert.Equal(["songdo"], byOperator.Items.Select(c => c.Code));
    }

    [ApiFact]
    public async Task ListClusters_Q_MatchesKoreanAndEnglishNames()
    {
        var korean = await (await Client.GetAsync("/api/v1/clusters?q=" + Uri.EscapeDataString("오송"))).Read<Page<ClusterDto>>();
        Assert.Contains(korean.Items, c => c.Code == "osong");
        var english = await (await Client.GetAsync("/api/v1/clusters?q=techno%20valley")).Read<Page<ClusterDto>>();
        Assert.Contains(english.Items, c => c.Code == "gwanggyo");
        var wildcard = await (await Client.GetAsync("/api/v1/clusters?q=%25")).Read<Page<ClusterDto>>();
        Assert.DoesNotContain(wildcard.Items, c => c.Code == "osong");
    }

    [ApiFact]
    public async Task ListClusters_LimitOutsideRange_Returns400()
    {
        foreach (var limit in new[] { "0", "201", "-5" })
        {
            var problem = await (await Client.GetAsync($"/api/v1/clusters?limit={limit}")).Problem(HttpStatusCode.BadRequest);
            Assert.True(problem.Errors().ContainsKey("limit"), $"limit={limit}");
        }
        var notANumber = await (await Client.GetAsync("/api/v1/clusters?limit=abc")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("limit", notANumber.Errors().Keys);
        await (await Client.GetAsync("/api/v1/clusters?limit=99999999999")).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task ListClusters_BadFilterSortOrCursor_Returns400WithFieldKeys()
    {
        var problem = await (await Client.GetAsync("/api/v1/clusters?region=mars&status=gone&sort=-secret&cursor=%%%")).Problem(HttpStatusCode.BadRequest);
        var errors = problem.Errors();
        Assert.Contains("region", errors.Keys);
        Assert.Contains("status", errors.Keys);
        Assert.Contains("sort", errors.Keys);

        var cursor = await (await Client.GetAsync("/api/v1/clusters?cursor=bm90LWEtY3Vyc29y")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("cursor", cursor.Errors().Keys);

        // A cursor is tied to its sort: reusing it under another sort is refused rather than silently misplaced.
        var first = await (await Client.GetAsync("/api/v1/clusters?limit=1&sort=code")).Read<Page<ClusterDto>>();
        await (await Client.GetAsync($"/api/v1/clusters?limit=1&sort=-nameKo&cursor={first.NextCursor}")).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task ListClusters_PagingAcrossManyRecords_HasNoGapsOrRepeats()
    {
        var operatorCode = Http.Unique("op");
        var created = await Client.PostAsync("/api/v1/agencies", Http.Body(new { code = operatorCode, nameKo = "페이징 운영기관", kind = "cluster_operator" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var expected = new List<string>();
        for (var i = 0; i < 45; i++)
        {
            var code = $"{operatorCode}-{i:D3}"[..Math.Min(40, operatorCode.Length + 4)];
            code = $"p{i:D3}-{Guid.NewGuid():N}"[..20];
            var response = await Client.PostAsync("/api/v1/clusters",
                Http.Body(NewCluster(code, operatorCode, nameKo: i % 3 == 0 ? "같은 이름 클러스터" : $"클러스터 {i:D3}")));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            expected.Add(code);
        }

        foreach (var sort in new[] { "code", "-code", "nameKo", "-nameKo", "region", "id", "-id" })
        {
            var seen = new List<string>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var url = $"/api/v1/clusters?operatorCode={operatorCode}&limit=7&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}");
                var page = await (await Client.GetAsync(url)).Read<Page<ClusterDto>>();
                Assert.Equal(45, page.TotalCount);
                Assert.True(page.Items.Count <= 7);
                seen.AddRange(page.Items.Select(c => c.Code));
                cursor = page.NextCursor;
                pages++;
            } while (cursor is not null && pages < 20);

            Assert.Equal(7, pages);
            Assert.Equal(45, seen.Count);
            Assert.Equal(45, seen.Distinct().Count());
            Assert.Equal(expected.Order(), seen.Order());
        }
    }

    [ApiFact]
    public async Task GetCluster_ByIdAndByCode_ReturnsClusterWithETag()
    {
        var (cluster, etag) = await Create();
        var byId = await Client.GetAsync($"/api/v1/clusters/{cluster.Id}");
        Assert.Equal(etag, byId.ETag());
        Assert.Equal(cluster.Code, (await byId.Read<ClusterDto>()).Code);

        var byCode = await Client.GetAsync($"/api/v1/clusters/by-code/{cluster.Code}");
        Assert.Equal(cluster.Id, (await byCode.Read<ClusterDto>()).Id);
        Assert.Equal(etag, byCode.ETag());
    }

    [ApiFact]
    public async Task GetCluster_Unknown_Returns404Problem()
    {
        await (await Client.GetAsync("/api/v1/clusters/987654321")).Problem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/clusters/by-code/no-such-cluster")).Problem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/clusters/not-a-number")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task CreateCluster_Valid_Returns201WithLocationETagAndOperator()
    {
        var code = Http.Unique("new");
        var response = await Client.PostAsync("/api/v1/clusters", Http.Body(NewCluster(code)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cluster = await response.Read<ClusterDto>();
        Assert.Equal($"/api/v1/clusters/{cluster.Id}", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(code, cluster.Code);
        Assert.Equal("kbiohealth", cluster.Operator.Code);
        Assert.Equal(["의료기기"], cluster.Specializations);
        Assert.Equal(ClusterStatus.Active, cluster.Status);
        Assert.Equal(TimeSpan.Zero, cluster.CreatedAt.Offset);

        var fetched = await (await Client.GetAsync(response.Headers.Location)).Read<ClusterDto>();
        Assert.Equal(cluster, fetched with { Specializations = cluster.Specializations });
    }

    [ApiFact]
    public async Task CreateCluster_TimestampsAreUtcWithZ()
    {
        var response = await Client.PostAsync("/api/v1/clusters", Http.Body(NewCluster(Http.Unique("utc"))));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Matches("\"createdAt\":\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z\"", text);
    }

    [ApiFact]
    public async Task CreateCluster_DuplicateCode_Returns409AndWritesNothing()
    {
        var before = await CountAll();
        await (await Client.PostAsync("/api/v1/clusters", Http.Body(NewCluster("osong")))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(before, await CountAll());
    }

    [ApiFact]
    public async Task CreateCluster_InvalidFields_Returns400WithCamelCaseKeys()
    {
        var before = await CountAll();
        var problem = await (await Client.PostAsync("/api/v1/clusters", Http.Body(new
        {
            code = "Bad Code!",
            nameKo = "",
            nameEn = new string('x', 201),
            region = "chungbuk",
            operatorCode = "kbiohealth",
            establishedYear = 1200,
            latitude = 91.0,
            longitude = -181.0,
            areaKm2 = -1.0,
            website = "javascript:alert(1)",
        }))).Problem(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        foreach (var key in new[] { "code", "nameKo", "nameEn", "establishedYear", "latitude", "longitude", "areaKm2", "website" })
            Assert.True(errors.ContainsKey(key), $"no error for {key}: {string.Join(",", errors.Keys)}");
        Assert.Equal(before, await CountAll());
    }

    [ApiFact]
    public async Task CreateCluster_OperatorNotAClusterOperator_Returns400OnOperatorCode()
    {
        foreach (var operatorCode in new[] { "mfds", "no-such-agency" })
        {
            var problem = await (await Client.PostAsync("/api/v1/clusters", Http.Body(NewCluster(Http.Unique("op"), operatorCode))))
                .Problem(HttpStatusCode.BadRequest);
            Assert.Contains("operatorCode", problem.Errors().Keys);
        }
    }

    [ApiFact]
    public async Task CreateCluster_RegionOutsideThe17_Returns400OnRegion()
    {
        var json = $$"""{"code":"{{Http.Unique("r")}}","nameKo":"지역 오류","region":"tokyo","operatorCode":"kbiohealth"}""";
        var problem = await (await Client.PostAsync("/api/v1/clusters", Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("region", problem.Errors().Keys);
    }

    [ApiFact]
    public async Task CreateCluster_UnknownOrWorkflowOnlyProperty_Returns400()
    {
        var before = await CountAll();
        foreach (var extra in new[] { "\"isAdmin\":true", "\"id\":5", "\"version\":9", "\"createdAt\":\"2020-01-01T00:00:00Z\"" })
        {
            var json = $$"""{"code":"{{Http.Unique("x")}}","nameKo":"추가 속성","region":"seoul","operatorCode":"kbiohealth",{{extra}}}""";
            var problem = await (await Client.PostAsync("/api/v1/clusters", Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.Errors());
        }
        Assert.Equal(before, await CountAll());
    }

    [ApiFact]
    public async Task CreateCluster_MissingRequiredProperty_Returns400NamingIt()
    {
        var problem = await (await Client.PostAsync("/api/v1/clusters", Http.Raw("""{"nameKo":"코드 없음","region":"seoul","operatorCode":"kbiohealth"}""")))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("code", problem.Errors().Keys);
    }

    [ApiFact]
    public async Task CreateCluster_BadJson_Returns400()
    {
        foreach (var body in new[] { "{", "not json", "[]", "null", "{\"code\": 12}", "{\"latitude\":\"north\"}" })
            await (await Client.PostAsync("/api/v1/clusters", Http.Raw(body))).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task CreateCluster_WrongContentType_Returns415()
    {
        await (await Client.PostAsync("/api/v1/clusters", Http.Raw("code=x", "application/x-www-form-urlencoded")))
            .Problem(HttpStatusCode.UnsupportedMediaType);
        await (await Client.PostAsync("/api/v1/clusters", Http.Raw("{}", "text/plain"))).Problem(HttpStatusCode.UnsupportedMediaType);
    }

    [ApiFact]
    public async Task ReplaceCluster_WithoutIfMatch_Returns428AndWritesNothing()
    {
        var (cluster, _) = await Create();
        await (await Client.Send(HttpMethod.Put, $"/api/v1/clusters/{cluster.Id}", Http.Body(Replacement("바뀐 이름"))))
            .Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(cluster.NameKo, (await (await Client.GetAsync($"/api/v1/clusters/{cluster.Id}")).Read<ClusterDto>()).NameKo);
    }

    [ApiFact]
    public async Task ReplaceCluster_StaleIfMatch_Returns412AndWritesNothing()
    {
        var (cluster, etag) = await Create();
        var first = await Client.Send(HttpMethod.Put, $"/api/v1/clusters/{cluster.Id}", Http.Body(Replacement("첫 번째 변경")), etag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        foreach (var stale in new[] { etag, "*", "W/\"2\"", "\"abc\"", "garbage" })
            await (await Client.Send(HttpMethod.Put, $"/api/v1/clusters/{cluster.Id}", Http.Body(Replacement("두 번째 변경")), stale))
                .Problem(HttpStatusCode.PreconditionFailed);

        var current = await Client.GetAsync($"/api/v1/clusters/{cluster.Id}");
        Assert.Equal("첫 번째 변경", (await current.Read<ClusterDto>()).NameKo);
        Assert.Equal(first.ETag(), current.ETag());
    }

    [ApiFact]
    public async Task ReplaceCluster_CurrentIfMatch_ReplacesFieldsAndAdvancesETag()
    {
        var (cluster, etag) = await Create();
        var response = await Client.Send(HttpMethod.Put, $"/api/v1/clusters/{cluster.Id}",
            Http.Body(Replacement("새 이름", operatorCode: "gbsa")), etag);
        var updated = await response.Read<ClusterDto>();
        Assert.Equal("새 이름", updated.NameKo);
        Assert.Equal("gbsa", updated.Operator.Code);
        Assert.Null(updated.NameEn); // whole replace: omitted optional fields are cleared
        Assert.Empty(updated.Specializations);
        Assert.Equal("\"2\"", response.ETag());
        Assert.True(updated.UpdatedAt >= cluster.UpdatedAt);
    }

    [ApiFact]
    public async Task ReplaceCluster_UnknownId_Returns404()
    {
        await (await Client.Send(HttpMethod.Put, "/api/v1/clusters/987654321", Http.Body(Replacement("없음")), "\"1\""))
            .Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task ReplaceCluster_InvalidBodyOrArchivedStatus_Returns400AndWritesNothing()
    {
        var (cluster, etag) = await Create();
        var problem = await (await Client.Send(HttpMethod.Put, $"/api/v1/clusters/{cluster.Id}",
            Http.Body(new { nameKo = "보관", region = "seoul", operatorCode = "kbiohealth", status = "archived" }), etag))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("status", problem.Errors().Keys);
        var current = await Client.GetAsync($"/api/v1/clusters/{cluster.Id}");
        Assert.Equal(etag, current.ETag());
    }

    [ApiFact]
    public async Task ReplaceCluster_FiftyParallelWritesWithOneETag_ExactlyOneWins()
    {
        var (cluster, etag) = await Create();
        var tasks = Enumerable.Range(0, 50).Select(i =>
            Client.Send(HttpMethod.Put, $"/api/v1/clusters/{cluster.Id}", Http.Body(Replacement($"동시 변경 {i}")), etag));
        var responses = await Task.WhenAll(tasks);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var current = await Client.GetAsync($"/api/v1/clusters/{cluster.Id}");
        Assert.Equal("\"2\"", current.ETag());
    }

    [ApiFact]
    public async Task ArchiveCluster_NeedsIfMatch_ThenLeavesDefaultListButStaysReadable()
    {
        var (cluster, etag) = await Create();
        await (await Client.Send(HttpMethod.Delete, $"/api/v1/clusters/{cluster.Id}")).Problem(HttpStatusCode.PreconditionRequired);
        await (await Client.Send(HttpMethod.Delete, $"/api/v1/clusters/{cluster.Id}", ifMatch: "\"99\"")).Problem(HttpStatusCode.PreconditionFailed);

        var archived = await Client.Send(HttpMethod.Delete, $"/api/v1/clusters/{cluster.Id}", ifMatch: etag);
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);

        var fetched = await (await Client.GetAsync($"/api/v1/clusters/{cluster.Id}")).Read<ClusterDto>();
        Assert.Equal(ClusterStatus.Archived, fetched.Status);
        var active = await (await Client.GetAsync($"/api/v1/clusters?q={cluster.Code}")).Read<Page<ClusterDto>>();
        Assert.Empty(active.Items);
        var withArchived = await (await Client.GetAsync($"/api/v1/clusters?q={cluster.Code}&status=archived")).Read<Page<ClusterDto>>();
        Assert.Single(withArchived.Items);

        await (await Client.Send(HttpMethod.Delete, "/api/v1/clusters/987654321", ifMatch: "\"1\"")).Problem(HttpStatusCode.NotFound);
    }
}

public sealed class ClustersApiTests(SqliteApiFactory factory) : ClustersApiSuite(factory), IClassFixture<SqliteApiFactory>;

[SqlServerSuite]
public sealed class ClustersApiSqlServerTests(SqlServerApiFactory factory) : ClustersApiSuite(factory), IClassFixture<SqlServerApiFactory>;
