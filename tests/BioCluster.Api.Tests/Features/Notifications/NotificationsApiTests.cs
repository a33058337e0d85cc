using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Notifications;

/// <summary>The outbox through HTTP: who is told of what, the bell, preferences, and e-mail through a real SMTP server.</summary>
public sealed class NotificationsApiTests(NotificationsFactory host) : IClassFixture<NotificationsFactory>
{
    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@example.kr";

    private async Task<long> RaiseAsync(HttpClient raiser, string title)
    {
        var (id, _) = await IssuesFactory.RaiseWith(raiser, IssuesFactory.NewIssue(title, clusters: ["osong"]));
        return id;
    }

    private static async Task RouteAsync(HttpClient secretariat, long id) =>
        Assert.Equal(HttpStatusCode.OK, (await IssuesFactory.Move(secretariat, id,
            new { to = "under_review", leadMinistryCode = "mfds", coMinistryCodes = new[] { "motie" }, comment = "식약처 주관, 산업부 협조" })).StatusCode);

    private static async Task<List<JsonElement>> BellAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications" + query)).GetProperty("items").EnumerateArray().ToList();

    private static List<JsonElement> About(IEnumerable<JsonElement> items, string kind, long subjectId) =>
        items.Where(n => n.GetProperty("kind").GetString() == kind && n.GetProperty("subjectId").GetInt64() == subjectId).ToList();

    private async Task<long> CountAsync(string sql, object? p = null)
    {
        await using var db = host.OpenDatabase();
        return await db.ExecuteScalarAsync<long>(sql, p);
    }

    [Fact]
    public async Task Routing_TellsTheLeadAndCoMinistries_AndTheRaiserThatItMoved_ButNotTheOneWhoRoutedIt()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var lead = await host.PersonAsync("ministry_reviewer", "mfds");
        var co = await host.PersonAsync("ministry_reviewer", "motie");
        var other = await host.PersonAsync("ministry_reviewer", "msit");
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var id = await RaiseAsync(raiser.Client, "알림 시험: 배정");
        await RouteAsync(secretariat.Client, id);

        var leadRouted = Assert.Single(About(await BellAsync(lead.Client), "issue_routed", id));
        Assert.Equal("규제 개선 과제가 배정되었습니다", leadRouted.GetProperty("title").GetString());
        Assert.Contains("알림 시험: 배정", leadRouted.GetProperty("body").GetString());
        Assert.Contains("식품의약품안전처", leadRouted.GetProperty("body").GetString());
        Assert.Equal($"/issues/{id}", leadRouted.GetProperty("link").GetString());
        Assert.Empty(About(await BellAsync(lead.Client), "issue_moved", id)); // one notification per person per event
        Assert.Single(About(await BellAsync(co.Client), "issue_routed", id));
        var moved = Assert.Single(About(await BellAsync(raiser.Client), "issue_moved", id));
        Assert.Contains("접수 → 검토 중", moved.GetProperty("body").GetString());
        Assert.Empty(await BellAsync(other.Client));
        Assert.Empty(About(await BellAsync(secretariat.Client), "issue_routed", id));
        Assert.Empty(About(await BellAsync(secretariat.Client), "issue_moved", id));

