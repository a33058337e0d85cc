using System.Net;
using System.Text.Json;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Actors;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;
using BioCluster.Contracts.SiteProjects;

namespace BioCluster.Api.Tests.Features.Actors;

/// <summary>Innovation actors (partner search, counts by sector, places in clusters) and site projects, through HTTP on SQLite.</summary>
public sealed class ActorsAndSiteProjectsTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private readonly HttpClient _admin = factory.Client();

    private async Task<long> IdOf(string path) =>
        JsonDocument.Parse(await (await _admin.GetAsync(path)).Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();

    /// <summary>A new company with a sector, placed in <paramref name="clusterCode"/> through the actor endpoints.</summary>
    private async Task<(long Id, string Code)> NewActor(string clusterCode, string sector, string specialization, string region, string nameKo = "시험 바이오 기업")
    {
        var code = Http.Unique("act");
        var created = await _admin.PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo, kind = "company", sector }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Read<AgencyDto>()).Id;
        var profiled = await _admin.Send(HttpMethod.Put, $"/api/v1/actors/{id}/profile",
            Http.Body(new { sector, specializations = new[] { specialization }, region }), created.ETag());
        Assert.Equal(HttpStatusCode.OK, profiled.StatusCode);
        var cluster = await IdOf($"/api/v1/clusters/by-code/{clusterCode}");
        var placed = await _admin.PutAsync($"/api/v1/clusters/{cluster}/actors/{id}", null);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        return (id, code);
    }

    [Fact]
    public async Task Seed_GwanggyoHasItsActorsAndTheBioSiteDevelopedByGh()
    {
        var actors = await (await _admin.GetAsync("/api/v1/actors?clusterCode=gwanggyo&limit=200")).Read<Page<ActorDto>>();
        foreach (var code in new[] { "gbsa", "gyeonggi-bio-center", "aict", "kanc", "ajou-medical-center" })
            Assert.Contains(actors.Items, a => a.Code == code);
        var ajou = actors.Items.Single(a => a.Code == "ajou-medical-center");
        Assert.Equal(("아주대학교병원", Sector.Hospital, Region.Gyeonggi), (ajou.NameKo, ajou.Sector, ajou.Region));
        Assert.Contains(ajou.Clusters, c => c.Code == "gwanggyo");

        var gh = await (await _admin.GetAsync("/api/v1/agencies/by-code/gh")).Read<AgencyDto>();
        Assert.Equal("경기주택도시공사", gh.NameKo);
        var projects = await (await _admin.GetAsync("/api/v1/site-projects?clusterCode=gwanggyo")).Read<Page<SiteProjectDto>>();
        var site = Assert.Single(projects.Items, p => p.NameKo == "광교테크노밸리 바이오 부지 개발");
        Assert.Equal("경기도 수원시 영통구 이의동 919", site.Address);
        Assert.Equal((25000d, 145000d, 4, 16), (site.LandAreaM2!.Value, site.FloorAreaM2!.Value, site.FloorsBelow!.Value, site.FloorsAbove!.Value));
        Assert.Equal("gh", site.Developer?.Code);
        Assert.Equal("gwanggyo", site.Cluster.Code);
    }

    [Fact]
    public async Task PartnerSearch_FiltersBySectorSpecializationClusterRegionAndText()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (_, hospital) = await NewActor("osong", "hospital", $"임상시험{marker}", "chungbuk", $"오송 병원 {marker}");
        var (_, company) = await NewActor("osong", "industry", $"바이오의약품{marker}", "chungbuk", $"오송 기업 {marker}");
        var (_, songdo) = await NewActor("songdo", "industry", $"바이오의약품{marker}", "incheon", $"송도 기업 {marker}");

        async Task<string[]> Codes(string query) =>
            (await (await _admin.GetAsync($"/api/v1/actors?{query}&limit=200")).Read<Page<ActorDto>>()).Items.Select(a => a.Code).ToArray();

        Assert.Equal(new[] { company, songdo }.Order(), (await Codes($"specialization={Uri.EscapeDataString("의약품" + marker)}")).Order());
        Assert.Equal(3, (await Codes($"q={marker}")).Length);
        Assert.Equal([company], await Codes($"q={marker}&sector=industry&clusterCode=osong"));
        Assert.Equal([songdo], await Codes($"q={marker}&region=incheon"));
        Assert.Equal([hospital], await Codes($"q={marker}&sector=hospital"));
        Assert.Empty(await Codes($"q={marker}&clusterCode=wonju"));

        // Keyset paging: two pages of one, then none, without repeats.
        var first = await (await _admin.GetAsync($"/api/v1/actors?q={marker}&limit=2&sort=code")).Read<Page<ActorDto>>();
        Assert.Equal(3, first.TotalCount);
        var second = await (await _admin.GetAsync($"/api/v1/actors?q={marker}&limit=2&sort=code&cursor={Uri.EscapeDataString(first.NextCursor!)}")).Read<Page<ActorDto>>();
        Assert.Null(second.NextCursor);
        Assert.Equal(3, first.Items.Concat(second.Items).Select(a => a.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("sector=pharma")]
    [InlineData("region=atlantis")]
    [InlineData("sort=website")]
    [InlineData("limit=0")]
    public async Task PartnerSearch_BadQuery_Is400(string query) =>
        await (await _admin.GetAsync($"/api/v1/actors?{query}")).Problem(HttpStatusCode.BadRequest);

    [Fact]
    public async Task SectorCounts_TallyActiveActorsPerCluster()
    {
        ClusterSectorCountsDto Wonju(IReadOnlyList<ClusterSectorCountsDto> all) => all.Single(c => c.Cluster.Code == "wonju");
        var before = Wonju(await (await _admin.GetAsync("/api/v1/actors/sector-counts")).Read<List<ClusterSectorCountsDto>>());
        await NewActor("wonju", "industry", "의료기기", "gangwon");
        await NewActor("wonju", "industry", "의료기기", "gangwon");
        var (hospitalId, _) = await NewActor("wonju", "hospital", "임상", "gangwon");
        var after = Assert.Single(await (await _admin.GetAsync("/api/v1/actors/sector-counts?clusterCode=wonju")).Read<List<ClusterSectorCountsDto>>());
        Assert.Equal((before.Industry + 2, before.Hospital + 1, before.Total + 3), (after.Industry, after.Hospital, after.Total));

        // An archived agency is no longer counted.
        var etag = (await _admin.GetAsync($"/api/v1/agencies/{hospitalId}")).ETag();
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Send(HttpMethod.Delete, $"/api/v1/agencies/{hospitalId}", null, etag)).StatusCode);
        var archived = Assert.Single(await (await _admin.GetAsync("/api/v1/actors/sector-counts?clusterCode=wonju")).Read<List<ClusterSectorCountsDto>>());
        Assert.Equal(before.Hospital, archived.Hospital);
    }

    [Fact]
    public async Task AddAndRemoveActor_IsAuditedOnTheCluster_AndAnOperatorOnlyChangesItsOwnClusters()
    {
        var (id, code) = await NewActor("songdo", "academia", "바이오공정", "incheon");
        var osong = await IdOf("/api/v1/clusters/by-code/osong");
        var songdo = await IdOf("/api/v1/clusters/by-code/songdo");
        var kbio = await factory.AsRole("cluster_operator", "kbiohealth");

        // KBIOHealth operates osong: it may place the actor there (twice is no change), not take it out of songdo.
        var placed = await kbio.PutAsync($"/api/v1/clusters/{osong}/actors/{id}", null);
        Assert.Equal(HttpStatusCode.OK, placed.StatusCode);
        Assert.Equal(["osong", "songdo"], (await placed.Read<ActorDto>()).Clusters.Select(c => c.Code).Order());
        Assert.Equal(HttpStatusCode.OK, (await kbio.PutAsync($"/api/v1/clusters/{osong}/actors/{id}", null)).StatusCode);
        await (await kbio.DeleteAsync($"/api/v1/clusters/{songdo}/actors/{id}")).Problem(HttpStatusCode.NotFound);

        var history = await _admin.GetStringAsync($"/api/v1/clusters/{osong}/history?limit=50");
        Assert.Contains("\"add_actor\"", history);
        Assert.Contains(code, history);

        Assert.Equal(HttpStatusCode.NoContent, (await kbio.DeleteAsync($"/api/v1/clusters/{osong}/actors/{id}")).StatusCode);
        Assert.Contains("remove_actor", await _admin.GetStringAsync($"/api/v1/clusters/{osong}/history?limit=50"));
        var actor = await (await _admin.GetAsync($"/api/v1/actors/{id}")).Read<ActorDto>();
        Assert.Equal(["songdo"], actor.Clusters.Select(c => c.Code));
        await (await kbio.DeleteAsync($"/api/v1/clusters/{osong}/actors/{id}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AddActor_WithoutASector_Is400_AndWritesNothing()
    {
        var osong = await IdOf("/api/v1/clusters/by-code/osong");
        var mfds = await IdOf("/api/v1/agencies/by-code/mfds");
        var before = await _admin.GetStringAsync($"/api/v1/clusters/{osong}/history?limit=200");
        var problem = await (await _admin.PutAsync($"/api/v1/clusters/{osong}/actors/{mfds}", null)).Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors().ContainsKey("sector"));
        Assert.Equal(before, await _admin.GetStringAsync($"/api/v1/clusters/{osong}/history?limit=200"));
        await (await _admin.PutAsync($"/api/v1/clusters/{osong}/actors/999999", null)).Problem(HttpStatusCode.NotFound);
        await (await _admin.PutAsync($"/api/v1/clusters/999999/actors/{mfds}", null)).Problem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"sector":"pharma"}""")]
    [InlineData("""{"specializations":["x"]}""")]
    [InlineData("""{"sector":"industry","region":"atlantis"}""")]
    [InlineData("""{"sector":"industry","specializations":[""]}""")]
    public async Task ActorProfile_BadInput_IsAProblemAndWritesNothing(string json)
    {
        var (id, _) = await NewActor("osong", "industry", "체외진단", "chungbuk");
        var before = await (await _admin.GetAsync($"/api/v1/actors/{id}")).Read<ActorDto>();
        var etag = (await _admin.GetAsync($"/api/v1/actors/{id}")).ETag();
        await (await _admin.Send(HttpMethod.Put, $"/api/v1/actors/{id}/profile", Http.Raw(json), etag)).Problem(HttpStatusCode.BadRequest);
        var after = await (await _admin.GetAsync($"/api/v1/actors/{id}")).Read<ActorDto>();
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        await (await _admin.Send(HttpMethod.Put, $"/api/v1/actors/{id}/profile", Http.Body(new { sector = "research" }))).Problem(HttpStatusCode.PreconditionRequired);
    }

    private static object Project(string clusterCode, string nameKo) => new
    {
        clusterCode, nameKo, state = "design", address = "충청북도 청주시 흥덕구 오송읍", latitude = 36.63, longitude = 127.33,
        landAreaM2 = 12000.5, floorAreaM2 = 48000, floorsBelow = 2, floorsAbove = 10, developerCode = "gh", description = "시험 사업",
        stages = new object[]
        {
            new { nameKo = "설계", plannedStart = "2026-01-01", plannedEnd = "2026-06-30", actualStart = "2026-02-01" },
            new { nameKo = "착공", nameEn = "Groundbreaking", plannedStart = "2026-09-01" },
        },
    };

    [Fact]
    public async Task SiteProjects_CreateReplaceDelete_WithStages_Audited()
    {
        var created = await _admin.PostAsync("/api/v1/site-projects", Http.Body(Project("osong", "오송 바이오 지원센터")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await created.Read<SiteProjectDto>();
        Assert.Equal(["설계", "착공"], project.Stages.Select(s => s.NameKo));
        Assert.Equal(new DateOnly(2026, 2, 1), project.Stages[0].ActualStart);
        Assert.Equal(SiteProjectState.Design, project.State);
        Assert.Equal("gh", project.Developer?.Code);

        var replaced = await _admin.Send(HttpMethod.Put, $"/api/v1/site-projects/{project.Id}", Http.Body(new
        {
            nameKo = "오송 바이오 지원센터", state = "construction", floorsAbove = 12,
            stages = new object[] { new { nameKo = "착공", actualStart = "2026-09-15" } },
        }), created.ETag());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var after = await replaced.Read<SiteProjectDto>();
        Assert.Equal((SiteProjectState.Construction, 12, 1, (string?)null), (after.State, after.FloorsAbove!.Value, after.Stages.Count, after.Developer?.Code));
        await (await _admin.Send(HttpMethod.Put, $"/api/v1/site-projects/{project.Id}", Http.Body(new { nameKo = "오송", state = "planned" }), created.ETag()))
            .Problem(HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Send(HttpMethod.Delete, $"/api/v1/site-projects/{project.Id}", null, replaced.ETag())).StatusCode);
        await (await _admin.GetAsync($"/api/v1/site-projects/{project.Id}")).Problem(HttpStatusCode.NotFound);
        var audit = await _admin.GetStringAsync($"/api/v1/audit?entityType=site_project&entityId={project.Id}&limit=10");
        foreach (var action in new[] { "\"create\"", "\"update\"", "\"delete\"" }) Assert.Contains(action, audit);
    }

    [Theory]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"demolished"}""")]
    [InlineData("""{"clusterCode":"osong","state":"planned"}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","floorsBelow":-1}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","landAreaM2":0}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","latitude":91}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","stages":[{"nameKo":"설계","plannedStart":"2026-05-01","plannedEnd":"2026-04-01"}]}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","stages":[{"nameKo":"설계","plannedStart":"not a date"}]}""")]
    [InlineData("""{"clusterCode":"nowhere","nameKo":"오송 사업","state":"planned"}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","developerCode":"nobody"}""")]
    [InlineData("""{"clusterCode":"osong","nameKo":"오송 사업","state":"planned","extra":1}""")]
    public async Task CreateSiteProject_BadInput_IsAProblemAndWritesNothing(string json)
    {
        var before = (await (await _admin.GetAsync("/api/v1/site-projects?limit=1")).Read<Page<SiteProjectDto>>()).TotalCount;
        await (await _admin.PostAsync("/api/v1/site-projects", Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(before, (await (await _admin.GetAsync("/api/v1/site-projects?limit=1")).Read<Page<SiteProjectDto>>()).TotalCount);
    }

    [Fact]
    public async Task SiteProjects_AnOperatorKeepsOnlyItsOwnClusters()
    {
        var kbio = await factory.AsRole("cluster_operator", "kbiohealth");
        var own = await kbio.PostAsync("/api/v1/site-projects", Http.Body(Project("osong", "오송 운영기관 사업")));
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        await (await kbio.PostAsync("/api/v1/site-projects", Http.Body(Project("songdo", "송도 사업")))).Problem(HttpStatusCode.Forbidden);

        var gwanggyo = (await (await _admin.GetAsync("/api/v1/site-projects?clusterCode=gwanggyo")).Read<Page<SiteProjectDto>>()).Items[0];
        var etag = (await _admin.GetAsync($"/api/v1/site-projects/{gwanggyo.Id}")).ETag();
        await (await kbio.Send(HttpMethod.Put, $"/api/v1/site-projects/{gwanggyo.Id}", Http.Body(new { nameKo = "바뀐 이름", state = "on_hold" }), etag))
            .Problem(HttpStatusCode.NotFound);
        await (await kbio.Send(HttpMethod.Delete, $"/api/v1/site-projects/{gwanggyo.Id}", null, etag)).Problem(HttpStatusCode.NotFound);
        Assert.Equal(gwanggyo.NameKo, (await (await _admin.GetAsync($"/api/v1/site-projects/{gwanggyo.Id}")).Read<SiteProjectDto>()).NameKo);

        var viewer = await factory.AsRole("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/site-projects", Http.Body(Project("osong", "열람자 사업")))).StatusCode);
    }

    [Fact]
    public async Task ActorsExport_CsvAndXlsx_HaveKoreanHeadersAndKoreanFileNames()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (_, code) = await NewActor("innopolis", "research", $"유전체{marker}", "daejeon", $"대덕 연구소 {marker}");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd");

        var xlsx = await _admin.GetAsync($"/api/v1/actors/export.xlsx?q={marker}");
        Assert.Equal($"혁신주체_{today}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = SheetFiles.ReadXlsx(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(Columns.Actors.Select(c => (string?)c.Korean), rows[0]);
        var row = Assert.Single(rows.Skip(1));
        int At(string name) => Columns.Actors.Select(c => c.Name).ToList().IndexOf(name);
        Assert.Equal(code, row[At("code")]);
        Assert.Equal("연구", row[At("sector")]);
        Assert.Equal("innopolis", row[At("clusterCodes")]);

        var csv = await _admin.GetAsync($"/api/v1/actors/export.csv?q={marker}");
        Assert.Equal($"혁신주체_{today}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith(string.Join(",", Columns.Actors.Select(c => c.Korean)), text.TrimStart('\uFEFF'));
    }
}

