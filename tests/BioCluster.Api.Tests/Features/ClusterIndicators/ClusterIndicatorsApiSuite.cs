using System.Net;
using System.Text;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Common;
using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Tests.Features.ClusterIndicators;

/// <summary>The yearly figures of clusters, through HTTP, run once per database provider.</summary>
public abstract class ClusterIndicatorsApiSuite(ApiFactory factory)
{
    private readonly HttpClient _client = factory.Client();

    /// <summary>A fresh cluster of its own for each test (the host is shared by the class), run by KBIOHealth unless told.</summary>
    private async Task<ClusterDto> NewCluster(string operatorCode = "kbiohealth")
    {
        var response = await _client.PostAsync("/api/v1/clusters",
            Http.Body(new { code = Http.Unique("ind"), nameKo = "지표 시험 클러스터", region = "chungbuk", operatorCode }));
        return await response.Read<ClusterDto>();
    }

    private static string Path(long clusterId, int year) => $"/api/v1/clusters/{clusterId}/indicators/{year}";

    private static object Figures(int companies = 120, string? note = "2023년 실태조사") => new
    {
        companies,
        employees = 5400,
        revenueMillionKrw = 1234567.5,
        rdSpendMillionKrw = 89000.0,
        investmentMillionKrw = 4200.25,
        exportsThousandUsd = 310000.0,
        note,
    };

    private async Task<HttpResponseMessage> Put(HttpClient client, long clusterId, int year, object body, string? ifMatch = null) =>
        await client.Send(HttpMethod.Put, Path(clusterId, year), Http.Body(body), ifMatch);

    [ApiFact]
    public async Task PutClusterIndicator_NewYear_Returns201WithLocationAndETag()
    {
        var cluster = await NewCluster();
        var response = await Put(_client, cluster.Id, 2023, Figures());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/clusters/{cluster.Id}/indicators/2023", response.Headers.Location?.ToString());
        Assert.Equal("\"1\"", response.ETag());
        var created = await response.Read<ClusterIndicatorDto>();
        Assert.Equal(cluster.Code, created.Cluster.Code);
        Assert.Equal(2023, created.Year);
        Assert.Equal(120, created.Companies);
        Assert.Equal(1234567.5, created.RevenueMillionKrw);
        Assert.Equal("2023년 실태조사", created.Note);
        Assert.Equal(TimeSpan.Zero, created.CreatedAt.Offset);

        var fetched = await _client.GetAsync(Path(cluster.Id, 2023));
        Assert.Equal("\"1\"", fetched.ETag());
        Assert.Equal(created, await fetched.Read<ClusterIndicatorDto>());
    }

    [ApiFact]
    public async Task PutClusterIndicator_ExistingYear_NeedsIfMatch_428_412_ThenReplacesWhole()
    {
        var cluster = await NewCluster();
        var created = await Put(_client, cluster.Id, 2022, Figures());
        var etag = created.ETag();

        await (await Put(_client, cluster.Id, 2022, Figures(companies: 1))).Problem(HttpStatusCode.PreconditionRequired);
        foreach (var stale in new[] { "\"7\"", "*", "W/\"1\"", "garbage" })
            await (await Put(_client, cluster.Id, 2022, Figures(companies: 2), stale)).Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(120, (await (await _client.GetAsync(Path(cluster.Id, 2022))).Read<ClusterIndicatorDto>()).Companies);

        var replaced = await Put(_client, cluster.Id, 2022, new { companies = 130 }, etag);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("\"2\"", replaced.ETag());
        var after = await replaced.Read<ClusterIndicatorDto>();
        Assert.Equal(130, after.Companies);
        Assert.Null(after.Employees); // whole replace: figures left out are cleared
        Assert.Null(after.Note);
        Assert.Equal((await created.Read<ClusterIndicatorDto>()).Id, after.Id);

        await (await Put(_client, cluster.Id, 2022, Figures(), etag)).Problem(HttpStatusCode.PreconditionFailed);
    }

