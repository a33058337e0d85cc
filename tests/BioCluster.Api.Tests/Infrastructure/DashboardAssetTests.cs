using System.IO.Compression;
using System.Net;
using System.Text;
using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// The dashboard served like a production static site: hashed scripts from their brotli or gzip siblings (as the
/// client accepts them) with the script's own content type and a year-long immutable cache; the shell, its client
/// routes and config.js revalidated on every use; the API's answers untouched.
/// </summary>
public sealed class DashboardAssetTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static readonly string Script = BuiltDashboard.CompressedScript;

    private async Task<HttpResponseMessage> Get(string path, string? acceptEncoding, HttpMethod? method = null, Action<HttpRequestMessage>? more = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        more?.Invoke(request);
        return await factory.Raw().SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoding = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoding.CopyTo(output);
        return output.ToArray();
    }

    private async Task<string?> PlainContentType()
    {
        var plain = await Get(Script, null);
        return plain.Content.Headers.ContentType?.MediaType;
    }

    [Fact]
    public async Task Brotli_IsServed_WithTheScriptsOwnTypeAndAnImmutableCache_AndDecodesToTheScript()
    {
        var response = await Get(Script, "gzip, deflate, br, zstd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await PlainContentType(), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaHosting.ImmutableCache, response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(BuiltDashboard.Bytes(Script + ".br"), body);
        Assert.Equal(BuiltDashboard.Bytes(Script), Decode(body, "br"));
        Assert.True(body.Length < BuiltDashboard.Bytes(Script).Length);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("gzip, deflate")]
    [InlineData("br;q=0, gzip")]
    [InlineData("gzip;q=1.0, br;q=0.5")]
    public async Task Gzip_IsServed_WhenTheClientTakesGzipAndNotBrotli(string acceptEncoding)
    {
        var response = await Get(Script, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(await PlainContentType(), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaHosting.ImmutableCache, response.Headers.CacheControl?.ToString());
        Assert.Equal(BuiltDashboard.Bytes(Script), Decode(await response.Content.ReadAsByteArrayAsync(), "gzip"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("identity")]
    [InlineData("deflate")]
    [InlineData("br;q=0, gzip;q=0")]
    public async Task ThePlainScript_IsServed_WhenTheClientTakesNeitherCoding(string? acceptEncoding)
    {
        var response = await Get(Script, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaHosting.ImmutableCache, response.Headers.CacheControl?.ToString());
        Assert.Equal(BuiltDashboard.Bytes(Script), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadRangeAndETag_WorkOnTheCompressedFile()
    {
        var brotli = BuiltDashboard.Bytes(Script + ".br");

        var head = await Get(Script, "br", HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("br", Assert.Single(head.Content.Headers.ContentEncoding));
        Assert.Equal(brotli.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        // Each representation has its own validator, so a cache never mixes them up.
        var etag = head.Headers.ETag;
        Assert.NotNull(etag);
        var plain = await Get(Script, null);
        Assert.NotEqual(etag, plain.Headers.ETag);

        var again = await Get(Script, "br", more: r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(SpaHosting.ImmutableCache, again.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", again.Headers.Vary);

        var range = await Get(Script, "br", more: r => r.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9));
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal("br", Assert.Single(range.Content.Headers.ContentEncoding));
        Assert.Equal(brotli[..10], await range.Content.ReadAsByteArrayAsync());
        Assert.Equal(brotli.Length, range.Content.Headers.ContentRange?.Length);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/clusters/osong")]
    [InlineData("/regulatory-issues/12")]
    public async Task TheShell_IsRevalidatedOnEveryUse(string path)
    {
        var response = await Get(path, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaHosting.NoCache, response.Headers.CacheControl?.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(BuiltDashboard.Bytes("/index.html"), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ConfigJs_IsRevalidatedOnEveryUse_AndServedPlain()
    {
        var response = await Get("/config.js", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SpaHosting.NoCache, response.Headers.CacheControl?.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal(BuiltDashboard.Bytes("/config.js"), await response.Content.ReadAsByteArrayAsync());
        // With its ETag the revalidation is a 304, no download.
        var again = await Get("/config.js", null, more: r => r.Headers.IfNoneMatch.Add(response.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/clusters", HttpStatusCode.OK)]
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/assets/x.js", HttpStatusCode.NotFound)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    public async Task TheApisAnswers_AreUntouched(string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var response = await factory.Client().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.DoesNotContain("Accept-Encoding", response.Headers.Vary);
        Assert.NotEqual(SpaHosting.ImmutableCache, response.Headers.CacheControl?.ToString());
        Assert.NotEqual(SpaHosting.NoCache, response.Headers.CacheControl?.ToString());
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AMissingSibling_FallsBackToTheNextCodingOrThePlainFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "biocluster-tests", "dashboard-" + Guid.NewGuid().ToString("N"));
        try
        {
            BuiltDashboard.WriteStandIn(folder);
            var css = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(".cluster { color: #124; margin: 0 }\n", 100)));
            File.WriteAllBytes(Path.Combine(folder, "assets", "index-C55only.css"), css);
            File.WriteAllBytes(Path.Combine(folder, "assets", "index-C55only.css.gz"), BuiltDashboard.Compress(css, s => new GZipStream(s, CompressionLevel.SmallestSize)));
            var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            File.WriteAllBytes(Path.Combine(folder, "assets", "logo-5vgPla1n.svg"), svg);
            await using var host = new ConfiguredSqliteFactory(("Web:Root", folder));
            var client = host.Raw();
            async Task<HttpResponseMessage> Send(string path, string acceptEncoding)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
                return await client.SendAsync(request);
            }

            // Only a .gz: a client that takes both gets gzip, one that takes brotli alone the plain file.
            var both = await Send("/assets/index-C55only.css", "br, gzip");
            Assert.Equal("gzip", Assert.Single(both.Content.Headers.ContentEncoding));
            Assert.Equal("text/css", both.Content.Headers.ContentType?.MediaType);
            Assert.Equal(css, Decode(await both.Content.ReadAsByteArrayAsync(), "gzip"));
            var brotliOnly = await Send("/assets/index-C55only.css", "br");
            Assert.Empty(brotliOnly.Content.Headers.ContentEncoding);
            Assert.Equal(css, await brotliOnly.Content.ReadAsByteArrayAsync());
            Assert.Contains("Accept-Encoding", brotliOnly.Headers.Vary);

            // No sibling at all: the plain file, still cached for good, and nothing varies.
            var plain = await Send("/assets/logo-5vgPla1n.svg", "br, gzip");
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal("image/svg+xml", plain.Content.Headers.ContentType?.MediaType);
            Assert.Equal(SpaHosting.ImmutableCache, plain.Headers.CacheControl?.ToString());
            Assert.DoesNotContain("Accept-Encoding", plain.Headers.Vary);
            Assert.Equal(svg, await plain.Content.ReadAsByteArrayAsync());

            // A sibling asked for by its own name is a brotli file, not a script in disguise.
            var sibling = await Send("/assets/index-Bc7sT4nd.js.br", "br, gzip");
            Assert.Equal(HttpStatusCode.OK, sibling.StatusCode);
            Assert.Equal("application/x-brotli", sibling.Content.Headers.ContentType?.MediaType);
            Assert.Empty(sibling.Content.Headers.ContentEncoding);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("BR", "br")]
    [InlineData("gzip, br", "br")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, gzip", "gzip")]
    [InlineData("br;q=0.2, gzip;q=0.8", "gzip")]
    [InlineData("br;q=0.8, gzip;q=0.8", "br")]
    [InlineData("gzip;q=0, *", "br")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("identity", null)]
    [InlineData("compress, deflate", null)]
    [InlineData("", null)]
    public void TheCodingChosen_FollowsTheClientsQualities_AndPrefersBrotliOnATie(string acceptEncoding, string? expected) =>
        Assert.Equal(expected, PrecompressedAssets.Choose(acceptEncoding, ["br", "gzip"]));
}
