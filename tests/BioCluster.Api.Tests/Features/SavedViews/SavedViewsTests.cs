using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.SavedViews;

/// <summary>Saved views (issue 19, item 9): a person's named list filters, through HTTP with real sessions.</summary>
public sealed class SavedViewsTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private const string Path = "/api/v1/me/saved-views";

    private static async Task<JsonNode> Ok(HttpResponseMessage r)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonArray> List(HttpClient client, string page = "issues") =>
        (await Ok(await client.GetAsync($"{Path}?page={page}")))["items"]!.AsArray();

    [Fact]
    public async Task Save_List_Get_Delete_RoundTrip_IsAudited()
    {
        var me = await factory.AsRole("ministry_reviewer", "mfds");
        var created = await me.PostAsync(Path, Http.Body(new { page = "issues", name = "우리 부처 기한 경과", query = "ministryCode=mfds&overdue=true&q=%EB%B0%94%EC%9D%B4%EC%98%A4" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await Ok(created);
        var id = view["id"]!.GetValue<long>();
        Assert.Equal($"{Path}/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("issues", view["page"]!.GetValue<string>());

        var listed = Assert.Single(await List(me));
        Assert.Equal("우리 부처 기한 경과", listed!["name"]!.GetValue<string>());
        Assert.Equal("ministryCode=mfds&overdue=true&q=%EB%B0%94%EC%9D%B4%EC%98%A4", listed["query"]!.GetValue<string>());
        Assert.Empty(await List(me, "meetings"));
        Assert.Single((await Ok(await me.GetAsync(Path)))["items"]!.AsArray());

        var one = await me.GetAsync($"{Path}/{id}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal((HttpStatusCode)428, (await me.Send(HttpMethod.Delete, $"{Path}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await me.Send(HttpMethod.Delete, $"{Path}/{id}", ifMatch: "\"9\"")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await me.Send(HttpMethod.Delete, $"{Path}/{id}", ifMatch: one.ETag())).StatusCode);
        Assert.Empty(await List(me));

        var audit = (await Ok(await factory.Client().GetAsync("/api/v1/audit?entityType=saved_view&limit=200")))["items"]!.AsArray();
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "create" && a["entityId"]!.GetValue<long>() == id);
        Assert.Contains(audit, a => a!["action"]!.GetValue<string>() == "delete" && a["entityId"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task AnotherPersonsView_IsNotSeen_NorDeleted()
    {
        var owner = await factory.AsRole("viewer");
        var other = await factory.AsRole("viewer");
        var created = await owner.PostAsync(Path, Http.Body(new { page = "issues", name = "내 보기", query = "status=submitted" }));
        var id = (await Ok(created))["id"]!.GetValue<long>();

        Assert.Empty(await List(other));
        await (await other.GetAsync($"{Path}/{id}")).Problem(HttpStatusCode.NotFound);
        await (await other.Send(HttpMethod.Delete, $"{Path}/{id}", ifMatch: created.ETag())).Problem(HttpStatusCode.NotFound);
        Assert.Single(await List(owner));
        // The same name is free for another person, taken for the owner on the same page, free on another page.
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsync(Path, Http.Body(new { page = "issues", name = "내 보기", query = "" }))).StatusCode);
        await (await owner.PostAsync(Path, Http.Body(new { page = "issues", name = "내 보기", query = "status=accepted" }))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsync(Path, Http.Body(new { page = "meetings", name = "내 보기", query = "" }))).StatusCode);
    }

    [Fact]
    public async Task ApiKeys_HaveNoSavedViews_403()
    {
        var key = await factory.WithKey("mohw", "read", "write");
        await (await key.GetAsync(Path)).Problem(HttpStatusCode.Forbidden);
        await (await key.PostAsync(Path, Http.Body(new { page = "issues", name = "키", query = "" }))).Problem(HttpStatusCode.Forbidden);
        await (await factory.Anonymous().GetAsync(Path)).Problem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"page":"issues","name":"","query":"status=submitted"}""")]
    [InlineData("""{"page":"issues","name":"   ","query":"status=submitted"}""")]
    [InlineData("""{"page":"issues","name":"이름\u0001","query":"status=submitted"}""")]
    [InlineData("""{"page":"issues","name":"이것은 육십 자를 훨씬 넘는 아주 긴 보기 이름입니다 이것은 육십 자를 훨씬 넘는 아주 긴 보기 이름입니다 이것은 육십 자를 넘는 이름","query":""}""")]
    [InlineData("""{"page":"nowhere","name":"보기","query":"status=submitted"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"?status=submitted"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"status=submitted&cursor=abc"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"status=<script>"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"q=%ZZ"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"q=%01"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"1bad=x"}""")]
    [InlineData("""{"page":"issues","name":"보기"}""")]
    [InlineData("""{"page":"issues","name":"보기","query":"","userId":1}""")]
    [InlineData("""not json""")]
    public async Task Create_BadInput_Is400Problem_AndWritesNothing(string json)
    {
        var me = await factory.AsRole("viewer");
        await (await me.PostAsync(Path, Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
        Assert.Empty((await Ok(await me.GetAsync(Path)))["items"]!.AsArray());
    }

    [Fact]
    public async Task Create_TooLongQuery_Is400_AndBadPageFilter_Is400()
    {
        var me = await factory.AsRole("viewer");
        await (await me.PostAsync(Path, Http.Body(new { page = "issues", name = "긴 조건", query = "q=" + new string('a', 1000) }))).Problem(HttpStatusCode.BadRequest);
        await (await me.GetAsync($"{Path}?page=nowhere")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task APerson_KeepsAtMost50Views_The51stIs409()
    {
        var me = await factory.AsRole("viewer");
        for (var n = 0; n < 50; n++)
            Assert.Equal(HttpStatusCode.Created, (await me.PostAsync(Path, Http.Body(new { page = "issues", name = $"보기 {n}", query = $"q={n}" }))).StatusCode);
        await (await me.PostAsync(Path, Http.Body(new { page = "meetings", name = "하나 더", query = "" }))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(50, (await Ok(await me.GetAsync(Path)))["totalCount"]!.GetValue<int>());
    }
}
