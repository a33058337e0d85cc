using System.Net;
using System.Text.Json.Nodes;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BioCluster.Api.Tests.Features.RegulatoryIssues;

/// <summary>What the regulatory-issue API suite needs of its host, on SQLite (<see cref="IssuesFactory"/>) or SQL Server.</summary>
public interface IIssuesHost
{
    FakeTimeProvider Clock { get; }
    Task<HttpClient> Party(string agencyCode);
    Task<(long Id, string ETag)> Raise(HttpClient raiser, object? body = null);
    object MoveTo(string to);
}

/// <summary>
/// One API key per party of the workflow (keys, not cookies, so that moving the clock by weeks does not end sessions),
/// made on first use, before any test moves the clock (which would end the admin's session).
/// </summary>
public sealed class IssueParties(ApiFactory factory, FakeTimeProvider clock)
{
    private readonly Dictionary<string, HttpClient> _keys = new();
    private readonly SemaphoreSlim _lock = new(1, 1);

    private static readonly string[] Agencies = ["mohw", "mfds", "motie", "kbiohealth", "ifez", "wmit", "gbsa", "khidi"];

    /// <summary>
    /// A long-lived read+write key of this agency: mohw acts as secretariat, mfds/motie as ministry reviewers, the
    /// operators as cluster operators, khidi as a viewer.
    /// </summary>
    public async Task<HttpClient> Party(string agencyCode)
    {
        await _lock.WaitAsync();
        try
        {
            if (_keys.Count == 0)
                foreach (var agency in Agencies)
                {
                    var secret = await factory.NewKey(agency, ["read", "write"], clock.GetUtcNow().AddYears(2).AddDays(-1));
                    var client = factory.Anonymous();
                    client.DefaultRequestHeaders.Add("X-Api-Key", secret);
                    _keys[agency] = client;
                }
            return _keys[agencyCode];
        }
        finally { _lock.Release(); }
    }
}

/// <summary>A SQLite host whose clock the test moves, with one API key per party of the workflow.</summary>
public sealed class IssuesFactory : SqliteApiFactory, IIssuesHost
{
    public IssuesFactory() => _parties = new IssueParties(this, Clock);

    private readonly IssueParties _parties;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public Task<HttpClient> Party(string agencyCode) => _parties.Party(agencyCode);

    public static object NewIssue(string title = "임상시험 승인 절차 간소화", string category = "clinical_trials", string[]? clusters = null, string priority = "normal",
        string? externalRef = null) => new
    {
        titleKo = title,
        problemKo = "다기관 임상시험 승인에 기관마다 별도 심의가 필요해 6개월 이상 지연됩니다.",
        proposalKo = "공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 고시를 개정합니다.",
        category,
        clusterCodes = clusters ?? ["osong"],
        lawName = "의약품 등의 안전에 관한 규칙",
        lawArticle = "제30조",
        priority,
        tags = new[] { "임상", "IRB" },
        externalRef,
    };

    public Task<(long Id, string ETag)> Raise(HttpClient raiser, object? body = null) => RaiseWith(raiser, body);

    public static async Task<(long Id, string ETag)> RaiseWith(HttpClient raiser, object? body = null)
    {
        var response = await raiser.PostAsync("/api/v1/regulatory-issues", Http.Body(body ?? NewIssue()));
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<long>(), response.ETag());
    }

    /// <summary>
    /// How many issues' copies of their cluster ids (read by list pages) differ from their links in
    /// regulatory_issue_clusters (the record), plus how many links' copies of their issue's state and time of last change
    /// (read by the operator's home, migration 0023) differ from the issue: zero whenever every write keeps them in step.
    /// </summary>
    public static async Task<long> ClusterCopiesOutOfStep(SqliteApiFactory factory)
    {
        await using var db = factory.OpenDatabase();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(db, """
            SELECT COUNT(*) FROM regulatory_issues i
            WHERE i.cluster_ids <> COALESCE((SELECT group_concat(cluster_id, ',')
                                             FROM (SELECT cluster_id FROM regulatory_issue_clusters c WHERE c.issue_id = i.id ORDER BY cluster_id)), '')
            """) + await Dapper.SqlMapper.ExecuteScalarAsync<long>(db, """
            SELECT COUNT(*) FROM regulatory_issue_clusters c JOIN regulatory_issues i ON i.id = c.issue_id
            WHERE c.issue_status <> i.status OR c.issue_updated_at <> i.updated_at
            """);
    }

    public static async Task<string> ETagOf(HttpClient client, long id) => (await client.GetAsync($"/api/v1/regulatory-issues/{id}")).ETag();

    public static async Task<HttpResponseMessage> Move(HttpClient client, long id, object body, string? etag = null) =>
        await client.Send(HttpMethod.Post, $"/api/v1/regulatory-issues/{id}/transitions", Http.Body(body), etag ?? await ETagOf(client, id));

    /// <summary>Today in Korea, the council's calendar.</summary>
    public DateOnly Today => TodayOf(Clock);

    public static DateOnly TodayOf(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    public object MoveTo(string to) => MoveFields(to, Today);

    /// <summary>Valid fields for a move to <paramref name="to"/>.</summary>
    public static object MoveFields(string to, DateOnly today) => to switch
    {
        "under_review" => new { to, leadMinistryCode = "mfds", comment = "식약처로 배정" },
        "accepted" or "partially_accepted" => new { to, plannedChange = "공동 IRB 인정 고시 개정", instrument = "notice", plannedCompletionOn = today.AddDays(60) },
        "long_term_review" => new { to, reviewOn = today.AddDays(90) },
        "not_accepted" => new { to, justification = "현행 제도상 기관별 심의는 피험자 보호를 위한 필수 절차이므로 일괄 인정은 어렵습니다. 대안을 검토하겠습니다." },
        "in_progress" => new { to, progressPercent = 40, progressNote = "고시 개정안 행정예고" },
        "completed" => new { to, completedOn = today, evidence = "식약처 고시 제2026-00호 개정" },
        "withdrawn" => new { to, reason = "중복 제기된 과제라 철회합니다." },
        _ => new { to },
    };
}

/// <summary>The same host on SQL Server (BIOCLUSTER_SQLSERVER_CONNECTION), for the regulatory-issue API suite.</summary>
public sealed class SqlServerIssuesFactory : SqlServerApiFactory, IIssuesHost
{
    public SqlServerIssuesFactory() => _parties = new IssueParties(this, Clock);

    private readonly IssueParties _parties;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public Task<HttpClient> Party(string agencyCode) => _parties.Party(agencyCode);

    public Task<(long Id, string ETag)> Raise(HttpClient raiser, object? body = null) => IssuesFactory.RaiseWith(raiser, body);

    public object MoveTo(string to) => IssuesFactory.MoveFields(to, IssuesFactory.TodayOf(Clock));
}
