using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// A bad request to every feature that writes, sent in Korean and in English: every sentence of the answer (its
/// title, detail and each field error) is in the language asked for. Korean answers carry Hangul in every message and
/// none is plain ASCII; English answers carry no Hangul.
/// </summary>
public sealed partial class MessageLanguageHttpTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private sealed record Bad(string Name, HttpMethod Method, string Path, HttpContent? Body = null, string? IfMatch = null,
        string? IdempotencyKey = null, bool Anonymous = false);

    [Theory]
    [InlineData("ko")]
    [InlineData("en")]
    public async Task EveryRefusal_IsInTheLanguageAsked(string language)
    {
        var admin = factory.Client();
        var osong = await admin.GetFromJsonAsync<JsonElement>("/api/v1/clusters/by-code/osong");
        var osongId = osong.GetProperty("id").GetInt64();
        var issue = await admin.PostAsync("/api/v1/regulatory-issues", Http.Body(Issue()));
        Assert.True(issue.StatusCode == HttpStatusCode.Created, await issue.Content.ReadAsStringAsync());
        var issueId = (await issue.Read<JsonElement>()).GetProperty("id").GetInt64();
        var issueTag = issue.ETag();
        var meeting = await admin.PostAsync("/api/v1/meetings", Http.Body(new
        {
            bodyCode = "council", titleKo = $"언어 시험 회의 {language}", kind = "in_person", startsAt = "2027-03-10T06:00:00Z", endsAt = "2027-03-10T08:00:00Z",
            venue = "정부세종청사 대회의실",
        }));
        Assert.True(meeting.StatusCode == HttpStatusCode.Created, await meeting.Content.ReadAsStringAsync());
        var meetingId = (await meeting.Read<JsonElement>()).GetProperty("id").GetInt64();
        var meetingTag = meeting.ETag();

        Bad[] requests =
        [
            new("cluster with bad fields", HttpMethod.Post, "/api/v1/clusters", Http.Body(new
            {
                code = "X", nameKo = "latin only", region = "seoul", operatorCode = "", website = "ftp://example", specializations = Enumerable.Repeat("a", 21),
            })),
            new("cluster replaced from a stale read", HttpMethod.Put, $"/api/v1/clusters/{osongId}", Http.Body(new
            {
                nameKo = "오송첨단의료산업진흥재단", region = "chungbuk", operatorCode = "kbiohealth", status = "active",
            }), IfMatch: "\"999999\""),
            new("cluster replaced without If-Match", HttpMethod.Put, $"/api/v1/clusters/{osongId}", Http.Body(new
            {
                nameKo = "오송첨단의료산업진흥재단", region = "chungbuk", operatorCode = "kbiohealth", status = "active",
            })),
            new("cluster that does not exist", HttpMethod.Get, "/api/v1/clusters/99999999"),
            new("agency its own parent", HttpMethod.Post, "/api/v1/agencies", Http.Body(new
            {
                code = $"self-{language}", nameKo = "자기 참조 기관", kind = "company", sector = "industry", parentCode = $"self-{language}",
            })),
            new("agency parent unknown", HttpMethod.Post, "/api/v1/agencies", Http.Body(new
            {
                code = $"orphan-{language}", nameKo = "상위 없는 기관", kind = "company", sector = "industry", parentCode = "no-such-parent",
            })),
            new("indicators negative", HttpMethod.Put, $"/api/v1/clusters/{osongId}/indicators/2020", Http.Body(new { companies = -1, revenueMillionKrw = -5.0 })),
            new("indicators year out of range", HttpMethod.Put, $"/api/v1/clusters/{osongId}/indicators/1800", Http.Body(new { companies = 1 })),
            new("issue with bad fields", HttpMethod.Post, "/api/v1/regulatory-issues", Http.Body(new
            {
                titleKo = "x", problemKo = "짧음", proposalKo = "짧음", category = "clinical_trials", clusterCodes = Array.Empty<string>(), raisedByCode = "kbiohealth",
            })),
            new("issue move that does not exist", HttpMethod.Post, $"/api/v1/regulatory-issues/{issueId}/transitions", Http.Body(new { to = "completed" }),
                IfMatch: issueTag),
            new("issue replaced from a stale read", HttpMethod.Put, $"/api/v1/regulatory-issues/{issueId}", Http.Body(IssueUpdate()), IfMatch: "\"999999\""),
            new("issue comment empty", HttpMethod.Post, $"/api/v1/regulatory-issues/{issueId}/comments", Http.Body(new { text = "" })),
            new("meeting with bad fields", HttpMethod.Post, "/api/v1/meetings", Http.Body(new
            {
                bodyCode = "no-such-body", titleKo = "", kind = "in_person", startsAt = "2027-03-10T06:00:00Z", endsAt = "2027-03-10T05:00:00Z",
            })),
            new("agenda item with bad fields", HttpMethod.Post, $"/api/v1/meetings/{meetingId}/agenda", Http.Body(new { titleKo = "", kind = "report" }),
                IfMatch: meetingTag),
            new("meeting moved from a stale read", HttpMethod.Post, $"/api/v1/meetings/{meetingId}/transitions", Http.Body(new { to = "convened" }),
                IfMatch: "\"999999\""),
            new("minutes of a meeting that does not exist", HttpMethod.Put, "/api/v1/meetings/99999999/minutes", Http.Body(new { summary = "요약" })),
            new("minutes moved with no such state", HttpMethod.Post, $"/api/v1/meetings/{meetingId}/minutes/transitions", Http.Body(new { to = "published" }),
                IfMatch: "\"1\""),
            new("follow-up that does not exist", HttpMethod.Put, "/api/v1/follow-ups/99999999", Http.Body(new { title = "후속조치", dueOn = "2027-01-01" }),
                IfMatch: "\"1\""),
            new("seat of no body", HttpMethod.Post, "/api/v1/council/seats", Http.Body(new
            {
                bodyCode = "no-such-body", position = "member", group = "ministry", labelKo = "시험 좌석", agencyCode = "mohw",
            })),
            new("membership of no seat", HttpMethod.Post, "/api/v1/council/seats/99999999/memberships", Http.Body(new { personName = "홍길동", startsOn = "2027-01-01" })),
            new("membership ended before it began", HttpMethod.Post, "/api/v1/council/memberships/99999999/end", Http.Body(new { endsOn = "2027-01-01" })),
            new("council body with bad fields", HttpMethod.Post, "/api/v1/council/bodies", Http.Body(new
            {
                code = "Bad Code", parentCode = "council", nameKo = "", organisingUnit = "",
            })),
            new("holiday with no name", HttpMethod.Post, "/api/v1/holidays", Http.Body(new { on = "2027-05-05", nameKo = "" })),
            new("holiday body not JSON", HttpMethod.Post, "/api/v1/holidays", Http.Raw("{\"on\": ")),
            new("holiday with an unknown field", HttpMethod.Post, "/api/v1/holidays", Http.Raw("{\"on\": \"2027-05-05\", \"nameKo\": \"어린이날\", \"colour\": 1}")),
            new("notification preferences with bad fields", HttpMethod.Put, "/api/v1/notifications/preferences", Http.Body(new
            {
                email = "not an address", language = "ko", emailKinds = Array.Empty<string>(), digest = true, digestHour = 30,
            })),
            new("api key without scopes", HttpMethod.Post, "/api/v1/api-keys", Http.Body(new { agencyCode = "mohw", name = "시험 키", scopes = Array.Empty<string>() })),
            new("api key expiring at once", HttpMethod.Post, "/api/v1/api-keys", Http.Body(new
            {
                agencyCode = "mohw", name = "시험 키", scopes = new[] { "read" }, expiresAt = DateTimeOffset.UtcNow.AddMinutes(1),
            })),
            new("user with bad fields", HttpMethod.Post, "/api/v1/users", Http.Body(new
            {
                username = "Bad Name", displayName = "시험 사용자", role = "viewer", password = "short",
            })),
            new("user with a common password", HttpMethod.Post, "/api/v1/users", Http.Body(new
            {
                username = $"weak.{language}", displayName = "시험 사용자", role = "viewer", password = "password1234",
            })),
            new("document sent as JSON", HttpMethod.Post, $"/api/v1/regulatory-issues/{issueId}/documents", Http.Body(new { title = "문서" })),
            new("document that does not exist", HttpMethod.Get, "/api/v1/documents/99999999"),
            new("search too short", HttpMethod.Get, "/api/v1/search?q=a"),
            new("list with a bad sort", HttpMethod.Get, "/api/v1/clusters?sort=nope&limit=0"),
            new("calendar feed of no body", HttpMethod.Post, "/api/v1/calendar-feeds", Http.Body(new { scope = "person" })),
            new("import of no such target", HttpMethod.Post, "/api/v1/imports/nothing", Http.Raw("a,b\n1,2", "text/csv")),
            new("holiday already there", HttpMethod.Post, "/api/v1/holidays", Http.Body(new { on = "2027-05-05", nameKo = "어린이날" })),
            new("bad idempotency key", HttpMethod.Post, "/api/v1/agencies", Http.Body(new
            {
                code = $"idem-{language}", nameKo = "멱등 시험 기관", kind = "company", sector = "industry",
            }), IdempotencyKey: "a key with spaces"),
            new("sign-in with a wrong password", HttpMethod.Post, "/api/v1/auth/login", Http.Body(new { username = "admin", password = "wrong password" }),
                Anonymous: true),
        ];

        var failures = new List<string>();
        var anonymous = factory.Anonymous();
        foreach (var bad in requests)
        {
            using var request = new HttpRequestMessage(bad.Method, bad.Path) { Content = bad.Body };
            request.Headers.AcceptLanguage.ParseAdd(language);
            if (bad.IfMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", bad.IfMatch);
            if (bad.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", bad.IdempotencyKey);
            var response = await (bad.Anonymous ? anonymous : admin).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{bad.Name}: expected a 4xx, got {(int)response.StatusCode}: {text}");
                continue;
            }
            var problem = JsonDocument.Parse(text).RootElement;
            var messages = new List<(string Where, string Text)>();
            foreach (var member in new[] { "title", "detail" })
                if (problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String) messages.Add((member, value.GetString()!));
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                foreach (var field in errors.EnumerateObject())
                foreach (var message in field.Value.EnumerateArray())
                    messages.Add(($"errors.{field.Name}", message.GetString()!));
            if (!messages.Any(m => m.Where == "detail")) failures.Add($"{bad.Name}: no detail: {text}");
            foreach (var (where, message) in messages)
            {
                if (language == "ko" && (!Hangul().IsMatch(message) || message.All(char.IsAscii)))
                    failures.Add($"{bad.Name} ({(int)response.StatusCode}) {where} is not Korean: {message}");
                if (language == "en" && Hangul().IsMatch(message))
                    failures.Add($"{bad.Name} ({(int)response.StatusCode}) {where} is not English: {message}");
                if (QuotedIdentifier().IsMatch(message))
                    failures.Add($"{bad.Name} ({(int)response.StatusCode}) {where} names a field by its code, not its label: {message}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} message(s) not in '{language}':\n{string.Join("\n", failures)}");
    }

    private static object Issue() => new
    {
        titleKo = "메시지 언어 시험 과제",
        problemKo = "다기관 임상시험 승인에 기관마다 별도 심의가 필요해 6개월 이상 지연됩니다.",
        proposalKo = "공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 고시를 개정합니다.",
        category = "clinical_trials",
        clusterCodes = new[] { "osong" },
        raisedByCode = "kbiohealth",
    };

    private static object IssueUpdate() => new
    {
        titleKo = "메시지 언어 시험 과제",
        problemKo = "다기관 임상시험 승인에 기관마다 별도 심의가 필요해 6개월 이상 지연됩니다.",
        proposalKo = "공동 IRB 심의 결과를 모든 참여 기관이 인정하도록 고시를 개정합니다.",
        category = "clinical_trials",
        clusterCodes = new[] { "osong" },
        priority = "normal",
    };

    /// <summary>A field named the way FluentValidation names it when it has no label: 'title Ko', 'nameKo'.</summary>
    [GeneratedRegex(@"'[a-z]+(?: ?[A-Z][a-z]*)+'")]
    private static partial Regex QuotedIdentifier();

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();
}
