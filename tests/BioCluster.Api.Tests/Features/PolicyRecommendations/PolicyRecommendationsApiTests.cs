using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.PolicyRecommendations;

/// <summary>
/// Policy recommendations through HTTP (issue 20): raised at a meeting's agenda item, routed, answered in part, the
/// remainder turned into a regulatory issue that links back; the refusals; carried over to later meetings until answered.
/// </summary>
public abstract class PolicyRecommendationsApiSuite<THost>(THost host) where THost : ApiFactory, IIssuesHost
{
    private const string Path = "/api/v1/policy-recommendations";

    private static object NewRecommendation(long? meetingId = null, long? itemId = null, string theme = "공동 IRB 인정 제도화", string[]? clusters = null) => new
    {
        themeKo = theme,
        themeEn = "Recognise joint IRB reviews",
        text = "다기관 임상시험에서 공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 제도화하고, 클러스터 내 임상 인프라를 공동 활용하도록 지원해 주십시오.",
        leadMinistryCode = "mfds",
        otherMinistryCodes = new[] { "mohw" },
        clusterCodes = clusters ?? ["osong"],
        sourceMeetingId = meetingId,
        sourceAgendaItemId = itemId,
    };

    private static async Task<(JsonElement Body, string ETag)> Read(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(status == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Read<JsonElement>(), response.ETag());
    }

    private static async Task<HttpResponseMessage> Move(HttpClient client, long id, object body, string? etag = null) =>
        await client.Send(HttpMethod.Post, $"{Path}/{id}/transitions", Http.Body(body), etag ?? (await client.GetAsync($"{Path}/{id}")).ETag());

