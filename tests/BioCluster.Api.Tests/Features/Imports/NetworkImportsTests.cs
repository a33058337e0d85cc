using System.Net;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.CollaborationProjects;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.SiteProjects;
using Dapper;
using static BioCluster.Api.Tests.Features.Imports.ImportsApiTests;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// The imports of issue 20 item 8 — site projects, collaboration projects, policy recommendations — through the one import
/// engine: Korean headers, dry run, all-or-nothing, the rejected rows sent back once fixed, thousands separators.
/// </summary>
public sealed class NetworkImportsTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private readonly HttpClient _admin = factory.Client();

    private async Task<long> Count(string sql, object? p = null)
    {
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>(sql, p);
    }

    private static (int Created, int Updated, int Unchanged, int Rejected) Totals(JsonElement report)
    {
        var t = report.GetProperty("totals");
        return (t.GetProperty("created").GetInt32(), t.GetProperty("updated").GetInt32(), t.GetProperty("unchanged").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task CollaborationProjects_KoreanHeaders_DryRunWritesNothing_ThousandsSeparators_ReRunUnchanged_ThenUpdated()
    {
        var key = Http.Unique("cp-imp");
        var csv = "외부참조,사업명,개요,협력기관,시작일,종료일,예산(원)\r\n" +
                  $"{key},오송·송도 공동 실증,두 클러스터가 공동으로 생산 실증을 한다.,클러스터:osong:주관;cluster:songdo:partner;agency:mohw:재원 지원,2027.01.01,2028-12-31,\"1,200,000,000\"\r\n";
        var dry = await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects?dryRun=true", Csv(csv)));
        Assert.Equal((1, 0, 0, 0), Totals(dry));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM collaboration_projects WHERE external_ref = @key", new { key }));

        Assert.Equal((1, 0, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects", Csv(csv)))));
        var page = await (await _admin.GetAsync($"/api/v1/collaboration-projects?q={Uri.EscapeDataString("오송·송도 공동 실증")}&limit=200")).Read<Page<CollaborationProjectDto>>();
        var project = Assert.Single(page.Items, p => p.ExternalRef == key);
        Assert.Equal((1_200_000_000L, CollaborationState.Planned, new DateOnly(2027, 1, 1)), (project.BudgetKrw!.Value, project.State, project.StartsOn!.Value));
        Assert.Equal(["osong:Lead", "songdo:Partner", "mohw:Funder"], project.Partners.Select(p => $"{p.Code}:{p.Role}"));
        Assert.Contains("\"create\"", await _admin.GetStringAsync($"/api/v1/collaboration-projects/{project.Id}/history"));

        Assert.Equal((0, 0, 1, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects", Csv(csv)))));
        var edited = csv.Replace("\"1,200,000,000\"", "1500000000").Replace(";agency:mohw:재원 지원", "");
        Assert.Equal((0, 1, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects", Csv(edited)))));
        var after = await (await _admin.GetAsync($"/api/v1/collaboration-projects/{project.Id}")).Read<CollaborationProjectDto>();
        Assert.Equal((1_500_000_000L, 2), (after.BudgetKrw!.Value, after.Partners.Count));
    }

    [Fact]
    public async Task CollaborationProjects_ABadRowRejectsAll_AndTheFixedRejectedRowsImport()
    {
        var (good, bad) = (Http.Unique("cp-good"), Http.Unique("cp-bad"));
        var csv = "externalRef,titleKo,summary,partners,budgetKrw\r\n" +
                  $"{good},좋은 협력 사업,올바른 행입니다. 충분히 깁니다.,cluster:osong:lead,\"5,000,000\"\r\n" +
                  $"{bad},나쁜 협력 사업,기관만 있는 행입니다. 충분히 깁니다.,agency:mohw:funder,12억\r\n";
        var failed = await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects", Csv(csv)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal((1, 0, 0, 1), Totals(failed));
        var problems = failed.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("column").GetString()).ToList();
        Assert.Contains("partners", problems);
        Assert.Contains("budgetKrw", problems);
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM collaboration_projects WHERE external_ref IN (@good, @bad)", new { good, bad }));

        // Skipping the bad row keeps the good one; the rejected row comes back as a file that imports once fixed.
        var skipped = await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects?onError=skip", Csv(csv)));
        Assert.Equal((1, 0, 0, 1), Totals(skipped));
        var rejected = Encoding.UTF8.GetString(await _admin.GetByteArrayAsync($"/api/v1/imports/{skipped.GetProperty("id").GetInt64()}/rejected-rows.csv"))
            .TrimStart('\uFEFF');
        Assert.Contains(bad, rejected);
        var fixedFile = rejected.Replace("agency:mohw:funder", "cluster:songdo:lead;agency:mohw:funder").Replace("12억", "1200000000");
        Assert.Equal((1, 0, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/collaboration_projects", Csv(fixedFile)))));
        Assert.Equal(1_200_000_000, await Count("SELECT budget_krw FROM collaboration_projects WHERE external_ref = @bad", new { bad }));
    }

    [Fact]
    public async Task SiteProjects_ImportWithStages_RoundTripThroughTheExport_AndStayInTheirCluster()
    {
        var key = Http.Unique("sp-imp");
        var csv = "외부참조,클러스터코드,사업명,상태,위치,대지면적(㎡),지상층수,시행기관코드,단계\r\n" +
                  $"{key},osong,오송 시험 생산동,설계,충북 청주시 오송읍,\"12,500\",5,gh,설계|2026-01-01|2026-06-30;공사|2026-07-01|2027-12-31\r\n";
        var dry = await Report(await _admin.PostAsync("/api/v1/imports/site_projects?dryRun=true", Csv(csv)));
        Assert.Equal((1, 0, 0, 0), Totals(dry));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM site_projects WHERE external_ref = @key", new { key }));
        Assert.Equal((1, 0, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/site_projects", Csv(csv)))));
        var projects = await (await _admin.GetAsync("/api/v1/site-projects?clusterCode=osong&limit=200")).Read<Page<SiteProjectDto>>();
        var project = Assert.Single(projects.Items, p => p.ExternalRef == key);
        Assert.Equal((SiteProjectState.Design, 12_500d, 2), (project.State, project.LandAreaM2!.Value, project.Stages.Count));

        // The export writes the import's columns: sent back unchanged, nothing changes.
        var exported = await _admin.GetStringAsync("/api/v1/site-projects/export.csv?clusterCode=osong");
        Assert.Contains("설계|2026-01-01|2026-06-30;공사|2026-07-01|2027-12-31", exported);
        var back = Totals(await Report(await _admin.PostAsync("/api/v1/imports/site_projects?dryRun=true", Csv(exported.TrimStart('\uFEFF')))));
        Assert.Equal(0, back.Rejected);
        Assert.Equal(0, back.Updated);
        var xlsx = await _admin.GetAsync("/api/v1/site-projects/export.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        var moved = csv.Replace($"{key},osong,", $"{key},songdo,");
        var refused = await Report(await _admin.PostAsync("/api/v1/imports/site_projects", Csv(moved)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(refused.GetProperty("problems").EnumerateArray(), p => p.GetProperty("column").GetString() == "clusterCode");
    }

    [Fact]
    public async Task PolicyRecommendations_ImportSubmitted_AndOnceRoutedAreNoLongerChangedByAnImport()
    {
        var key = Http.Unique("pr-imp");
        var csv = "외부참조,주제,내용,제기기관코드,주관부처코드,관계부처코드,클러스터코드\r\n" +
                  $"{key},임상시험 승인 기간 단축,다기관 임상시험 승인 기간을 줄이도록 절차를 정비해 주십시오.,kbiohealth,mfds,mohw,osong\r\n";
        Assert.Equal((1, 0, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/policy_recommendations?dryRun=true", Csv(csv)))));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM policy_recommendations WHERE external_ref = @key", new { key }));
        Assert.Equal((1, 0, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/policy_recommendations", Csv(csv)))));
        var id = await Count("SELECT id FROM policy_recommendations WHERE external_ref = @key", new { key });
        var rec = JsonDocument.Parse(await _admin.GetStringAsync($"/api/v1/policy-recommendations/{id}")).RootElement;
        Assert.Equal(("submitted", "mfds", "kbiohealth"), (rec.GetProperty("state").GetString(), rec.GetProperty("leadMinistry").GetProperty("code").GetString(),
            rec.GetProperty("raisedBy").GetProperty("code").GetString()));
        Assert.Single(JsonDocument.Parse(await _admin.GetStringAsync($"/api/v1/policy-recommendations/{id}/history")).RootElement.EnumerateArray());

        var edited = csv.Replace("임상시험 승인 기간 단축", "임상시험 승인 기간 단축 (수정)");
        Assert.Equal((0, 1, 0, 0), Totals(await Report(await _admin.PostAsync("/api/v1/imports/policy_recommendations", Csv(edited)))));

        var etag = (await _admin.GetAsync($"/api/v1/policy-recommendations/{id}")).ETag();
        Assert.Equal(HttpStatusCode.OK, (await _admin.Send(HttpMethod.Post, $"/api/v1/policy-recommendations/{id}/transitions", Http.Body(new { to = "routed" }), etag)).StatusCode);
        var refused = await Report(await _admin.PostAsync("/api/v1/imports/policy_recommendations", Csv(csv)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal((0, 0, 0, 1), Totals(refused));

        var badMinistry = csv.Replace(",mfds,", ",kbiohealth,");
        var bad = await Report(await _admin.PostAsync("/api/v1/imports/policy_recommendations?dryRun=true", Csv(badMinistry.Replace(key, Http.Unique("pr-x")))));
        Assert.Contains(bad.GetProperty("problems").EnumerateArray(), p => p.GetProperty("column").GetString() == "leadMinistryCode");
    }

    [Fact]
    public async Task Templates_HaveTheKoreanHeaders()
    {
        foreach (var (entity, header) in new[] { ("collaboration_projects", "협력기관"), ("site_projects", "단계"), ("policy_recommendations", "주관부처코드") })
        {
            var template = await _admin.GetStringAsync($"/api/v1/imports/templates/{entity}.csv");
            Assert.Contains(header, template);
        }
    }
}
