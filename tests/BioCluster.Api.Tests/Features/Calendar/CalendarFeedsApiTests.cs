using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Ical.Net;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace BioCluster.Api.Tests.Features.Calendar;

/// <summary>
/// Calendar feeds through HTTP: a feed made with a token shown once, read without signing in and parsed back with the
/// same iCalendar library; a meeting's changes and cancellation carried by SEQUENCE and STATUS under one UID; internal
/// items kept out; revoked and unknown tokens alike 404; only the token's hash at rest.
/// </summary>
public abstract class CalendarFeedsApiSuite<THost>(THost host) where THost : ApiFactory, IIssuesHost
{
    private static async Task<(JsonElement Created, string Token, string Path)> MakeFeed(HttpClient owner, object body)
    {
        var response = await owner.PostAsync("/api/v1/calendar-feeds", Http.Body(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Read<JsonElement>();
        var token = created.GetProperty("token").GetString()!;
        var url = new Uri(created.GetProperty("feedUrl").GetString()!);
        Assert.Equal($"/api/v1/calendar/{token}.ics", url.AbsolutePath);
        Assert.Equal($"/api/v1/calendar-feeds/{created.GetProperty("feed").GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        _ = response.ETag();
        return (created, token, url.PathAndQuery);
    }

    /// <summary>The feed as a calendar program reads it: no credentials, no cookies.</summary>
    private async Task<IcalCalendar> Fetch(string path)
    {
        var response = await host.Raw().GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.CacheControl is { Private: true, MaxAge: { } age } && age <= TimeSpan.FromMinutes(5), $"Cache-Control: {response.Headers.CacheControl}");
        return IcalCalendar.Load(text) ?? throw new Xunit.Sdk.XunitException("the feed did not parse as iCalendar");
    }

    private static CalendarEvent EventOf(IcalCalendar calendar, long meetingId) => calendar.Events.Single(e => e.Uid == $"meeting-{meetingId}@biocluster");

    [ApiFact]
    public async Task ABodyFeed_ReadWithoutSigningIn_ParsesBack_WithTheSeededFirstMeeting()
    {
        var (created, token, path) = await MakeFeed(await host.Party("khidi"), new { scope = "body", bodyCode = "council" });
        Assert.StartsWith("bcf_", token);
        Assert.True(token.Length >= 40);
        Assert.Equal("active", created.GetProperty("feed").GetProperty("status").GetString());
        Assert.Equal("council", created.GetProperty("feed").GetProperty("bodyCode").GetString());

        var calendar = await Fetch(path);
        Assert.Equal("바이오 클러스터 협의체 회의", calendar.Properties["X-WR-CALNAME"]!.Value?.ToString());
        var first = calendar.Events.Single(e => e.Summary?.StartsWith("제1차", StringComparison.Ordinal) == true);
        Assert.Equal("제1차 바이오 클러스터 협의체 회의", first.Summary);
        Assert.True(first.DtStart!.IsUtc);
        Assert.Equal(new DateTime(2024, 5, 29, 6, 0, 0, DateTimeKind.Utc), first.DtStart.AsUtc);
        Assert.Equal("국가과학기술자문회의 대회의실", first.Location);
        Assert.Equal(EventStatus.Confirmed, first.Status); // held
        Assert.Matches(@"^meeting-\d+@biocluster$", first.Uid);
        Assert.Contains("1. 협의체 구성 및 운영계획", first.Description);
        Assert.Contains("2.1. ", first.Description);
        Assert.Contains("3. 클러스터 간 협력 방안 자유 토의", first.Description);
    }

    /// <summary>
    /// SEQUENCE counts changes to what the subscriber's calendar shows (title and number, time, place, online link, status,
    /// the public agenda in DESCRIPTION), and nothing else: re-sending the same fields, internal items and attendance leave it.
    /// </summary>
    [ApiFact]
    public async Task Sequence_RisesExactlyWhenTheEventAsShownChanges()
    {
        var secretariat = await host.Party("mohw");
        var (_, _, path) = await MakeFeed(await host.Party("khidi"), new { scope = "body", bodyCode = "council" });
        var fields = new Dictionary<string, object?>
        {
            ["titleKo"] = "협의체 일정 시험 회의", ["kind"] = "hybrid", ["startsAt"] = "2026-12-20T05:00:00Z", ["endsAt"] = "2026-12-20T07:00:00Z",
            ["venue"] = "서울청사 회의실", ["onlineUrl"] = "https://meet.example.go.kr/seq-a",
        };
        var planned = await secretariat.PostAsync("/api/v1/meetings", Http.Body(new Dictionary<string, object?>(fields) { ["bodyCode"] = "council" }));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var id = (await planned.Read<JsonElement>()).GetProperty("id").GetInt64();
        var etag = planned.ETag();

        async Task<CalendarEvent> Step(HttpMethod method, string suffix, object body, int expected, string what)
        {
            var response = await secretariat.Send(method, $"/api/v1/meetings/{id}{suffix}", Http.Body(body), etag);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {text}");
            etag = response.ETag();
            Assert.Equal(expected, JsonDocument.Parse(text).RootElement.GetProperty("sequence").GetInt32());
            var e = EventOf(await Fetch(path), id);
            Assert.True(expected == e.Sequence, $"{what}: SEQUENCE {e.Sequence}, expected {expected}");
            return e;
        }

        Assert.Equal(0, EventOf(await Fetch(path), id).Sequence);
        await Step(HttpMethod.Put, "", fields, 0, "the same fields again");
        var internalItem = await Step(HttpMethod.Post, "/agenda", new { titleKo = "비공개 인사 안건", kind = "discussion", visibility = "internal" }, 0, "an internal item");
        Assert.DoesNotContain("비공개", internalItem.Description);
        var withItem = await Step(HttpMethod.Post, "/agenda", new { titleKo = "공개 보고 안건", kind = "report" }, 1, "a public item");
        Assert.Contains("1. 공개 보고 안건", withItem.Description);
        var meeting = await secretariat.GetFromJson($"/api/v1/meetings/{id}");
        var items = meeting.GetProperty("agenda").EnumerateArray().ToList();
        var publicId = items.Single(i => i.GetProperty("visibility").GetString() == "public").GetProperty("id").GetInt64();
        var internalId = items.Single(i => i.GetProperty("visibility").GetString() == "internal").GetProperty("id").GetInt64();
        await Step(HttpMethod.Put, $"/agenda/{internalId}", new { titleKo = "비공개 인사 안건 (수정)", kind = "discussion", visibility = "internal" }, 1,
            "an internal item renamed");
        await Step(HttpMethod.Put, "/agenda-order", new { itemIds = new[] { publicId, internalId } }, 1, "an order the calendar cannot see");
        var renamed = await Step(HttpMethod.Put, $"/agenda/{publicId}", new { titleKo = "공개 보고 안건 (수정)", kind = "report" }, 2, "a public item renamed");
        Assert.Contains("1. 공개 보고 안건 (수정)", renamed.Description);

        var title = await Step(HttpMethod.Put, "", new Dictionary<string, object?>(fields) { ["titleKo"] = "협의체 일정 시험 회의 (변경)" }, 3, "a new title");
        Assert.Equal("협의체 일정 시험 회의 (변경)", title.Summary);
        fields["titleKo"] = "협의체 일정 시험 회의 (변경)";
        await Step(HttpMethod.Put, "", new Dictionary<string, object?>(fields) { ["titleEn"] = "A title only the API shows" }, 3, "an English title");
        var venue = await Step(HttpMethod.Put, "", new Dictionary<string, object?>(fields) { ["venue"] = "세종청사 회의실" }, 4, "a new venue");
        Assert.Equal("세종청사 회의실", venue.Location);
        fields["venue"] = "세종청사 회의실";
        var link = await Step(HttpMethod.Put, "", new Dictionary<string, object?>(fields) { ["onlineUrl"] = "https://meet.example.go.kr/seq-b" }, 5, "a new link");
        Assert.Equal(new Uri("https://meet.example.go.kr/seq-b"), link.Url);
        fields["onlineUrl"] = "https://meet.example.go.kr/seq-b";
        var later = await Step(HttpMethod.Put, "", new Dictionary<string, object?>(fields) { ["startsAt"] = "2026-12-21T05:00:00Z", ["endsAt"] = "2026-12-21T07:00:00Z" },
            6, "a new time");
        Assert.Equal(new DateTime(2026, 12, 21, 5, 0, 0, DateTimeKind.Utc), later.DtStart!.AsUtc);
        var convened = await Step(HttpMethod.Post, "/transitions", new { to = "convened" }, 7, "convened (numbered, confirmed)");
        Assert.Equal(EventStatus.Confirmed, convened.Status);
        Assert.StartsWith("제", convened.Summary);
        await Step(HttpMethod.Put, "/attendance", new { lines = new[] { new { status = "observer", name = "배석자 시험" } } }, 7, "attendance");
        var cancelled = await Step(HttpMethod.Post, "/transitions", new { to = "cancelled", reason = "일정 재조정" }, 8, "cancelled");
        Assert.Contains("일정 재조정", cancelled.Description);
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
    }

    [ApiFact]
    public async Task AMeeting_ChangedThenCancelled_KeepsItsUid_GrowsItsSequence_AndEndsCancelled_WithoutInternalItems()
    {
        var secretariat = await host.Party("mohw");
        var (_, _, path) = await MakeFeed(await host.Party("kbiohealth"), new { scope = "body", bodyCode = "council" });

        var planned = await secretariat.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "바이오 클러스터 협의체 실무 회의", kind = "hybrid", startsAt = "2026-12-10T06:00:00Z",
            endsAt = "2026-12-10T08:00:00Z", venue = "정부세종청사 보건복지부 대회의실", onlineUrl = "https://meet.example.go.kr/council-feed",
        }));
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var id = (await planned.Read<JsonElement>()).GetProperty("id").GetInt64();
        var etag = planned.ETag();

