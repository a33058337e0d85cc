using System.Net;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Tests.Features.Agencies;

/// <summary>The agencies API, through HTTP, run once per database provider.</summary>
public abstract class AgenciesApiSuite(ApiFactory factory)
{
    protected readonly HttpClient Client = factory.Client();

    private async Task<(AgencyDto Agency, string ETag)> Create(string kind = "company", string? sector = "industry", string? parentCode = null)
    {
        var response = await Client.PostAsync("/api/v1/agencies", Http.Body(new
        {
            code = Http.Unique("a"),
            nameKo = "테스트 바이오 기업",
            nameEn = "Test Bio Co.",
            kind,
            sector,
            parentCode,
            website = "https://bio.example.kr",
        }));
        return (await response.Read<AgencyDto>(), response.ETag());
    }

    private static object Replacement(string nameKo, string kind = "company", string? parentCode = null) =>
        new { nameKo, kind, sector = "industry", parentCode };

    [ApiFact]
    public async Task ListAgencies_Seeded_HasMinistriesOperatorsAndPublicAgencies()
    {
        var page = await (await Client.GetAsync("/api/v1/agencies?limit=200")).Read<Page<AgencyDto>>();
        foreach (var code in new[] { "mohw", "motie", "msit", "mss", "moe", "mfds", "ifez", "kmedihub", "kbiohealth", "innopolis", "gbsa", "wmit", "khidi", "kiat", "tipa", "kbsi", "kribb" })
            Assert.Contains(page.Items, a => a.Code == code);
        Assert.Equal("식품의약품안전처", page.Items.Single(a => a.Code == "mfds").NameKo);
    }

    [ApiFact]
    public async Task ListAgencies_FilterByKind_ListsOperatorsWithTheirClusters()
    {
        var operators = await (await Client.GetAsync("/api/v1/agencies?kind=cluster_operator&limit=200")).Read<Page<AgencyDto>>();
        Assert.All(operators.Items, a => Assert.Equal(AgencyKind.ClusterOperator, a.Kind));
        var kbio = operators.Items.Single(a => a.Code == "kbiohealth");
        Assert.Contains(kbio.OperatedClusters, c => c.Code == "osong");

        var ministries = await (await Client.GetAsync("/api/v1/agencies?kind=ministry")).Read<Page<AgencyDto>>();
        Assert.Equal(6, ministries.Items.Count(a => new[] { "mohw", "motie", "msit", "mss", "moe", "mfds" }.Contains(a.Code)));
        Assert.All(ministries.Items, a => Assert.Empty(a.OperatedClusters));
    }

    [ApiFact]
    public async Task ListAgencies_FilterBySectorAndQ()
    {
        var research = await (await Client.GetAsync("/api/v1/agencies?sector=research&limit=200")).Read<Page<AgencyDto>>();
        Assert.Contains(research.Items, a => a.Code == "kribb");
        Assert.All(research.Items, a => Assert.Equal(Sector.Research, a.Sector));

        var q = await (await Client.GetAsync("/api/v1/agencies?q=" + Uri.EscapeDataString("식품의약품"))).Read<Page<AgencyDto>>();
        Assert.Equal(["mfds"], q.Items.Select(a => a.Code));
    }

