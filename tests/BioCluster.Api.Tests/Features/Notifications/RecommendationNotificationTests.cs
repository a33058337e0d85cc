using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Notifications;

/// <summary>
/// Policy recommendations through the notification outbox (ADR 0018, 0023): routing tells the addressed ministries'
/// people, every move tells the raising operator's, and the worker reminds the ministries of a routed recommendation's
/// answer 1–3 days before, on the day and when overdue (then also the secretariat) — once per person and step, through
/// the same bell, e-mail preferences and digest. Each test has a host of its own (the reminders move the clock); all HTTP
/// is done before the clock moves.
/// </summary>
public sealed class RecommendationNotificationTests
{
    private const string Path = "/api/v1/policy-recommendations";

    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@example.kr";

    private sealed record People(Person Secretariat, Person Lead, Person Quiet, Person Digest, Person Other, Person Raiser, Person Bystander);

    /// <summary>The secretariat; at mfds (lead) one mailing everything, one mailing no recommendation kind, one on the digest; motie (the other addressed ministry); the raising operator; msit, addressed by nothing.</summary>
    private static async Task<People> PeopleAsync(NotificationsFactory host)
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var kinds = JsonDocument.Parse(await (await secretariat.Client.GetAsync("/api/v1/notifications/preferences")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("emailKinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
        foreach (var kind in new[] { "recommendation_routed", "recommendation_due_soon", "recommendation_due_today", "recommendation_overdue", "recommendation_moved" })
            Assert.Contains(kind, kinds); // offered as preferences, mailed by default
        return new People(secretariat,
            await host.PersonAsync("ministry_reviewer", "mfds", Address("lead")),
            await host.PersonAsync("ministry_reviewer", "mfds", Address("quiet"), emailKinds: kinds.Where(k => !k.StartsWith("recommendation", StringComparison.Ordinal)).ToArray()),
            await host.PersonAsync("ministry_reviewer", "mfds", Address("digest"), digest: true),
            await host.PersonAsync("ministry_reviewer", "motie", Address("other")),
            await host.PersonAsync("cluster_operator", "kbiohealth", Address("raiser")),
            await host.PersonAsync("ministry_reviewer", "msit"));
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        var r = await call;
        Assert.True(r.StatusCode == status, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return await r.Read<JsonElement>();
    }

    private static async Task<HttpResponseMessage> Move(HttpClient client, long id, object body) =>
        await client.Send(HttpMethod.Post, $"{Path}/{id}/transitions", Http.Body(body), (await client.GetAsync($"{Path}/{id}")).ETag());

    private static async Task<long> RaiseAsync(People p, string theme) =>
        (await OkAsync(p.Raiser.Client.PostAsync(Path, Http.Body(new
        {
            themeKo = theme, text = "다기관 임상시험에서 공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 제도화해 주십시오.",
            leadMinistryCode = "mfds", otherMinistryCodes = new[] { "motie" }, clusterCodes = new[] { "osong" },
        })), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    /// <summary>The kinds of a person's notifications about a recommendation, in the order made (reminders only when asked).</summary>
    private static async Task<List<string>> KindsAsync(NotificationsFactory host, Person p, long rec, bool remindersOnly = false)
    {
        await using var db = host.OpenDatabase();
        return (await db.QueryAsync<string>($"""
            SELECT e.kind FROM notifications n JOIN notification_events e ON e.id = n.event_id
            WHERE n.user_id = @Id AND e.subject_type = 'policy_recommendation' AND e.subject_id = @rec {(remindersOnly ? "AND e.dedupe_key IS NOT NULL" : "")}
            ORDER BY n.id
            """, new { p.Id, rec })).AsList();
    }

    private static async Task<List<string>> MailModesAsync(NotificationsFactory host, Person p, string kind)
    {
        await using var db = host.OpenDatabase();
        return (await db.QueryAsync<string>("""
            SELECT n.email_mode || CASE WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id) THEN '+delivery' ELSE '' END
            FROM notifications n JOIN notification_events e ON e.id = n.event_id WHERE n.user_id = @Id AND e.kind = @kind ORDER BY n.id
            """, new { p.Id, kind })).AsList();
    }

    private static async Task<long> SecretariatToldAsync(NotificationsFactory host, string kind, long rec)
    {
        await using var db = host.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM notifications n JOIN notification_events e ON e.id = n.event_id JOIN users u ON u.id = n.user_id
            WHERE e.kind = @kind AND e.subject_id = @rec AND e.subject_type = 'policy_recommendation' AND u.role = 'secretariat'
            """, new { kind, rec });
    }

    private static async Task<long> EventsAsync(NotificationsFactory host)
    {
        await using var db = host.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_events WHERE subject_type = 'policy_recommendation'");
    }

    [Fact]
    public async Task Routing_TellsTheAddressedMinistries_EveryMove_TellsTheRaiser_NeverTheActor_AndARefusedMoveTellsNobody()
    {
        await using var host = new NotificationsFactory();
        var p = await PeopleAsync(host);
        var id = await RaiseAsync(p, "알림 시험 제언");
        Assert.Equal(0, await EventsAsync(host)); // raising tells nobody yet: the secretariat's inbox is the list

        // Refused moves write nothing: the ministry may not route (403), a stale ETag (412), a missing field (400).
        Assert.Equal(HttpStatusCode.Forbidden, (await Move(p.Lead.Client, id, new { to = "routed" })).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await p.Secretariat.Client.Send(HttpMethod.Post, $"{Path}/{id}/transitions",
            Http.Body(new { to = "routed" }), "\"999\"")).StatusCode);
        Assert.Equal(0, await EventsAsync(host));

        await OkAsync(Move(p.Secretariat.Client, id, new { to = "routed", comment = "식약처 주관 검토" }));
        foreach (var ministry in new[] { p.Lead, p.Quiet, p.Digest, p.Other })
            Assert.Equal(["recommendation_routed"], await KindsAsync(host, ministry, id));
        Assert.Equal(["recommendation_moved"], await KindsAsync(host, p.Raiser, id));
        Assert.Empty(await KindsAsync(host, p.Secretariat, id)); // the one who moved it
        Assert.Empty(await KindsAsync(host, p.Bystander, id));

        Assert.Equal(HttpStatusCode.BadRequest, (await Move(p.Lead.Client, id, new { to = "partially_accepted", answer = "일부 수용" })).StatusCode);
        await OkAsync(Move(p.Lead.Client, id, new
        {
            to = "partially_accepted", answer = "공동 IRB 인정은 고시 개정으로 수용합니다.", acceptedPart = "공동 IRB 심의 결과 인정", plannedCompletionOn = "2027-06-30",
        }));
        Assert.Equal(["recommendation_moved", "recommendation_moved"], await KindsAsync(host, p.Raiser, id));
        Assert.Equal(["recommendation_routed"], await KindsAsync(host, p.Lead, id)); // the answerer's own move is not news to them
        Assert.Equal(["recommendation_routed"], await KindsAsync(host, p.Other, id)); // answers go to the raiser, not every ministry

        // The bell, in the request's language, links to the recommendation.
        var bell = await p.Raiser.Client.GetFromJsonAsync<JsonElement>("/api/v1/notifications");
        var latest = bell.GetProperty("items")[0];
        Assert.Equal("recommendation_moved", latest.GetProperty("kind").GetString());
        Assert.Equal($"/recommendations/{id}", latest.GetProperty("link").GetString());
        Assert.Contains("부처 배정 → 일부 수용", latest.GetProperty("body").GetString());
        var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var bellEn = await (await p.Lead.Client.SendAsync(english)).Read<JsonElement>();
        Assert.Equal("A policy recommendation was routed to you", bellEn.GetProperty("items")[0].GetProperty("title").GetString());

        // E-mail as each chose: one by one, bell only, or the digest.
        Assert.Equal(["single+delivery"], await MailModesAsync(host, p.Lead, "recommendation_routed"));
        Assert.Equal(["none"], await MailModesAsync(host, p.Quiet, "recommendation_routed"));
        Assert.Equal(["digest"], await MailModesAsync(host, p.Digest, "recommendation_routed"));
        Assert.Equal(["single+delivery", "single+delivery"], await MailModesAsync(host, p.Raiser, "recommendation_moved"));
        await host.PassAsync();
        Assert.Contains(host.Smtp.Received, m => m.Message.To.Mailboxes.Any(b => b.Address == p.Lead.Email)
                                                 && m.Message.Subject == "[BioCluster] 정책 제언이 배정되었습니다");
        Assert.DoesNotContain(host.Smtp.Received, m => m.Message.To.Mailboxes.Any(b => b.Address == p.Quiet.Email));
    }

    [Fact]
    public async Task TheAnswer_IsRemindedOncePerStep_ToTheAddressedMinistries_OverdueAlsoToTheSecretariat_NotOnceAnswered()
    {
        await using var host = new NotificationsFactory();
        var p = await PeopleAsync(host);
        var waiting = await RaiseAsync(p, "기한 알림: 답변 대기");
        var answered = await RaiseAsync(p, "기한 알림: 답변함");
        // Routed on 2026-11-25 (KST), due 2026-12-05 17:59 KST: ten days.
        foreach (var id in new[] { waiting, answered })
            await OkAsync(Move(p.Secretariat.Client, id, new { to = "routed", responseDueAt = "2026-12-05T08:59:00Z" }));
        await OkAsync(Move(p.Lead.Client, answered, new
        {
            to = "not_accepted",
            justification = "현행 제도상 기관별 심의는 피험자 보호를 위한 필수 절차이므로 일괄 인정은 어렵습니다. 대안을 검토하겠습니다.",
        }));

        async Task Passes() { await host.PassAsync(); await host.PassAsync(); } // two instances' workers, one after the other
        await Passes();
        Assert.Empty(await KindsAsync(host, p.Lead, waiting, remindersOnly: true));
        host.Clock.Advance(TimeSpan.FromDays(7)); // 12-02: three days left
        await Passes();
        Assert.Equal(["recommendation_due_soon"], await KindsAsync(host, p.Lead, waiting, remindersOnly: true));
        host.Clock.Advance(TimeSpan.FromDays(1)); // two days left: that step is made already
        await Passes();
        Assert.Equal(["recommendation_due_soon"], await KindsAsync(host, p.Lead, waiting, remindersOnly: true));
        host.Clock.Advance(TimeSpan.FromDays(2)); // the day
        await Passes();
        host.Clock.Advance(TimeSpan.FromDays(1)); // a day late
        await Passes();
        host.Clock.Advance(TimeSpan.FromDays(1));
        await Passes();
        var steps = new List<string> { "recommendation_due_soon", "recommendation_due_today", "recommendation_overdue" };
        foreach (var ministry in new[] { p.Lead, p.Quiet, p.Digest, p.Other })
            Assert.Equal(steps, await KindsAsync(host, ministry, waiting, remindersOnly: true));
        Assert.Empty(await KindsAsync(host, p.Raiser, waiting, remindersOnly: true)); // the answer is the ministries' task
        Assert.Empty(await KindsAsync(host, p.Bystander, waiting));
        Assert.True(await SecretariatToldAsync(host, "recommendation_overdue", waiting) > 0);
        Assert.Equal(0, await SecretariatToldAsync(host, "recommendation_due_soon", waiting));
        foreach (var ministry in new[] { p.Lead, p.Other }) Assert.Empty(await KindsAsync(host, ministry, answered, remindersOnly: true));

        Assert.Equal(["single+delivery"], await MailModesAsync(host, p.Lead, "recommendation_due_today"));
        Assert.Equal(["none"], await MailModesAsync(host, p.Quiet, "recommendation_due_today"));
        Assert.Equal(["digest"], await MailModesAsync(host, p.Digest, "recommendation_due_today"));
        var soon = host.Smtp.Received.Single(m => m.Message.To.Mailboxes.Any(b => b.Address == p.Lead.Email)
                                                  && (m.Message.Subject ?? "").Contains("제언 답변 기한 3일 전"));
        Assert.Contains("2026-12-05", Assert.IsType<MimeKit.TextPart>(soon.Message.Body).Text);
        var digest = host.Smtp.Received.Where(m => m.Message.To.Mailboxes.Any(b => b.Address == p.Digest.Email)).Select(m => m.Message).ToList();
        Assert.Contains(digest, m => Assert.IsType<MimeKit.TextPart>(m.Body).Text.Contains("제언 답변 기한이 지났습니다", StringComparison.Ordinal));
    }
}