        var first = EventOf(await Fetch(path), id);
        Assert.Equal(EventStatus.Tentative, first.Status);
        Assert.Equal(0, first.Sequence);
        Assert.Equal(new Uri("https://meet.example.go.kr/council-feed"), first.Url);
        Assert.Equal(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc), first.DtEnd!.AsUtc);

        // Moved by a day: a new sequence, a new start.
        var moved = await secretariat.Send(HttpMethod.Put, $"/api/v1/meetings/{id}", Http.Body(new
        {
            titleKo = "바이오 클러스터 협의체 실무 회의", kind = "hybrid", startsAt = "2026-12-11T06:00:00Z", endsAt = "2026-12-11T08:00:00Z",
            venue = "정부세종청사 보건복지부 대회의실", onlineUrl = "https://meet.example.go.kr/council-feed",
        }), etag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        etag = moved.ETag();
        var second = EventOf(await Fetch(path), id);
        Assert.True(second.Sequence > first.Sequence, $"sequence {first.Sequence} → {second.Sequence}");
        Assert.Equal(new DateTime(2026, 12, 11, 6, 0, 0, DateTimeKind.Utc), second.DtStart!.AsUtc);

        // A public item and an internal one: only the public one reaches the calendar.
        foreach (var item in new object[]
                 {
                     new { titleKo = "공개 안건: 규제 개선 과제 보고", kind = "report" },
                     new { titleKo = "비공개 안건: 인사 검토", kind = "discussion", visibility = "internal" },
                 })
        {
            var added = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/agenda", Http.Body(item), etag);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            etag = added.ETag();
        }
        var withAgenda = EventOf(await Fetch(path), id);
        Assert.Contains("1. 공개 안건: 규제 개선 과제 보고", withAgenda.Description);
        Assert.DoesNotContain("비공개", withAgenda.Description);
        Assert.DoesNotContain("인사 검토", (await host.Raw().GetStringAsync(path)));

        // Cancelled: still in the feed, same UID, STATUS:CANCELLED, a later sequence.
        var cancelled = await secretariat.Send(HttpMethod.Post, $"/api/v1/meetings/{id}/transitions",
            Http.Body(new { to = "cancelled", reason = "위원 일정 조정으로 연기" }), etag);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var third = EventOf(await Fetch(path), id);
        Assert.Equal(EventStatus.Cancelled, third.Status);
        Assert.True(third.Sequence > second.Sequence, $"sequence {second.Sequence} → {third.Sequence}");
        Assert.Contains("위원 일정 조정으로 연기", third.Description);
    }

    [ApiFact]
    public async Task ARevokedToken_AndAnUnknownOne_AnswerTheSame404()
    {
        var owner = await host.Party("gbsa");
        var (created, token, path) = await MakeFeed(owner, new { scope = "body", bodyCode = "council" });
        var id = created.GetProperty("feed").GetProperty("id").GetInt64();

        // The owner's list shows it, never with its token.
        var list = await owner.GetStringAsync("/api/v1/calendar-feeds");
        Assert.Contains($"\"id\":{id}", list);
        Assert.DoesNotContain(token, list);
        Assert.DoesNotContain(token[4..], list);

        // Others neither see nor revoke it.
        var other = await host.Party("ifez");
        Assert.DoesNotContain($"\"id\":{id},", await other.GetStringAsync("/api/v1/calendar-feeds"));
        await (await other.GetAsync($"/api/v1/calendar-feeds/{id}")).Problem(HttpStatusCode.NotFound);
        var read = await owner.GetAsync($"/api/v1/calendar-feeds/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await (await other.Send(HttpMethod.Delete, $"/api/v1/calendar-feeds/{id}", null, read.ETag())).Problem(HttpStatusCode.NotFound);

        await (await owner.Send(HttpMethod.Delete, $"/api/v1/calendar-feeds/{id}")).Problem(HttpStatusCode.PreconditionRequired);
        var revoked = await owner.Send(HttpMethod.Delete, $"/api/v1/calendar-feeds/{id}", null, read.ETag());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal("revoked", (await owner.GetFromJson($"/api/v1/calendar-feeds/{id}")).GetProperty("status").GetString());

        var gone = await (await host.Raw().GetAsync(path)).Problem(HttpStatusCode.NotFound);
        var never = await (await host.Raw().GetAsync($"/api/v1/calendar/bcf_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=')}.ics"))
            .Problem(HttpStatusCode.NotFound);
        Assert.Equal(gone.GetProperty("detail").GetString(), never.GetProperty("detail").GetString());
        await (await host.Raw().GetAsync("/api/v1/calendar/not-a-token.ics")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task TheToken_IsNotKeptInClear_OnlyItsSha256()
    {
        var (created, token, _) = await MakeFeed(await host.Party("wmit"), new { scope = "person" });
        var id = created.GetProperty("feed").GetProperty("id").GetInt64();
        await using var db = host.OpenDb();
        var row = (IDictionary<string, object?>)await db.QuerySingleAsync("SELECT * FROM calendar_feeds WHERE id = @id", new { id });
        Assert.DoesNotContain(row.Values, v => v?.ToString()?.Contains(token[4..], StringComparison.Ordinal) == true);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), row["token_hash"]);
    }

    [ApiFact]
    public async Task APersonFeed_HasTheMeetingsOfTheBodiesItsAgencySitsOn_AndNeedsAnAgency()
    {
        // kbiohealth holds a seat on the council (and presents at meeting 1): the launch is in its feed.
        var (created, _, path) = await MakeFeed(await host.Party("kbiohealth"), new { scope = "person" });
        Assert.Equal(JsonValueKind.Null, created.GetProperty("feed").GetProperty("bodyCode").ValueKind);
        var calendar = await Fetch(path);
        Assert.Contains(calendar.Events, e => e.Summary == "제1차 바이오 클러스터 협의체 회의");
        Assert.Contains("협의체 회의 일정", calendar.Properties["X-WR-CALNAME"]!.Value?.ToString());

        // The bootstrap administrator has no agency: no person feed, a body feed is fine. Wrong shapes are 400.
        var admin = host.Client();
        var refused = await (await admin.PostAsync("/api/v1/calendar-feeds", Http.Body(new { scope = "person" }))).Problem(HttpStatusCode.BadRequest);
        Assert.True(refused.Errors().ContainsKey("scope"));
        await (await admin.PostAsync("/api/v1/calendar-feeds", Http.Body(new { scope = "body" }))).Problem(HttpStatusCode.BadRequest);
        await (await admin.PostAsync("/api/v1/calendar-feeds", Http.Body(new { scope = "body", bodyCode = "no-such-body" }))).Problem(HttpStatusCode.BadRequest);
        await (await admin.PostAsync("/api/v1/calendar-feeds", Http.Body(new { scope = "person", bodyCode = "council" }))).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task AFeed_StopsWhenItsOwningKeyIsRevoked()
    {
        var secret = await host.NewKey("khidi", ["read"]);
        var owner = host.Anonymous();
        owner.DefaultRequestHeaders.Add("X-Api-Key", secret);
        var (_, _, path) = await MakeFeed(owner, new { scope = "body", bodyCode = "council" });
        await Fetch(path);

        var admin = host.Client();
        var keys = await admin.GetFromJson("/api/v1/api-keys?limit=200");
        var keyId = keys.GetProperty("items").EnumerateArray().Single(k => secret.StartsWith($"bck_{k.GetProperty("prefix").GetString()}_", StringComparison.Ordinal))
            .GetProperty("id").GetInt64();
        var key = await admin.GetAsync($"/api/v1/api-keys/{keyId}");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Send(HttpMethod.Delete, $"/api/v1/api-keys/{keyId}", null, key.ETag())).StatusCode);
        await (await host.Raw().GetAsync(path)).Problem(HttpStatusCode.NotFound);
    }
}

internal static class CalendarHttp
{
    public static async Task<JsonElement> GetFromJson(this HttpClient client, string path) => await (await client.GetAsync(path)).Read<JsonElement>();
}

public sealed class CalendarFeedsApiTests(IssuesFactory host) : CalendarFeedsApiSuite<IssuesFactory>(host), IClassFixture<IssuesFactory>;

[SqlServerSuite]
public sealed class CalendarFeedsApiSqlServerTests(SqlServerIssuesFactory host) : CalendarFeedsApiSuite<SqlServerIssuesFactory>(host), IClassFixture<SqlServerIssuesFactory>;
