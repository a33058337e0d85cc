using System.Reflection;
using System.Text.Json;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Tests.Features.Imports;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;

namespace BioCluster.Api.Tests.Features.Audit;

/// <summary>
/// Every field the trail records has a Korean and an English label in the history's table
/// (web/src/features/audit/i18n/fields.json): a field added to a record without one fails here, not on a person's screen.
/// </summary>
public sealed class AuditLabelCoverageTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    /// <summary>Bookkeeping every change moves, which the history never shows (audit.ts IGNORED_FIELDS).</summary>
    private static readonly HashSet<string> Unshown = ["id", "createdAt", "updatedAt", "version"];

    /// <summary>The features whose records the trail keeps (their records are the <c>…Dto</c> types the stores write).</summary>
    private static readonly HashSet<string> Audited =
    [
        "BioCluster.Contracts.Registry", "BioCluster.Contracts.Access", "BioCluster.Contracts.RegulatoryIssues", "BioCluster.Contracts.Meetings",
        "BioCluster.Contracts.Holidays", "BioCluster.Contracts.Documents", "BioCluster.Contracts.Notifications", "BioCluster.Contracts.Calendar",
        "BioCluster.Contracts.PolicyRecommendations", "BioCluster.Contracts.CollaborationProjects",
    ];

    /// <summary>
    /// Answers that are no record the trail keeps: the audit's own, sign-in, one-time secrets, figures worked out for a screen,
    /// a person's notifications, list rows (their record's full form is checked).
    /// </summary>
    private static readonly HashSet<string> NotRecords =
    [
        "AuditEntryDto", "MeDto", "AntiforgeryTokenDto", "CreatedApiKeyDto", "CreatedCalendarFeedDto", "RegulatoryIssueStatsDto", "QuorumDto",
        "NotificationDto", "NotificationDeliveryDto", "MarkedReadDto", "UnreadCountDto", "RegulatoryIssueSummaryDto", "MeetingSummaryDto", "IssueMeetingDto",
    ];

    private static Dictionary<string, string[]> Labels() =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Repo.PathOf("web", "src", "features", "audit", "i18n", "fields.json")))!;

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The top-level fields of every record type the stores write (the history shows top-level fields).</summary>
    public static IEnumerable<(string Type, string Field)> RecordFields()
    {
        var contracts = typeof(IssueStatus).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Dto", StringComparison.Ordinal) && Audited.Contains(t.Namespace ?? "") && !NotRecords.Contains(t.Name));
        // An import records its own fields of each row (AgencyImport.Record, …).
        var imports = typeof(AuditStore).Assembly.GetTypes()
            .Where(t => t.Name == "Record" && t.DeclaringType?.Namespace == "BioCluster.Api.Features.Imports");
        foreach (var type in contracts.Concat(imports))
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                yield return ($"{type.DeclaringType?.Name ?? ""}{type.Name}", Camel(property.Name));
    }

    [Fact]
    public void EveryLabel_HasKoreanThenEnglish()
    {
        foreach (var (field, pair) in Labels())
        {
            Assert.True(pair.Length == 2 && pair.All(s => !string.IsNullOrWhiteSpace(s)), $"{field}: [ko, en] expected");
            Assert.True(pair[0] != pair[1] || pair[0].All(c => c < 128), $"{field}: the Korean label is the English one");
        }
    }

    [Fact]
    public void EveryFieldOfEveryRecordTheTrailKeeps_HasALabel()
    {
        var labels = Labels();
        var missing = RecordFields()
            .Where(f => !Unshown.Contains(f.Field) && !AuditJson.Derived.Contains(f.Field) && !labels.ContainsKey(f.Field))
            .GroupBy(f => f.Field).Select(g => $"{g.Key} ({string.Join(", ", g.Select(f => f.Type).Distinct())})").Order().ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} fields without a label:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public async Task EveryFieldAnImportAndItsRowsRecord_HasALabel()
    {
        var code = Http.Unique("lc").ToLowerInvariant();
        await ImportsApiTests.Report(await factory.Client().PostAsync("/api/v1/imports/agencies?fileName=labels.csv",
            ImportsApiTests.Csv($"code,nameKo,kind\r\n{code},라벨 기관,company\r\n")));
        var labels = Labels();
        await using var db = factory.OpenDatabase();
        var recorded = (await db.QueryAsync<string?>("SELECT after_json FROM audit_entries UNION ALL SELECT before_json FROM audit_entries"))
            .Where(j => j is not null).SelectMany(j => JsonDocument.Parse(j!).RootElement is { ValueKind: JsonValueKind.Object } o
                ? o.EnumerateObject().Select(p => p.Name).ToList() : [])
            .Distinct().ToList();
        Assert.Contains("totals", recorded); // the run's own entry is among them
        var missing = recorded.Where(f => !Unshown.Contains(f) && !AuditJson.Derived.Contains(f) && !labels.ContainsKey(f)).Order().ToList();
        Assert.True(missing.Count == 0, $"recorded without a label: {string.Join(", ", missing)}");
    }
}