    /// <summary>The launch meeting (number 1, seeded) and its agenda item where KBIOHealth reported (2.x, linked to osong).</summary>
    private static async Task<(long MeetingId, long ItemId)> LaunchItem(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?state=held");
        var first = list.GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("number").ValueKind == JsonValueKind.Number && m.GetProperty("number").GetInt32() == 1);
        var meetingId = first.GetProperty("id").GetInt64();
        var meeting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meetingId}");
        var item = meeting.GetProperty("agenda").EnumerateArray().First(a => a.GetProperty("numbering").GetString()!.StartsWith("2."));
        return (meetingId, item.GetProperty("id").GetInt64());
    }

    private static async Task<long> PlanMeeting(HttpClient secretariat, string startsAt)
    {
        var (meeting, _) = await Read(await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "바이오 클러스터 협의체 정기회의", kind = "in_person", startsAt, venue = "정부세종청사",
        })), HttpStatusCode.Created);
        return meeting.GetProperty("id").GetInt64();
    }

    [ApiFact]
    public async Task RaisedAtAnAgendaItem_Routed_PartlyAccepted_RemainderBecomesAnIssueThatLinksBack()
    {
        var operatorClient = await host.Party("kbiohealth");
        var secretariat = await host.Party("mohw");
        var mfds = await host.Party("mfds");
        var (meetingId, itemId) = await LaunchItem(operatorClient);

        var (raised, etag) = await Read(await operatorClient.PostAsync(Path, Http.Body(NewRecommendation(itemId: itemId))), HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetInt64();
        Assert.Equal("submitted", raised.GetProperty("state").GetString());
        Assert.Equal("kbiohealth", raised.GetProperty("raisedBy").GetProperty("code").GetString());
        Assert.Equal("mfds", raised.GetProperty("leadMinistry").GetProperty("code").GetString());
        Assert.Equal(["mohw"], raised.GetProperty("otherMinistries").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(meetingId, raised.GetProperty("source").GetProperty("meetingId").GetInt64());
        Assert.Equal(itemId, raised.GetProperty("source").GetProperty("agendaItemId").GetInt64());
        Assert.Contains(raised.GetProperty("moveForms").EnumerateArray(), f => f.GetProperty("to").GetString() == "withdrawn");

        // The secretariat sees the routing form; routing sets the answer deadline 14 days on by default.
        var forSecretariat = await secretariat.GetFromJsonAsync<JsonElement>($"{Path}/{id}");
        Assert.Contains(forSecretariat.GetProperty("moveForms").EnumerateArray(), f => f.GetProperty("to").GetString() == "routed" && f.GetProperty("kind").GetString() == "routing");
        var (routed, _) = await Read(await Move(secretariat, id, new { to = "routed", comment = "식약처 주관으로 검토 요청" }));
        Assert.Equal("routed", routed.GetProperty("state").GetString());
        Assert.True(routed.GetProperty("responseDueAt").GetDateTimeOffset() > host.Clock.GetUtcNow().AddDays(13));
        Assert.False(routed.GetProperty("overdue").GetBoolean());

        // The ministry answers in part, naming the part it accepts.
        var forMfds = await mfds.GetFromJsonAsync<JsonElement>($"{Path}/{id}");
        var partial = forMfds.GetProperty("moveForms").EnumerateArray().Single(f => f.GetProperty("to").GetString() == "partially_accepted");
        Assert.Equal(["answer", "acceptedPart", "plannedCompletionOn"], partial.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray());
        var (answered, _) = await Read(await Move(mfds, id, new
        {
            to = "partially_accepted", answer = "공동 IRB 인정은 고시 개정으로 수용하고, 인프라 공동 활용 지원은 별도 과제로 검토합니다.",
            acceptedPart = "공동 IRB 심의 결과 인정", plannedCompletionOn = "2027-06-30",
        }));
        Assert.Equal("partially_accepted", answered.GetProperty("state").GetString());
        Assert.Equal("공동 IRB 심의 결과 인정", answered.GetProperty("acceptedPart").GetString());
        // Only the secretariat may turn it into an issue; the ministry is not offered the move.
        Assert.DoesNotContain(answered.GetProperty("moveForms").EnumerateArray(), f => f.GetProperty("move").GetString() == "conversion");

        // The secretariat turns the remainder into a regulatory issue raised by the same operator.
        var (converted, _) = await Read(await Move(secretariat, id, new
        {
            to = "partially_accepted", move = "conversion", category = "clinical_trials",
            proposalKo = "클러스터 내 임상시험 인프라를 여러 기관이 공동 활용할 수 있도록 관련 규정을 정비합니다.",
        }));
        Assert.Equal("partially_accepted", converted.GetProperty("state").GetString());
        var issueId = converted.GetProperty("issue").GetProperty("id").GetInt64();
        Assert.Equal("submitted", converted.GetProperty("issue").GetProperty("status").GetString());
        Assert.DoesNotContain(converted.GetProperty("moveForms").EnumerateArray(), f => f.GetProperty("move").GetString() == "conversion");
        // Once only.
        await (await Move(secretariat, id, new
        {
            to = "partially_accepted", move = "conversion", category = "clinical_trials", proposalKo = "한 번 더 과제로 만들 수는 없습니다. 이미 연계되었습니다.",
        })).Problem(HttpStatusCode.Conflict);

        var issue = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/regulatory-issues/{issueId}");
        Assert.Equal(id, issue.GetProperty("sourceRecommendation").GetProperty("id").GetInt64());
        Assert.Equal("kbiohealth", issue.GetProperty("raisedBy").GetProperty("code").GetString());
        Assert.Equal("공동 IRB 인정 제도화", issue.GetProperty("titleKo").GetString());
        Assert.Equal(["osong"], issue.GetProperty("clusters").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray());

        // Follow-through as issues do, then the timeline has every move.
        await Read(await Move(mfds, id, new { to = "in_progress", progressPercent = 40, progressNote = "고시 개정안 행정예고" }));
        await Read(await Move(mfds, id, new { to = "completed", completedOn = IssuesFactory.TodayOf(host.Clock).ToString("yyyy-MM-dd"), evidence = "식약처 고시 제2026-00호 개정" }));
        var history = await secretariat.GetFromJsonAsync<JsonElement>($"{Path}/{id}/history");
        Assert.Equal(["submitted", "routed", "partially_accepted", "partially_accepted", "in_progress", "completed"],
            history.EnumerateArray().Select(t => t.GetProperty("to").GetString()!).ToArray());
        Assert.Equal("conversion", history[3].GetProperty("move").GetString());

        // Audited, and listed by the filters.
        var audit = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=policy_recommendation&entityId={id}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "transition:conversion");
        var byMinistry = await secretariat.GetFromJsonAsync<JsonElement>($"{Path}?ministryCode=mohw&clusterCode=osong&state=completed");
        Assert.Contains(byMinistry.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
        var none = await secretariat.GetFromJsonAsync<JsonElement>($"{Path}?ministryCode=motie&state=completed");
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);
    }

    [ApiFact]
    public async Task Refusals_WrongParty403_WrongState409_MissingJustification400_StaleIfMatch412_NothingWritten()
    {
        var operatorClient = await host.Party("kbiohealth");
        var secretariat = await host.Party("mohw");
        var mfds = await host.Party("mfds");
        var motie = await host.Party("motie");
        var viewer = await host.Party("khidi");

        await (await viewer.PostAsync(Path, Http.Body(NewRecommendation()))).Problem(HttpStatusCode.Forbidden);
        await (await mfds.PostAsync(Path, Http.Body(NewRecommendation()))).Problem(HttpStatusCode.Forbidden);
        var other = await (await operatorClient.PostAsync(Path, Http.Body(new
        {
            themeKo = "남의 이름으로", text = "다른 기관 이름으로 제언을 제기할 수는 없습니다. 이 요청은 거절됩니다.", leadMinistryCode = "mfds", raisedByCode = "ifez",
        }))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("raisedByCode", other.Errors().Keys);
        var notMinistry = await (await operatorClient.PostAsync(Path, Http.Body(new
        {
            themeKo = "부처가 아닌 기관", text = "주관 부처는 부처(ministry)여야 합니다. 이 요청은 거절됩니다.", leadMinistryCode = "khidi",
        }))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("leadMinistryCode", notMinistry.Errors().Keys);

        // The secretariat records one on an operator's behalf.
        var (onBehalf, _) = await Read(await secretariat.PostAsync(Path, Http.Body(new
        {
            themeKo = "대리 등록 제언", text = "회의에서 구두로 제기된 제언을 간사가 운영기관을 대신해 기록합니다.", leadMinistryCode = "motie", raisedByCode = "ifez",
        })), HttpStatusCode.Created);
        Assert.Equal("ifez", onBehalf.GetProperty("raisedBy").GetProperty("code").GetString());

        var (raised, etag) = await Read(await operatorClient.PostAsync(Path, Http.Body(NewRecommendation())), HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetInt64();

        // Wrong state: the ministry cannot answer before it is routed (409); the ministry cannot route (403).
        await (await Move(mfds, id, new { to = "accepted", answer = "수용합니다. 고시를 개정하겠습니다.", plannedCompletionOn = "2027-06-30" })).Problem(HttpStatusCode.Conflict);
        await (await Move(mfds, id, new { to = "routed" })).Problem(HttpStatusCode.Forbidden);
        // Edit while submitted, with If-Match; stale → 412.
        var (edited, editedTag) = await Read(await operatorClient.Send(HttpMethod.Put, $"{Path}/{id}", Http.Body(new
        {
            themeKo = "공동 IRB 인정 제도화(수정)", text = "다기관 임상시험 공동 IRB 심의 결과를 인정하도록 제도화해 주십시오.", leadMinistryCode = "mfds", clusterCodes = new[] { "osong" },
        }), etag));
        Assert.Equal("공동 IRB 인정 제도화(수정)", edited.GetProperty("themeKo").GetString());
        await (await Move(secretariat, id, new { to = "routed" }, etag)).Problem(HttpStatusCode.PreconditionFailed);
        await Read(await Move(secretariat, id, new { to = "routed" }, editedTag));
        await (await operatorClient.Send(HttpMethod.Put, $"{Path}/{id}", Http.Body(new
        {
            themeKo = "라우팅 후 수정", text = "라우팅된 뒤에는 설명을 고칠 수 없습니다. 이 요청은 거절됩니다.", leadMinistryCode = "mfds",
        }), (await operatorClient.GetAsync($"{Path}/{id}")).ETag())).Problem(HttpStatusCode.Conflict);

        // Another ministry is not the lead: 403. A refusal without a long enough justification: 400, nothing written.
        await (await Move(motie, id, new { to = "not_accepted", justification = new string('가', 60) })).Problem(HttpStatusCode.Forbidden);
        var missing = await (await Move(mfds, id, new { to = "not_accepted", justification = "불가" })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("justification", missing.Errors().Keys);
        var unknownField = await (await Move(mfds, id, new { to = "not_accepted", justification = new string('나', 60), reviewOn = "2027-01-01" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("reviewOn", unknownField.Errors().Keys);
        var still = await mfds.GetFromJsonAsync<JsonElement>($"{Path}/{id}");
        Assert.Equal("routed", still.GetProperty("state").GetString());

        // Overdue is derived from the answer deadline (the clock only moves forward; later dates in this suite stay ahead of it).
        host.Clock.Advance(TimeSpan.FromDays(30));
            var late = await mfds.GetFromJsonAsync<JsonElement>($"{Path}/{id}");
            Assert.True(late.GetProperty("overdue").GetBoolean());
            Assert.Equal("answer", late.GetProperty("overdueKind").GetString());
            var overdue = await mfds.GetFromJsonAsync<JsonElement>($"{Path}?overdue=true&ministryCode=mfds");
            Assert.Contains(overdue.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == id);

            // Refused with a justification; the raiser can no longer be refused again, but may still withdraw.
            var (refused, _) = await Read(await Move(mfds, id, new { to = "not_accepted", justification = new string('다', 60) }));
            Assert.False(refused.GetProperty("overdue").GetBoolean());
            await Read(await Move(operatorClient, id, new { to = "withdrawn", reason = "별도 규제 개선 과제로 다시 제기합니다." }));
            await (await Move(operatorClient, id, new { to = "withdrawn", reason = "두 번 철회할 수는 없습니다." })).Problem(HttpStatusCode.Conflict);

        await (await viewer.GetAsync($"{Path}/999999")).Problem(HttpStatusCode.NotFound);
        await (await viewer.GetAsync($"{Path}?limit=0")).Problem(HttpStatusCode.BadRequest);
        await (await viewer.GetAsync($"{Path}?state=nonsense")).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Unanswered_CarriedOverToLaterMeetings_UntilAnswered()
    {
        var operatorClient = await host.Party("kbiohealth");
        var secretariat = await host.Party("mohw");
        var mfds = await host.Party("mfds");
        var (launchId, itemId) = await LaunchItem(operatorClient);
        var next = await PlanMeeting(secretariat, "2026-12-17T05:00:00Z");

        var (a, _) = await Read(await operatorClient.PostAsync(Path, Http.Body(NewRecommendation(itemId: itemId, theme: "계속 안건이 될 제언"))), HttpStatusCode.Created);
        var (b, _) = await Read(await operatorClient.PostAsync(Path, Http.Body(NewRecommendation(meetingId: launchId, theme: "답변될 제언"))), HttpStatusCode.Created);
        var (c, _) = await Read(await operatorClient.PostAsync(Path, Http.Body(NewRecommendation(meetingId: next, theme: "다음 회의에서 제기된 제언"))), HttpStatusCode.Created);
        var (d, _) = await Read(await operatorClient.PostAsync(Path, Http.Body(NewRecommendation(theme: "회의 밖에서 제기된 제언"))), HttpStatusCode.Created);
        long Id(JsonElement r) => r.GetProperty("id").GetInt64();

        await Read(await Move(secretariat, Id(b), new { to = "routed" }));
        await Read(await Move(mfds, Id(b), new { to = "accepted", answer = "수용합니다. 고시를 개정하겠습니다.", plannedCompletionOn = "2027-03-31" }));
        await Read(await Move(secretariat, Id(a), new { to = "routed" }));

        async Task<long[]> CarriedOver(long meeting) =>
            (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting}/carried-over-recommendations")).EnumerateArray().Select(Id).ToArray();

        var atNext = await CarriedOver(next);
        Assert.Contains(Id(a), atNext);           // raised earlier, routed, unanswered
        Assert.DoesNotContain(Id(b), atNext);     // answered
        Assert.DoesNotContain(Id(c), atNext);     // raised at this meeting, not an earlier one
        Assert.DoesNotContain(Id(d), atNext);     // raised at no meeting
        Assert.DoesNotContain(Id(a), await CarriedOver(launchId)); // not before the meeting it was raised at

        // A long-term review still awaits its final answer: still carried over; answered, it is not.
        await Read(await Move(mfds, Id(a), new { to = "long_term_review", answer = "관계 부처와 함께 중장기 검토가 필요합니다.", reviewOn = "2027-05-31" }));
        Assert.Contains(Id(a), await CarriedOver(next));
        await Read(await Move(mfds, Id(a), new { to = "accepted", answer = "검토 결과 수용합니다. 고시를 개정하겠습니다.", plannedCompletionOn = "2027-06-30" }));
        Assert.DoesNotContain(Id(a), await CarriedOver(next));

        await (await secretariat.GetAsync("/api/v1/meetings/999999/carried-over-recommendations")).Problem(HttpStatusCode.NotFound);
        var atMeeting = await secretariat.GetFromJsonAsync<JsonElement>($"{Path}?meetingId={launchId}");
        Assert.Contains(atMeeting.GetProperty("items").EnumerateArray(), r => Id(r) == Id(a));
        Assert.DoesNotContain(atMeeting.GetProperty("items").EnumerateArray(), r => Id(r) == Id(c));

        // Keyset paging: pages of one cover the list without repeats.
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await secretariat.GetFromJsonAsync<JsonElement>($"{Path}?limit=1&sort=id" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(Id));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        } while (cursor is not null);
        Assert.Equal(seen.Distinct().Order(), seen);
        Assert.Contains(Id(d), seen);

        var csv = await secretariat.GetAsync($"{Path}/export.csv?meetingId={launchId}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("주제", await csv.Content.ReadAsStringAsync());
    }
}

public sealed class PolicyRecommendationsApiTests(IssuesFactory host) : PolicyRecommendationsApiSuite<IssuesFactory>(host), IClassFixture<IssuesFactory>;

[SqlServerSuite]
public sealed class PolicyRecommendationsApiSqlServerTests(SqlServerIssuesFactory host)
    : PolicyRecommendationsApiSuite<SqlServerIssuesFactory>(host), IClassFixture<SqlServerIssuesFactory>;
