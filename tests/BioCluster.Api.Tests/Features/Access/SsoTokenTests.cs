using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>
/// Government SSO switched on by configuration alone (issuer, audience, a signing key, claim mapping),
/// exercised with tokens signed by a test key.
/// </summary>
public sealed class SsoTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://sso.test.go.kr";
    private const string Audience = "biocluster";
    private static readonly RSA SigningKey = RSA.Create(2048);
    private static readonly RSA OtherKey = RSA.Create(2048);
    private readonly ConfiguredSqliteFactory _factory = new(
        ("Auth:Jwt:PublicKeyPem", SigningKey.ExportSubjectPublicKeyInfoPem()),
        ("Auth:Jwt:Issuer", Issuer),
        ("Auth:Jwt:Audience", Audience),
        ("Auth:Jwt:RoleClaim", "gov_role"),
        ("Auth:Jwt:AgencyClaim", "org"),
        ("Auth:Jwt:RoleMap:MOHW_COUNCIL_STAFF", "secretariat"),
        ("Auth:Jwt:RoleMap:MINISTRY_OFFICER", "ministry_reviewer"));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static string Token(Dictionary<string, object> claims, RSA? key = null, string audience = Audience,
        DateTime? expires = null, DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = notBefore ?? now.AddMinutes(-5),
            IssuedAt = notBefore ?? now.AddMinutes(-5),
            Expires = expires ?? now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey), SecurityAlgorithms.RsaSha256),
        });
    }

    private static Dictionary<string, object> Claims(string role = "MOHW_COUNCIL_STAFF", string? org = "mohw") =>
        org is null
            ? new() { ["sub"] = "gov-123", ["name"] = "김간사", ["gov_role"] = role }
            : new() { ["sub"] = "gov-123", ["name"] = "김간사", ["gov_role"] = role, ["org"] = org };

    private async Task<HttpResponseMessage> Me(string token)
    {
        var client = _factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/auth/me");
    }

    [Fact]
    public async Task ValidToken_SignsInWithTheMappedRoleAndAgency()
    {
        var response = await Me(Token(Claims()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("secretariat", me.GetProperty("role").GetString());
        Assert.Equal("mohw", me.GetProperty("agency").GetProperty("code").GetString());
        Assert.Equal("김간사", me.GetProperty("displayName").GetString());

        // And it can do what a secretariat may: write the registry without any antiforgery token.
        var client = _factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(Claims()));
        var created = await client.PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("sso"), nameKo = "통합인증 기관", kind = "company" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audit = JsonDocument.Parse(await _factory.Client().GetStringAsync("/api/v1/audit?entityType=agency&limit=1")).RootElement;
        Assert.Equal("sso:gov-123", audit.GetProperty("items")[0].GetProperty("actorName").GetString());
    }

    [Fact]
    public async Task ExpiredToken_Returns401()
    {
        var token = Token(Claims(), expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-30));
        await (await Me(token)).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongAudience_Returns401() =>
        await (await Me(Token(Claims(), audience: "another-system"))).Problem(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task WrongSigningKey_Returns401() =>
        await (await Me(Token(Claims(), key: OtherKey))).Problem(HttpStatusCode.Unauthorized);

    [Fact]
    public async Task TamperedPayload_Returns401()
    {
        var parts = Token(Claims("MINISTRY_OFFICER", "mfds")).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("MINISTRY_OFFICER", "MOHW_COUNCIL_STAFF").Replace("mfds", "mohw");
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        await (await Me(forged)).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AlgNone_Returns401()
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["aud"] = Audience, ["sub"] = "x", ["gov_role"] = "MOHW_COUNCIL_STAFF", ["org"] = "mohw",
            ["nbf"] = now - 60, ["exp"] = now + 600,
        }));
        await (await Me($"{header}.{payload}.")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnknownRoleOrMissingAgency_Returns401()
    {
        await (await Me(Token(Claims("JANITOR")))).Problem(HttpStatusCode.Unauthorized);
        await (await Me(Token(Claims("MINISTRY_OFFICER", org: null)))).Problem(HttpStatusCode.Unauthorized);
        await (await Me(Token(Claims("MINISTRY_OFFICER", org: "kbiohealth")))).Problem(HttpStatusCode.Unauthorized); // not a ministry
        Assert.Equal(HttpStatusCode.OK, (await Me(Token(Claims("MINISTRY_OFFICER", org: "mfds")))).StatusCode);
    }

    [Fact]
    public async Task SsoOff_BearerTokensAreNotAccepted()
    {
        await using var plain = new SqliteApiFactory();
        var client = plain.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(Claims()));
        await (await client.GetAsync("/api/v1/auth/me")).Problem(HttpStatusCode.Unauthorized);
    }
}
