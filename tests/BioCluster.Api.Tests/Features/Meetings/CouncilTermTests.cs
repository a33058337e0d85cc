using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Meetings;

/// <summary>Ending a term without a successor (POST /api/v1/council/memberships/{id}/end): only ever earlier, audited.</summary>
public sealed class CouncilTermTests(IssuesFactory host) : IClassFixture<IssuesFactory>
{
    /// <summary>A fresh seat of the council with one open-ended term from <paramref name="startsOn"/>.</summary>
    private static async Task<(long SeatId, long MembershipId)> Appointed(HttpClient secretariat, string startsOn = "2025-01-01")
    {
        var seat = await (await secretariat.PostAsync("/api/v1/council/seats", Http.Body(new
        {
            bodyCode = "council", position = "member", group = "private_expert", sector = "research",
            labelKo = "민간위원 (연구)",
        }))).Read<JsonElement>();
        var seatId = seat.GetProperty("id").GetInt64();
        var response = await secretariat.PostAsync($"/api/v1/council/seats/{seatId}/memberships",
            Http.Body(new { personName = "김연구", startsOn, voting = true }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (seatId, (await response.Read<JsonElement>()).GetProperty("id").GetInt64());
    }

    private static async Task<JsonElement> Holder(HttpClient client, long seatId) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/council/seats")).EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == seatId)
            .GetProperty("holder");

    [Fact]
    public async Task EndTerm_OnAFutureDay_RecordsTheEnd_AuditsIt_AndListsItAsEndingSoon()
    {
        var secretariat = await host.Party("mohw");
        var (seatId, membershipId) = await Appointed(secretariat);
        var endsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(30).ToString("yyyy-MM-dd");

        var response = await secretariat.PostAsync($"/api/v1/council/memberships/{membershipId}/end", Http.Body(new { endsOn }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(endsOn, (await response.Read<JsonElement>()).GetProperty("endsOn").GetString());
        Assert.Equal(endsOn, (await Holder(secretariat, seatId)).GetProperty("endsOn").GetString());
        var ending = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/council/terms-ending");
        Assert.Contains(ending.EnumerateArray(), m => m.GetProperty("id").GetInt64() == membershipId);
        var audit = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=council_membership&entityId={membershipId}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "end_term");
    }

    [Fact]
    public async Task EndTerm_BeforeItStarted_Returns400_AndChangesNothing()
    {
        var secretariat = await host.Party("mohw");
        var (seatId, membershipId) = await Appointed(secretariat, "2025-06-01");

        var problem = await (await secretariat.PostAsync($"/api/v1/council/memberships/{membershipId}/end", Http.Body(new { endsOn = "2025-05-31" })))
            .Problem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("endsOn", out _));
        Assert.Equal(JsonValueKind.Null, (await Holder(secretariat, seatId)).GetProperty("endsOn").ValueKind);
    }

    [Fact]
    public async Task EndTerm_LaterThanItAlreadyEnds_Returns409_AndKeepsTheEnd()
    {
        var secretariat = await host.Party("mohw");
        var (seatId, membershipId) = await Appointed(secretariat);
        var first = await secretariat.PostAsync($"/api/v1/council/memberships/{membershipId}/end", Http.Body(new { endsOn = "2025-12-31" }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await (await secretariat.PostAsync($"/api/v1/council/memberships/{membershipId}/end", Http.Body(new { endsOn = "2026-06-30" })))
            .Problem(HttpStatusCode.Conflict);

        var ended = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=council_membership&entityId={membershipId}");
        Assert.Single(ended.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "end_term");
        Assert.Equal(JsonValueKind.Null, (await Holder(secretariat, seatId)).ValueKind); // ended in 2025: the seat is vacant today
    }

    [Fact]
    public async Task EndTerm_UnknownTerm_Returns404_NoDay_Returns400_NotSecretariat_Returns403()
    {
        var secretariat = await host.Party("mohw");
        await (await secretariat.PostAsync("/api/v1/council/memberships/987654/end", Http.Body(new { endsOn = "2026-01-01" }))).Problem(HttpStatusCode.NotFound);
        await (await secretariat.PostAsync("/api/v1/council/memberships/1/end", Http.Body(new { }))).Problem(HttpStatusCode.BadRequest);
        await (await (await host.Party("khidi")).PostAsync("/api/v1/council/memberships/1/end", Http.Body(new { endsOn = "2026-01-01" })))
            .Problem(HttpStatusCode.Forbidden);
    }
}