    [ApiFact]
    public async Task PutClusterIndicator_IfMatchOnAYearNotYetRecorded_Returns412AndWritesNothing()
    {
        var cluster = await NewCluster();
        await (await Put(_client, cluster.Id, 2021, Figures(), "\"1\"")).Problem(HttpStatusCode.PreconditionFailed);
        await (await _client.GetAsync(Path(cluster.Id, 2021))).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task PutClusterIndicator_TwentyParallelCreates_OneWinsTheRestNeedIfMatch()
    {
        var cluster = await NewCluster();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Put(_client, cluster.Id, 2020, Figures(companies: i))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionRequired));
        Assert.Equal("\"1\"", (await _client.GetAsync(Path(cluster.Id, 2020))).ETag());
    }

    [ApiFact]
    public async Task PutOrGetClusterIndicator_UnknownClusterOrYear_Returns404()
    {
        await (await Put(_client, 987654321, 2023, Figures())).Problem(HttpStatusCode.NotFound);
        var cluster = await NewCluster();
        await (await _client.GetAsync(Path(cluster.Id, 2019))).Problem(HttpStatusCode.NotFound);
        await (await _client.GetAsync(Path(987654321, 2019))).Problem(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/v1/clusters/{cluster.Id}/indicators/2019/history")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task PutClusterIndicator_InvalidFigures_Returns400WithFieldKeysAndWritesNothing()
    {
        var cluster = await NewCluster();
        var problem = await (await Put(_client, cluster.Id, 2023, new
        {
            companies = -1,
            employees = -5,
            revenueMillionKrw = -0.5,
            rdSpendMillionKrw = 2e12,
            investmentMillionKrw = -1.0,
            exportsThousandUsd = -3.0,
            note = new string('가', 2001),
        })).Problem(HttpStatusCode.BadRequest);
        var errors = problem.Errors();
        foreach (var key in new[] { "companies", "employees", "revenueMillionKrw", "rdSpendMillionKrw", "investmentMillionKrw", "exportsThousandUsd", "note" })
            Assert.True(errors.ContainsKey(key), $"no error for {key}: {string.Join(",", errors.Keys)}");

        var control = await (await Put(_client, cluster.Id, 2023, new { note = "벨\u0007소리" })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("note", control.Errors().Keys);
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, 2018, new { note = "첫 줄\r\n둘째 줄\t탭" })).StatusCode);

        await (await _client.GetAsync(Path(cluster.Id, 2023))).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task PutClusterIndicator_NaNOverflowWrongTypeOrUnknownProperty_Returns400NamingTheField()
    {
        var cluster = await NewCluster();
        foreach (var (json, field) in new[]
                 {
                     ("""{"revenueMillionKrw":"NaN"}""", "revenueMillionKrw"),
                     ("""{"revenueMillionKrw":NaN}""", null),
                     ("""{"exportsThousandUsd":1e400}""", "exportsThousandUsd"),
                     ("""{"companies":99999999999}""", "companies"),
                     ("""{"employees":1.5}""", "employees"),
                     ("""{"companies":"many"}""", "companies"),
                     ("""{"year":2023}""", "year"),
                     ("""{"version":3}""", "version"),
                 })
        {
            var problem = await (await _client.Send(HttpMethod.Put, Path(cluster.Id, 2023), Http.Raw(json))).Problem(HttpStatusCode.BadRequest);
            if (field is not null) Assert.True(problem.Errors().ContainsKey(field), $"{json}: {string.Join(",", problem.Errors().Keys)}");
        }
        await (await _client.Send(HttpMethod.Put, Path(cluster.Id, 2023), Http.Raw("{"))).Problem(HttpStatusCode.BadRequest);
        await (await _client.Send(HttpMethod.Put, Path(cluster.Id, 2023), Http.Raw("companies=1", "application/x-www-form-urlencoded")))
            .Problem(HttpStatusCode.UnsupportedMediaType);
        await (await _client.GetAsync(Path(cluster.Id, 2023))).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task PutClusterIndicator_YearOutsideRange_Returns400OnYear()
    {
        var cluster = await NewCluster();
        foreach (var year in new[] { 1989, 2101, 0, -2023 })
        {
            var problem = await (await Put(_client, cluster.Id, year, Figures())).Problem(HttpStatusCode.BadRequest);
            Assert.Contains("year", problem.Errors().Keys);
        }
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, 1990, Figures())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, 2100, Figures())).StatusCode);
    }

    [ApiFact]
    public async Task PutClusterIndicator_WritesCreateAndUpdateAuditEntriesWithBeforeAndAfter()
    {
        var cluster = await NewCluster();
        var created = await Put(_client, cluster.Id, 2023, Figures());
        var id = (await created.Read<ClusterIndicatorDto>()).Id;
        var updated = await Put(_client, cluster.Id, 2023, Figures(companies: 150, note: "수정"), created.ETag());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await (await Put(_client, cluster.Id, 2023, Figures(companies: 999), created.ETag())).Problem(HttpStatusCode.PreconditionFailed);

        var trail = await (await _client.GetAsync($"/api/v1/audit?entityType=cluster_indicator&entityId={id}")).Read<Page<AuditEntryDto>>();
        Assert.Equal(["update", "create"], trail.Items.Select(e => e.Action));
        var update = trail.Items[0];
        Assert.Equal(120, update.Before!.Value.GetProperty("companies").GetInt32());
        Assert.Equal(150, update.After!.Value.GetProperty("companies").GetInt32());
        Assert.Equal("수정", update.After!.Value.GetProperty("note").GetString());
        Assert.Null(trail.Items[1].Before);
        Assert.Equal(cluster.Code, trail.Items[1].After!.Value.GetProperty("cluster").GetProperty("code").GetString());

        var history = await (await _client.GetAsync($"/api/v1/clusters/{cluster.Id}/indicators/2023/history")).Read<Page<AuditEntryDto>>();
        Assert.Equal(trail.Items.Select(e => e.Id), history.Items.Select(e => e.Id));
    }

    [ApiFact]
    public async Task ListClusterIndicators_FiltersByClusterAndYears_AndPagesWithoutGapsOrRepeats()
    {
        var cluster = await NewCluster();
        var other = await NewCluster();
        for (var year = 2001; year <= 2023; year++)
            Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, year, Figures(companies: year - 2000))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, other.Id, 2010, Figures())).StatusCode);

        var window = await (await _client.GetAsync($"/api/v1/cluster-indicators?clusterCode={cluster.Code}&yearFrom=2010&yearTo=2014")).Read<Page<ClusterIndicatorDto>>();
        Assert.Equal(5, window.TotalCount);
        Assert.Equal([2010, 2011, 2012, 2013, 2014], window.Items.Select(i => i.Year));
        Assert.All(window.Items, i => Assert.Equal(cluster.Code, i.Cluster.Code));

        var both = await (await _client.GetAsync("/api/v1/cluster-indicators?yearFrom=2010&yearTo=2010&limit=200")).Read<Page<ClusterIndicatorDto>>();
        Assert.Contains(both.Items, i => i.Cluster.Code == cluster.Code);
        Assert.Contains(both.Items, i => i.Cluster.Code == other.Code);
        Assert.All(both.Items, i => Assert.Equal(2010, i.Year));

        foreach (var sort in new[] { "year", "-year", "clusterCode", "-clusterCode", "id", "-id" })
        {
            var seen = new List<int>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var page = await (await _client.GetAsync($"/api/v1/cluster-indicators?clusterCode={cluster.Code}&limit=5&sort={sort}"
                                                         + (cursor is null ? "" : $"&cursor={cursor}"))).Read<Page<ClusterIndicatorDto>>();
                Assert.Equal(23, page.TotalCount);
                seen.AddRange(page.Items.Select(i => i.Year));
                cursor = page.NextCursor;
                pages++;
            } while (cursor is not null && pages < 10);
            Assert.Equal(5, pages);
            Assert.Equal(Enumerable.Range(2001, 23), seen.Order());
            if (sort == "year") Assert.Equal(Enumerable.Range(2001, 23), seen);
            if (sort == "-year") Assert.Equal(Enumerable.Range(2001, 23).Reverse(), seen);
        }
    }

    [ApiFact]
    public async Task ListClusterIndicators_BadFilters_Return400WithFieldKeys()
    {
        var problem = await (await _client.GetAsync("/api/v1/cluster-indicators?yearFrom=1800&sort=revenue&limit=0")).Problem(HttpStatusCode.BadRequest);
        foreach (var key in new[] { "yearFrom", "sort", "limit" })
            Assert.Contains(key, problem.Errors().Keys);
        var reversed = await (await _client.GetAsync("/api/v1/cluster-indicators?yearFrom=2020&yearTo=2010")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("yearTo", reversed.Errors().Keys);
        await (await _client.GetAsync("/api/v1/cluster-indicators?yearTo=soon")).Problem(HttpStatusCode.BadRequest);
        var cursor = await (await _client.GetAsync("/api/v1/cluster-indicators?cursor=bm90LWEtY3Vyc29y")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("cursor", cursor.Errors().Keys);
        await (await _client.GetAsync("/api/v1/cluster-indicators/export.csv?yearTo=3000")).Problem(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task ExportClusterIndicators_IsUtf8WithBom_HeaderFromTheSheetColumns_KoreanNoteIntact()
    {
        var cluster = await NewCluster();
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, 2022, Figures(note: "오송 실태조사, \"잠정\" 수치"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, 2023, new { companies = 7, note = "=HYPERLINK(\"x\")" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Put(_client, cluster.Id, 2015, Figures())).StatusCode);

        var response = await _client.GetAsync($"/api/v1/cluster-indicators/export.csv?clusterCode={cluster.Code}&yearFrom=2020");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', Columns.ClusterIndicators.Select(c => c.Korean)), lines[0]);
        Assert.Contains("ID", lines[0].Split(',')); // export-only columns are written too
        Assert.Equal(3, lines.Length); // 2015 is outside the filter
        var header = lines[0].Split(',').ToList();
        var row2022 = lines.Single(l => l.StartsWith($"{cluster.Code},{cluster.NameKo},2022,", StringComparison.Ordinal));
        Assert.Contains("\"오송 실태조사, \"\"잠정\"\" 수치\"", row2022);
        Assert.Contains(",1234567.5,", row2022);
        var row2023 = lines.Single(l => l.StartsWith($"{cluster.Code},{cluster.NameKo},2023,", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", row2023); // a formula is made plain text
        Assert.Equal(header.Count, row2023.Split(',').Length); // no comma inside that row's cells
    }

    [ApiFact]
    public async Task ClusterOperator_RecordsFiguresOfItsOwnClusterOnly_AnotherClusterIs404AndNothingWritten()
    {
        var own = await NewCluster("kbiohealth");
        var others = await NewCluster("gbsa");
        foreach (var (client, year) in new[] { (await factory.AsRole("cluster_operator", "kbiohealth"), 2011), (await factory.WithKey("kbiohealth", "read", "write"), 2012) })
        {
            var created = await Put(client, own.Id, year, Figures());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Put(client, own.Id, year, Figures(companies: 3), created.ETag())).StatusCode);

            await (await Put(client, others.Id, year, Figures())).Problem(HttpStatusCode.NotFound);
            await (await _client.GetAsync(Path(others.Id, year))).Problem(HttpStatusCode.NotFound);
        }

        // Once a year exists, the other operator still hears 404 (not 428/412), so it learns nothing.
        var recorded = await Put(_client, others.Id, 2005, Figures());
        var operatorClient = await factory.AsRole("cluster_operator", "kbiohealth");
        await (await Put(operatorClient, others.Id, 2005, Figures(companies: 1), recorded.ETag())).Problem(HttpStatusCode.NotFound);
        Assert.Equal(recorded.ETag(), (await _client.GetAsync(Path(others.Id, 2005))).ETag());

        // The secretariat records any cluster's figures; a viewer none.
        var secretariat = await factory.AsRole("secretariat", "mohw");
        Assert.Equal(HttpStatusCode.Created, (await Put(secretariat, others.Id, 2006, Figures())).StatusCode);
        var viewer = await factory.AsRole("viewer");
        await (await Put(viewer, own.Id, 2007, Figures())).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(Path(others.Id, 2006))).StatusCode);
    }
}

public sealed class ClusterIndicatorsApiTests(SqliteApiFactory factory) : ClusterIndicatorsApiSuite(factory), IClassFixture<SqliteApiFactory>;

[SqlServerSuite]
public sealed class ClusterIndicatorsApiSqlServerTests(SqlServerApiFactory factory) : ClusterIndicatorsApiSuite(factory), IClassFixture<SqlServerApiFactory>;