    [ApiFact]
    public async Task ListAgencies_BadKindOrLimit_Returns400()
    {
        var problem = await (await Client.GetAsync("/api/v1/agencies?kind=alien&sector=space&limit=500")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("kind", problem.Errors().Keys);
        Assert.Contains("sector", problem.Errors().Keys);
        Assert.Contains("limit", problem.Errors().Keys);
    }

    [ApiFact]
    public async Task ListAgencies_PagesCoverEveryAgencyOnce()
    {
        for (var i = 0; i < 12; i++) await Create();
        var seen = new List<long>();
        string? cursor = null;
        int total;
        do
        {
            var page = await (await Client.GetAsync("/api/v1/agencies?limit=5&sort=-nameKo" + (cursor is null ? "" : $"&cursor={cursor}"))).Read<Page<AgencyDto>>();
            total = page.TotalCount;
            seen.AddRange(page.Items.Select(a => a.Id));
            cursor = page.NextCursor;
        } while (cursor is not null);
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [ApiFact]
    public async Task GetAgency_ByIdAndCode_ShowsOperatedClustersAndETag()
    {
        var byCode = await Client.GetAsync("/api/v1/agencies/by-code/kbiohealth");
        var agency = await byCode.Read<AgencyDto>();
        Assert.Contains(agency.OperatedClusters, c => c.Code == "osong");
        var byId = await Client.GetAsync($"/api/v1/agencies/{agency.Id}");
        Assert.Equal(byCode.ETag(), byId.ETag());
        await (await Client.GetAsync("/api/v1/agencies/987654321")).Problem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/agencies/by-code/nobody")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task CreateAgency_WithParent_Returns201AndShowsParent()
    {
        var (agency, etag) = await Create(kind: "research_institute", sector: "research", parentCode: "msit");
        Assert.Equal("\"1\"", etag);
        Assert.Equal("msit", agency.Parent?.Code);
        Assert.Equal(Sector.Research, agency.Sector);
    }

    [ApiFact]
    public async Task CreateAgency_DuplicateCode_Returns409()
    {
        await (await Client.PostAsync("/api/v1/agencies", Http.Body(new { code = "mfds", nameKo = "중복", kind = "ministry" })))
            .Problem(HttpStatusCode.Conflict);
    }

    [ApiFact]
    public async Task CreateAgency_InvalidFields_Returns400WithCamelCaseKeys()
    {
        var problem = await (await Client.PostAsync("/api/v1/agencies", Http.Body(new
        {
            code = "x",
            nameKo = "English only",
            kind = "company",
            website = "not a url",
            parentCode = "NOPE",
        }))).Problem(HttpStatusCode.BadRequest);
        var errors = problem.Errors();
        foreach (var key in new[] { "code", "nameKo", "website", "parentCode" })
            Assert.True(errors.ContainsKey(key), $"no error for {key}: {string.Join(",", errors.Keys)}");

        var kind = await (await Client.PostAsync("/api/v1/agencies", Http.Raw("""{"code":"bad-kind","nameKo":"종류 오류","kind":"spaceship"}""")))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("kind", kind.Errors().Keys);
        var sector = await (await Client.PostAsync("/api/v1/agencies", Http.Raw("""{"code":"bad-sector","nameKo":"부문 오류","kind":"company","sector":"farming"}""")))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("sector", sector.Errors().Keys);
        var parent = await (await Client.PostAsync("/api/v1/agencies", Http.Raw("""{"code":"orphan-x","nameKo":"부모 없음","kind":"company","parentCode":"no-such-parent"}""")))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("parentCode", parent.Errors().Keys);
    }

    [ApiFact]
    public async Task ReplaceAgency_ParentLoop_Returns400AndWritesNothing()
    {
        var (parent, parentETag) = await Create();
        var (child, _) = await Create(parentCode: parent.Code);
        var problem = await (await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{parent.Id}", Http.Body(Replacement("순환", parentCode: child.Code)), parentETag))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("parentCode", problem.Errors().Keys);
        var self = await (await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{parent.Id}", Http.Body(Replacement("자기 자신", parentCode: parent.Code)), parentETag))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("parentCode", self.Errors().Keys);
        Assert.Equal(parentETag, (await Client.GetAsync($"/api/v1/agencies/{parent.Id}")).ETag());
    }

    [ApiFact]
    public async Task ReplaceAgency_IfMatchRules_428_412_200()
    {
        var (agency, etag) = await Create();
        await (await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{agency.Id}", Http.Body(Replacement("변경")))).Problem(HttpStatusCode.PreconditionRequired);
        await (await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{agency.Id}", Http.Body(Replacement("변경")), "\"7\"")).Problem(HttpStatusCode.PreconditionFailed);
        var ok = await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{agency.Id}", Http.Body(Replacement("변경된 기업")), etag);
        Assert.Equal("변경된 기업", (await ok.Read<AgencyDto>()).NameKo);
        Assert.Equal("\"2\"", ok.ETag());
        await (await Client.Send(HttpMethod.Put, "/api/v1/agencies/987654321", Http.Body(Replacement("없음")), "\"1\"")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task ReplaceAgency_OperatorThatRunsClustersCannotChangeKind()
    {
        var current = await Client.GetAsync("/api/v1/agencies/by-code/wmit");
        var wmit = await current.Read<AgencyDto>();
        var problem = await (await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{wmit.Id}", Http.Body(Replacement("원주", kind: "company")), current.ETag()))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("kind", problem.Errors().Keys);
    }

    [ApiFact]
    public async Task ArchiveAgency_StillOperatingClusters_Returns409AndWritesNothing()
    {
        var current = await Client.GetAsync("/api/v1/agencies/by-code/ifez");
        var ifez = await current.Read<AgencyDto>();
        await (await Client.Send(HttpMethod.Delete, $"/api/v1/agencies/{ifez.Id}", ifMatch: current.ETag())).Problem(HttpStatusCode.Conflict);
        var after = await Client.GetAsync($"/api/v1/agencies/{ifez.Id}");
        Assert.Equal(RecordStatus.Active, (await after.Read<AgencyDto>()).Status);
        Assert.Equal(current.ETag(), after.ETag());
    }

    [ApiFact]
    public async Task ArchiveAgency_Unused_Returns204AndLeavesDefaultList()
    {
        var (agency, etag) = await Create();
        await (await Client.Send(HttpMethod.Delete, $"/api/v1/agencies/{agency.Id}")).Problem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.Send(HttpMethod.Delete, $"/api/v1/agencies/{agency.Id}", ifMatch: etag)).StatusCode);
        Assert.Equal(RecordStatus.Archived, (await (await Client.GetAsync($"/api/v1/agencies/{agency.Id}")).Read<AgencyDto>()).Status);
        Assert.Empty((await (await Client.GetAsync($"/api/v1/agencies?q={agency.Code}")).Read<Page<AgencyDto>>()).Items);
    }

    private async Task<AgencyDto> CreateActor(string kind, string sector, string? clusterCode)
    {
        var response = await Client.PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("actor"), nameKo = "혁신 주체", kind, sector, clusterCode }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Read<AgencyDto>();
    }

    private async Task<System.Text.Json.JsonElement> LatestAudit(long agencyId) =>
        (await (await Client.GetAsync($"/api/v1/audit?entityType=agency&entityId={agencyId}&limit=1")).Read<System.Text.Json.JsonElement>())
            .GetProperty("items")[0];

    [ApiFact]
    public async Task CreateAgency_WithClusterCode_IsLocatedInTheClusterAndAudited()
    {
        var actor = await CreateActor("university", "academia", "osong");
        Assert.Equal("osong", actor.Cluster?.Code);
        Assert.Equal("오송첨단의료복합단지", actor.Cluster?.NameKo);

        var fetched = await (await Client.GetAsync($"/api/v1/agencies/{actor.Id}")).Read<AgencyDto>();
        Assert.Equal(actor.Cluster, fetched.Cluster);
        var byCode = await (await Client.GetAsync($"/api/v1/agencies/by-code/{actor.Code}")).Read<AgencyDto>();
        Assert.Equal("osong", byCode.Cluster?.Code);

        var entry = await LatestAudit(actor.Id);
        Assert.Equal("create", entry.GetProperty("action").GetString());
        Assert.Equal("osong", entry.GetProperty("after").GetProperty("cluster").GetProperty("code").GetString());

        var (plain, _) = await Create();
        Assert.Null(plain.Cluster);
    }

    [ApiFact]
    public async Task CreateAgency_UnknownOrMalformedClusterCode_Returns400OnClusterCodeAndWritesNothing()
    {
        foreach (var clusterCode in new[] { "no-such-cluster", "NOT A CODE" })
        {
            var code = Http.Unique("lost");
            var problem = await (await Client.PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo = "길 잃은 기업", kind = "company", clusterCode })))
                .Problem(HttpStatusCode.BadRequest);
            Assert.Contains("clusterCode", problem.Errors().Keys);
            await (await Client.GetAsync($"/api/v1/agencies/by-code/{code}")).Problem(HttpStatusCode.NotFound);
        }
    }

    [ApiFact]
    public async Task ReplaceAgency_ClusterCode_MovesOrClearsTheClusterWithBeforeAndAfterInTheAudit()
    {
        var actor = await CreateActor("hospital", "hospital", "osong");
        var current = await Client.GetAsync($"/api/v1/agencies/{actor.Id}");

        var moved = await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{actor.Id}",
            Http.Body(new { nameKo = "혁신 병원", kind = "hospital", sector = "hospital", clusterCode = "wonju" }), current.ETag());
        Assert.Equal("wonju", (await moved.Read<AgencyDto>()).Cluster?.Code);
        var entry = await LatestAudit(actor.Id);
        Assert.Equal("osong", entry.GetProperty("before").GetProperty("cluster").GetProperty("code").GetString());
        Assert.Equal("wonju", entry.GetProperty("after").GetProperty("cluster").GetProperty("code").GetString());

        var unknown = await (await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{actor.Id}",
            Http.Body(new { nameKo = "혁신 병원", kind = "hospital", clusterCode = "atlantis" }), moved.ETag())).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("clusterCode", unknown.Errors().Keys);
        Assert.Equal(moved.ETag(), (await Client.GetAsync($"/api/v1/agencies/{actor.Id}")).ETag());

        // PUT is a whole replace: leaving clusterCode out takes the agency out of its cluster.
        var cleared = await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{actor.Id}",
            Http.Body(new { nameKo = "혁신 병원", kind = "hospital", sector = "hospital" }), moved.ETag());
        Assert.Null((await cleared.Read<AgencyDto>()).Cluster);
    }

    [ApiFact]
    public async Task CreateAgency_InArchivedCluster_Returns400ButAnAgencyAlreadyThereStaysEditable()
    {
        var clusterCode = Http.Unique("gone");
        var cluster = await Client.PostAsync("/api/v1/clusters", Http.Body(new { code = clusterCode, nameKo = "사라질 클러스터", region = "seoul", operatorCode = "kbiohealth" }));
        Assert.Equal(HttpStatusCode.Created, cluster.StatusCode);
        var actor = await CreateActor("company", "industry", clusterCode);
        var clusterId = (await cluster.Read<ClusterDto>()).Id;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.Send(HttpMethod.Delete, $"/api/v1/clusters/{clusterId}", ifMatch: cluster.ETag())).StatusCode);

        var problem = await (await Client.PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("late"), nameKo = "늦은 기업", kind = "company", clusterCode })))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("clusterCode", problem.Errors().Keys);

        var current = await Client.GetAsync($"/api/v1/agencies/{actor.Id}");
        var renamed = await Client.Send(HttpMethod.Put, $"/api/v1/agencies/{actor.Id}",
            Http.Body(new { nameKo = "이름 바꾼 기업", kind = "company", sector = "industry", clusterCode }), current.ETag());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
    }

    [ApiFact]
    public async Task ListAgencies_FilterByClusterCode_ListsTheClustersInnovationActors()
    {
        var clusterCode = Http.Unique("hub");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync("/api/v1/clusters",
            Http.Body(new { code = clusterCode, nameKo = "혁신 클러스터", region = "gyeonggi", operatorCode = "gbsa" }))).StatusCode);
        var company = await CreateActor("company", "industry", clusterCode);
        var university = await CreateActor("university", "academia", clusterCode);
        await CreateActor("research_institute", "research", "osong");

        var page = await (await Client.GetAsync($"/api/v1/agencies?clusterCode={clusterCode}")).Read<Page<AgencyDto>>();
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(new[] { company.Id, university.Id }.Order(), page.Items.Select(a => a.Id).Order());
        Assert.All(page.Items, a => Assert.Equal(clusterCode, a.Cluster?.Code));

        var universities = await (await Client.GetAsync($"/api/v1/agencies?clusterCode={clusterCode}&kind=university")).Read<Page<AgencyDto>>();
        Assert.Equal([university.Id], universities.Items.Select(a => a.Id));
        var none = await (await Client.GetAsync("/api/v1/agencies?clusterCode=no-such-cluster")).Read<Page<AgencyDto>>();
        Assert.Equal(0, none.TotalCount);
        var tooLong = await (await Client.GetAsync($"/api/v1/agencies?clusterCode={new string('x', 201)}")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("clusterCode", tooLong.Errors().Keys);
    }

    [ApiFact]
    public async Task CreateAgency_BadJsonUnknownPropertyOrWrongMediaType_Is4xx()
    {
        await (await Client.PostAsync("/api/v1/agencies", Http.Raw("{\"code\":"))).Problem(HttpStatusCode.BadRequest);
        var unknown = await (await Client.PostAsync("/api/v1/agencies", Http.Raw("""{"code":"extra-prop","nameKo":"추가","kind":"company","status":"archived"}""")))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("status", unknown.Errors().Keys);
        await (await Client.PostAsync("/api/v1/agencies", Http.Raw("<xml/>", "application/xml"))).Problem(HttpStatusCode.UnsupportedMediaType);
    }
}

public sealed class AgenciesApiTests(SqliteApiFactory factory) : AgenciesApiSuite(factory), IClassFixture<SqliteApiFactory>;

[SqlServerSuite]
public sealed class AgenciesApiSqlServerTests(SqlServerApiFactory factory) : AgenciesApiSuite(factory), IClassFixture<SqlServerApiFactory>;
