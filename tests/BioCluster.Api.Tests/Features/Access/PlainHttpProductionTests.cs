using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>
/// The API as a real Production process with Secure cookies (the Production default) served over plain HTTP, as it is
/// behind a proxy that ends TLS: sign-in and every cookie path answer a clear 4xx, never a 500; with the proxy trusted
/// and sending X-Forwarded-Proto, the cookie session works.
/// </summary>
public sealed class PlainHttpProductionTests
{
    private static HttpClient Client(ApiProcess api) =>
        new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(api.BaseUrl) };

    private static HttpRequestMessage Request(HttpMethod method, string path, string? cookies = null, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body };
        if (cookies is not null) request.Headers.Add("Cookie", cookies);
        return request;
    }

    private static string CookieOf(HttpResponseMessage r, string name) =>
        r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    [Fact]
    public async Task SecureCookiesOverPlainHttp_SignInAndCookiePathsAnswer400_Never5xx()
    {
        await using var api = await ApiProcess.StartAsync(settings: new Dictionary<string, string> { ["Auth__SecureCookies"] = "true" });
        using var client = Client(api);
        var login = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/auth/login",
            body: Http.Body(new { username = "admin", password = ApiProcess.AdminPassword })));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        var problem = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("HTTPS가 필요합니다", problem.GetProperty("title").GetString());
        Assert.Contains("X-Forwarded-Proto", problem.GetProperty("detail").GetString());
        Assert.False(login.Headers.Contains("Set-Cookie"));

        // With no proxy trusted, a caller cannot claim HTTPS by sending the header itself.
        var claimed = Request(HttpMethod.Post, "/api/v1/auth/login", body: Http.Body(new { username = "admin", password = ApiProcess.AdminPassword }));
        claimed.Headers.Add("X-Forwarded-Proto", "https");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(claimed)).StatusCode);
    }

    [Fact]
    public async Task SecureCookiesBehindATrustedProxy_SendingXForwardedProto_SignInAndWriteWithTheCookie()
    {
        await using var api = await ApiProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Auth__SecureCookies"] = "true",
            ["Http__TrustedProxies__0"] = "127.0.0.1",
        });
        using var client = Client(api);
        HttpRequestMessage ViaProxy(HttpMethod method, string path, string? cookies = null, HttpContent? body = null)
        {
            var request = Request(method, path, cookies, body);
            request.Headers.Add("X-Forwarded-Proto", "https");
            return request;
        }

        var login = await client.SendAsync(ViaProxy(HttpMethod.Post, "/api/v1/auth/login",
            body: Http.Body(new { username = "admin", password = ApiProcess.AdminPassword })));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("secure", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bc_session=", StringComparison.Ordinal)).ToLowerInvariant());
        var session = CookieOf(login, "bc_session");

        var antiforgery = await client.SendAsync(ViaProxy(HttpMethod.Get, "/api/v1/auth/antiforgery", session));
        Assert.Equal(HttpStatusCode.OK, antiforgery.StatusCode);
        var token = JsonDocument.Parse(await antiforgery.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        var cookies = $"{session}; {CookieOf(antiforgery, "bc_af")}";

        // The same cookies over plain HTTP (the proxy forgot the header): a clear 400, not the antiforgery check's 500.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Request(HttpMethod.Get, "/api/v1/auth/antiforgery", session))).StatusCode);
        var plainWrite = Request(HttpMethod.Post, "/api/v1/auth/logout", cookies);
        plainWrite.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(plainWrite)).StatusCode);

        var logout = ViaProxy(HttpMethod.Post, "/api/v1/auth/logout", cookies);
        logout.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(logout)).StatusCode);
    }
}
