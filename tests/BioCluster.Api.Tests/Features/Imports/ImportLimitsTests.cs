using System.Net;
using System.Text;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>A host with small import limits: files over the size or row limit are refused with 413 and write nothing.</summary>
public sealed class SmallImportLimitsFactory() : ConfiguredSqliteFactory(("Imports:MaxBytes", "4096"), ("Imports:MaxRows", "5"));

public sealed class ImportLimitsTests(SmallImportLimitsFactory factory) : IClassFixture<SmallImportLimitsFactory>
{
    private static string Rows(int count, string prefix) =>
        "code,nameKo,kind\r\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"{prefix}-{i},한도 시험 {i},company\r\n"));

    private async Task<long> Agencies(string prefix)
    {
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM agencies WHERE code LIKE @p", new { p = prefix + "-%" });
    }

    [Fact]
    public async Task MoreRowsThanTheLimit_Is413_AndNothingIsWritten()
    {
        var response = await factory.Client().PostAsync("/api/v1/imports/agencies", ImportsApiTests.Csv(Rows(6, "lim-rows")));
        var problem = await response.Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("5", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await Agencies("lim-rows"));
        // At the limit it imports.
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().PostAsync("/api/v1/imports/agencies", ImportsApiTests.Csv(Rows(5, "lim-ok")))).StatusCode);
        Assert.Equal(5, await Agencies("lim-ok"));
    }

    [Fact]
    public async Task LargerFileThanTheLimit_Is413_WhetherContentLengthSaysSoOrNot()
    {
        var big = Rows(3, "lim-size") + new string(' ', 5000) + "\r\n";
        var declared = await factory.Client().PostAsync("/api/v1/imports/agencies", ImportsApiTests.Csv(big));
        Assert.Contains("MiB", (await declared.Problem(HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());

        // Streamed without a Content-Length: the spooling stops at the limit.
        var streamed = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        streamed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports/agencies") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        await (await factory.Client().SendAsync(request)).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await Agencies("lim-size"));
    }
}
