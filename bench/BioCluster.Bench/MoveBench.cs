using System.Diagnostics;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Holidays;
using BioCluster.Api.Features.Notifications;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace BioCluster.Bench;

/// <summary>
/// What a routing move costs now that it writes notifications (scripts/bench-moves.sh): the issues under review of a seeded
/// database are re-routed between two ministries, in-process through <see cref="RegulatoryIssueStore.MoveAsync"/> (the
/// API's own transaction: the record, tallies, timeline, outbox and audit), first while no one works at the agencies
/// involved, then with <c>people</c> active users at each ministry and raising agency, each with an e-mail address (so each
/// is told by a bell row and a pending e-mail delivery). Prints moves/s and the rows written per move.
/// </summary>
public static class MoveBench
{
    private static readonly string[] Counted =
        ["notification_events", "notifications", "notification_deliveries", "audit_entries", "regulatory_issue_transitions"];

    public static async Task<int> RunAsync(string file, int moves, int people)
    {
        DapperSetup.Configure();
        var dbOptions = MsOptions.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        var factory = new DbConnectionFactory(dbOptions, new BenchEnvironment());
        var config = new ConfigurationBuilder().Build();
        var json = MsOptions.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions());
        BioCluster.Api.Infrastructure.Http.JsonSetup.Configure(json.Value.SerializerOptions);
        var audit = new AuditStore(factory, TimeProvider.System, json);
        // An SMTP host makes e-mail "on", so recipients with an address get a pending delivery (no worker runs: nothing is sent).
        var notificationOptions = MsOptions.Create(new NotificationOptions { Smtp = new() { Host = "127.0.0.1", From = "bench@biocluster.test" } });
        var holidays = new HolidayStore(factory, TimeProvider.System, audit, config);
        var store = new RegulatoryIssueStore(factory, TimeProvider.System, audit, config, json,
            new NotificationStore(factory, TimeProvider.System, audit, notificationOptions, holidays, config), holidays);

        await using var c = new SqliteConnection($"Data Source={file}");
        await c.OpenAsync();
        var a = await c.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'mfds'");
        var b = await c.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'msit'");
        var secretariatAgency = await c.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = 'mohw'");
        // The issues under review, all led by one of the two ministries, without co-ministries (so only the two and the raisers are told).
        var issues = (await c.QueryAsync<long>("SELECT id FROM regulatory_issues WHERE status = 'under_review' ORDER BY id")).AsList();
        if (issues.Count == 0) { Console.Error.WriteLine("no issue under review"); return 1; }
        await c.ExecuteAsync("UPDATE regulatory_issues SET lead_ministry_id = CASE WHEN id % 2 = 0 THEN @a ELSE @b END, request_kind = NULL WHERE status = 'under_review'",
            new { a, b });
        await c.ExecuteAsync("DELETE FROM regulatory_issue_co_ministries WHERE issue_id IN (SELECT id FROM regulatory_issues WHERE status = 'under_review')");
        await c.ExecuteAsync("""
            DELETE FROM regulatory_issue_tallies;
            INSERT INTO regulatory_issue_tallies (lead_ministry_id, status, category, issues)
            SELECT COALESCE(lead_ministry_id, 0), status, category, COUNT(*) FROM regulatory_issues GROUP BY COALESCE(lead_ministry_id, 0), status, category;
            """);
        var raisers = (await c.QueryAsync<long>("SELECT DISTINCT raised_by_id FROM regulatory_issues WHERE status = 'under_review'")).AsList();
        var actor = new Actor(ActorType.ApiKey, null, "bench", "벤치마크 간사", Role.Secretariat, secretariatAgency, new HashSet<string>(), "api_key", null, null);

        async Task<Dictionary<string, long>> CountsAsync()
        {
            var d = new Dictionary<string, long>();
            foreach (var t in Counted) d[t] = await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {t}");
            return d;
        }

        var next = 0;
        async Task RunAsync(string label, int n)
        {
            var before = await CountsAsync();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                var id = issues[next++ % issues.Count];
                var row = await c.QuerySingleAsync<(long Lead, long Version)>("SELECT lead_ministry_id, version FROM regulatory_issues WHERE id = @id", new { id });
                var to = row.Lead == a ? "msit" : "mfds";
                var result = await store.MoveAsync(id, row.Version,
                    new IssueTransitionRequest(IssueStatus.UnderReview, Move: IssueMove.Reroute, LeadMinistryCode: to, Reason: "벤치마크: 소관 부처 재지정"),
                    actor, CancellationToken.None);
                if (result.Refusal is { } refused) throw new InvalidOperationException($"move refused: {refused}");
            }
            var elapsed = sw.Elapsed;
            var after = await CountsAsync();
            if (label.Length == 0) return; // warm-up
            Console.WriteLine($"{label,-34} {n / elapsed.TotalSeconds,8:F0} moves/s  {elapsed.TotalMilliseconds / n,6:F2} ms/move   rows per move: " +
                string.Join("  ", Counted.Select(t => $"{Short(t)} {(after[t] - before[t]) / (double)n:F1}")) +
                $"  = {Counted.Sum(t => after[t] - before[t]) / (double)n:F1}");
        }

        // No one at the ministries or raising agencies (the seeded database has no such users).
        await c.ExecuteAsync("UPDATE users SET status = 'disabled' WHERE agency_id IN @ids", new { ids = raisers.Append(a).Append(b).ToArray() });
        await RunAsync("", Math.Min(200, moves));
        await RunAsync("no recipients", moves);

        var now = DateTimeOffset.UtcNow;
        foreach (var agency in raisers.Append(a).Append(b))
            for (var p = 0; p < people; p++)
            {
                var user = await c.ExecuteScalarAsync<long>("""
                    INSERT INTO users (username, display_name, role, agency_id, password_hash, status, created_at, updated_at)
                    VALUES (@name, @name, @role, @agency, 'x', 'active', @now, @now);
                    SELECT last_insert_rowid();
                    """, new { name = $"bench-{agency}-{p}-{Guid.NewGuid():N}"[..30], role = agency == a || agency == b ? "ministry_reviewer" : "cluster_operator", agency, now });
                await c.ExecuteAsync("""
                    INSERT INTO notification_preferences (user_id, email, lang, email_off, digest, digest_hour, version, updated_at)
                    VALUES (@user, @email, 'ko', '[]', 0, 8, 2, @now)
                    """, new { user, email = $"u{user}@bench.test", now });
            }
        await RunAsync($"{people} recipients per agency", moves);
        return 0;

        static string Short(string table) => table switch
        {
            "notification_events" => "events",
            "notifications" => "bell",
            "notification_deliveries" => "mail",
            "audit_entries" => "audit",
            _ => "timeline",
        };
    }
}
