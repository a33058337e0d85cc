using System.Net;
using System.Text.Json;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Exports;

/// <summary>The cluster, agency and audit exports through the real host: columns, Korean text, neutralised cells, filters.</summary>
public sealed class RegistryAndAuditExportTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static string Cell(IReadOnlyList<SheetColumn> columns, IReadOnlyList<string?> row, string column) =>
        row[columns.ToList().FindIndex(c => c.Name == column)] ?? "";

    private async Task<(string Code, long Id)> NewCluster(string marker, string suffix, string region, object? extra = null)
    {
        var code = $"x{marker}{suffix}";
        var body = new Dictionary<string, object?>
        {
            ["code"] = code, ["nameKo"] = $"{marker} 바이오 클러스터 {suffix}", ["region"] = region, ["operatorCode"] = "kbiohealth",
            ["nameEn"] = "=HYPERLINK(\"http://evil\",\"click\")", ["designation"] = "+1", ["specializations"] = new[] { "@x", "의약품" },
            ["establishedYear"] = 2010, ["areaKm2"] = 1.25, ["latitude"] = 36.6, ["longitude"] = 127.3,
        };
        var response = await factory.Client().PostAsync("/api/v1/clusters", Http.Body(body));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ClustersCsv_HasTheImportColumns_KeepsKorean_NeutralisesFormulas_AndFilters()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (osongLike, _) = await NewCluster(marker, "a", "chungbuk");
        await NewCluster(marker, "b", "jeju");

        var response = await factory.Client().GetAsync($"/api/v1/clusters/export.csv?q={marker}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = SheetFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        // A file for a person: Korean headers, labels and names beside the codes (the import reads all of it back).
        Assert.Equal(Columns.Clusters.Select(c => c.Korean), rows[0]);
        Assert.Equal(3, rows.Count);
        var a = rows.Single(r => Cell(Columns.Clusters, r, "code") == osongLike);
        Assert.Equal($"{marker} 바이오 클러스터 a", Cell(Columns.Clusters, a, "nameKo"));
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"click\")", Cell(Columns.Clusters, a, "nameEn"));
        Assert.Equal("'+1", Cell(Columns.Clusters, a, "designation"));
        Assert.Equal("'@x;의약품", Cell(Columns.Clusters, a, "specializations"));
        Assert.Equal("충청북도", Cell(Columns.Clusters, a, "region"));
        Assert.Equal("kbiohealth", Cell(Columns.Clusters, a, "operatorCode"));
        Assert.Equal("오송첨단의료산업진흥재단", Cell(Columns.Clusters, a, "operatorName"));
        Assert.Equal("1.25", Cell(Columns.Clusters, a, "areaKm2"));
        Assert.Equal("운영 중", Cell(Columns.Clusters, a, "status"));
        Assert.Equal("", Cell(Columns.Clusters, a, "website"));

        var jejuOnly = SheetFiles.ReadCsv(await factory.Client().GetByteArrayAsync($"/api/v1/clusters/export.csv?q={marker}&region=jeju"));
        Assert.Equal($"x{marker}b", Cell(Columns.Clusters, Assert.Single(jejuOnly.Skip(1)), "code"));
    }

    [Fact]
    public async Task ClustersXlsx_IsAWorkbookWithKoreanHeaders_NeutralisesFormulas_AndFilters()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await NewCluster(marker, "a", "chungbuk");
        await NewCluster(marker, "b", "jeju");

        var response = await factory.Client().GetAsync($"/api/v1/clusters/export.xlsx?q={marker}&region=chungbuk");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        // The file is named for the reader: the title and today's date in Korea (filename* in Korean, a plain fallback).
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd");
        Assert.Equal($"clusters-{today}.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal($"클러스터_{today}.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = SheetFiles.ReadXlsx(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Columns.Clusters.Select(c => (string?)c.Korean), rows[0]);
        var a = Assert.Single(rows.Skip(1));
        Assert.Equal($"{marker} 바이오 클러스터 a", Cell(Columns.Clusters, a, "nameKo"));
        Assert.Equal("'=HYPERLINK(\"http://evil\",\"click\")", Cell(Columns.Clusters, a, "nameEn"));
        Assert.Equal("'+1", Cell(Columns.Clusters, a, "designation"));
        Assert.Equal("'@x;의약품", Cell(Columns.Clusters, a, "specializations"));
        Assert.Equal("2010", Cell(Columns.Clusters, a, "establishedYear"));
    }

    [Fact]
    public async Task AgenciesCsv_HasTheImportColumns_LeavesClusterCodeEmpty_AndFilters()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var (suffix, kind, sector) in new[] { ("c", "company", "industry"), ("u", "university", "academia") })
        {
            var created = await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new
            {
                code = $"a{marker}{suffix}", nameKo = $"{marker} 바이오 기업 {suffix}", kind, sector, parentCode = "mfds", nameEn = "-2+3",
            }));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var rows = SheetFiles.ReadCsv(await factory.Client().GetByteArrayAsync($"/api/v1/agencies/export.csv?q={marker}&kind=company"));
        Assert.Equal(Columns.Agencies.Select(c => c.Korean), rows[0]);
        var company = Assert.Single(rows.Skip(1));
        Assert.Equal($"a{marker}c", Cell(Columns.Agencies, company, "code"));
        Assert.Equal($"{marker} 바이오 기업 c", Cell(Columns.Agencies, company, "nameKo"));
        Assert.Equal("'-2+3", Cell(Columns.Agencies, company, "nameEn"));
        Assert.Equal("기업", Cell(Columns.Agencies, company, "kind"));
        Assert.Equal("산업", Cell(Columns.Agencies, company, "sector"));
        Assert.Equal("mfds", Cell(Columns.Agencies, company, "parentCode"));
        Assert.Equal("식품의약품안전처", Cell(Columns.Agencies, company, "parentName"));
        Assert.Equal("", Cell(Columns.Agencies, company, "clusterCode"));
        Assert.Equal("사용 중", Cell(Columns.Agencies, company, "status"));

        // English on request: the column names and English labels and names.
        var english = SheetFiles.ReadCsv(await factory.Client().GetByteArrayAsync($"/api/v1/agencies/export.csv?q={marker}&kind=company&lang=en"));
        Assert.Equal(Columns.Agencies.Select(c => c.Name), english[0]);
        var row = Assert.Single(english.Skip(1));
        Assert.Equal("Company", Cell(Columns.Agencies, row, "kind"));
        Assert.Equal("Ministry of Food and Drug Safety", Cell(Columns.Agencies, row, "parentName"));
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Client().GetAsync("/api/v1/agencies/export.csv?lang=fr")).StatusCode);
    }

    [Fact]
    public async Task AuditCsv_HasItsColumns_BeforeAfterAsJson_AndFilters()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (code, id) = await NewCluster(marker, "a", "chungbuk");
        await NewCluster(marker, "b", "jeju");

        var response = await factory.Client().GetAsync($"/api/v1/audit/export.csv?entityType=cluster&entityId={id}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = SheetFiles.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(AuditApi.ExportColumns.Select(c => c.Korean), rows[0]);
        var english = SheetFiles.ReadCsv(await factory.Client().GetByteArrayAsync($"/api/v1/audit/export.csv?entityType=cluster&entityId={id}&lang=en"));
        Assert.Equal(["id", "occurredAt", "actorType", "actorId", "actorName", "action", "entityType", "entityId", "requestId", "before", "after"], english[0]);
        var entry = Assert.Single(rows.Skip(1));
        Assert.Equal("create", Cell(AuditApi.ExportColumns, entry, "action"));
        Assert.Equal("cluster", Cell(AuditApi.ExportColumns, entry, "entityType"));
        Assert.Equal(id.ToString(), Cell(AuditApi.ExportColumns, entry, "entityId"));
        Assert.Equal("user", Cell(AuditApi.ExportColumns, entry, "actorType"));
        Assert.Equal("", Cell(AuditApi.ExportColumns, entry, "before"));
        var after = JsonDocument.Parse(Cell(AuditApi.ExportColumns, entry, "after")).RootElement;
        Assert.Equal(code, after.GetProperty("code").GetString());
        Assert.Equal($"{marker} 바이오 클러스터 a", after.GetProperty("nameKo").GetString());
        Assert.True(DateTimeOffset.TryParse(Cell(AuditApi.ExportColumns, entry, "occurredAt"), out _));

        var bad = await factory.Client().GetAsync("/api/v1/audit/export.csv?actorType=robot");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