        // The bell speaks the request's language.
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications?unread=true");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var page = await (await lead.Client.SendAsync(english)).Read<JsonElement>();
        Assert.Contains(page.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == "A regulatory issue was routed to you");
    }

    [Fact]
    public async Task DeadlineMoves_ThatKeepTheLeadMinistry_DoNotSayRouted_ButAReRouteAndAGrantedRelief_TellTheNewMinistry()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var mfds = await host.PersonAsync("ministry_reviewer", "mfds");
        var msit = await host.PersonAsync("ministry_reviewer", "msit");
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var id = await RaiseAsync(raiser.Client, "알림 시험: 기한 이동");
        await RouteAsync(secretariat.Client, id);
        async Task<int> Routed(Person p) => About(await BellAsync(p.Client), "issue_routed", id).Count;
        Task<long> RoutedEvents() => CountAsync("SELECT COUNT(*) FROM notification_events WHERE kind = 'issue_routed' AND subject_id = @id", new { id });
        async Task MoveOk(HttpClient client, object body) => Assert.Equal(HttpStatusCode.OK, (await IssuesFactory.Move(client, id, body)).StatusCode);
        Assert.Equal(1, await Routed(mfds));

        // The ministry asks for more time, the secretariat grants it; the ministry asks to be relieved: it stays with mfds.
        await MoveOk(mfds.Client, new { to = "under_review", move = "extension_request", reason = "관계 부처 협의가 필요합니다.", proposedDueOn = "2027-01-20" });
        await MoveOk(secretariat.Client, new { to = "under_review", move = "grant_request" });
        await MoveOk(secretariat.Client, new { to = "under_review", move = "extension", responseDueAt = "2027-02-01T14:59:59Z", reason = "국회 일정으로 연장합니다." });
        await MoveOk(mfds.Client, new { to = "under_review", move = "relief_request", reason = "개인정보 관련 규정은 과기정통부 소관입니다.", proposedMinistryCode = "msit" });
        Assert.Equal(1, await RoutedEvents());
        Assert.Equal(1, await Routed(mfds));
        Assert.Equal(0, await Routed(msit));
        Assert.Equal(5, About(await BellAsync(raiser.Client), "issue_moved", id).Count); // the raiser is told of the routing and of each move

        // The secretariat grants the relief: the issue goes to msit, whose reviewers are told it is theirs.
        await MoveOk(secretariat.Client, new { to = "under_review", move = "grant_request" });
        Assert.Equal(2, await RoutedEvents());
        var toMsit = Assert.Single(About(await BellAsync(msit.Client), "issue_routed", id));
        Assert.Contains("과학기술정보통신부", toMsit.GetProperty("body").GetString());
        Assert.Equal(1, await Routed(mfds)); // no longer its issue

        // A re-route by the secretariat hands it back to mfds: mfds is told again.
        await MoveOk(secretariat.Client, new { to = "under_review", move = "reroute", leadMinistryCode = "mfds", reason = "소관 법령이 식약처에 있어 재지정합니다." });
        Assert.Equal(3, await RoutedEvents());
        Assert.Equal(2, await Routed(mfds));
        Assert.Equal(1, await Routed(msit));
    }

    [Fact]
    public async Task ARefusedMove_WritesNoOutboxRow_AndADoneOneWritesItsRowsWithIt()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        await host.PersonAsync("ministry_reviewer", "mfds");
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var id = await RaiseAsync(raiser.Client, "알림 시험: 거절된 이동");
        var events = $"SELECT COUNT(*) FROM notification_events WHERE subject_type = 'regulatory_issue' AND subject_id = {id}";
        var rows = $"SELECT COUNT(*) FROM notifications n JOIN notification_events e ON e.id = n.event_id WHERE e.subject_id = {id} AND e.subject_type = 'regulatory_issue'";

        // Not the operator's move (403), a stale version (412), bad fields (400): nothing in the outbox.
        await (await IssuesFactory.Move(raiser.Client, id, new { to = "under_review", leadMinistryCode = "mfds" })).Problem(HttpStatusCode.Forbidden);
        await (await IssuesFactory.Move(secretariat.Client, id, new { to = "under_review", leadMinistryCode = "mfds" }, "\"99\"")).Problem(HttpStatusCode.PreconditionFailed);
        await (await IssuesFactory.Move(secretariat.Client, id, new { to = "under_review", leadMinistryCode = "kbiohealth" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(0, await CountAsync(events));
        Assert.Equal(0, await CountAsync(rows));

        await RouteAsync(secretariat.Client, id);
        Assert.Equal(2, await CountAsync(events)); // routed + moved
        Assert.True(await CountAsync(rows) >= 2);
    }

    [Fact]
    public async Task AComment_TellsThePeopleOfEveryAgencyWorkingTheIssue_ButNotItsAuthor()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var lead = await host.PersonAsync("ministry_reviewer", "mfds");
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var viewer = await host.PersonAsync("viewer", "khidi");
        var id = await RaiseAsync(raiser.Client, "알림 시험: 의견");
        await RouteAsync(secretariat.Client, id);
        var text = "공동 IRB 인정 범위를 " + new string('가', 300);
        Assert.Equal(HttpStatusCode.Created, (await lead.Client.PostAsync($"/api/v1/regulatory-issues/{id}/comments", Http.Body(new { text }))).StatusCode);

        var told = Assert.Single(About(await BellAsync(raiser.Client), "issue_commented", id));
        Assert.Contains("공동 IRB 인정 범위를", told.GetProperty("body").GetString());
        Assert.EndsWith("…", told.GetProperty("body").GetString());
        Assert.Empty(About(await BellAsync(lead.Client), "issue_commented", id));
        Assert.Empty(About(await BellAsync(viewer.Client), "issue_commented", id));
    }

    [Fact]
    public async Task ConveningAndCancelling_TellTheSeatAgencies_AndAFollowUp_TellsItsOwner()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var member = await host.PersonAsync("ministry_reviewer", "motie"); // 산업통상자원부 holds a council seat
        var owner = await host.PersonAsync("ministry_reviewer", "mfds");
        var outsider = await host.PersonAsync("viewer", null);
        var created = await secretariat.Client.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = "알림 시험 회의", kind = "in_person", startsAt = "2026-12-10T06:00:00Z", venue = "정부세종청사",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = (await created.Read<JsonElement>()).GetProperty("id").GetInt64();
        var convened = await secretariat.Client.Send(HttpMethod.Post, $"/api/v1/meetings/{meeting}/transitions", Http.Body(new { to = "convened" }), created.ETag());
        Assert.Equal(HttpStatusCode.OK, convened.StatusCode);
        var told = Assert.Single(About(await BellAsync(member.Client), "meeting_convened", meeting));
        Assert.Contains("2026-12-10 15:00", told.GetProperty("body").GetString());
        Assert.Empty(About(await BellAsync(outsider.Client), "meeting_convened", meeting));
        Assert.Empty(About(await BellAsync(secretariat.Client), "meeting_convened", meeting));

        // A decision that gives a follow-up to 식약처.
        var m = await convened.Read<JsonElement>();
        var withItem = await secretariat.Client.Send(HttpMethod.Post, $"/api/v1/meetings/{meeting}/agenda",
            Http.Body(new { titleKo = "알림 시험 안건", kind = "deliberation" }), convened.ETag());
        var item = (await withItem.Read<JsonElement>()).GetProperty("agenda").EnumerateArray().Last().GetProperty("id").GetInt64();
        var decided = await secretariat.Client.Send(HttpMethod.Put, $"/api/v1/meetings/{meeting}/agenda/{item}/decision", Http.Body(new
        {
            outcome = "noted", text = "보고 청취", followUps = new[] { new { title = "알림 시험 후속조치", ownerAgencyCode = "mfds", dueOn = "2026-12-20" } },
        }), withItem.ETag());
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var assigned = (await BellAsync(owner.Client)).Single(n => n.GetProperty("kind").GetString() == "follow_up_assigned"
            && n.GetProperty("body").GetString()!.Contains("알림 시험 후속조치"));
        Assert.Contains("2026-12-20", assigned.GetProperty("body").GetString());

        var cancelled = await secretariat.Client.Send(HttpMethod.Post, $"/api/v1/meetings/{meeting}/transitions",
            Http.Body(new { to = "cancelled", reason = "위원장 일정 변경" }), decided.ETag());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("위원장 일정 변경", Assert.Single(About(await BellAsync(member.Client), "meeting_cancelled", meeting)).GetProperty("body").GetString());
        _ = m;
    }

    [Fact]
    public async Task TheBell_IsTheCallersOwn_CountsUnread_AndMarksOneOrAllRead()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var reviewer = await host.PersonAsync("ministry_reviewer", "mfds");
        var colleague = await host.PersonAsync("ministry_reviewer", "mfds");
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var first = await RaiseAsync(raiser.Client, "알림 시험: 벨 1");
        var second = await RaiseAsync(raiser.Client, "알림 시험: 벨 2");
        await RouteAsync(secretariat.Client, first);
        await RouteAsync(secretariat.Client, second);

        async Task<int> Unread(HttpClient c) => (await c.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();
        var mine = await BellAsync(reviewer.Client);
        Assert.Equal(mine.Count, await Unread(reviewer.Client));
        Assert.True(mine.Count >= 2);
        var one = mine[0].GetProperty("id").GetInt64();

        // Another person's notification is not found, and stays unread.
        await (await colleague.Client.PostAsync($"/api/v1/notifications/{one}/read", null)).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await BellAsync(colleague.Client), n => n.GetProperty("id").GetInt64() == one);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.Client.PostAsync($"/api/v1/notifications/{one}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.Client.PostAsync($"/api/v1/notifications/{one}/read", null)).StatusCode);
        Assert.Equal(mine.Count - 1, await Unread(reviewer.Client));
        Assert.DoesNotContain(await BellAsync(reviewer.Client, "?unread=true"), n => n.GetProperty("id").GetInt64() == one);
        Assert.Equal(mine.Count, (await BellAsync(reviewer.Client)).Count);

        var all = await (await reviewer.Client.PostAsync("/api/v1/notifications/read-all", null)).Read<JsonElement>();
        Assert.Equal(mine.Count - 1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, await Unread(reviewer.Client));
        Assert.Equal(await BellAsync(colleague.Client) is { Count: var c } ? c : -1, await Unread(colleague.Client)); // untouched

        // Paging: keyset, newest first; bad input is a 400.
        var page = await reviewer.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?limit=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, page.GetProperty("nextCursor").ValueKind);
        await (await reviewer.Client.GetAsync("/api/v1/notifications?limit=0")).Problem(HttpStatusCode.BadRequest);
        await (await reviewer.Client.GetAsync("/api/v1/notifications?unread=maybe")).Problem(HttpStatusCode.BadRequest);

        // API keys have no bell.
        var key = await host.WithKey("mfds", "read", "write");
        await (await key.GetAsync("/api/v1/notifications")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Preferences_AreGuardedByIfMatch_Validated_AndAudited()
    {
        var person = await host.PersonAsync("viewer", null);
        var read = await person.Client.GetAsync("/api/v1/notifications/preferences");
        var prefs = await read.Read<JsonElement>();
        Assert.Equal("\"1\"", read.ETag());
        Assert.True(prefs.GetProperty("emailEnabled").GetBoolean());
        Assert.Equal("ko", prefs.GetProperty("language").GetString());
        Assert.Equal(Enum.GetValues<BioCluster.Contracts.Notifications.NotificationKind>().Length, prefs.GetProperty("emailKinds").GetArrayLength()); // every kind is mailed by default
        var body = new { email = "person@example.kr", language = "en", emailKinds = new[] { "issue_routed" }, digest = true, digestHour = 18 };

        await (await person.Client.Send(HttpMethod.Put, "/api/v1/notifications/preferences", Http.Body(body))).Problem(HttpStatusCode.PreconditionRequired);
        var bad = await (await person.Client.Send(HttpMethod.Put, "/api/v1/notifications/preferences",
            Http.Body(new { email = "not an address", language = "ko", emailKinds = Array.Empty<string>(), digest = false, digestHour = 24 }), "\"1\"")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("email", bad.Errors().Keys);
        Assert.Contains("digestHour", bad.Errors().Keys);
        await (await person.Client.Send(HttpMethod.Put, "/api/v1/notifications/preferences",
            Http.Raw("""{"email":null,"language":"ko","emailKinds":["no_such_kind"],"digest":false,"digestHour":8}"""), "\"1\"")).Problem(HttpStatusCode.BadRequest);

        var saved = await person.Client.Send(HttpMethod.Put, "/api/v1/notifications/preferences", Http.Body(body), "\"1\"");
        var after = await saved.Read<JsonElement>();
        Assert.Equal("\"2\"", saved.ETag());
        Assert.Equal(["issue_routed"], after.GetProperty("emailKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(18, after.GetProperty("digestHour").GetInt32());
        await (await person.Client.Send(HttpMethod.Put, "/api/v1/notifications/preferences", Http.Body(body), "\"1\"")).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, await CountAsync(
            "SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'notification_preferences' AND entity_id = @Id AND action = 'update'", new { person.Id }));
    }

    [Fact]
    public async Task Deliveries_AreForAdministratorsOnly()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        await (await secretariat.Client.GetAsync("/api/v1/notification-deliveries")).Problem(HttpStatusCode.Forbidden);
        var list = await host.Client().GetFromJsonAsync<JsonElement>("/api/v1/notification-deliveries?state=failed&state=sent&limit=5");
        Assert.True(list.GetProperty("items").GetArrayLength() <= 5);
        await (await host.Client().GetAsync("/api/v1/notification-deliveries?state=lost")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnEmail_ArrivesOnce_InKorean_WithUtf8HeadersAndTheRightAddresses()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var address = Address("lead");
        var lead = await host.PersonAsync("ministry_reviewer", "mfds", address);
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var id = await RaiseAsync(raiser.Client, "알림 시험: 전자우편 한글 제목");
        await RouteAsync(secretariat.Client, id);
        await host.PassAsync();
        await host.PassAsync(); // a second pass sends nothing again

        var (message, raw) = Assert.Single(host.Smtp.Received, m => m.Message.To.Mailboxes.Any(b => b.Address == address));
        Assert.Equal("[BioCluster] 규제 개선 과제가 배정되었습니다", message.Subject);
        // RFC 2047 encoded words in UTF-8, not raw 8-bit bytes, as the wire carried it.
        var subjectOnWire = message.Headers.First(h => h.Id == MimeKit.HeaderId.Subject).RawValue;
        Assert.All(subjectOnWire, b => Assert.True(b < 128));
        Assert.Matches(@"=\?utf-8\?[bBqQ]\?", Encoding.ASCII.GetString(subjectOnWire));
        Assert.Contains("Subject: [BioCluster] =?utf-8?", Encoding.ASCII.GetString(raw, 0, Math.Min(raw.Length, 4000)).Replace("\r\n ", " "));
        Assert.Equal(NotificationsFactory.From, message.From.Mailboxes.Single().Address);
        Assert.Equal("바이오 클러스터 협의체", message.From.Mailboxes.Single().Name);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.StartsWith("delivery-", message.MessageId);
        var text = Assert.IsType<MimeKit.TextPart>(message.Body);
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Contains("「알림 시험: 전자우편 한글 제목」", text.Text);
        Assert.Contains($"https://biocluster.test/issues/{id}", text.Text);

        var delivery = (await host.Client().GetFromJsonAsync<JsonElement>("/api/v1/notification-deliveries?state=sent&limit=200"))
            .GetProperty("items").EnumerateArray().Single(d => d.GetProperty("toAddress").GetString() == address);
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal("issue_routed", delivery.GetProperty("notificationKind").GetString());
        Assert.Equal(message.Headers["X-BioCluster-Delivery"], delivery.GetProperty("id").GetInt64().ToString());
    }

    [Fact]
    public async Task Preferences_AreRespected_Language_KindsOff_AndTheDailyDigest()
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var english = await host.PersonAsync("ministry_reviewer", "mfds", Address("english"), language: "en");
        var quiet = await host.PersonAsync("ministry_reviewer", "mfds", Address("quiet"), emailKinds: ["issue_moved"]);
        var digest = await host.PersonAsync("cluster_operator", "kbiohealth", Address("digest"), digest: true);
        var id1 = await RaiseAsync(digest.Client, "알림 시험: 모음 1");
        var id2 = await RaiseAsync(digest.Client, "알림 시험: 모음 2");
        await RouteAsync(secretariat.Client, id1);
        await RouteAsync(secretariat.Client, id2);
        await host.PassAsync();
        await host.PassAsync();

        List<MimeKit.MimeMessage> To(Person p) => host.Smtp.Received.Where(m => m.Message.To.Mailboxes.Any(b => b.Address == p.Email)).Select(m => m.Message).ToList();
        var inEnglish = To(english);
        Assert.Equal(2, inEnglish.Count);
        Assert.All(inEnglish, m => Assert.Equal("[BioCluster] A regulatory issue was routed to you", m.Subject));
        Assert.Empty(To(quiet)); // routing is not a kind they mail; the bell still has it
        Assert.Equal(2, (await BellAsync(quiet.Client)).Count(n => n.GetProperty("kind").GetString() == "issue_routed"));

        // One digest for the day, carrying both moves; a later pass the same day makes no second one.
        var digests = To(digest);
        var one = Assert.Single(digests);
        Assert.Equal("[BioCluster] 2026-11-25 알림 모음: 2건", one.Subject);
        var body = Assert.IsType<MimeKit.TextPart>(one.Body).Text;
        Assert.Contains("알림 시험: 모음 1", body);
        Assert.Contains("알림 시험: 모음 2", body);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM notification_deliveries WHERE user_id = @Id AND digest_day IS NOT NULL", new { digest.Id }));
    }
}
