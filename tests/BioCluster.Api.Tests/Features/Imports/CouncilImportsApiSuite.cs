using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// Council seats and memberships brought in by the import engine, through HTTP: Korean headers, dry runs that write
/// nothing, all-or-nothing, Korean messages, the membership endpoint's rules on overlapping terms, and the seats and
/// terms-ending exports that import back unchanged. Run once per database provider.
/// </summary>
public abstract class CouncilImportsApiSuite(ApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Label(string what) => $"{what} {Guid.NewGuid():N}"[..(what.Length + 9)];

    private static (int Rows, int Created, int Updated, int Unchanged, int Rejected) Totals(JsonElement report)
    {
        var t = report.GetProperty("totals");
        return (t.GetProperty("rows").GetInt32(), t.GetProperty("created").GetInt32(), t.GetProperty("updated").GetInt32(),
            t.GetProperty("unchanged").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    private async Task<JsonElement> Import(string entity, string csv, string query = "", HttpStatusCode status = HttpStatusCode.OK) =>
        await ImportsApiTests.Report(await _client.PostAsync($"/api/v1/imports/{entity}{query}", ImportsApiTests.Csv(csv)), status);

    private async Task<List<JsonElement>> Seats(string body = "council") =>
        (await (await _client.GetAsync($"/api/v1/council/seats?bodyCode={body}&includeEnded=true")).Read<JsonElement>()).EnumerateArray().ToList();

    private async Task<List<JsonElement>> Audit(string entityType, long id) =>
        (await (await _client.GetAsync($"/api/v1/audit?entityType={entityType}&entityId={id}&limit=50")).Read<JsonElement>())
        .GetProperty("items").EnumerateArray().ToList();

    private static string Messages(JsonElement report) =>
        string.Join("\n", report.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.GetProperty("column")} {p.GetProperty("message").GetString()}"));

    [ApiFact]
    public async Task Seats_KoreanHeaders_DryRunWritesNothing_RealRunCreatesAndAudits_ReRunIsUnchanged()
    {
        var (ministry, expert) = (Label("식약처 시험 좌석"), Label("민간위원 연구 시험"));
        var csv = "협의체코드,직위,구분,분야,기관코드,좌석명,영문좌석명,순서,의결권\r\n" +
                  $"council,위원,부처,,mfds,{ministry},MFDS test seat,150,예\r\n" +
                  $",member,private_expert,연구,,{expert},,151,N\r\n";

        var dry = await Import("council_seats", csv, "?dryRun=true");
        Assert.Equal((2, 2, 0, 0, 0), Totals(dry));
        Assert.Equal("validated", dry.GetProperty("outcome").GetString());
        Assert.DoesNotContain(await Seats(), s => s.GetProperty("labelKo").GetString() == ministry);

        var real = await Import("council_seats", csv);
        Assert.Equal((2, 2, 0, 0, 0), Totals(real));
        Assert.Equal("imported", real.GetProperty("outcome").GetString());
        var seats = await Seats();
        var m = seats.Single(s => s.GetProperty("labelKo").GetString() == ministry);
        Assert.Equal("mfds", m.GetProperty("agency").GetProperty("code").GetString());
        Assert.Equal("ministry", m.GetProperty("group").GetString());
        Assert.Equal("member", m.GetProperty("position").GetString());
        Assert.True(m.GetProperty("voting").GetBoolean());
        Assert.Equal(Day(Today), m.GetProperty("activeFrom").GetString());
        var e = seats.Single(s => s.GetProperty("labelKo").GetString() == expert);
        Assert.Equal("research", e.GetProperty("sector").GetString());
        Assert.False(e.GetProperty("voting").GetBoolean());
        var created = Assert.Single(await Audit("council_seat", m.GetProperty("id").GetInt64()));
        Assert.Equal("create", created.GetProperty("action").GetString());
        Assert.Equal(ministry, created.GetProperty("after").GetProperty("labelKo").GetString());
        // The run itself is in the audit trail too.
        Assert.Contains(await Audit("import", real.GetProperty("id").GetInt64()), a => a.GetProperty("action").GetString() == "import");

        Assert.Equal((2, 0, 0, 2, 0), Totals(await Import("council_seats", csv)));
    }

    [ApiFact]
    public async Task Seats_ExportWithHolders_ImportsBackUnchanged_AsCsvAndXlsx()
    {
        var label = Label("운영기관 시험 좌석");
        Assert.Equal((1, 1, 0, 0, 0), Totals(await Import("council_seats", $"직위,구분,기관코드,좌석명\r\n위원,운영기관,kbiohealth,{label}\r\n")));
        var seatId = (await Seats()).Single(s => s.GetProperty("labelKo").GetString() == label).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync($"/api/v1/council/seats/{seatId}/memberships",
            Http.Body(new { personName = "김시험", title = "원장", startsOn = Day(Today.AddDays(-10)) }))).StatusCode);

        var korean = await _client.GetStringAsync("/api/v1/council/seats/export.csv");
        Assert.StartsWith("협의체코드,직위,구분,", korean.TrimStart('\uFEFF')); // Korean headers unless English is asked for
        var response = await _client.GetAsync("/api/v1/council/seats/export.csv?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bodyCode,position,group,sector,agencyCode,labelKo,labelEn,sortOrder,activeFrom,voting,id,activeTo,holderName,holderTitle,"
            + "holderOnBehalfOf,holderStartsOn,holderEndsOn", lines[0]);
        var line = lines.Single(l => l.Contains(label, StringComparison.Ordinal));
        Assert.Contains("김시험,원장,", line);
        Assert.StartsWith("council,member,cluster_operator,,kbiohealth,", line);
        Assert.Contains(lines, l => l.Contains("보건복지부 제2차관", StringComparison.Ordinal) || l.Contains(",chair,", StringComparison.Ordinal));

        foreach (var (format, type) in new[] { ("csv", "text/csv"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") })
        {
            var exported = new ByteArrayContent(await _client.GetByteArrayAsync($"/api/v1/council/seats/export.{format}"));
            exported.Headers.ContentType = new MediaTypeHeaderValue(type);
            var trip = await ImportsApiTests.Report(await _client.PostAsync("/api/v1/imports/council_seats?dryRun=true", exported));
            var totals = Totals(trip);
            Assert.True(totals.Rows >= 22, $"{format}: {totals}");
            Assert.True(totals.Rows == totals.Unchanged, $"{format}: {totals}\n{Messages(trip)}");
        }
        await (await _client.GetAsync("/api/v1/council/seats/export.csv?bodyCode=no-such-body")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Seats_BadRows_KoreanMessages_NothingWritten_UnlessSkipped()
    {
        var (good, existing) = (Label("정상 좌석"), Label("기존 좌석"));
        Assert.Equal((1, 1, 0, 0, 0), Totals(await Import("council_seats", $"직위,구분,기관코드,좌석명\r\n위원,부처,motie,{existing}\r\n")));
        var csv = "협의체코드,직위,구분,분야,기관코드,좌석명\r\n" +
                  $"council,위원,부처,,msit,{good}\r\n" +            // 2: good
                  $"council,의장,부처,,msit,{Label("직위 오류")}\r\n" + // 3: unknown position
                  $"council,위원,부처,,,{Label("기관 없음")}\r\n" +     // 4: a ministry seat without its agency
                  $"council,위원,부처,,no-such-agency,{Label("모르는 기관")}\r\n" + // 5
                  $"council,위원,부처,,msit,{good}\r\n" +             // 6: the same label again
                  $"council,위원장,부처,,motie,{existing}\r\n" +      // 7: exists with other fields
                  $"no-such-body,위원,부처,,msit,{Label("협의체 없음")}\r\n"; // 8

        var report = await Import("council_seats", csv, status: HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rejected", report.GetProperty("outcome").GetString());
        Assert.Equal((7, 1, 0, 0, 6), Totals(report));
        var messages = Messages(report);
        Assert.Contains("3 position '의장'은(는) 허용된 값이 아닙니다: chair, vice_chair, member, secretary.", messages);
        Assert.Contains("기관이 필요합니다", messages);
        Assert.Contains("코드 'no-such-agency'인 활성 기관이 없습니다", messages);
        Assert.Contains("2행에 이미 있습니다", messages);
        Assert.Contains("이미 있고 내용이 다릅니다", messages);
        Assert.Contains("코드 'no-such-body'인 협의체가 없습니다", messages);
        Assert.Contains("좌석명", report.GetProperty("problems").EnumerateArray().Select(p => p.TryGetProperty("header", out var h) ? h.GetString() : null));
        Assert.DoesNotContain(await Seats(), s => s.GetProperty("labelKo").GetString() == good);

        var rejected = await _client.GetStringAsync($"/api/v1/imports/{report.GetProperty("id").GetInt64()}/rejected-rows.csv");
        Assert.Contains("no-such-agency", rejected);
        Assert.DoesNotContain($"msit,{good}\r\n", rejected.Split('\n')[1]);

        var skipped = await Import("council_seats", csv, "?onError=skip");
        Assert.Equal("imported", skipped.GetProperty("outcome").GetString());
        Assert.Equal((7, 1, 0, 0, 6), Totals(skipped));
        Assert.Contains(await Seats(), s => s.GetProperty("labelKo").GetString() == good);
    }

    [ApiFact]
    public async Task Memberships_FollowTheEndpointsRules_OpenTermEnded_OverlapRefused_DryRunWritesNothing()
    {
        var label = Label("임기 시험 좌석");
        Assert.Equal((1, 1, 0, 0, 0), Totals(await Import("council_seats", $"직위,구분,기관코드,좌석명,의결권\r\n위원,공공기관,khidi,{label},예\r\n")));
        var seatId = (await Seats()).Single(s => s.GetProperty("labelKo").GetString() == label).GetProperty("id").GetInt64();
        var (firstStart, secondStart) = (Today.AddDays(-400), Today.AddDays(-20));
        var csv = "좌석명,성명,직함,소속기관코드,임기시작일,임기종료일,대리참석허용,의결권\r\n" +
                  $"{label},이전임,본부장,,{Day(firstStart)},,예,\r\n" +
                  $"{label},박후임,원장,kbiohealth,{firstStart.AddDays(380):yyyy.MM.dd},,아니오,N\r\n";

        var dry = await Import("council_memberships", csv, "?dryRun=true");
        Assert.True((2, 2, 0, 0, 0) == Totals(dry), Messages(dry));
        Assert.Equal(JsonValueKind.Null, (await Seats()).Single(s => s.GetProperty("id").GetInt64() == seatId).GetProperty("holder").ValueKind);

        var real = await Import("council_memberships", csv);
        Assert.True((2, 2, 0, 0, 0) == Totals(real), Messages(real));
        var holder = (await Seats()).Single(s => s.GetProperty("id").GetInt64() == seatId).GetProperty("holder");
        Assert.Equal("박후임", holder.GetProperty("personName").GetString());
        Assert.Equal("kbiohealth", holder.GetProperty("onBehalfOf").GetProperty("code").GetString());
        Assert.False(holder.GetProperty("substituteAllowed").GetBoolean());
        Assert.False(holder.GetProperty("voting").GetBoolean());
        // The first term was ended the day before the second began, and that is audited as the endpoint audits it.
        var trail = (await (await _client.GetAsync("/api/v1/audit?entityType=council_membership&limit=200")).Read<JsonElement>()).GetProperty("items");
        Assert.Contains(trail.EnumerateArray(), a => a.GetProperty("action").GetString() == "end_term"
            && a.GetProperty("before").GetProperty("personName").GetString() == "이전임"
            && a.GetProperty("before").GetProperty("endsOn").ValueKind == JsonValueKind.Null
            && a.GetProperty("after").GetProperty("endsOn").GetString() == Day(secondStart.AddDays(-1)));

        // Sent again as they now stand, both terms are unchanged; the first row, sent as it was, now collides.
        var asStored = "좌석명,성명,직함,임기시작일,임기종료일,대리참석허용,의결권,소속기관코드\r\n" +
                       $"{label},이전임,본부장,{Day(firstStart)},{Day(secondStart.AddDays(-1))},true,true,\r\n" +
                       $"{label},박후임,원장,{Day(secondStart)},,false,false,kbiohealth\r\n";
        Assert.Equal((2, 0, 0, 2, 0), Totals(await Import("council_memberships", asStored)));

        // Overlaps are refused as the endpoint refuses them, with its Korean message; nothing of the file is written.
        var bad = "좌석명,성명,임기시작일,임기종료일\r\n" +
                  $"{label},최정상,{Day(Today.AddDays(400))},\r\n" +                            // 2: good on its own
                  $"{label},김겹침,{Day(firstStart.AddDays(10))},{Day(firstStart.AddDays(20))}\r\n" + // 3: overlaps the ended first term
                  $"{label},이역순,{Day(Today.AddDays(10))},{Day(Today.AddDays(5))}\r\n" +             // 4: ends before it starts
                  $"없는 좌석 {Guid.NewGuid():N},정없음,{Day(Today)},\r\n" +                            // 5: no such seat
                  $"{label},,2026-13-45,\r\n";                                                         // 6: no name, no date
        var report = await Import("council_memberships", bad, status: HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rejected", report.GetProperty("outcome").GetString());
        Assert.Equal((5, 1, 0, 0, 4), Totals(report));
        var messages = Messages(report);
        Assert.Contains("3 startsOn", messages);
        Assert.Contains("이전임 위원의 임기가 겹칩니다", messages);
        Assert.Contains("임기 종료일은 시작일보다 앞설 수 없습니다", messages);
        Assert.Contains("좌석이 없습니다", messages);
        Assert.Contains("날짜(yyyy-mm-dd)가 아닙니다", messages);
        // Row 2 would have ended the holder's term the day before 최정상's began: it was not written.
        var still = (await Seats()).Single(s => s.GetProperty("id").GetInt64() == seatId).GetProperty("holder");
        Assert.Equal("박후임", still.GetProperty("personName").GetString());
        Assert.Equal(JsonValueKind.Null, still.GetProperty("endsOn").ValueKind);

        // The endpoint gives the same refusal for the same term.
        var direct = await (await _client.PostAsync($"/api/v1/council/seats/{seatId}/memberships", Http.Body(new
        {
            personName = "김겹침", startsOn = Day(firstStart.AddDays(10)), endsOn = Day(firstStart.AddDays(20)),
        }))).Problem(HttpStatusCode.Conflict);
        Assert.Contains("이전임 위원의 임기가 겹칩니다", direct.GetProperty("detail").GetString());
    }

    [ApiFact]
    public async Task TermsEndingExport_HasTheListsTerms_WithTheirSeats_AndImportsBackUnchanged()
    {
        var label = Label("임기만료 시험 좌석");
        Assert.Equal((1, 1, 0, 0, 0), Totals(await Import("council_seats", $"직위,구분,분야,좌석명\r\n위원,민간전문가,병원,{label}\r\n")));
        var ends = Today.AddDays(30);
        Assert.Equal((1, 1, 0, 0, 0), Totals(await Import("council_memberships",
            $"좌석명,성명,직함,임기시작일,임기종료일\r\n{label},한만료,교수,{Day(Today.AddDays(-700))},{Day(ends)}\r\n")));

        var response = await _client.GetAsync("/api/v1/council/terms-ending/export.csv?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("terms-ending-", response.Content.Headers.ContentDisposition?.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bodyCode,seatLabel,seatId,personName,title,onBehalfOfCode,startsOn,endsOn,substituteAllowed,voting,id,daysLeftInTerm", lines[0]);
        var line = lines.Single(l => l.Contains("한만료", StringComparison.Ordinal));
        Assert.StartsWith($"council,{label},", line);
        Assert.EndsWith(",30", line);
        Assert.Contains($",{Day(ends)},Yes,Yes,", line); // yes/no in the file's language; the import reads both
        // The same list as the endpoint's.
        var listed = (await (await _client.GetAsync("/api/v1/council/terms-ending")).Read<JsonElement>()).GetArrayLength();
        Assert.Equal(listed, lines.Length - 1);
        Assert.DoesNotContain("한만료", await _client.GetStringAsync("/api/v1/council/terms-ending/export.csv?days=10"));
        await (await _client.GetAsync("/api/v1/council/terms-ending/export.csv?days=0")).Problem(HttpStatusCode.BadRequest);

        var trip = await Import("council_memberships", csv, "?dryRun=true");
        Assert.True(Totals(trip).Rows == Totals(trip).Unchanged, Messages(trip));

        var template = await _client.GetStringAsync("/api/v1/imports/templates/council_memberships.csv");
        Assert.StartsWith("협의체코드,좌석명,좌석ID,성명,직함,소속기관코드,임기시작일,임기종료일,대리참석허용,의결권", template.TrimStart('\uFEFF'));
        Assert.StartsWith("협의체코드,직위,구분,분야,기관코드,좌석명", (await _client.GetStringAsync("/api/v1/imports/templates/council_seats.csv")).TrimStart('\uFEFF'));
    }

    [ApiFact]
    public async Task BodiesExport_ListsTheCouncil()
    {
        var csv = await _client.GetStringAsync("/api/v1/council/bodies/export.csv?lang=en");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,nameKo,nameEn,organisingUnit,parentId,openingRule,decisionRule,seatCount,id", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("council,바이오 클러스터 협의체,", StringComparison.Ordinal));
    }
}

public sealed class CouncilImportsApiTests(SqliteApiFactory factory) : CouncilImportsApiSuite(factory), IClassFixture<SqliteApiFactory>;

[SqlServerSuite]
public sealed class CouncilImportsApiSqlServerTests(SqlServerApiFactory factory) : CouncilImportsApiSuite(factory), IClassFixture<SqlServerApiFactory>;
