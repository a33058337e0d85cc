using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>What a copy of the database gives away: no session id a cookie carries, and (when configured) no signing key.</summary>
public sealed class SecretsAtRestTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private static string CookieOf(HttpResponseMessage r, string name) =>
        r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    private static Task<HttpResponseMessage> Login(HttpClient client, string username, string password) =>
        client.PostAsync("/api/v1/auth/login", Http.Body(new { username, password }));

    private static HttpRequestMessage Me(string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    [Fact]
    public async Task SessionsTable_HoldsOnlyHashesOfTheSessionIds_TheCookieStillSignsIn()
    {
        var raw = factory.Raw();
        var cookie = CookieOf(await Login(raw, "admin", ApiFactory.AdminPassword), "bc_session");
        var value = cookie["bc_session=".Length..];
        // The session id the cookie carries (inside the protected ticket), read as the server reads it.
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AuthSetup.CookieScheme);
        var sessionId = options.TicketDataFormat.Unprotect(value)!.Principal.FindFirst(BioClaims.SessionId)!.Value;

        await using (var db = factory.OpenDatabase())
        {
            var stored = (await db.QueryAsync<string>("SELECT id FROM user_sessions")).ToList();
            Assert.DoesNotContain(sessionId, stored);
            Assert.DoesNotContain(stored, s => s.Contains(sessionId, StringComparison.Ordinal) || value.Contains(s, StringComparison.Ordinal));
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sessionId))), stored);
        }
        Assert.Equal(HttpStatusCode.OK, (await raw.SendAsync(Me(cookie))).StatusCode);
    }

    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncrypted_AndReadBackByAnotherInstance()
    {
        var folder = Path.Combine(Path.GetTempPath(), "biocluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=BioCluster key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keyring.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-Passw0rd"));
            var data = Path.Combine(folder, "data");
            (string, string?)[] settings = [("Database:DataDirectory", data), ("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", "pfx-Passw0rd")];

            string cookie;
            await using (var first = new ConfiguredSqliteFactory(settings))
            {
                cookie = CookieOf(await Login(first.Raw(), "admin", ApiFactory.AdminPassword), "bc_session");
                await using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data, "biocluster.db")};Pooling=False");
                await db.OpenAsync();
                var keys = (await db.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
                Assert.NotEmpty(keys);
                Assert.All(keys, xml =>
                {
                    Assert.Contains("EncryptedData", xml);
                    Assert.DoesNotContain("<value>", xml); // where an unprotected key ring keeps the key itself
                    Assert.DoesNotContain("unencrypted form", xml);
                });
            }
            // Another instance with the same certificate reads the ring back: the first one's cookie still signs in.
            await using (var second = new ConfiguredSqliteFactory(settings))
                Assert.Equal(HttpStatusCode.OK, (await second.Raw().SendAsync(Me(cookie))).StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task KeyRing_WithoutACertificate_IsPlainXml_WhichIsWhatTheCertificateTestRulesOut()
    {
        await factory.Anonymous().PostAsync("/api/v1/auth/login", Http.Body(new { username = "admin", password = ApiFactory.AdminPassword }));
        await using var db = factory.OpenDatabase();
        var keys = (await db.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
        Assert.Contains(keys, xml => xml.Contains("<value>", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyRing_CertificateSettingThatCannotBeUsed_StopsTheStartWithAClearMessage()
    {
        var missing = new ConfigurationBuilder().AddInMemoryCollection([new("DataProtection:CertificatePath", "/nowhere/keyring.pfx")]).Build();
        var e = Assert.Throws<InvalidOperationException>(() => { KeyRingProtection.Of(missing); });
        Assert.Contains("DataProtection:CertificatePath", e.Message);
        Assert.False(KeyRingProtection.Of(new ConfigurationBuilder().Build()).IsProtected);
    }
}
