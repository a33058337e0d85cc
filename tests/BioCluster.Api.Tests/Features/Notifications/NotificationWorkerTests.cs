using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Tests.Features.RegulatoryIssues;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BioCluster.Api.Tests.Features.Notifications;

/// <summary>
/// The delivery worker as several API instances run it: each "instance" here is a worker of its own (its own connection
/// factory, store and clock) over the host's SQLite file, sending to the loopback SMTP server. Each test has a host of its
/// own, because the tests move time.
/// </summary>
public sealed class NotificationWorkerTests
{
    private sealed record Instance(NotificationStore Store, NotificationDispatcher Dispatcher);

    private static Instance InstanceOver(NotificationsFactory host, TimeProvider clock, int? smtpPort = null, int batch = 3)
    {
        DapperSetup.Configure();
        var db = new DbConnectionFactory(Options.Create(new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            DataDirectory = Path.GetDirectoryName(host.DatabaseFile)!,
        }), new TestHostEnvironment());
        var options = new NotificationOptions
        {
            Smtp = new() { Host = "127.0.0.1", Port = smtpPort ?? host.Smtp.Port, Security = "None", From = NotificationsFactory.From, TimeoutSeconds = 10 },
            Worker = new() { MaxAttempts = 3, BackoffSeconds = 60, LeaseSeconds = 60, BatchSize = batch },
        };
        var o = Options.Create(options);
        var audit = new AuditStore(db, clock, Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
        var configuration = new ConfigurationBuilder().Build();
        var store = new NotificationStore(db, clock, audit, o, new HolidayStore(db, clock, audit, configuration), configuration);
        return new Instance(store, new NotificationDispatcher(store, new NotificationMailer(o), o, NullLogger<NotificationDispatcher>.Instance));
    }

    private static async Task<(Person Lead, long Issue)> RoutedIssueAsync(NotificationsFactory host, string? leadEmail = "lead@example.kr")
    {
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        var lead = await host.PersonAsync("ministry_reviewer", "mfds", leadEmail);
        var raiser = await host.PersonAsync("cluster_operator", "kbiohealth");
        var (id, _) = await IssuesFactory.RaiseWith(raiser.Client, IssuesFactory.NewIssue("작업자 시험 과제"));
        var moved = await IssuesFactory.Move(secretariat.Client, id, new { to = "under_review", leadMinistryCode = "mfds", coMinistryCodes = new[] { "motie" } });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return (lead, id);
    }

    private sealed class DeliveryRow
    {
        public long Id { get; set; }
        public string State { get; set; } = "";
        public int Attempts { get; set; }
        public string NextAttemptAt { get; set; } = "";
        public string? LastError { get; set; }
    }

    private static async Task<List<DeliveryRow>> DeliveriesAsync(NotificationsFactory host)
    {
        await using var db = host.OpenDatabase();
        return (await db.QueryAsync<DeliveryRow>("SELECT id, state, attempts, next_attempt_at, last_error FROM notification_deliveries ORDER BY id")).AsList();
    }

    private static FakeTimeProvider ClockOf(NotificationsFactory host) => new(host.Clock.GetUtcNow());

    [Fact]
    public async Task TwoWorkers_InParallel_OverOneSqliteFile_SendEveryDeliveryExactlyOnce()
    {
        await using var host = new NotificationsFactory();
        var (lead, issue) = await RoutedIssueAsync(host);
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        for (var i = 0; i < 24; i++)
            Assert.Equal(HttpStatusCode.Created,
                (await secretariat.Client.PostAsync($"/api/v1/regulatory-issues/{issue}/comments", Http.Body(new { text = $"의견 {i}" }))).StatusCode);
        var expected = (await DeliveriesAsync(host)).Count;
        Assert.Equal(25, expected); // routed + 24 comments, all to the one person with an address

        var clock = ClockOf(host);
        var a = InstanceOver(host, clock);
        var b = InstanceOver(host, clock);
        var reports = await Task.WhenAll(Task.Run(() => a.Dispatcher.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => b.Dispatcher.RunOnceAsync(CancellationToken.None)));

        var received = host.Smtp.Received.Where(m => m.Message.To.Mailboxes.Any(x => x.Address == lead.Email)).ToList();
        Assert.Equal(expected, received.Count);
        Assert.Equal(expected, received.Select(m => m.Message.Headers["X-BioCluster-Delivery"]).Distinct().Count());
        Assert.Equal(expected, reports.Sum(r => r.Sent));
        Assert.All(await DeliveriesAsync(host), d => { Assert.Equal("sent", d.State); Assert.Equal(1, d.Attempts); });
    }

