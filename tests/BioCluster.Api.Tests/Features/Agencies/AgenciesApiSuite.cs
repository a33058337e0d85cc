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
