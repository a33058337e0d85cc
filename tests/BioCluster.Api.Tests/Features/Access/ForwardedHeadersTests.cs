using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>
/// The client's address behind a proxy: believed from X-Forwarded-For only when the connection comes from a
/// configured proxy. The test host's connections come from 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static async Task<string?> AddressRecordedFor(SqliteApiFactory factory, string? forwardedFor)
    {
        var code = Http.Unique("fwd").ToLowerInvariant();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/clusters")
        {
            Content = Http.Body(new { code, nameKo = "프록시 뒤 클러스터", region = "seoul", operatorCode = "kbiohealth" }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await factory.Client().SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await using var db = factory.OpenDatabase();
        return await db.ExecuteScalarAsync<string?>("""
            SELECT a.client_address FROM audit_entries a JOIN clusters c ON c.id = a.entity_id
            WHERE a.entity_type = 'cluster' AND a.action = 'create' AND c.code = @code
            """, new { code });
    }

    [Fact]
    public async Task WithoutTrustedProxies_TheHeaderIsIgnored()
    {
        await using var factory = new SqliteApiFactory();
        Assert.Equal("127.0.0.1", await AddressRecordedFor(factory, "203.0.113.9"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.0/8")]
    public async Task FromATrustedProxy_TheClientsAddressIsRecorded(string trusted)
    {
        await using var factory = new ConfiguredSqliteFactory(("Http:TrustedProxies:0", trusted));
        Assert.Equal("203.0.113.9", await AddressRecordedFor(factory, "203.0.113.9"));
        Assert.Equal("127.0.0.1", await AddressRecordedFor(factory, null));
    }

    [Fact]
    public async Task FromAnotherAddress_TheHeaderIsIgnored()
    {
        await using var factory = new ConfiguredSqliteFactory(("Http:TrustedProxies:0", "10.0.0.0/8"));
        Assert.Equal("127.0.0.1", await AddressRecordedFor(factory, "203.0.113.9"));
    }

    [Fact]
    public async Task AnEntryThatIsNoAddress_StopsTheStartWithAClearMessage()
    {
        await using var factory = new ConfiguredSqliteFactory(("Http:TrustedProxies:0", "proxy.internal"));
        var error = Assert.ThrowsAny<Exception>(() => factory.Client());
        Assert.Contains("Http:TrustedProxies", error.ToString());
    }
}
