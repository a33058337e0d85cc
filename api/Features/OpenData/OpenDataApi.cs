using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.OpenData;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.OpenData;

/// <summary>
/// The open data (issue 20 item 7, ADR 0027, docs/open-data.md): read-only, no sign-in, under <c>/api/open/v1</c>, only
/// when <c>OpenData:Enabled</c> is true (otherwise every address answers 404), rate-limited per client address.
/// Lists are ordered by (modified, id), cursor-paged through <c>links.next</c> and filtered by <c>updatedSince</c>.
/// </summary>
public static partial class OpenDataApi
{
    public const string Prefix = "/api/open/v1";

    /// <summary>The rate-limit policy of the open data: per client address, counted in each instance (ADR 0027).</summary>
    public const string RateLimit = "open-data";

    public const string EnabledSetting = "OpenData:Enabled";

    private const string OParl = "https://schema.oparl.org/1.1/";
    private const string OwnTypes = "urn:biocluster:open-data:1:";

    /// <summary>Korea Open Government License type 1 (attribution), unless <c>OpenData:License</c> names another.</summary>
    public const string DefaultLicense = "https://www.kogl.or.kr/info/licenseType1.do";
    private const string CacheControl = "public, max-age=60";

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(Prefix).WithTags("OpenData").AllowAnonymous().RequireRateLimiting(RateLimit)
            .AddEndpointFilter(static async (context, next) =>
            {
                var http = context.HttpContext;
                if (!http.RequestServices.GetRequiredService<IConfiguration>().GetValue(EnabledSetting, false))
                    return TypedResults.Problem(statusCode: Status404NotFound, title: "Not found",
                        detail: Text.Of("이 서버는 공개 데이터를 제공하지 않습니다.", "This server does not publish open data."));
                http.Response.Headers.AccessControlAllowOrigin = "*";
                http.Response.Headers.CacheControl = CacheControl;
                return await next(context);
            });

