using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.CollaborationProjects;
using BioCluster.Contracts.Common;

namespace BioCluster.Api.Tests.Features.CollaborationProjects;

/// <summary>
/// Collaboration projects (협력 사업, issue 20 item 3) through HTTP on SQLite: created from a meeting's decision between two
/// clusters, edited with If-Match, partners added and removed, moved through the workflow, exported, audited; the refusals.
/// </summary>
public sealed class CollaborationProjectsApiTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private const string Path = "/api/v1/collaboration-projects";
    private readonly HttpClient _admin = factory.Client();

    private static object NewProject(string title = "오송·송도 바이오의약품 공동 생산 실증", object[]? partners = null, long? itemId = null, long? budget = 1_200_000_000,
        string? externalRef = null) => new
    {
        titleKo = title,
        titleEn = "Joint biologics manufacturing pilot",
        summary = "두 클러스터의 생산 시설을 공동으로 활용해 바이오의약품 위탁 생산을 실증한다.",
        partners = partners ?? new object[]
        {
            new { clusterCode = "osong", role = "lead" },
            new { clusterCode = "songdo", role = "partner" },
            new { agencyCode = "mohw", role = "funder" },
        },
        startsOn = "2027-01-01",
        endsOn = "2028-12-31",
        budgetKrw = budget,
        sourceAgendaItemId = itemId,
        externalRef,
    };

    private static async Task<(CollaborationProjectDto Body, string ETag)> Read(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Read<CollaborationProjectDto>(), response.ETag());
    }

    private async Task<(CollaborationProjectDto Body, string ETag)> Create(HttpClient? client = null, object? body = null) =>
        await Read(await (client ?? _admin).PostAsync(Path, Http.Body(body ?? NewProject())), HttpStatusCode.Created);

    private async Task<int> AuditCount() =>
        (await _admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?entityType=collaboration_project&limit=1")).GetProperty("totalCount").GetInt32();

    private async Task<long> ProjectCount() =>
        (await _admin.GetFromJsonAsync<JsonElement>($"{Path}?limit=1")).GetProperty("totalCount").GetInt64();

    private async Task<(long MeetingId, long ItemId)> LaunchItem()
    {
        var list = await _admin.GetFromJsonAsync<JsonElement>("/api/v1/meetings?state=held");
        var first = list.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("number").ValueKind == JsonValueKind.Number && m.GetProperty("number").GetInt32() == 1);
        var meetingId = first.GetProperty("id").GetInt64();
        var meeting = await _admin.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meetingId}");
        return (meetingId, meeting.GetProperty("agenda").EnumerateArray().First().GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task CreateFromADecision_ReadWithETag_ListedByClusterAndMeeting()
    {
        var (meetingId, itemId) = await LaunchItem();
        var (created, etag) = await Create(body: NewProject(itemId: itemId));
        Assert.Equal(CollaborationState.Planned, created.State);
        Assert.Equal(1_200_000_000, created.BudgetKrw);
        Assert.Equal((meetingId, itemId), (created.Source!.MeetingId, created.Source.AgendaItemId!.Value));
        Assert.Equal(["cluster:osong:lead", "cluster:songdo:partner", "agency:mohw:funder"],
            created.Partners.Select(p => $"{p.Kind.ToString().ToLowerInvariant()}:{p.Code}:{p.Role.ToString().ToLowerInvariant()}"));
        Assert.True(created.MayEdit);
        Assert.Contains(CollaborationState.InProgress, created.AllowedMoves);

        var got = await _admin.GetAsync($"{Path}/{created.Id}");
        Assert.Equal(etag, got.ETag());

        var songdo = (await _admin.GetFromJsonAsync<JsonElement>("/api/v1/clusters/by-code/songdo")).GetProperty("id").GetInt64();
        var byId = await (await _admin.GetAsync($"{Path}?clusterId={songdo}&limit=200")).Read<Page<CollaborationProjectDto>>();
        Assert.Contains(byId.Items, p => p.Id == created.Id);
        var byItem = await (await _admin.GetAsync($"{Path}?agendaItemId={itemId}&limit=200")).Read<Page<CollaborationProjectDto>>();
        Assert.Contains(byItem.Items, p => p.Id == created.Id);
        var byAgency = await (await _admin.GetAsync($"{Path}?agencyCode=mohw&state=planned&q={Uri.EscapeDataString("공동 생산")}")).Read<Page<CollaborationProjectDto>>();
        Assert.Contains(byAgency.Items, p => p.Id == created.Id);
        var none = await (await _admin.GetAsync($"{Path}?clusterCode=wonju&limit=200")).Read<Page<CollaborationProjectDto>>();
        Assert.DoesNotContain(none.Items, p => p.Id == created.Id);
    }

    [Fact]
    public async Task ListPaging_KeysetPagesWithoutRepeats()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 3; i++) await Create(body: NewProject(title: $"페이지 시험 {marker} {i}"));
        var first = await (await _admin.GetAsync($"{Path}?q={marker}&limit=2&sort=titleKo")).Read<Page<CollaborationProjectDto>>();
        Assert.Equal(3, first.TotalCount);
        var second = await (await _admin.GetAsync($"{Path}?q={marker}&limit=2&sort=titleKo&cursor={Uri.EscapeDataString(first.NextCursor!)}"))
            .Read<Page<CollaborationProjectDto>>();
        Assert.Null(second.NextCursor);
        Assert.Equal(3, first.Items.Concat(second.Items).Select(p => p.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("state=done")]
    [InlineData("sort=budget")]
    [InlineData("limit=0")]
    [InlineData("clusterId=0")]
    public async Task List_BadQuery_Is400(string query) =>
        await (await _admin.GetAsync($"{Path}?{query}")).Problem(HttpStatusCode.BadRequest);

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"titleKo":"x","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","role":"lead"}]}""", "titleKo" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[]}""", "partners" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"agencyCode":"mohw","role":"funder"}]}""", "partners" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","agencyCode":"mohw","role":"lead"}]}""", "partners[0].clusterCode" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"atlantis","role":"lead"}]}""", "partners" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","role":"lead"},{"clusterCode":"songdo","role":"lead"}]}""", "partners" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","role":"lead"}],"budgetKrw":-1}""", "budgetKrw" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","role":"lead"}],"startsOn":"2027-05-01","endsOn":"2027-01-01"}""", "endsOn" },
        { """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","role":"lead"}],"sourceAgendaItemId":999999}""", "sourceAgendaItemId" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Create_BadInput_Is400_AndWritesNothing(string json, string field)
    {
        var (projects, audits) = (await ProjectCount(), await AuditCount());
        var problem = await (await _admin.PostAsync(Path, Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors().Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal((projects, audits), (await ProjectCount(), await AuditCount()));
    }

    [Fact]
    public async Task Create_UnknownProperty_Is400()
    {
        var json = """{"titleKo":"협력 사업","summary":"충분히 긴 개요입니다.","partners":[{"clusterCode":"osong","role":"lead"}],"state":"completed"}""";
        await (await _admin.PostAsync(Path, Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Replace_NeedsIfMatch_AndAStaleOneIs412_WritingNothing()
    {
        var (created, etag) = await Create();
        var edit = new { titleKo = "고친 사업명", summary = "고친 개요입니다. 충분히 깁니다.", budgetKrw = 5_000_000L, startsOn = "2027-02-01" };
        await (await _admin.Send(HttpMethod.Put, $"{Path}/{created.Id}", Http.Body(edit))).Problem(HttpStatusCode.PreconditionRequired);
        var (edited, newTag) = await Read(await _admin.Send(HttpMethod.Put, $"{Path}/{created.Id}", Http.Body(edit), etag));
        Assert.Equal(("고친 사업명", 5_000_000L), (edited.TitleKo, edited.BudgetKrw!.Value));
        Assert.Null(edited.EndsOn);
        Assert.NotEqual(etag, newTag);
        var audits = await AuditCount();
        await (await _admin.Send(HttpMethod.Put, $"{Path}/{created.Id}", Http.Body(edit with { }), etag)).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(audits, await AuditCount());
        await (await _admin.Send(HttpMethod.Put, $"{Path}/999999", Http.Body(edit), etag)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Partners_AddedAndRemoved_TheLastClusterStays()
    {
        var (created, etag) = await Create(body: NewProject(partners: [new { clusterCode = "osong", role = "lead" }]));
        var (added, etag2) = await Read(await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/partners",
            Http.Body(new { agencyCode = "kbiohealth", role = "partner" }), etag));
        Assert.Equal(2, added.Partners.Count);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/partners", Http.Body(new { agencyCode = "kbiohealth", role = "advisor" }), etag2))
            .Problem(HttpStatusCode.Conflict);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/partners", Http.Body(new { clusterCode = "songdo", role = "lead" }), etag2))
            .Problem(HttpStatusCode.BadRequest);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/partners", Http.Body(new { clusterCode = "songdo", role = "partner" }), etag))
            .Problem(HttpStatusCode.PreconditionFailed);

        var osong = added.Partners.Single(p => p.Code == "osong");
        await (await _admin.Send(HttpMethod.Delete, $"{Path}/{created.Id}/partners/{osong.PartnerId}", null, etag2)).Problem(HttpStatusCode.Conflict);
        var kbio = added.Partners.Single(p => p.Code == "kbiohealth");
        var (removed, _) = await Read(await _admin.Send(HttpMethod.Delete, $"{Path}/{created.Id}/partners/{kbio.PartnerId}", null, etag2));
        Assert.Equal(["osong"], removed.Partners.Select(p => p.Code));

        var history = await _admin.GetStringAsync($"{Path}/{created.Id}/history?limit=50");
        Assert.Contains("\"add_partner\"", history);
        Assert.Contains("\"remove_partner\"", history);
    }

    [Fact]
    public async Task Workflow_StartSuspendResumeComplete_WithOutcomes_AndClosedAfterwards()
    {
        var (created, etag) = await Create();
        async Task<(CollaborationProjectDto, string)> Move(object body, string tag) =>
            await Read(await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(body), tag));

        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "completed", outcomes = "성과입니다." }), etag))
            .Problem(HttpStatusCode.Conflict);
        var (started, t1) = await Move(new { to = "in_progress" }, etag);
        Assert.Equal(CollaborationState.InProgress, started.State);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "suspended" }), t1))
            .Problem(HttpStatusCode.BadRequest);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "in_progress", reason = "쓰지 않는 항목" }), t1))
            .Problem(HttpStatusCode.Conflict);
        var (suspended, t2) = await Move(new { to = "suspended", reason = "예산 조정으로 잠시 멈춤" }, t1);
        Assert.Equal("예산 조정으로 잠시 멈춤", suspended.StateNote);
        var (resumed, t3) = await Move(new { to = "in_progress" }, t2);
        Assert.Null(resumed.StateNote);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "completed" }), t3)).Problem(HttpStatusCode.BadRequest);
        var (completed, t4) = await Move(new { to = "completed", outcomes = "위탁 생산 3건, 공동 특허 1건" }, t3);
        Assert.Equal((CollaborationState.Completed, "위탁 생산 3건, 공동 특허 1건"), (completed.State, completed.Outcomes));
        Assert.Empty(completed.AllowedMoves);
        await (await _admin.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "cancelled", reason = "취소합니다." }), t4))
            .Problem(HttpStatusCode.Conflict);
        Assert.Contains("transition:completed", await _admin.GetStringAsync($"{Path}/{created.Id}/history?limit=50"));
    }

    [Fact]
    public async Task Operators_WriteOnlyProjectsOfTheirClusters_AndOnlyTheSecretariatCancels()
    {
        var kbio = await factory.AsRole("cluster_operator", "kbiohealth"); // operates osong
        var gbsa = await factory.AsRole("cluster_operator", "gbsa"); // operates gwanggyo
        var viewer = await factory.AsRole("viewer");
        var projects = await ProjectCount();
        await (await gbsa.PostAsync(Path, Http.Body(NewProject()))).Problem(HttpStatusCode.Forbidden);
        await (await viewer.PostAsync(Path, Http.Body(NewProject()))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(projects, await ProjectCount());

        var (created, etag) = await Create(kbio);
        Assert.True(created.MayEdit);
        var seenByGbsa = await (await gbsa.GetAsync($"{Path}/{created.Id}")).Read<CollaborationProjectDto>();
        Assert.False(seenByGbsa.MayEdit);
        Assert.Empty(seenByGbsa.MoveForms);
        Assert.False((await (await viewer.GetAsync($"{Path}/{created.Id}")).Read<CollaborationProjectDto>()).MayEdit);
        var edit = new { titleKo = "남의 사업", summary = "고칠 수 없는 개요입니다." };
        await (await gbsa.Send(HttpMethod.Put, $"{Path}/{created.Id}", Http.Body(edit), etag)).Problem(HttpStatusCode.Forbidden);
        await (await gbsa.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "in_progress" }), etag)).Problem(HttpStatusCode.Forbidden);

        var (started, t1) = await Read(await kbio.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "in_progress" }), etag));
        Assert.DoesNotContain(CollaborationState.Cancelled, started.AllowedMoves);
        await (await kbio.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions", Http.Body(new { to = "cancelled", reason = "운영기관이 취소" }), t1))
            .Problem(HttpStatusCode.Forbidden);
        var secretariat = await factory.AsRole("secretariat");
        var (cancelled, _) = await Read(await secretariat.Send(HttpMethod.Post, $"{Path}/{created.Id}/transitions",
            Http.Body(new { to = "cancelled", reason = "협의체 결정으로 취소" }), t1));
        Assert.Equal(CollaborationState.Cancelled, cancelled.State);
    }

    [Fact]
    public async Task ExternalRef_IsUnique()
    {
        var key = Http.Unique("cp");
        await Create(body: NewProject(externalRef: key));
        var projects = await ProjectCount();
        await (await _admin.PostAsync(Path, Http.Body(NewProject(externalRef: key)))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(projects, await ProjectCount());
    }

    [Fact]
    public async Task Export_CsvAndXlsx_CarryKoreanHeadersAndThePartners()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await Create(body: NewProject(title: $"내보내기 {marker}"));
        var csv = await _admin.GetAsync($"{Path}/export.csv?q={marker}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("사업명", text);
        Assert.Contains("cluster:osong:lead;cluster:songdo:partner;agency:mohw:funder", text);
        Assert.Contains("1200000000", text);
        var xlsx = await _admin.GetAsync($"{Path}/export.xlsx?q={marker}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Documents_AttachToAProject_ByItsKeepersOnly()
    {
        var kbio = await factory.AsRole("cluster_operator", "kbiohealth");
        var gbsa = await factory.AsRole("cluster_operator", "gbsa");
        var (created, _) = await Create();
        HttpContent File()
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent("협약서 본문"u8.ToArray());
            file.Headers.ContentType = new("text/plain");
            form.Add(file, "file", "협약서.txt");
            return form;
        }
        Assert.Equal(HttpStatusCode.Created, (await kbio.PostAsync($"{Path}/{created.Id}/documents", File())).StatusCode);
        await (await gbsa.PostAsync($"{Path}/{created.Id}/documents", File())).Problem(HttpStatusCode.Forbidden);
        var list = await gbsa.GetFromJsonAsync<JsonElement>($"{Path}/{created.Id}/documents");
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
        await (await gbsa.GetAsync($"{Path}/999999/documents")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_Unknown_Is404() => await (await _admin.GetAsync($"{Path}/999999")).Problem(HttpStatusCode.NotFound);
}
