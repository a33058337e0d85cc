using System.Net;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Notifications;

/// <summary>
/// The reminders of every deadline an official owns besides the answer (the improvement of an accepted issue, the final
/// answer of a long-term review, the end of a refusal's challenge period), made by the worker's passes under a moved
/// clock: one notification per person per deadline and step, none once the item is closed, e-mail as each person chose.
/// Each test has a host of its own, because the tests move time; everything through HTTP is done before the clock moves
/// (a session would end), and what the passes made is read from the database.
/// </summary>
public sealed class DeadlineReminderTests
{
    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@example.kr";

    private sealed record Setup(NotificationsFactory Host, Person Secretariat, Person Lead, Person Quiet, Person Digest, Person Raiser, Person Bystander);

    /// <summary>
    /// The people: the secretariat; at mfds (the lead) one who mails every kind, one who mails none of
    /// <paramref name="family"/>, one on the daily digest; the raising operator (kbiohealth) mailing every kind; msit as a
    /// ministry that works none of the issues.
    /// </summary>
    private static async Task<Setup> PeopleAsync(NotificationsFactory host, string family)
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var kinds = System.Text.Json.JsonDocument.Parse(await (await secretariat.Client.GetAsync("/api/v1/notifications/preferences")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("emailKinds").EnumerateArray().Select(k => k.GetString()!).ToArray();
        Assert.Contains(kinds, k => k.StartsWith(family, StringComparison.Ordinal)); // the kinds are offered as preferences, mailed by default
        return new Setup(host,
            secretariat,
            await host.PersonAsync("ministry_reviewer", "mfds", Address("lead")),
            await host.PersonAsync("ministry_reviewer", "mfds", Address("quiet"), emailKinds: kinds.Where(k => !k.StartsWith(family, StringComparison.Ordinal)).ToArray()),
            await host.PersonAsync("ministry_reviewer", "mfds", Address("digest"), digest: true),
            await host.PersonAsync("cluster_operator", "kbiohealth", Address("raiser")),
            await host.PersonAsync("ministry_reviewer", "msit"));
    }

    private static async Task<long> RaiseAndRouteAsync(Setup s, string title)
    {
        var (id, _) = await IssuesFactory.RaiseWith(s.Raiser.Client, IssuesFactory.NewIssue(title));
        await OkAsync(IssuesFactory.Move(s.Secretariat.Client, id, new { to = "under_review", leadMinistryCode = "mfds", coMinistryCodes = new[] { "motie" } }));
        return id;
    }

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>The reminders (events with a dedupe key) a person has about an issue, in the order made.</summary>
    private static async Task<List<string>> RemindersAsync(NotificationsFactory host, Person p, long issue)
    {
        await using var db = host.OpenDatabase();
        return (await db.QueryAsync<string>("""
            SELECT e.kind FROM notifications n JOIN notification_events e ON e.id = n.event_id
            WHERE n.user_id = @Id AND e.subject_type = 'regulatory_issue' AND e.subject_id = @issue AND e.dedupe_key IS NOT NULL ORDER BY n.id
            """, new { p.Id, issue })).AsList();
    }

    /// <summary>How each of a person's reminders of this kind is mailed: none, single (with its delivery) or digest.</summary>
    private static async Task<List<string>> MailModesAsync(NotificationsFactory host, Person p, string kind)
    {
        await using var db = host.OpenDatabase();
        return (await db.QueryAsync<string>("""
            SELECT n.email_mode || CASE WHEN EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id) THEN '+delivery' ELSE '' END
            FROM notifications n JOIN notification_events e ON e.id = n.event_id WHERE n.user_id = @Id AND e.kind = @kind ORDER BY n.id
            """, new { p.Id, kind })).AsList();
    }

    private static async Task<long> SecretariatToldAsync(NotificationsFactory host, string kind, long issue)
    {
        await using var db = host.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM notifications n JOIN notification_events e ON e.id = n.event_id JOIN users u ON u.id = n.user_id
            WHERE e.kind = @kind AND e.subject_id = @issue AND u.role = 'secretariat'
            """, new { kind, issue });
    }

    /// <summary>Two passes, as two instances' workers would make one after the other: the second must add nothing.</summary>
    private static async Task PassesAsync(NotificationsFactory host)
    {
        await host.PassAsync();
        await host.PassAsync();
    }

    [Fact]
    public async Task Improvement_IsRemindedOncePerStep_ToTheMinistries_NotOnceCompleted_AsEachChoseToBeMailed()
    {
        await using var host = new NotificationsFactory();
        var s = await PeopleAsync(host, "improvement");
        var today = IssuesFactory.TodayOf(host.Clock);
        var due = today.AddDays(10);
        var open = await RaiseAndRouteAsync(s, "이행 알림: 진행 중");
        var done = await RaiseAndRouteAsync(s, "이행 알림: 완료");
        foreach (var id in new[] { open, done })
            await OkAsync(IssuesFactory.Move(s.Lead.Client, id,
                new { to = "accepted", plannedChange = "공동 IRB 인정 고시 개정", instrument = "notice", plannedCompletionOn = due }));
        await OkAsync(IssuesFactory.Move(s.Lead.Client, done, new { to = "in_progress", progressPercent = 90, progressNote = "고시 개정안 확정" }));
        await OkAsync(IssuesFactory.Move(s.Lead.Client, done, new { to = "completed", completedOn = today, evidence = "식약처 고시 제2026-00호 개정" }));

        await PassesAsync(host);
        Assert.Empty(await RemindersAsync(host, s.Lead, open)); // 10 days left
        host.Clock.Advance(TimeSpan.FromDays(7));
        await PassesAsync(host);
        Assert.Equal(["improvement_due_soon"], await RemindersAsync(host, s.Lead, open));
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        Assert.Equal(["improvement_due_soon"], await RemindersAsync(host, s.Lead, open)); // 2 days left: that step is made already
        host.Clock.Advance(TimeSpan.FromDays(2));
        await PassesAsync(host);
        Assert.Equal(["improvement_due_soon", "improvement_due_today"], await RemindersAsync(host, s.Lead, open));
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        var steps = new List<string> { "improvement_due_soon", "improvement_due_today", "improvement_overdue" };
        Assert.Equal(steps, await RemindersAsync(host, s.Lead, open));
        Assert.Equal(steps, await RemindersAsync(host, s.Quiet, open));
        Assert.Equal(steps, await RemindersAsync(host, s.Digest, open));
        Assert.Empty(await RemindersAsync(host, s.Raiser, open)); // the improvement is the ministries' task
        Assert.Empty(await RemindersAsync(host, s.Bystander, open));
        Assert.True(await SecretariatToldAsync(host, "improvement_overdue", open) > 0);
        Assert.Equal(0, await SecretariatToldAsync(host, "improvement_due_soon", open));

        // A completed improvement is no one's deadline.
        foreach (var p in new[] { s.Lead, s.Quiet, s.Digest }) Assert.Empty(await RemindersAsync(host, p, done));

        // Preferences: mailed one by one, kept from the mail (the bell only), or gathered into the daily digest.
        Assert.Equal(["single+delivery"], await MailModesAsync(host, s.Lead, "improvement_due_today"));
        Assert.Equal(["none"], await MailModesAsync(host, s.Quiet, "improvement_due_today"));
        Assert.Equal(["digest"], await MailModesAsync(host, s.Digest, "improvement_due_today"));
        Assert.Contains(host.Smtp.Received, m => m.Message.To.Mailboxes.Any(b => b.Address == s.Lead.Email) && m.Message.Subject == "[BioCluster] 오늘이 이행 기한입니다");
        Assert.DoesNotContain(host.Smtp.Received, m => m.Message.To.Mailboxes.Any(b => b.Address == s.Quiet.Email) && (m.Message.Subject ?? "").Contains("이행"));
        var digest = host.Smtp.Received.Where(m => m.Message.To.Mailboxes.Any(b => b.Address == s.Digest.Email)).Select(m => m.Message).ToList();
        Assert.Contains(digest, m => Assert.IsType<MimeKit.TextPart>(m.Body).Text.Contains("이행 기한이 지났습니다", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FinalAnswer_OfALongTermReview_IsRemindedSixMonthsOn_OncePerStep_AndNotOnceAnswered()
    {
        await using var host = new NotificationsFactory();
        var s = await PeopleAsync(host, "final_answer");
        var today = IssuesFactory.TodayOf(host.Clock);
        var review = await RaiseAndRouteAsync(s, "최종 답변 알림: 장기 검토");
        var answered = await RaiseAndRouteAsync(s, "최종 답변 알림: 답변함");
        foreach (var id in new[] { review, answered })
            await OkAsync(IssuesFactory.Move(s.Lead.Client, id, new { to = "long_term_review", reviewOn = today.AddDays(90) }));
        await OkAsync(IssuesFactory.Move(s.Lead.Client, answered,
            new { to = "accepted", plannedChange = "공동 IRB 인정 고시 개정", instrument = "notice", plannedCompletionOn = today.AddYears(1) }));

        // The long-term review began today (2026-11-25): its final answer is due six months on, 2027-05-25.
        var due = today.AddMonths(6);
        Assert.Equal(new DateOnly(2027, 5, 25), due);
        host.Clock.Advance(TimeSpan.FromDays(due.DayNumber - today.DayNumber - 4));
        await PassesAsync(host);
        Assert.Empty(await RemindersAsync(host, s.Lead, review)); // 4 days left
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        Assert.Equal(["final_answer_due_soon"], await RemindersAsync(host, s.Lead, review));
        host.Clock.Advance(TimeSpan.FromDays(3));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        var steps = new List<string> { "final_answer_due_soon", "final_answer_due_today", "final_answer_overdue" };
        Assert.Equal(steps, await RemindersAsync(host, s.Lead, review));
        Assert.Equal(steps, await RemindersAsync(host, s.Quiet, review));
        Assert.Empty(await RemindersAsync(host, s.Raiser, review));
        Assert.True(await SecretariatToldAsync(host, "final_answer_overdue", review) > 0);
        foreach (var p in new[] { s.Lead, s.Quiet, s.Digest }) Assert.Empty(await RemindersAsync(host, p, answered));

        Assert.Equal(["single+delivery"], await MailModesAsync(host, s.Lead, "final_answer_due_soon"));
        Assert.Equal(["none"], await MailModesAsync(host, s.Quiet, "final_answer_due_soon"));
        Assert.Equal(["digest"], await MailModesAsync(host, s.Digest, "final_answer_due_soon"));
        var mail = host.Smtp.Received.Single(m => m.Message.To.Mailboxes.Any(b => b.Address == s.Lead.Email) && (m.Message.Subject ?? "").Contains("최종 답변 기한 3일 전"));
        Assert.Contains("2027-05-25", Assert.IsType<MimeKit.TextPart>(mail.Message.Body).Text);
    }

    [Fact]
    public async Task ChallengePeriod_TellsTheRaisingOperator_DaysLeftAndTheLastDay_NothingAfter_NorOnceReReviewed()
    {
        await using var host = new NotificationsFactory();
        var s = await PeopleAsync(host, "challenge");
        var quietRaiser = await host.PersonAsync("cluster_operator", "kbiohealth", Address("quietraiser"),
            emailKinds: ["issue_routed", "issue_moved"]);
        var today = IssuesFactory.TodayOf(host.Clock);
        var refused = await RaiseAndRouteAsync(s, "이의신청 알림: 불수용");
        var reviewed = await RaiseAndRouteAsync(s, "이의신청 알림: 재검토");
        var justification = IssuesFactory.MoveFields("not_accepted", today);
        foreach (var id in new[] { refused, reviewed }) await OkAsync(IssuesFactory.Move(s.Lead.Client, id, justification));
        // The challenge was made: the secretariat sends the refusal back for its one re-review.
        await OkAsync(IssuesFactory.Move(s.Secretariat.Client, reviewed, new { to = "under_review", leadMinistryCode = "mfds" }));

        // Refused today (2026-11-25): the challenge period of three months ends 2027-02-25.
        var end = today.AddMonths(3);
        host.Clock.Advance(TimeSpan.FromDays(end.DayNumber - today.DayNumber - 3));
        await PassesAsync(host);
        Assert.Equal(["challenge_ending_soon"], await RemindersAsync(host, s.Raiser, refused));
        host.Clock.Advance(TimeSpan.FromDays(3));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(3));
        await PassesAsync(host);
        Assert.Equal(["challenge_ending_soon", "challenge_ends_today"], await RemindersAsync(host, s.Raiser, refused)); // a closed period: no more
        Assert.Equal(["challenge_ending_soon", "challenge_ends_today"], await RemindersAsync(host, quietRaiser, refused));
        foreach (var p in new[] { s.Lead, s.Quiet, s.Digest, s.Bystander }) Assert.Empty(await RemindersAsync(host, p, refused)); // the raiser's to use
        Assert.Equal(0, await SecretariatToldAsync(host, "challenge_ends_today", refused));
        Assert.DoesNotContain(await RemindersAsync(host, s.Raiser, reviewed), k => k.StartsWith("challenge", StringComparison.Ordinal));

        Assert.Equal(["single+delivery"], await MailModesAsync(host, s.Raiser, "challenge_ending_soon"));
        Assert.Equal(["none"], await MailModesAsync(host, quietRaiser, "challenge_ending_soon"));
        var mail = host.Smtp.Received.Single(m => m.Message.To.Mailboxes.Any(b => b.Address == s.Raiser.Email) && (m.Message.Subject ?? "").Contains("이의신청 기간이"));
        Assert.Equal("[BioCluster] 이의신청 기간이 3일 남았습니다", mail.Message.Subject);
        Assert.Contains("2027-02-25", Assert.IsType<MimeKit.TextPart>(mail.Message.Body).Text);
    }

    [Fact]
    public async Task FollowUp_OfAMeeting_IsRemindedToItsOwnerOncePerStep_AndNotOnceDone()
    {
        await using var host = new NotificationsFactory();
        var s = await PeopleAsync(host, "follow_up_due");
        var today = IssuesFactory.TodayOf(host.Clock);
        var (open, done) = await FollowUpsAsync(host, today.AddDays(2));

        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        await PassesAsync(host);
        await using var db = host.OpenDatabase();
        async Task<List<string>> Of(Person p, long id) => (await db.QueryAsync<string>("""
            SELECT e.kind FROM notifications n JOIN notification_events e ON e.id = n.event_id
            WHERE n.user_id = @Id AND e.subject_type = 'follow_up' AND e.subject_id = @id AND e.dedupe_key IS NOT NULL ORDER BY n.id
            """, new { p.Id, id })).AsList();
        Assert.Equal(["follow_up_due_soon", "follow_up_due_today", "follow_up_overdue"], await Of(s.Lead, open));
        Assert.Empty(await Of(s.Lead, done));
        Assert.Empty(await Of(s.Bystander, open));
        Assert.Equal(["none"], await MailModesAsync(host, s.Quiet, "follow_up_due_today"));
        Assert.Equal(["single+delivery"], await MailModesAsync(host, s.Lead, "follow_up_due_today"));
    }

    /// <summary>Two follow-ups owned by mfds, due on <paramref name="due"/>, one of them done: made in the database (the meeting's workflow is not under test here).</summary>
    private static async Task<(long Open, long Done)> FollowUpsAsync(NotificationsFactory host, DateOnly due)
    {
        await using var db = host.OpenDatabase();
        var meeting = await db.ExecuteScalarAsync<long?>("SELECT MIN(id) FROM meetings");
        Assert.NotNull(meeting); // the development seed holds meetings
        var mfds = await db.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'mfds'");
        async Task<long> Insert(string title, string state) => await db.ExecuteScalarAsync<long>("""
            INSERT INTO follow_ups (meeting_id, title, owner_agency_id, due_on, state, progress_percent, version, created_at, updated_at)
            VALUES (@meeting, @title, @mfds, @due, @state, 0, 1, @now, @now);
            SELECT last_insert_rowid();
            """, new { meeting, title, mfds, due = due.ToString("yyyy-MM-dd"), state, now = "2026-11-25T01:00:00.0000000Z" });
        return (await Insert("후속조치 알림: 진행", "open"), await Insert("후속조치 알림: 완료", "done"));
    }
}