        open.MapGet("/", GetOpenSystem).WithName(nameof(GetOpenSystem))
            .WithSummary("The entry point of the open data (OParl System): the lists it publishes")
            .Produces<OpenSystem>().Errors(Status404NotFound, Status429TooManyRequests);
        open.MapGet("/meetings", ListOpenMeetings).WithName(nameof(ListOpenMeetings))
            .WithSummary("Meetings whose minutes are published, with their public agenda items and decisions, by (modified, id)")
            .Produces<OpenList<OpenMeeting>>().Produces(Status304NotModified).Errors(Status400BadRequest, Status404NotFound, Status429TooManyRequests);
        open.MapGet("/meetings/{id:long}", GetOpenMeeting).WithName(nameof(GetOpenMeeting))
            .WithSummary("One meeting with published minutes (404 for any other)")
            .Produces<OpenMeeting>().Errors(Status404NotFound, Status429TooManyRequests);
        open.MapGet("/recommendations", ListOpenRecommendations).WithName(nameof(ListOpenRecommendations))
            .WithSummary("Answered policy recommendations with their answers (not those raised at an internal agenda item), by (modified, id)")
            .Produces<OpenList<OpenRecommendation>>().Produces(Status304NotModified).Errors(Status400BadRequest, Status404NotFound, Status429TooManyRequests);
        open.MapGet("/recommendations/{id:long}", GetOpenRecommendation).WithName(nameof(GetOpenRecommendation))
            .WithSummary("One answered policy recommendation (404 for any other)")
            .Produces<OpenRecommendation>().Errors(Status404NotFound, Status429TooManyRequests);
        open.MapGet("/improvements", ListOpenImprovements).WithName(nameof(ListOpenImprovements))
            .WithSummary("Regulatory issues whose improvement is completed, by (modified, id)")
            .Produces<OpenList<OpenImprovement>>().Produces(Status304NotModified).Errors(Status400BadRequest, Status404NotFound, Status429TooManyRequests);
        open.MapGet("/improvements/{id:long}", GetOpenImprovement).WithName(nameof(GetOpenImprovement))
            .WithSummary("One completed regulatory improvement (404 for any other)")
            .Produces<OpenImprovement>().Errors(Status404NotFound, Status429TooManyRequests);
        open.MapGet("/cluster-figures", ListOpenClusterFigures).WithName(nameof(ListOpenClusterFigures))
            .WithSummary("Every cluster's yearly figures, by (modified, id)")
            .Produces<OpenList<OpenClusterFigures>>().Produces(Status304NotModified).Errors(Status400BadRequest, Status404NotFound, Status429TooManyRequests);
        open.MapGet("/cluster-figures/{id:long}", GetOpenClusterFigures).WithName(nameof(GetOpenClusterFigures))
            .WithSummary("One cluster's figures for one year")
            .Produces<OpenClusterFigures>().Errors(Status404NotFound, Status429TooManyRequests);
        return app;
    }

    // ---- handlers -------------------------------------------------------------------------------------------------

    public static IResult GetOpenSystem(HttpContext http)
    {
        var root = Root(http);
        var license = http.RequestServices.GetRequiredService<IConfiguration>()["OpenData:License"] is { Length: > 0 } l ? l : DefaultLicense;
        return TypedResults.Ok(new OpenSystem(root + "/", OParl + "System", "바이오 클러스터 협의체 공개 데이터", "Bio Cluster Council open data",
            license, root + "/meetings", root + "/recommendations", root + "/improvements", root + "/cluster-figures",
            root[..^Prefix.Length] + "/swagger"));
    }

    /// <param name="updatedSince">Only objects modified at or after this ISO 8601 instant, which must name its offset (<c>2026-12-01T09:00:00+09:00</c>, <c>…Z</c>).</param>
    /// <param name="cursor">Where the previous page ended: take it from that page's <c>links.next</c>, never build it.</param>
    /// <param name="limit">Objects per page, 1–200 (default 50).</param>
    public static async Task<IResult> ListOpenMeetings(string? updatedSince, string? cursor, string? limit, OpenDataStore store, HttpContext http,
        CancellationToken ct) =>
        await ListAsync(http, "meetings", updatedSince, cursor, limit,
            async (since, after, take) => (await store.MeetingsAsync(since, after, take, ct)).Select(m => Meeting(Root(http), m.Meeting, m.Agenda)).ToList(),
            m => m.Modified, m => m.Id);

    public static async Task<IResult> GetOpenMeeting(long id, OpenDataStore store, HttpContext http, CancellationToken ct) =>
        await store.MeetingAsync(id, ct) is { } m ? TypedResults.Ok(Meeting(Root(http), m.Meeting, m.Agenda)) : NotFound(Text.Of($"회의 {id}", $"Meeting {id}"));

    /// <param name="updatedSince">Only objects modified at or after this ISO 8601 instant, which must name its offset (<c>2026-12-01T09:00:00+09:00</c>, <c>…Z</c>).</param>
    /// <param name="cursor">Where the previous page ended: take it from that page's <c>links.next</c>, never build it.</param>
    /// <param name="limit">Objects per page, 1–200 (default 50).</param>
    public static async Task<IResult> ListOpenRecommendations(string? updatedSince, string? cursor, string? limit, OpenDataStore store, HttpContext http,
        CancellationToken ct) =>
        await ListAsync(http, "recommendations", updatedSince, cursor, limit,
            async (since, after, take) => Recommendations(Root(http), await store.RecommendationsAsync(since, after, take, null, ct)),
            r => r.Modified, r => r.Id);

    public static async Task<IResult> GetOpenRecommendation(long id, OpenDataStore store, HttpContext http, CancellationToken ct) =>
        Recommendations(Root(http), await store.RecommendationsAsync(null, null, 1, id, ct)) is [var one]
            ? TypedResults.Ok(one) : NotFound(Text.Of($"정책 제언 {id}", $"Recommendation {id}"));

    /// <param name="updatedSince">Only objects modified at or after this ISO 8601 instant, which must name its offset (<c>2026-12-01T09:00:00+09:00</c>, <c>…Z</c>).</param>
    /// <param name="cursor">Where the previous page ended: take it from that page's <c>links.next</c>, never build it.</param>
    /// <param name="limit">Objects per page, 1–200 (default 50).</param>
    public static async Task<IResult> ListOpenImprovements(string? updatedSince, string? cursor, string? limit, OpenDataStore store, HttpContext http,
        CancellationToken ct) =>
        await ListAsync(http, "improvements", updatedSince, cursor, limit,
            async (since, after, take) => Improvements(Root(http), await store.ImprovementsAsync(since, after, take, null, ct)),
            r => r.Modified, r => r.Id);

    public static async Task<IResult> GetOpenImprovement(long id, OpenDataStore store, HttpContext http, CancellationToken ct) =>
        Improvements(Root(http), await store.ImprovementsAsync(null, null, 1, id, ct)) is [var one]
            ? TypedResults.Ok(one) : NotFound(Text.Of($"개선 과제 {id}", $"Improvement {id}"));

    /// <param name="updatedSince">Only objects modified at or after this ISO 8601 instant, which must name its offset (<c>2026-12-01T09:00:00+09:00</c>, <c>…Z</c>).</param>
    /// <param name="cursor">Where the previous page ended: take it from that page's <c>links.next</c>, never build it.</param>
    /// <param name="limit">Objects per page, 1–200 (default 50).</param>
    public static async Task<IResult> ListOpenClusterFigures(string? updatedSince, string? cursor, string? limit, OpenDataStore store, HttpContext http,
        CancellationToken ct) =>
        await ListAsync(http, "cluster-figures", updatedSince, cursor, limit,
            async (since, after, take) => (await store.FiguresAsync(since, after, take, null, ct)).Select(f => Figures(Root(http), f)).ToList(),
            f => f.Modified, f => f.Id);

    public static async Task<IResult> GetOpenClusterFigures(long id, OpenDataStore store, HttpContext http, CancellationToken ct) =>
        await store.FiguresAsync(null, null, 1, id, ct) is [var one]
            ? TypedResults.Ok(Figures(Root(http), one)) : NotFound(Text.Of($"클러스터 지표 {id}", $"Cluster figures {id}"));

    // ---- lists: query, paging, caching ---------------------------------------------------------------------------

    private static async Task<IResult> ListAsync<T>(HttpContext http, string list, string? updatedSince, string? cursor, string? limit,
        Func<DateTimeOffset?, OpenDataStore.After?, int, Task<List<T>>> read, Func<T, DateTimeOffset> modified, Func<T, string> id)
    {
        var errors = new Dictionary<string, string[]>();
        var take = 50;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 200))
            errors["limit"] = [Text.Of("limit은 1에서 200 사이의 정수여야 합니다.", "limit must be a whole number from 1 to 200.")];
        DateTimeOffset? since = null;
        if (updatedSince is not null)
        {
            if (ParseInstant(updatedSince) is { } s) since = s;
            else errors["updatedSince"] = [Text.Of("updatedSince는 시간대가 있는 ISO 8601 시각이어야 합니다(예: 2026-12-01T09:00:00+09:00).",
                "updatedSince must be an ISO 8601 instant with an offset (e.g. 2026-12-01T09:00:00+09:00).")];
        }
        OpenDataStore.After? after = null;
        if (cursor is not null)
        {
            if (DecodeCursor(cursor) is { } c) after = c;
            else errors["cursor"] = [Text.Of("cursor는 이 목록의 links.next에서 받은 값이어야 합니다.", "cursor must be one this list gave in links.next.")];
        }
        if (errors.Count > 0) return Problems.Invalid(errors);

        var rows = await read(since, after, take + 1);
        var page = rows.Take(take).ToList();
        var root = Root(http);
        string Link(string? next) => $"{root}/{list}?" + string.Join('&', new[]
        {
            since is { } x ? "updatedSince=" + Uri.EscapeDataString(x.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)) : null,
            $"limit={take}",
            next is null ? null : "cursor=" + next,
        }.Where(p => p is not null));
        var nextLink = rows.Count > take ? Link(EncodeCursor(modified(page[^1]), IdOf(id(page[^1])))) : null;
        var body = new OpenList<T>(page, new OpenPagination(take), new OpenListLinks(Link(null), nextLink));

        // The page's ETag is a hash of its bytes; Last-Modified its newest object's time. Cheap: the page is in hand.
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, options);
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
        http.Response.Headers.ETag = etag;
        if (page.Count > 0) http.Response.Headers.LastModified = page.Max(modified).ToString("R", CultureInfo.InvariantCulture);
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            return TypedResults.StatusCode(Status304NotModified);
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantPattern();

    /// <summary>An ISO 8601 instant that names its offset (a bare local time would be ambiguous); a '+' sent unencoded arrives as a space.</summary>
    internal static DateTimeOffset? ParseInstant(string text)
    {
        var t = text.Trim().Replace(' ', '+');
        return t.Length <= 40 && InstantPattern().IsMatch(t)
               && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
               && value.Year >= 1900
            ? value
            : null;
    }

    internal static string EncodeCursor(DateTimeOffset modified, long id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)}|{id.ToString(CultureInfo.InvariantCulture)}"));

    internal static OpenDataStore.After? DecodeCursor(string text)
    {
        if (text.Length is 0 or > 200) return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
            return parts.Length == 2
                   && DateTimeOffset.TryParseExact(parts[0], "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
                       DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var m)
                   && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new OpenDataStore.After(m, id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static long IdOf(string url) => long.Parse(url[(url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

    private static IResult NotFound(string what) => Problems.NotFound(what);

    /// <summary>The base of every object's id: <c>OpenData:BaseUrl</c> when set (stable behind any proxy), else the request's own address.</summary>
    internal static string Root(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["OpenData:BaseUrl"];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}"
            : configured.TrimEnd('/') + Prefix;
    }

    // ---- shapes ---------------------------------------------------------------------------------------------------

    private static OpenMeeting Meeting(string root, OpenDataStore.MeetingRow m, List<OpenDataStore.AgendaRow> items)
    {
        var url = $"{root}/meetings/{m.Id}";
        var numbering = Numbers(items);
        var agenda = items.OrderBy(i => numbering[i.Id], Meetings.NumberingOrder.Instance)
            .Select(i => new OpenAgendaItem($"{url}#agenda-{i.Id}", OParl + "AgendaItem", numbering[i.Id], i.TitleKo, i.TitleEn, i.Kind, true, i.Outcome,
                i.DecisionText)).ToList();
        var name = m.Number is { } n && !m.TitleKo.StartsWith($"제{n}차", StringComparison.Ordinal) ? $"제{n}차 {m.TitleKo}" : m.TitleKo;
        return new OpenMeeting(url, OParl + "Meeting", name, m.TitleEn, m.Number, new OpenOrganization(m.BodyCode, m.BodyNameKo, m.BodyNameEn), m.StartsAt,
            m.EndsAt, new OpenMinutes(m.MinutesVersion, m.PublishedAt, m.Summary), agenda, m.CreatedAt, m.Modified);
    }

    /// <summary>"1", "2", "2.1" among the public items only (as a reader of the dashboard who sees no internal item numbers them).</summary>
    private static Dictionary<long, string> Numbers(List<OpenDataStore.AgendaRow> items)
    {
        var result = new Dictionary<long, string>();
        void Walk(long? parent, string prefix)
        {
            var n = 0;
            foreach (var item in items.Where(i => i.ParentId == parent).OrderBy(i => i.Position).ThenBy(i => i.Id))
            {
                var label = prefix + (++n).ToString(CultureInfo.InvariantCulture);
                result[item.Id] = label;
                Walk(item.Id, label + ".");
            }
        }
        Walk(null, "");
        return result;
    }

    private static OpenCluster Cluster(OpenDataStore.OrganizationLink c) => new(c.Code, c.NameKo, c.NameEn, c.Region);

    private static List<OpenRecommendation> Recommendations(string root,
        (List<OpenDataStore.RecommendationRow> Rows, ILookup<long, OpenDataStore.OrganizationLink> Ministries, ILookup<long, OpenDataStore.OrganizationLink> Clusters) read) =>
        read.Rows.Select(r => new OpenRecommendation($"{root}/recommendations/{r.Id}", OParl + "Paper", "policy_recommendation", r.ThemeKo, r.ThemeEn,
            r.Content, new OpenOrganization(r.RaisedByCode, r.RaisedByNameKo, r.RaisedByNameEn),
            [new OpenOrganization(r.LeadCode, r.LeadNameKo, r.LeadNameEn), .. read.Ministries[r.Id].Select(m => new OpenOrganization(m.Code, m.NameKo, m.NameEn))],
            read.Clusters[r.Id].Select(Cluster).ToList(),
            new OpenRecommendationAnswer(r.State, r.Answer, r.AnsweredAt, r.AcceptedPart, r.PlannedCompletionOn, r.ReviewOn, r.Justification,
                r.ProgressPercent, r.CompletedOn),
            r.PublicMeetingId is { } meeting ? $"{root}/meetings/{meeting}" : null, r.CreatedAt, r.Modified)).ToList();

    private static List<OpenImprovement> Improvements(string root,
        (List<OpenDataStore.ImprovementRow> Rows, ILookup<long, OpenDataStore.OrganizationLink> Clusters) read) =>
        read.Rows.Select(i => new OpenImprovement($"{root}/improvements/{i.Id}", OParl + "Paper", "regulatory_improvement", i.TitleKo, i.TitleEn,
            i.Category, i.ProblemKo, i.ProblemEn, i.ProposalKo, i.ProposalEn, i.LawName, i.LawArticle,
            new OpenOrganization(i.RaisedByCode, i.RaisedByNameKo, i.RaisedByNameEn),
            i.LeadCode is null ? null : new OpenOrganization(i.LeadCode, i.LeadNameKo!, i.LeadNameEn), read.Clusters[i.Id].Select(Cluster).ToList(),
            i.Answer, i.PlannedChange, i.Instrument, i.CompletedOn, i.Evidence, i.CreatedAt, i.Modified)).ToList();

    private static OpenClusterFigures Figures(string root, OpenDataStore.FiguresRow f) =>
        new($"{root}/cluster-figures/{f.Id}", OwnTypes + "ClusterFigures", new OpenCluster(f.ClusterCode, f.ClusterNameKo, f.ClusterNameEn, f.ClusterRegion),
            f.Year, f.Companies, f.Employees, f.RevenueMillionKrw, f.RdSpendMillionKrw, f.InvestmentMillionKrw, f.ExportsThousandUsd, f.CreatedAt, f.Modified);
}
