using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Features.Meetings;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Meetings;

namespace BioCluster.Api.Tests.Features.Meetings;

/// <summary>The council through HTTP: the seeded launch, a meeting from plan to close, attendance and quorum, decisions and follow-ups.</summary>
public abstract class MeetingsApiSuite<THost>(THost host) where THost : ApiFactory, IIssuesHost
{
    private static object NewMeeting(string title = "제2차 바이오 클러스터 협의체 회의") => new
    {
        bodyCode = "council", titleKo = title, kind = "hybrid", startsAt = "2026-12-10T06:00:00Z", endsAt = "2026-12-10T08:00:00Z",
        venue = "정부세종청사 보건복지부 대회의실", onlineUrl = "https://meet.example.go.kr/council-2",
    };

    private static async Task<(JsonElement Meeting, string ETag)> Read(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Read<JsonElement>(), response.ETag());
    }

    private async Task<(JsonElement Meeting, string ETag)> Plan(HttpClient secretariat, string? title = null) =>
        await Read(await secretariat.PostAsync("/api/v1/meetings", Http.Body(NewMeeting(title ?? "제2차 바이오 클러스터 협의체 회의"))), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> Change(HttpClient client, HttpMethod method, string path, object body, string etag) =>
        client.Send(method, path, Http.Body(body), etag);

    /// <summary>Every voting seat of the council on the day, present (or all but <paramref name="absent"/>).</summary>
    private static async Task<object> Sheet(HttpClient client, int absent = 0)
    {
        var seats = (await client.GetFromJsonAsync<JsonElement>("/api/v1/council/seats")).EnumerateArray()
            .Where(s => s.GetProperty("voting").GetBoolean()).ToList();
        return new
        {
            lines = seats.Select((s, i) => new { seatId = s.GetProperty("id").GetInt64(), status = i < absent ? "absent" : "present" })
                .Append(new { seatId = (long)0, status = "observer" }).Select(l => l.seatId == 0
                    ? (object)new { status = "observer", name = "배석 공무원" } : new { seatId = l.seatId, status = l.status }).ToList(),
        };
    }

    [ApiFact]
    public async Task TheLaunch_IsSeeded_SeatsApartFromHolders_AndMeetingOneHeldWithItsAgenda()
    {
        var viewer = await host.Party("khidi");
        var seats = (await viewer.GetFromJsonAsync<JsonElement>("/api/v1/council/seats")).EnumerateArray().ToList();
        Assert.Equal(21, seats.Count); // chair, 5 ministries, 6 operators, 5 public agencies, 3 experts, secretary
        var chair = seats.Single(s => s.GetProperty("position").GetString() == "chair");
        Assert.Equal("박민수", chair.GetProperty("holder").GetProperty("personName").GetString());
        Assert.All(seats.Where(s => s.GetProperty("position").GetString() != "chair"), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("holder").ValueKind));
        Assert.Equal(6, seats.Count(s => s.GetProperty("group").GetString() == "cluster_operator"));
        Assert.False(seats.Single(s => s.GetProperty("position").GetString() == "secretary").GetProperty("voting").GetBoolean());

        var list = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/meetings?state=held");
        var first = list.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("number").ValueKind == JsonValueKind.Number && m.GetProperty("number").GetInt32() == 1);
        Assert.Equal("국가과학기술자문회의 대회의실", first.GetProperty("venue").GetString());
        Assert.Equal("2024-05-29T06:00:00Z", first.GetProperty("startsAt").GetString());
        var meeting = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{first.GetProperty("id").GetInt64()}");
        var agenda = meeting.GetProperty("agenda").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3"],
            agenda.Select(a => a.GetProperty("numbering").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("협의체 구성 및 운영계획", agenda.Single(a => a.GetProperty("numbering").GetString() == "1").GetProperty("titleKo").GetString());
        Assert.All(agenda.Where(a => a.GetProperty("numbering").GetString()!.StartsWith("2.")),
            a => Assert.Equal("cluster", a.GetProperty("links")[0].GetProperty("kind").GetString()));
    }

    [ApiFact]
    public async Task AMeeting_FromPlanToClose_WithAttendanceQuorumDecisionsAndFollowUps()
    {
        var secretariat = await host.Party("mohw");
        var (issueA, _) = await host.Raise(await host.Party("kbiohealth"));
        var (issueB, _) = await host.Raise(await host.Party("kbiohealth"));

        // Only the secretariat plans meetings.
        await (await (await host.Party("khidi")).PostAsync("/api/v1/meetings", Http.Body(NewMeeting()))).Problem(HttpStatusCode.Forbidden);
        var (planned, etag) = await Plan(secretariat);
        var id = planned.GetProperty("id").GetInt64();
        Assert.Equal("planned", planned.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, planned.GetProperty("number").ValueKind);

        // An agenda that links two regulatory issues, and a second item.
        (planned, etag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/agenda", new
        {
            titleKo = "임상시험 규제 개선 과제 심의", kind = "deliberation", presenterAgencyCode = "kbiohealth", durationMinutes = 30,
            links = new[] { new { kind = "regulatory_issue", id = issueA }, new { kind = "regulatory_issue", id = issueB } },
        }, etag));
        (planned, etag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/agenda",
            new { titleKo = "기타 안건", kind = "discussion" }, etag));
        var items = planned.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(2, planned.GetProperty("agenda")[0].GetProperty("links").GetArrayLength());

        // Convene: numbered from the body's counter (meeting 1 was the launch). Holding needs attendance first.
        var (convened, convenedTag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "convened" }, etag));
        Assert.True(convened.GetProperty("number").GetInt32() >= 2);
        // Two public items added (the feed's DESCRIPTION lists them) and the convening (number, status): three new sequences.
        Assert.Equal(3, convened.GetProperty("sequence").GetInt32());
        etag = convenedTag;
        await (await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "held" }, etag)).Problem(HttpStatusCode.Conflict);

        // Attendance: 20 voting seats; 10 present is short of 11, 11 present opens the meeting.
        var (sheet, sheetTag) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/attendance", await Sheet(secretariat, absent: 10), etag));
        Assert.Equal(20, sheet.GetProperty("quorum").GetProperty("seats").GetInt32());
        Assert.Equal(10, sheet.GetProperty("quorum").GetProperty("present").GetInt32());
        Assert.False(sheet.GetProperty("quorum").GetProperty("met").GetBoolean());
        (sheet, etag) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/attendance", await Sheet(secretariat, absent: 9), sheetTag));
        Assert.True(sheet.GetProperty("quorum").GetProperty("met").GetBoolean());
        Assert.Equal(6, sheet.GetProperty("quorum").GetProperty("votesToDecide").GetInt32());
        Assert.Contains(sheet.GetProperty("attendance").EnumerateArray(), a => a.GetProperty("status").GetString() == "observer");

        // More votes than members present: 400 and nothing written.
        await (await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/agenda/{items[0]}/decision",
            new { outcome = "approved", text = "원안 의결", votesFor = 12 }, etag)).Problem(HttpStatusCode.BadRequest);
        // A decision that creates a follow-up for MFDS, due in ten days.
        var (decided, decidedTag) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/agenda/{items[0]}/decision", new
        {
            outcome = "approved_with_conditions", text = "식약처가 공동 IRB 인정 방안을 검토하여 다음 회의에 보고", votesFor = 10, votesAgainst = 1,
            followUps = new[] { new { title = "공동 IRB 인정 고시 개정안 마련", ownerAgencyCode = "mfds", dueOn = "2026-12-20" } },
        }, etag));
        Assert.True(decided.GetProperty("agenda")[0].GetProperty("decision").GetProperty("quorumMet").GetBoolean());
        var followUp = decided.GetProperty("followUps").EnumerateArray().Single();
        Assert.Equal("mfds", followUp.GetProperty("ownerAgency").GetProperty("code").GetString());
        etag = decidedTag;

        // Held, then the close gate: item 2 has no outcome yet.
        (var held, etag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "held" }, etag));
        Assert.Single(held.GetProperty("closeBlockers").EnumerateArray());
        var shut = await (await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "closed" }, etag)).Problem(HttpStatusCode.Conflict);
        Assert.Contains("기타 안건", shut.GetProperty("detail").GetString());
        (_, etag) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/agenda/{items[1]}/decision", new { outcome = "noted", text = "보고 접수" }, etag));
        var (closed, _) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "closed" }, etag));
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Empty(closed.GetProperty("moveForms").EnumerateArray());

        // The owner reports progress; another agency may not; the secretariat's stale ETag is 412.
        var mfds = await host.Party("mfds");
        var fid = followUp.GetProperty("id").GetInt64();
        var fresh = await mfds.GetAsync($"/api/v1/follow-ups/{fid}");
        var (reported, _) = await Read(await Change(mfds, HttpMethod.Post, $"/api/v1/follow-ups/{fid}/transitions",
            new { to = "in_progress", percent = 40, note = "고시 개정안 초안 작성" }, fresh.ETag()));
        Assert.Equal(40, reported.GetProperty("percent").GetInt32());
        Assert.Single(reported.GetProperty("notes").EnumerateArray());
        await (await Change(await host.Party("kbiohealth"), HttpMethod.Post, $"/api/v1/follow-ups/{fid}/transitions",
            new { to = "done", note = "완료" }, reported.ETagOf(mfds, fid))).Problem(HttpStatusCode.Forbidden);
        await (await Change(secretariat, HttpMethod.Post, $"/api/v1/follow-ups/{fid}/transitions", new { to = "done", note = "완료" }, fresh.ETag()))
            .Problem(HttpStatusCode.PreconditionFailed);

        // Past its due day (under the test's clock) it is overdue on MFDS's board, derived, never stored.
        Assert.DoesNotContain((await mfds.GetFromJsonAsync<JsonElement>("/api/v1/follow-ups?ownerCode=mfds&overdue=true")).GetProperty("items").EnumerateArray(),
            f => f.GetProperty("id").GetInt64() == fid);
        host.Clock.Advance(TimeSpan.FromDays(40));
        var board = (await mfds.GetFromJsonAsync<JsonElement>("/api/v1/follow-ups?ownerCode=mfds&overdue=true")).GetProperty("items").EnumerateArray()
            .Single(f => f.GetProperty("id").GetInt64() == fid);
        Assert.True(board.GetProperty("overdue").GetBoolean());
        Assert.True(board.GetProperty("daysLate").GetInt32() >= 1);
    }

    [ApiFact]
    public async Task ADecision_MovesAnIssue_AndRaisesAnother_LinkedBothWays_WithTheMeetingOnTheTimeline()
    {
        var secretariat = await host.Party("mohw");
        var (issue, issueTag) = await host.Raise(await host.Party("kbiohealth"));
        var (planned, etag) = await Plan(secretariat, "과제 연계 회의");
        var id = planned.GetProperty("id").GetInt64();
        (planned, etag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/agenda",
            new { titleKo = "임상 규제 과제 처리", kind = "deliberation", links = new[] { new { kind = "regulatory_issue", id = issue } } }, etag));
        (planned, etag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/agenda", new { titleKo = "미결 안건", kind = "discussion" }, etag));
        var decidedItem = planned.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        var openItem = planned.GetProperty("agenda")[1].GetProperty("id").GetInt64();
        (_, etag) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "convened" }, etag));
        (_, etag) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/attendance", await Sheet(secretariat), etag));
        var (decided, _) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{id}/agenda/{decidedItem}/decision",
            new { outcome = "approved", text = "식약처를 주관 부처로 지정" }, etag));
        var number = decided.GetProperty("number").GetInt32();

        // A move naming an undecided item: 400, and the issue is as it was.
        await (await secretariat.Send(HttpMethod.Post, $"/api/v1/regulatory-issues/{issue}/transitions",
            Http.Body(new { to = "under_review", leadMinistryCode = "mfds", agendaItemId = openItem }), issueTag)).Problem(HttpStatusCode.BadRequest);
        var moved = await secretariat.Send(HttpMethod.Post, $"/api/v1/regulatory-issues/{issue}/transitions",
            Http.Body(new { to = "under_review", leadMinistryCode = "mfds", agendaItemId = decidedItem }), issueTag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var meetings = (await moved.Read<JsonElement>()).GetProperty("meetings").EnumerateArray().ToList();
        Assert.Contains(meetings, m => m.GetProperty("agendaItemId").GetInt64() == decidedItem && m.GetProperty("outcome").GetString() == "approved");
        var timeline = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/regulatory-issues/{issue}/history");
        Assert.Contains(timeline.EnumerateArray(), t => t.GetProperty("fields").TryGetProperty("decision", out var d) && d.GetString()!.StartsWith($"제{number}차 "));

        // A new issue raised from the decision: its source is the meeting, and the item links to it.
        var raised = await secretariat.PostAsync("/api/v1/regulatory-issues", Http.Body(new
        {
            titleKo = "공동 IRB 인정 범위 확대", problemKo = "기관별 IRB 중복 심의로 임상 착수가 늦어집니다.", proposalKo = "공동 IRB 결과를 모든 기관이 인정하도록 합니다.",
            category = "clinical_trials", clusterCodes = new[] { "osong" }, raisedByCode = "kbiohealth", sourceAgendaItemId = decidedItem,
        }));
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var raisedIssue = await raised.Read<JsonElement>();
        Assert.StartsWith($"제{number}차 ", raisedIssue.GetProperty("sourceMeeting").GetString());
        var meeting = await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}");
        Assert.Contains(meeting.GetProperty("agenda")[0].GetProperty("links").EnumerateArray(),
            l => l.GetProperty("kind").GetString() == "regulatory_issue" && l.GetProperty("id").GetInt64() == raisedIssue.GetProperty("id").GetInt64());
    }

    [ApiFact]
    public async Task AWorkingGroup_NumbersItsOwnMeetings_UsesItsOwnRules_AndOpenFollowUpsReturnAsMattersArising()
    {
        var secretariat = await host.Party("mohw");
        var code = Http.Unique("wg").ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsync("/api/v1/council/bodies", Http.Body(new
        {
            code, parentCode = "council", nameKo = "규제개선 분과", organisingUnit = "보건복지부 보건산업정책과", openingRule = "two_thirds",
        }))).StatusCode);
        await (await secretariat.PostAsync("/api/v1/council/bodies", Http.Body(new { code, parentCode = "council", nameKo = "중복 분과", organisingUnit = "x" })))
            .Problem(HttpStatusCode.Conflict);
        var seats = new List<long>();
        foreach (var agency in new[] { "mfds", "motie", "khidi" })
        {
            var seat = await secretariat.PostAsync("/api/v1/council/seats", Http.Body(new
            {
                bodyCode = code, position = "member", group = agency == "khidi" ? "public_agency" : "ministry", agencyCode = agency,
                labelKo = $"분과위원 ({agency})", activeFrom = "2026-01-01",
            }));
            Assert.Equal(HttpStatusCode.Created, seat.StatusCode);
            seats.Add((await seat.Read<JsonElement>()).GetProperty("id").GetInt64());
        }

        async Task<(long Id, JsonElement M, string E)> Convened(string title)
        {
            var (m, e) = await Read(await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
            {
                bodyCode = code, titleKo = title, kind = "online", startsAt = title.EndsWith('2') ? "2027-02-10T06:00:00Z" : "2027-01-10T06:00:00Z",
                onlineUrl = "https://meet.example.go.kr/wg",
            })), HttpStatusCode.Created);
            var id = m.GetProperty("id").GetInt64();
            (m, e) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "convened" }, e));
            return (id, m, e);
        }

        // Meeting 1 of the group: 2 of 3 present is short of two thirds rounded up? 2 ≥ ⌈2·3/3⌉ = 2, met; 1 is not.
        var (first, m1, e1) = await Convened("분과 회의 1");
        Assert.Equal(1, m1.GetProperty("number").GetInt32());
        (m1, e1) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{first}/attendance",
            new { lines = new object[] { new { seatId = seats[0], status = "present" }, new { seatId = seats[1], status = "absent" }, new { seatId = seats[2], status = "absent" } } }, e1));
        Assert.Equal(2, m1.GetProperty("quorum").GetProperty("needed").GetInt32());
        Assert.False(m1.GetProperty("quorum").GetProperty("met").GetBoolean());
        var item = m1.GetProperty("agenda").GetArrayLength() == 0
            ? (await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{first}/agenda", new { titleKo = "분과 안건", kind = "deliberation" }, e1)))
            : (m1, e1);
        var itemId = item.Item1.GetProperty("agenda")[0].GetProperty("id").GetInt64();
        var (decided, _) = await Read(await Change(secretariat, HttpMethod.Put, $"/api/v1/meetings/{first}/agenda/{itemId}/decision", new
        {
            outcome = "deferred", text = "정족수 미달로 다음 회의에 재상정", followUps = new[] { new { title = "재상정 자료 보완", ownerAgencyCode = "mfds", dueOn = "2027-02-01" } },
        }, item.Item2));
        Assert.False(decided.GetProperty("agenda")[0].GetProperty("decision").GetProperty("quorumMet").GetBoolean());

        // Meeting 2 of the group is numbered 2 on its own, and its agenda opens with the open follow-up as matters arising.
        var (_, m2, _) = await Convened("분과 회의 2");
        Assert.Equal(2, m2.GetProperty("number").GetInt32());
        var arising = m2.GetProperty("agenda")[0];
        Assert.Equal("matters_arising", arising.GetProperty("kind").GetString());
        Assert.Contains(arising.GetProperty("links").EnumerateArray(), l => l.GetProperty("kind").GetString() == "decision" && l.GetProperty("id").GetInt64() == itemId);
    }

    [ApiFact]
    public async Task TheMeetingList_FiltersByCluster_ThroughItsItemsAndIssues()
    {
        var viewer = await host.Party("khidi");
        var wonju = await viewer.GetFromJsonAsync<JsonElement>("/api/v1/meetings?clusterCode=wonju");
        var first = wonju.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("number").ValueKind == JsonValueKind.Number && m.GetProperty("number").GetInt32() == 1
            && m.GetProperty("bodyCode").GetString() == "council");
        Assert.Equal("held", first.GetProperty("state").GetString());
        Assert.Empty((await viewer.GetFromJsonAsync<JsonElement>("/api/v1/meetings?clusterCode=nowhere")).GetProperty("items").EnumerateArray());
        var csv = await (await viewer.GetAsync("/api/v1/meetings/export.csv?clusterCode=wonju")).Content.ReadAsStringAsync();
        Assert.Contains("국가과학기술자문회의 대회의실", csv);
        Assert.Contains("2024-05-29 15:00", csv);
        Assert.Contains(",개최,", csv); // the state as its label, not its wire name
        await (await viewer.GetAsync("/api/v1/meetings/export.csv?state=nonsense")).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Cancelling_NeedsAReason_AndMovesTheCalendarSequence()
    {
        var secretariat = await host.Party("mohw");
        var (planned, etag) = await Plan(secretariat, "취소될 회의");
        var id = planned.GetProperty("id").GetInt64();
        var problem = await (await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions", new { to = "cancelled" }, etag)).Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors().ContainsKey("reason"));
        var (cancelled, _) = await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/transitions",
            new { to = "cancelled", reason = "위원장 일정 변경" }, etag));
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("위원장 일정 변경", cancelled.GetProperty("cancelReason").GetString());
        Assert.Equal(1, cancelled.GetProperty("sequence").GetInt32());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("number").ValueKind); // never convened: no number used
    }

    [ApiFact]
    public async Task AnInternalItem_IsHiddenFromViewers_ButShownToTheOperatorWhoseClusterItNames()
    {
        var secretariat = await host.Party("mohw");
        var (planned, etag) = await Plan(secretariat, "내부 안건 회의");
        var id = planned.GetProperty("id").GetInt64();
        var osong = (await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/clusters/by-code/osong")).GetProperty("id").GetInt64();
        await Read(await Change(secretariat, HttpMethod.Post, $"/api/v1/meetings/{id}/agenda",
            new { titleKo = "오송 단지 내부 검토", kind = "discussion", visibility = "internal", links = new[] { new { kind = "cluster", id = osong } } }, etag));
        Assert.Empty((await (await host.Party("khidi")).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}")).GetProperty("agenda").EnumerateArray());
        Assert.Empty((await (await host.Party("ifez")).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}")).GetProperty("agenda").EnumerateArray());
        var shown = (await (await host.Party("kbiohealth")).GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}")).GetProperty("agenda");
        Assert.Single(shown.EnumerateArray());

        // The item's documents are read as the item is: by the operator it names, not by a viewer (who learns nothing of it).
        var item = shown[0].GetProperty("id").GetInt64();
        var paper = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(Documents.DocumentSamples.Pdf("내부 검토 자료"));
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        paper.Add(bytes, "file", "내부 검토.pdf");
        Assert.Equal(HttpStatusCode.Created, (await secretariat.PostAsync($"/api/v1/agenda-items/{item}/documents", paper)).StatusCode);
        Assert.Single((await (await host.Party("kbiohealth")).GetFromJsonAsync<JsonElement>($"/api/v1/agenda-items/{item}/documents")).GetProperty("items").EnumerateArray());
        var hidden = await (await host.Party("khidi")).GetAsync($"/api/v1/agenda-items/{item}/documents");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}

internal static class FollowUpTestHelpers
{
    /// <summary>The follow-up's current ETag as its owner reads it.</summary>
    public static string ETagOf(this JsonElement _, HttpClient owner, long id) =>
        owner.GetAsync($"/api/v1/follow-ups/{id}").GetAwaiter().GetResult().ETag();
}

public sealed class MeetingsApiTests(IssuesFactory host) : MeetingsApiSuite<IssuesFactory>(host), IClassFixture<IssuesFactory>;

[SqlServerSuite]
public sealed class MeetingsApiSqlServerTests(SqlServerIssuesFactory host) : MeetingsApiSuite<SqlServerIssuesFactory>(host), IClassFixture<SqlServerIssuesFactory>;
