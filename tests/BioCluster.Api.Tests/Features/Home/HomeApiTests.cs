using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Home;

/// <summary>The home (오늘 할 일) through HTTP, per role: what each sees, what it does not, and that the counts follow the work.</summary>
public sealed class HomeApiTests(IssuesFactory factory) : IClassFixture<IssuesFactory>
{
    private static async Task<JsonNode> Home(HttpClient client, int items = 20)
    {
        var r = await client.GetAsync($"/api/v1/home?items={items}");
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static IEnumerable<JsonNode> Items(JsonNode? list) => list!.AsArray().Select(n => n!);

    private static JsonNode? Issue(JsonNode? list, long id) => Items(list).FirstOrDefault(i => i["id"]!.GetValue<long>() == id);

    [Fact]
    public async Task EachRole_SeesItsOwnWork_AndTheCountsFollowTheMoves()
    {
        var (secretariat, mfds, motie, operatorKey, viewer) =
            (await factory.Party("mohw"), await factory.Party("mfds"), await factory.Party("motie"), await factory.Party("kbiohealth"), await factory.Party("khidi"));
        var before = await Home(secretariat);
        var (id, _) = await factory.Raise(operatorKey, IssuesFactory.NewIssue("홈 화면 확인용 과제", category: "land_site"));

        // The secretariat: one more to route, and it is in the queue; no ministry or operator section.
        var home = await Home(secretariat);
        Assert.Equal("secretariat", home["role"]!.GetValue<string>());
        Assert.Equal(before["secretariat"]!["toRoute"]!["count"]!.GetValue<int>() + 1, home["secretariat"]!["toRoute"]!["count"]!.GetValue<int>());
        Assert.NotNull(Issue(home["secretariat"]!["toRoute"]!["items"], id));
        Assert.Null(home["ministry"]);
        Assert.Null(home["operator"]);
        Assert.Equal(12, home["charts"]!["months"]!.AsArray().Count);

        var motieBefore = await Home(motie);
        await IssuesFactory.Move(secretariat, id, new { to = "under_review", leadMinistryCode = "mfds", coMinistryCodes = new[] { "motie" }, comment = "식약처 주관, 산업부 협조" });
        home = await Home(secretariat);
        Assert.Null(Issue(home["secretariat"]!["toRoute"]!["items"], id));
        var month = home["charts"]!["months"]!.AsArray().Last()!.GetValue<string>();
        Assert.Contains(Items(home["charts"]!["movesByMonth"]), m => m["month"]!.GetValue<string>() == month && m["status"]!.GetValue<string>() == "under_review");
        Assert.Contains(Items(home["charts"]!["openByCategory"]), c => c["category"]!.GetValue<string>() == "land_site");

        // The lead ministry sees it as lead; the co-ministry sees it as co-ministry, counted; neither sees the secretariat's lists.
        var lead = await Home(mfds);
        Assert.Null(lead["secretariat"]);
        Assert.Equal("mfds", lead["ministry"]!["ministry"]!["code"]!.GetValue<string>());
        Assert.Equal("lead", Issue(lead["ministry"]!["items"], id)?["part"]!.GetValue<string>());
        var co = await Home(motie);
        Assert.Equal("co_ministry", Issue(co["ministry"]!["items"], id)?["part"]!.GetValue<string>());
        Assert.Equal(motieBefore["ministry"]!["asCoMinistry"]!.GetValue<int>() + 1, co["ministry"]!["asCoMinistry"]!.GetValue<int>());
        Assert.Equal("mfds", Issue(co["ministry"]!["items"], id)!["leadMinistry"]!["code"]!.GetValue<string>());

        // The operator sees its clusters' issues and no one else's sections; the viewer sees the summary only.
        var op = await Home(operatorKey);
        Assert.Null(op["secretariat"]);
        Assert.Null(op["ministry"]);
        Assert.Contains(Items(op["operator"]!["clusters"]), c => c["code"]!.GetValue<string>() == "osong");
        Assert.NotNull(Issue(op["operator"]!["recent"]!["items"], id));
        Assert.Contains(Items(op["operator"]!["byStatus"]), s => s["status"]!.GetValue<string>() == "under_review");
        var view = await Home(viewer);
        Assert.Null(view["secretariat"]);
        Assert.Null(view["ministry"]);
        Assert.Null(view["operator"]);
        Assert.True(view["summary"]!["total"]!.GetValue<int>() >= 1);

        // Ten days on, the answer is due within 7 days; five more and it is overdue, first in the ministry's list.
        factory.Clock.Advance(TimeSpan.FromDays(10));
        home = await Home(secretariat);
        var mfdsDue = Items(home["secretariat"]!["dueByMinistry"]).Single(d => d["ministry"]!["code"]!.GetValue<string>() == "mfds");
        Assert.True(mfdsDue["dueSoon"]!.GetValue<int>() >= 1);
        factory.Clock.Advance(TimeSpan.FromDays(5));
        lead = await Home(mfds);
        Assert.True(Issue(lead["ministry"]!["items"], id)!["overdue"]!.GetValue<bool>());
        Assert.True(lead["ministry"]!["items"]![0]!["overdue"]!.GetValue<bool>());
        Assert.True(lead["ministry"]!["overdue"]!.GetValue<int>() >= 1);
        home = await Home(secretariat);
        Assert.True(Items(home["secretariat"]!["dueByMinistry"]).Single(d => d["ministry"]!["code"]!.GetValue<string>() == "mfds")["overdue"]!.GetValue<int>() >= 1);

        // Answered: the raiser sees it among its answered issues, and the month's answer times count it.
        await IssuesFactory.Move(mfds, id, factory.MoveTo("accepted"));
        op = await Home(operatorKey);
        Assert.Equal("accepted", Issue(op["operator"]!["answered"]!["items"], id)!["status"]!.GetValue<string>());
        var times = Items(op["charts"]!["answerTimes"]).Last();
        Assert.True(times["answered"]!.GetValue<int>() >= 1);
        Assert.True(times["medianDays"]!.GetValue<double>() >= 15);
        lead = await Home(mfds);
        Assert.Equal("accepted", Issue(lead["ministry"]!["items"], id)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheOperatorsHome_CountsAnIssueOfTwoOfItsClustersOnce_AndListsTheLatestChangeFirst()
    {
        var (secretariat, operatorKey) = (await factory.Party("mohw"), await factory.Party("kbiohealth"));
        var created = await secretariat.PostAsync("/api/v1/clusters",
            Http.Body(new { code = "osong-annex", nameKo = "오송 제2 단지", region = "chungbuk", operatorCode = "kbiohealth" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        int Count(JsonNode home, string status) =>
            Items(home["operator"]!["byStatus"]).Where(s => s["status"]!.GetValue<string>() == status).Sum(s => s["count"]!.GetValue<int>());

        var before = await Home(operatorKey);
        var (both, _) = await factory.Raise(operatorKey, IssuesFactory.NewIssue("두 단지에 걸친 과제", clusters: ["osong", "osong-annex"]));
        var (one, _) = await factory.Raise(operatorKey, IssuesFactory.NewIssue("한 단지의 과제"));
        var home = await Home(operatorKey);
        Assert.Equal(Count(before, "submitted") + 2, Count(home, "submitted"));
        Assert.Equal(before["operator"]!["recent"]!["count"]!.GetValue<int>() + 2, home["operator"]!["recent"]!["count"]!.GetValue<int>());
        Assert.Single(Items(home["operator"]!["recent"]!["items"]), i => i["id"]!.GetValue<long>() == both);
        Assert.Equal(new[] { one, both }, Items(home["operator"]!["recent"]!["items"]).Take(2).Select(i => i["id"]!.GetValue<long>()));

        // Routing the first raised makes it the latest change, and moves it from submitted to under review in the counts.
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await IssuesFactory.Move(secretariat, both, new { to = "under_review", leadMinistryCode = "mfds", comment = "식약처 배정" });
        home = await Home(operatorKey);
        Assert.Equal(both, Items(home["operator"]!["recent"]!["items"]).First()["id"]!.GetValue<long>());
        Assert.Equal("under_review", Items(home["operator"]!["recent"]!["items"]).First()["status"]!.GetValue<string>());
        Assert.Equal(Count(before, "submitted") + 1, Count(home, "submitted"));
        Assert.Equal(Count(before, "under_review") + 1, Count(home, "under_review"));
        Assert.Equal(0, await IssuesFactory.ClusterCopiesOutOfStep(factory));
    }

    [Theory]
    [InlineData("items=0")]
    [InlineData("items=21")]
    [InlineData("items=-5")]
    [InlineData("items=abc")]
    [InlineData("items=99999999999999")]
    public async Task BadItems_Is400(string query)
    {
        var r = await (await factory.Party("mohw")).GetAsync($"/api/v1/home?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        var r = await factory.Anonymous().GetAsync("/api/v1/home");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }
}
