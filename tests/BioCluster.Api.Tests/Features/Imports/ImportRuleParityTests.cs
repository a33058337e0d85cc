using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// An import keeps the rules the API keeps (once it did not): no yearly figures for an archived cluster, no archived
/// agency as a new parent, and no change of kind that would change what an agency's API keys and accounts may do.
/// Each rule is checked through the API and through the import on the same records.
/// </summary>
public sealed class ImportRuleParityTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private HttpClient Admin => factory.Client();

    private async Task<(long Id, string ETag)> CreateAgency(string code, string kind = "company", string? parentCode = null)
    {
        var response = await Admin.PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo = "규칙 시험 기관", kind, sector = "industry", parentCode }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64(), response.ETag());
    }

    private async Task<JsonElement> Import(string entity, string csv, bool dryRun = false)
    {
        var response = await Admin.PostAsync($"/api/v1/imports/{entity}?onError=skip{(dryRun ? "&dryRun=true" : "")}", ImportsApiTests.Csv(csv));
        return await ImportsApiTests.Report(response);
    }

    private static (string? Column, string Code) OnlyProblem(JsonElement report) =>
        Assert.Single(report.GetProperty("problems").EnumerateArray()) is var p
            ? (p.GetProperty("column").GetString(), p.GetProperty("code").GetString()!) : default;

    [Fact]
    public async Task FiguresOfAnArchivedCluster_AreRefused_ByTheApiAndByTheImport()
    {
        var code = Http.Unique("arch");
        var created = await Admin.PostAsync("/api/v1/clusters", Http.Body(new { code, nameKo = "보관 시험 클러스터", region = "seoul", operatorCode = "kbiohealth" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await Admin.PutAsync($"/api/v1/clusters/{id}/indicators/2023", Http.Body(new { companies = 10 }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.Send(HttpMethod.Delete, $"/api/v1/clusters/{id}", ifMatch: created.ETag())).StatusCode);

        await (await Admin.PutAsync($"/api/v1/clusters/{id}/indicators/2024", Http.Body(new { companies = 12 }))).Problem(HttpStatusCode.Conflict);
        var report = await Import("cluster_indicators", $"clusterCode,year,companies\r\n{code},2024,12\r\n");
        Assert.Equal(("clusterCode", "archived"), OnlyProblem(report));
        Assert.Equal(0, report.GetProperty("totals").GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/clusters/{id}/indicators/2024")).StatusCode);
    }

    [Fact]
    public async Task AnArchivedAgency_IsNoNewParent_ButAChildKeepsIt()
    {
        var (parent, child, newcomer) = (Http.Unique("par"), Http.Unique("chi"), Http.Unique("new"));
        var (parentId, parentETag) = await CreateAgency(parent);
        await CreateAgency(child, parentCode: parent);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.Send(HttpMethod.Delete, $"/api/v1/agencies/{parentId}", ifMatch: parentETag)).StatusCode);

        var refused = await (await Admin.PostAsync("/api/v1/agencies", Http.Body(new { code = newcomer, nameKo = "새 기관", kind = "company", parentCode = parent })))
            .Problem(HttpStatusCode.BadRequest);
        Assert.True(refused.Errors().ContainsKey("parentCode"));
        var report = await Import("agencies", $"code,nameKo,kind,parentCode\r\n{newcomer},새 기관,company,{parent}\r\n{child},규칙 시험 기관,company,{parent}\r\n");
        Assert.Equal(("parentCode", "archived"), OnlyProblem(report));
        Assert.Equal(1, report.GetProperty("totals").GetProperty("rows").GetInt32() - report.GetProperty("totals").GetProperty("rejected").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/agencies/by-code/{newcomer}")).StatusCode);
    }

    [Fact]
    public async Task AKindThatChangesWhatTheAgencysKeysMayDo_IsRefused_ByTheApiAndByTheImport()
    {
        var (keyed, free) = (Http.Unique("key"), Http.Unique("fre"));
        var (keyedId, keyedETag) = await CreateAgency(keyed);
        await CreateAgency(free);
        await factory.NewKey(keyed, ["read"]);

        var refused = await (await Admin.Send(HttpMethod.Put, $"/api/v1/agencies/{keyedId}",
            Http.Body(new { nameKo = "규칙 시험 기관", kind = "ministry", sector = "industry" }), keyedETag)).Problem(HttpStatusCode.BadRequest);
        Assert.True(refused.Errors().ContainsKey("kind"));
        var report = await Import("agencies", $"code,nameKo,kind\r\n{keyed},규칙 시험 기관,cluster_operator\r\n{free},규칙 시험 기관,ministry\r\n");
        Assert.Equal(("kind", "invalid"), OnlyProblem(report));
        Assert.Equal(1, report.GetProperty("totals").GetProperty("updated").GetInt32()); // the agency without keys may change

        // A kind in the same access group (company → university) changes nothing a key may do: allowed.
        var same = await Admin.Send(HttpMethod.Put, $"/api/v1/agencies/{keyedId}",
            Http.Body(new { nameKo = "규칙 시험 기관", kind = "university", sector = "academia" }), keyedETag);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }
}
