using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>What a caller may do to which record: their own clusters, their own agency's keys.</summary>
public sealed class ObjectLevelTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static object Profile(ClusterDto c, string nameKo, string? operatorCode = null) => new
    {
        nameKo,
        region = WireNames(c.Region),
        operatorCode = operatorCode ?? c.Operator.Code,
        status = "active",
        nameEn = c.NameEn,
        designation = c.Designation,
        specializations = c.Specializations,
    };

    private static string WireNames(Region r) => JsonNamingPolicy.SnakeCaseLower.ConvertName(r.ToString());

    private static async Task<(ClusterDto Cluster, string ETag)> Read(HttpClient client, string code)
    {
        var response = await client.GetAsync($"/api/v1/clusters/by-code/{code}");
        return (await response.Read<ClusterDto>(), response.ETag());
    }

    [Fact]
    public async Task ClusterOperator_EditsItsOwnCluster()
    {
        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        var (osong, etag) = await Read(operatorClient, "osong");
        var response = await operatorClient.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Body(Profile(osong, "오송첨단의료복합단지")), etag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ClusterOperator_CannotChangeAnotherCluster_404AndNothingWritten()
    {
        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        var (songdo, etag) = await Read(operatorClient, "songdo");
        await (await operatorClient.Send(HttpMethod.Put, $"/api/v1/clusters/{songdo.Id}", Http.Body(Profile(songdo, "빼앗은 이름")), etag))
            .Problem(HttpStatusCode.NotFound);
        var (after, afterETag) = await Read(factory.Client(), "songdo");
        Assert.Equal(songdo.NameKo, after.NameKo);
        Assert.Equal(etag, afterETag);
    }

    [Fact]
    public async Task ClusterOperator_CannotRestoreAClusterTheSecretariatArchived_403AndNothingWritten()
    {
        var admin = factory.Client();
        var code = Http.Unique("rest");
        var created = await admin.PostAsync("/api/v1/clusters", Http.Body(new { code, nameKo = "보관 후 복원 시험", region = "chungbuk", operatorCode = "kbiohealth" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Read<ClusterDto>()).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Send(HttpMethod.Delete, $"/api/v1/clusters/{id}", ifMatch: created.ETag())).StatusCode);

        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        var (archived, etag) = await Read(operatorClient, code);
        Assert.Equal(ClusterStatus.Archived, archived.Status);
        await (await operatorClient.Send(HttpMethod.Put, $"/api/v1/clusters/{id}", Http.Body(Profile(archived, "다시 살린 이름")), etag))
            .Problem(HttpStatusCode.Forbidden);
        var (after, afterETag) = await Read(admin, code);
        Assert.Equal((ClusterStatus.Archived, archived.NameKo, etag), (after.Status, after.NameKo, afterETag));
    }

    [Fact]
    public async Task ClusterOperator_CannotChangeItsOwnClustersStatus_ButMayEditItWithTheStatusUnchanged()
    {
        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        var (osong, etag) = await Read(operatorClient, "osong");
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Profile(osong, osong.NameKo)))!;
        body["status"] = "under_development";
        await (await operatorClient.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Raw(body.ToJsonString()), etag)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(etag, (await Read(factory.Client(), "osong")).ETag);
        // The secretariat may.
        var secretariat = await factory.AsRole("secretariat", "mohw");
        var changed = await secretariat.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Raw(body.ToJsonString()), etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        body["status"] = "active";
        Assert.Equal(HttpStatusCode.OK, (await secretariat.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Raw(body.ToJsonString()), changed.ETag())).StatusCode);
    }

    [Fact]
    public async Task ClusterOperator_CannotHandItsClusterToAnotherOperator()
    {
        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        var (osong, etag) = await Read(operatorClient, "osong");
        var problem = await (await operatorClient.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Body(Profile(osong, "오송", "ifez")), etag))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("operatorCode", problem.Errors().Keys);
    }

    [Fact]
    public async Task ClusterOperator_CannotCreateOrArchiveClustersOrTouchAgencies()
    {
        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        var (osong, etag) = await Read(operatorClient, "osong");
        await (await operatorClient.Send(HttpMethod.Delete, $"/api/v1/clusters/{osong.Id}", ifMatch: etag)).Problem(HttpStatusCode.Forbidden);
        await (await operatorClient.PostAsync("/api/v1/clusters", Http.Body(new { code = "mine", nameKo = "내 클러스터", region = "seoul", operatorCode = "kbiohealth" })))
            .Problem(HttpStatusCode.Forbidden);
        await (await operatorClient.PostAsync("/api/v1/agencies", Http.Body(new { code = "mine2", nameKo = "내 기관", kind = "company" })))
            .Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OperatorKeyWithWrite_EditsOnlyItsOwnCluster()
    {
        var key = await factory.WithKey("kbiohealth", "read", "write");
        var (osong, etag) = await Read(key, "osong");
        Assert.Equal(HttpStatusCode.OK, (await key.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Body(Profile(osong, "오송첨단의료복합단지")), etag)).StatusCode);
        var (wonju, wonjuETag) = await Read(key, "wonju");
        await (await key.Send(HttpMethod.Put, $"/api/v1/clusters/{wonju.Id}", Http.Body(Profile(wonju, "원주")), wonjuETag)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task KeyWithoutWrite_CannotWrite()
    {
        var key = await factory.WithKey("mohw", "read");
        await (await key.PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("ro"), nameKo = "읽기 전용", kind = "company" })))
            .Problem(HttpStatusCode.Forbidden);
        var (osong, etag) = await Read(key, "osong");
        await (await key.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Body(Profile(osong, "바꿈")), etag)).Problem(HttpStatusCode.Forbidden);
        var writeOnly = await factory.WithKey("mohw", "write");
        await (await writeOnly.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task MinistryReviewer_CannotEditClusters()
    {
        var reviewer = await factory.AsRole("ministry_reviewer", "mfds");
        var (osong, etag) = await Read(reviewer, "osong");
        await (await reviewer.Send(HttpMethod.Put, $"/api/v1/clusters/{osong.Id}", Http.Body(Profile(osong, "바꿈")), etag)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ClusterOperator_SeesOnlyItsOwnAgencysKeys()
    {
        var own = JsonDocument.Parse(await (await factory.Client().PostAsync("/api/v1/api-keys",
            Http.Body(new { agencyCode = "kbiohealth", name = "오송 통계", scopes = new[] { "read" } }))).Content.ReadAsStringAsync()).RootElement;
        var others = JsonDocument.Parse(await (await factory.Client().PostAsync("/api/v1/api-keys",
            Http.Body(new { agencyCode = "ifez", name = "송도 통계", scopes = new[] { "read" } }))).Content.ReadAsStringAsync()).RootElement;
        var ownId = own.GetProperty("key").GetProperty("id").GetInt64();
        var otherId = others.GetProperty("key").GetProperty("id").GetInt64();

        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/v1/api-keys/{ownId}")).StatusCode);
        await (await operatorClient.GetAsync($"/api/v1/api-keys/{otherId}")).Problem(HttpStatusCode.NotFound);
        var list = JsonDocument.Parse(await operatorClient.GetStringAsync("/api/v1/api-keys?limit=200")).RootElement.GetProperty("items");
        Assert.Contains(list.EnumerateArray(), k => k.GetProperty("id").GetInt64() == ownId);
        Assert.All(list.EnumerateArray(), k => Assert.Equal("kbiohealth", k.GetProperty("agency").GetProperty("code").GetString()));
        // Seeing is not managing.
        var etag = (await operatorClient.GetAsync($"/api/v1/api-keys/{ownId}")).ETag();
        await (await operatorClient.Send(HttpMethod.Delete, $"/api/v1/api-keys/{ownId}", ifMatch: etag)).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UserRoles_NeedTheRightKindOfAgency()
    {
        foreach (var (role, agency) in new[] { ("ministry_reviewer", (string?)null), ("ministry_reviewer", "kbiohealth"), ("cluster_operator", "mfds"), ("cluster_operator", "nowhere") })
        {
            var response = await factory.Client().PostAsync("/api/v1/users",
                Http.Body(new { username = $"r{Guid.NewGuid():N}"[..12], displayName = "역할 시험", role, password = ApiFactory.UserPassword, agencyCode = agency }));
            Assert.Contains("agencyCode", (await response.Problem(HttpStatusCode.BadRequest)).Errors().Keys);
        }
    }

    [Fact]
    public async Task Admin_CannotDemoteOrDisableThemselves()
    {
        var me = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/auth/me")).RootElement.GetProperty("id").GetInt64();
        var current = await factory.Client().GetAsync($"/api/v1/users/{me}");
        await (await factory.Client().Send(HttpMethod.Put, $"/api/v1/users/{me}",
            Http.Body(new { displayName = "관리자", role = "viewer", status = "active" }), current.ETag())).Problem(HttpStatusCode.BadRequest);
    }
}
