using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Features.ReferenceData;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Tests.Features.Registry;

/// <summary>
/// The full registry officials route to: the seeded central government, and archiving and unarchiving agencies and
/// clusters with what archiving means for routing and raising issues. Through HTTP on SQLite.
/// </summary>
public sealed class RegistryTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    private readonly HttpClient _admin = factory.Client();

    private static HttpRequestMessage English(HttpRequestMessage request)
    {
        request.Headers.AcceptLanguage.ParseAdd("en");
        return request;
    }

    private async Task<(AgencyDto Agency, string ETag)> CreateAgency(string kind = "ministry")
    {
        var response = await _admin.PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("gov"), nameKo = "테스트부", nameEn = "Ministry of Tests", kind }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<AgencyDto>(), response.ETag());
    }

    private async Task<string> ArchiveAgency(long id, string etag)
    {
        var response = await _admin.Send(HttpMethod.Delete, $"/api/v1/agencies/{id}", ifMatch: etag);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return response.ETag();
    }

    [Fact]
    public async Task Seed_EveryCentralGovernmentAgency_IsPresentRoutableWithKoreanAndEnglishNames()
    {
        var page = await (await _admin.GetAsync("/api/v1/agencies?kind=ministry&limit=200")).Read<Page<AgencyDto>>();
        foreach (var seed in GovernmentAgencies.All)
        {
            var agency = Assert.Single(page.Items, a => a.Code == seed.Code);
            Assert.Equal(seed.NameKo, agency.NameKo);
            Assert.False(string.IsNullOrWhiteSpace(agency.NameEn));
            Assert.Equal(seed.NameEn, agency.NameEn);
            Assert.Equal(AgencyKind.Ministry, agency.Kind);
            Assert.Equal(RecordStatus.Active, agency.Status);
            Assert.Equal(seed.ParentCode, agency.Parent?.Code);
        }
        // The ones the issue names, by the names they have had since the 2025 reorganisation.
        foreach (var (code, nameKo) in new[] { ("molit", "국토교통부"), ("mofe", "재정경제부"), ("mpb", "기획예산처"), ("moel", "고용노동부"),
                     ("pipc", "개인정보보호위원회"), ("mcee", "기후에너지환경부"), ("mois", "행정안전부"), ("kdca", "질병관리청") })
            Assert.Equal(nameKo, page.Items.Single(a => a.Code == code).NameKo);
        // The council's members keep their codes and names.
        Assert.Equal("산업통상자원부", page.Items.Single(a => a.Code == "motie").NameKo);
        Assert.Equal("식품의약품안전처", page.Items.Single(a => a.Code == "mfds").NameKo);

        var codes = ReferenceData.Agencies.Select(a => a.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var namesKo = ReferenceData.Agencies.Select(a => a.NameKo).ToList();
        Assert.Equal(namesKo.Count, namesKo.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z][a-z0-9-]{1,39}$", c));
        // A parent is seeded before its children.
        Assert.All(ReferenceData.Agencies.Select((a, i) => (a, i)).Where(x => x.a.ParentCode is not null),
            x => Assert.True(codes.IndexOf(x.a.ParentCode!) is var p && p >= 0 && p < x.i, $"{x.a.Code}'s parent comes later"));
    }

    [Fact]
    public async Task AnIssue_CanBeRoutedToMolit_WithMoelAndPipcAsCoMinistries()
    {
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"));
        var moved = await IssuesFactory.Move(await factory.Party("mohw"), id,
            new { to = "under_review", leadMinistryCode = "molit", coMinistryCodes = new[] { "moel", "pipc" }, comment = "토지 이용 규제" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var issue = JsonNode.Parse(await moved.Content.ReadAsStringAsync())!;
        Assert.Equal("molit", issue["leadMinistry"]!["code"]!.GetValue<string>());
        Assert.Equal(["moel", "pipc"], issue["coMinistries"]!.AsArray().Select(m => m!["code"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task ArchivedMinistry_IsRefusedAsLeadOrCoMinistry_InKoreanAndEnglish_UntilUnarchived()
    {
        var (ministry, etag) = await CreateAgency();
        var archivedETag = await ArchiveAgency(ministry.Id, etag);
        var secretariat = await factory.Party("mohw");
        var (id, _) = await factory.Raise(await factory.Party("kbiohealth"));

        var korean = await (await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = ministry.Code }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("보관되지 않은 부처", Assert.Single(korean.Errors()["leadMinistryCode"]));
        var english = await (await secretariat.SendAsync(English(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/regulatory-issues/{id}/transitions")
        {
            Content = Http.Body(new { to = "under_review", leadMinistryCode = "mfds", coMinistryCodes = new[] { ministry.Code } }),
            Headers = { { "If-Match", await IssuesFactory.ETagOf(secretariat, id) } },
        }))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("not archived", Assert.Single(english.Errors()["coMinistryCodes"]));
        // Nothing was written: the issue still waits to be routed.
        var still = JsonNode.Parse(await (await secretariat.GetAsync($"/api/v1/regulatory-issues/{id}")).Content.ReadAsStringAsync())!;
        Assert.Equal("submitted", still["status"]!.GetValue<string>());

        // The archived ministry leaves the default list and the routing picker's list, but is found when asked for.
        Assert.DoesNotContain((await (await _admin.GetAsync("/api/v1/agencies?kind=ministry&status=active&limit=200")).Read<Page<AgencyDto>>()).Items,
            a => a.Code == ministry.Code);
        Assert.Empty((await (await _admin.GetAsync($"/api/v1/agencies?q={ministry.Code}")).Read<Page<AgencyDto>>()).Items);
        Assert.Single((await (await _admin.GetAsync($"/api/v1/agencies?q={ministry.Code}&status=archived")).Read<Page<AgencyDto>>()).Items);

        var unarchived = await _admin.Send(HttpMethod.Post, $"/api/v1/agencies/{ministry.Id}/unarchive", ifMatch: archivedETag);
        Assert.Equal(HttpStatusCode.OK, unarchived.StatusCode);
        Assert.Equal(RecordStatus.Active, (await unarchived.Read<AgencyDto>()).Status);
        Assert.NotEqual(archivedETag, unarchived.ETag());
        var routed = await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = ministry.Code });
        Assert.Equal(HttpStatusCode.OK, routed.StatusCode);

        var audit = (await (await _admin.GetAsync($"/api/v1/audit?entityType=agency&entityId={ministry.Id}&limit=1")).Read<System.Text.Json.JsonElement>())
            .GetProperty("items")[0];
        Assert.Equal("unarchive", audit.GetProperty("action").GetString());
    }

    [Fact]
    public async Task UnarchiveAgency_NeedsIfMatch_RefusesStaleAndActive_AndWritesNothing()
    {
        var (agency, etag) = await CreateAgency("company");
        await (await _admin.Send(HttpMethod.Post, $"/api/v1/agencies/{agency.Id}/unarchive", ifMatch: etag)).Problem(HttpStatusCode.Conflict);
        var archivedETag = await ArchiveAgency(agency.Id, etag);
        await (await _admin.Send(HttpMethod.Post, $"/api/v1/agencies/{agency.Id}/unarchive")).Problem(HttpStatusCode.PreconditionRequired);
        await (await _admin.Send(HttpMethod.Post, $"/api/v1/agencies/{agency.Id}/unarchive", ifMatch: etag)).Problem(HttpStatusCode.PreconditionFailed);
        await (await _admin.Send(HttpMethod.Post, "/api/v1/agencies/999999999/unarchive", ifMatch: "\"1\"")).Problem(HttpStatusCode.NotFound);
        var after = await _admin.GetAsync($"/api/v1/agencies/{agency.Id}");
        Assert.Equal(RecordStatus.Archived, (await after.Read<AgencyDto>()).Status);
        Assert.Equal(archivedETag, after.ETag());
    }

    [Fact]
    public async Task ArchivedCluster_IsNotOfferedForNewIssues_AndComesBackWhenUnarchived_OnlyAfterItsOperator()
    {
        var (operatorAgency, operatorETag) = await CreateAgency("cluster_operator");
        var created = await _admin.PostAsync("/api/v1/clusters", Http.Body(new
        {
            code = Http.Unique("kc"), nameKo = "보관 시험 클러스터", region = "sejong", operatorCode = operatorAgency.Code,
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cluster = await created.Read<ClusterDto>();
        var archived = await _admin.Send(HttpMethod.Delete, $"/api/v1/clusters/{cluster.Id}", ifMatch: created.ETag());
        Assert.Equal(HttpStatusCode.NoContent, archived.StatusCode);

        var raiser = await factory.Party("mohw");
        var refused = await (await raiser.PostAsync("/api/v1/regulatory-issues", Http.Body(IssuesFactory.NewIssue(clusters: [cluster.Code]))))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("clusterCodes", refused.Errors().Keys);
        Assert.DoesNotContain((await (await _admin.GetAsync("/api/v1/clusters?limit=200")).Read<Page<ClusterDto>>()).Items, c => c.Code == cluster.Code);
        Assert.Contains((await (await _admin.GetAsync("/api/v1/clusters?status=archived&limit=200")).Read<Page<ClusterDto>>()).Items, c => c.Code == cluster.Code);

        // Its operator, now running no active cluster, may be archived; the cluster cannot come back without it.
        var operatorArchived = await ArchiveAgency(operatorAgency.Id, operatorETag);
        var clusterETag = (await _admin.GetAsync($"/api/v1/clusters/{cluster.Id}")).ETag();
        var problem = await (await _admin.Send(HttpMethod.Post, $"/api/v1/clusters/{cluster.Id}/unarchive", ifMatch: clusterETag)).Problem(HttpStatusCode.Conflict);
        Assert.Contains("운영기관", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _admin.Send(HttpMethod.Post, $"/api/v1/agencies/{operatorAgency.Id}/unarchive", ifMatch: operatorArchived)).StatusCode);
        var back = await _admin.Send(HttpMethod.Post, $"/api/v1/clusters/{cluster.Id}/unarchive", ifMatch: clusterETag);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(ClusterStatus.Active, (await back.Read<ClusterDto>()).Status);
        await (await _admin.Send(HttpMethod.Post, $"/api/v1/clusters/{cluster.Id}/unarchive", ifMatch: back.ETag())).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await raiser.PostAsync("/api/v1/regulatory-issues", Http.Body(IssuesFactory.NewIssue(clusters: [cluster.Code])))).StatusCode);
    }

    [Fact]
    public async Task Unarchive_IsTheSecretariatsAndAdminsOnly()
    {
        var (agency, etag) = await CreateAgency("company");
        var archivedETag = await ArchiveAgency(agency.Id, etag);
        var reviewer = await factory.Party("mfds");
        await (await reviewer.Send(HttpMethod.Post, $"/api/v1/agencies/{agency.Id}/unarchive", ifMatch: archivedETag)).Problem(HttpStatusCode.Forbidden);
        var secretariat = await factory.Party("mohw");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.Send(HttpMethod.Post, $"/api/v1/agencies/{agency.Id}/unarchive", ifMatch: archivedETag)).StatusCode);
    }

    [Fact]
    public async Task CreateAgencyOrCluster_CodedNew_Is400AtTheCode_InKoreanAndEnglish()
    {
        var agency = await (await _admin.PostAsync("/api/v1/agencies", Http.Body(new { code = "new", nameKo = "새 기관", kind = "company" })))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("등록 화면", Assert.Single(agency.Errors()["code"]));
        var request = English(new HttpRequestMessage(HttpMethod.Post, "/api/v1/clusters")
        {
            Content = Http.Body(new { code = "new", nameKo = "새 클러스터", region = "seoul", operatorCode = "kbiohealth" }),
        });
        var cluster = await (await _admin.SendAsync(request)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("reserved", Assert.Single(cluster.Errors()["code"]));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/v1/agencies/by-code/new")).StatusCode);
    }
}