    [Fact]
    public async Task AnUnreachableServer_IsRetriedWithExponentialBackoff_ThenTheDeliveryFailsWithItsError()
    {
        await using var host = new NotificationsFactory();
        await RoutedIssueAsync(host);
        var clock = ClockOf(host);
        var worker = InstanceOver(host, clock, smtpPort: LoopbackSmtpServer.FreePort()); // nothing listens there
        var start = clock.GetUtcNow();

        await worker.Dispatcher.RunOnceAsync(CancellationToken.None);
        var d = Assert.Single(await DeliveriesAsync(host));
        Assert.Equal(("pending", 1), (d.State, d.Attempts));
        Assert.Equal(UtcTimestampHandler.Format(start.AddSeconds(60)), d.NextAttemptAt);
        Assert.Contains("connect", d.LastError);

        clock.Advance(TimeSpan.FromSeconds(59));
        await worker.Dispatcher.RunOnceAsync(CancellationToken.None); // not yet due
        Assert.Equal(1, Assert.Single(await DeliveriesAsync(host)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await worker.Dispatcher.RunOnceAsync(CancellationToken.None);
        d = Assert.Single(await DeliveriesAsync(host));
        Assert.Equal(("pending", 2), (d.State, d.Attempts));
        Assert.Equal(UtcTimestampHandler.Format(clock.GetUtcNow().AddSeconds(120)), d.NextAttemptAt); // doubled

        clock.Advance(TimeSpan.FromSeconds(120));
        await worker.Dispatcher.RunOnceAsync(CancellationToken.None);
        d = Assert.Single(await DeliveriesAsync(host));
        Assert.Equal(("failed", 3), (d.State, d.Attempts)); // the third attempt was the last
        Assert.Contains("connect", d.LastError);

        clock.Advance(TimeSpan.FromHours(1));
        await worker.Dispatcher.RunOnceAsync(CancellationToken.None);
        Assert.Equal(3, Assert.Single(await DeliveriesAsync(host)).Attempts);

        var seen = (await host.Client().GetFromJsonAsync<JsonElement>("/api/v1/notification-deliveries?state=failed")).GetProperty("items")[0];
        Assert.Equal(3, seen.GetProperty("attempts").GetInt32());
        Assert.Contains("connect", seen.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task AServerThatRefusesTheMessage_FailsItAtOnce()
    {
        await using var host = new NotificationsFactory();
        await RoutedIssueAsync(host);
        host.Smtp.Refuse = true;
        await InstanceOver(host, ClockOf(host)).Dispatcher.RunOnceAsync(CancellationToken.None);
        var d = Assert.Single(await DeliveriesAsync(host));
        Assert.Equal(("failed", 1), (d.State, d.Attempts));
        Assert.Contains("smtp 554", d.LastError);
        Assert.Empty(host.Smtp.Received);
    }

    [Fact]
    public async Task AWorkerThatStoppedAfterTheHandOver_IsNeverSentAgain_ButOneThatStoppedBefore_IsSentOnceByAnother()
    {
        await using var host = new NotificationsFactory();
        var (lead, issue) = await RoutedIssueAsync(host);
        var secretariat = await host.PersonAsync("secretariat", "mohw");
        await secretariat.Client.PostAsync($"/api/v1/regulatory-issues/{issue}/comments", Http.Body(new { text = "두 번째 알림" }));
        Assert.Equal(2, (await DeliveriesAsync(host)).Count);
        var clock = ClockOf(host);
        var crashed = InstanceOver(host, clock, batch: 2);
        var claimed = await crashed.Store.ClaimAsync(2, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.Equal(2, claimed.Count);
        Assert.True(await crashed.Store.HandOverAsync(claimed[0], lead.Email!, CancellationToken.None)); // then it "died" mid-send
        // claimed[1] was never handed over.

        var other = InstanceOver(host, clock);
        await other.Dispatcher.RunOnceAsync(CancellationToken.None); // leases still held: nothing happens
        Assert.Empty(host.Smtp.Received);
        clock.Advance(TimeSpan.FromSeconds(61));
        await other.Dispatcher.RunOnceAsync(CancellationToken.None);

        var rows = await DeliveriesAsync(host);
        var interrupted = rows.Single(r => r.Id == claimed[0].Id);
        Assert.Equal("failed", interrupted.State);
        Assert.Contains("never sent twice", interrupted.LastError);
        var resumed = rows.Single(r => r.Id == claimed[1].Id);
        Assert.Equal(("sent", 2), (resumed.State, resumed.Attempts));
        var only = Assert.Single(host.Smtp.Received);
        Assert.Equal(claimed[1].Id.ToString(), only.Message.Headers["X-BioCluster-Delivery"]);

        // The stopped worker, coming back, finds its lease gone and sends nothing.
        Assert.False(await crashed.Store.HandOverAsync(claimed[1], lead.Email!, CancellationToken.None));
        await crashed.Store.MarkSentAsync(claimed[0], CancellationToken.None);
        Assert.Equal("failed", (await DeliveriesAsync(host)).Single(r => r.Id == claimed[0].Id).State);
    }

    [Fact]
    public async Task Reminders_AreMadeOncePerDeadline_EvenByTwoWorkersAtOnce()
    {
        await using var host = new NotificationsFactory();
        var (lead, issue) = await RoutedIssueAsync(host, leadEmail: null);
        var clock = ClockOf(host);
        var a = InstanceOver(host, clock);
        var b = InstanceOver(host, clock);
        async Task<List<string>> KindsAsync()
        {
            await using var db = host.OpenDatabase();
            return (await db.QueryAsync<string>(
                "SELECT e.kind FROM notifications n JOIN notification_events e ON e.id = n.event_id WHERE n.user_id = @Id AND e.subject_id = @issue AND e.dedupe_key IS NOT NULL ORDER BY n.id",
                new { lead.Id, issue })).AsList();
        }
        async Task BothAsync() => await Task.WhenAll(Task.Run(() => a.Dispatcher.RunOnceAsync(CancellationToken.None)),
            Task.Run(() => b.Dispatcher.RunOnceAsync(CancellationToken.None)));

        await BothAsync();
        Assert.Empty(await KindsAsync()); // 14 days left: nothing yet
        clock.Advance(TimeSpan.FromDays(11));
        await BothAsync();
        await BothAsync();
        Assert.Equal(["issue_due_soon"], await KindsAsync());
        clock.Advance(TimeSpan.FromDays(1));
        await BothAsync();
        Assert.Equal(["issue_due_soon"], await KindsAsync()); // 2 days left: the same deadline's reminder is made already
        clock.Advance(TimeSpan.FromDays(2));
        await BothAsync();
        Assert.Equal(["issue_due_soon", "issue_due_today"], await KindsAsync());
        clock.Advance(TimeSpan.FromDays(1));
        await BothAsync();
        clock.Advance(TimeSpan.FromDays(1));
        await BothAsync();
        Assert.Equal(["issue_due_soon", "issue_due_today", "issue_overdue"], await KindsAsync());

        // Overdue reminders also reach the secretariat.
        await using var db = host.OpenDatabase();
        Assert.True(await db.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM notifications n JOIN notification_events e ON e.id = n.event_id JOIN users u ON u.id = n.user_id
            WHERE e.kind = 'issue_overdue' AND e.subject_id = @issue AND u.role = 'secretariat'
            """, new { issue }) >= 1);
        Assert.Equal(3, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_events WHERE subject_id = @issue AND dedupe_key IS NOT NULL", new { issue }));
    }
}