/// <summary>The actor import through the import engine: Korean headers, dry run, all-or-nothing.</summary>
public sealed class ActorImportTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static (int Rows, int Created, int Updated, int Unchanged, int Rejected) Totals(JsonElement report)
    {
        var t = report.GetProperty("totals");
        return (t.GetProperty("rows").GetInt32(), t.GetProperty("created").GetInt32(), t.GetProperty("updated").GetInt32(),
            t.GetProperty("unchanged").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    private async Task<Page<ActorDto>> Search(string q) =>
        await (await factory.Client().GetAsync($"/api/v1/actors?q={q}&limit=200")).Read<Page<ActorDto>>();

    [Fact]
    public async Task ActorImport_DryRunWritesNothing_RealRunPlacesInClusters_RerunIsUnchanged()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var csv = "코드,국문명,유형,부문,전문분야,지역,클러스터코드\r\n"
            + $"imp-a-{marker},수입 바이오 {marker},기업,산,항체;세포치료,충북,osong\r\n"
            + $"imp-b-{marker},수입 대학 {marker},대학,학,바이오공정,인천,songdo;osong\r\n";
        var client = factory.Client();
        var dry = await Features.Imports.ImportsApiTests.Report(await client.PostAsync("/api/v1/imports/actors?dryRun=true",
            Features.Imports.ImportsApiTests.Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(dry));
        Assert.Empty((await Search(marker)).Items);

        var real = await Features.Imports.ImportsApiTests.Report(await client.PostAsync("/api/v1/imports/actors", Features.Imports.ImportsApiTests.Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(real));
        var found = await Search(marker);
        var b = found.Items.Single(a => a.Code == $"imp-b-{marker}");
        Assert.Equal((Sector.Academia, Region.Incheon), (b.Sector!.Value, b.Region!.Value));
        Assert.Equal(["osong", "songdo"], b.Clusters.Select(c => c.Code).Order());
        Assert.Equal(["항체", "세포치료"], found.Items.Single(a => a.Code == $"imp-a-{marker}").Specializations);

        var again = await Features.Imports.ImportsApiTests.Report(await client.PostAsync("/api/v1/imports/actors", Features.Imports.ImportsApiTests.Csv(csv)));
        Assert.Equal((2, 0, 0, 2, 0), Totals(again));
    }

    [Fact]
    public async Task AnAgencyGivenAHomeCluster_ByTheFormOrTheImport_IsLocatedThere()
    {
        // The form: created with a home cluster, then moved to another one; it stays in both (leaving is ActorStore's).
        var code = Http.Unique("home");
        var created = await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo = "본거지 시험 기업", kind = "company", sector = "industry", clusterCode = "osong" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var agency = await created.Read<AgencyDto>();
        Assert.Equal(["osong"], (await Search(code)).Items.Single().Clusters.Select(c => c.Code));
        var moved = await factory.Client().Send(HttpMethod.Put, $"/api/v1/agencies/{agency.Id}",
            Http.Body(new { nameKo = "본거지 시험 기업", kind = "company", sector = "industry", clusterCode = "songdo" }), created.ETag());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(["osong", "songdo"], (await Search(code)).Items.Single().Clusters.Select(c => c.Code).Order());

        // The import: new rows with a home cluster are located there; a row without one is not an actor anywhere.
        var marker = Guid.NewGuid().ToString("N")[..8];
        var csv = "코드,국문명,유형,부문,클러스터코드\r\n"
            + $"home-a-{marker},본거지 수입 {marker} 가,기업,산업,osong\r\n"
            + $"home-b-{marker},본거지 수입 {marker} 나,기업,산업,\r\n";
        var real = await Features.Imports.ImportsApiTests.Report(await factory.Client().PostAsync("/api/v1/imports/agencies",
            Features.Imports.ImportsApiTests.Csv(csv)));
        Assert.Equal((2, 2, 0, 0, 0), Totals(real));
        var placed = (await Search(marker)).Items;
        Assert.Equal(["osong"], placed.Single(a => a.Code == $"home-a-{marker}").Clusters.Select(c => c.Code));
        Assert.DoesNotContain(placed, a => a.Code == $"home-b-{marker}" && a.Clusters.Count > 0);
    }

    [Fact]
    public async Task ActorImport_ABadRow_RejectsTheWholeFile()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var csv = "코드,국문명,유형,부문,클러스터코드\r\n"
            + $"rej-a-{marker},거절 시험 {marker},기업,산,osong\r\n"
            + $"rej-b-{marker},거절 시험 {marker},기업,,osong\r\n"
            + $"rej-c-{marker},거절 시험 {marker},기업,산,nowhere\r\n";
        var failed = await Features.Imports.ImportsApiTests.Report(await factory.Client().PostAsync("/api/v1/imports/actors",
            Features.Imports.ImportsApiTests.Csv(csv)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rejected", failed.GetProperty("outcome").GetString());
        Assert.Equal(2, Totals(failed).Rejected);
        Assert.Empty((await Search(marker)).Items);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync($"/api/v1/agencies/by-code/rej-a-{marker}")).StatusCode);
    }
}
