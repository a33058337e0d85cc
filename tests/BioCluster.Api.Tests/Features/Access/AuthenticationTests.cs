using System.Net;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>Sign-in, lock-out, sessions, cookies, antiforgery and API keys, through HTTP.</summary>
public sealed class AuthenticationTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private async Task<string> NewUser(string role = "viewer", string? agencyCode = null)
    {
        var username = $"t{Guid.NewGuid():N}"[..16];
        var created = await factory.Client().PostAsync("/api/v1/users",
            Http.Body(new { username, displayName = "인증 시험", role, password = ApiFactory.UserPassword, agencyCode }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return username;
    }

    private Task<HttpResponseMessage> Login(HttpClient client, string username, string password) =>
        client.PostAsync("/api/v1/auth/login", Http.Body(new { username, password }));

    [Fact]
    public async Task NoCredentials_Returns401Problem()
    {
        await (await factory.Anonymous().GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);
        await (await factory.Anonymous().PostAsync("/api/v1/clusters", Http.Raw("{}"))).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WrongPasswordOrUnknownUser_Returns401()
    {
        var username = await NewUser();
        await (await Login(factory.Anonymous(), username, "Wrong-Password-99!")).Problem(HttpStatusCode.Unauthorized);
        await (await Login(factory.Anonymous(), "nobody-here", "Wrong-Password-99!")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccountWith429AndRetryAfter_UntilAnAdminUnlocks()
    {
        var username = await NewUser();
        for (var i = 0; i < 4; i++)
            await (await Login(factory.Anonymous(), username, "Wrong-Password-99!")).Problem(HttpStatusCode.Unauthorized);
        var fifth = await Login(factory.Anonymous(), username, "Wrong-Password-99!");
        await fifth.Problem(HttpStatusCode.TooManyRequests);
        Assert.True(fifth.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        // Even the right password is refused while locked.
        var locked = await Login(factory.Anonymous(), username, ApiFactory.UserPassword);
        await locked.Problem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(locked.Headers.RetryAfter);

        var users = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/users?q={username}")).RootElement.GetProperty("items");
        await using (var db = factory.OpenDatabase())
        {
            // Once the lock has run out, one more wrong password does not lock the account again at once.
            await db.ExecuteAsync("UPDATE users SET locked_until = '2020-01-01T00:00:00.0000000Z' WHERE username = @username", new { username });
        }
        await (await Login(factory.Anonymous(), username, "Wrong-Password-99!")).Problem(HttpStatusCode.Unauthorized);
        await using (var db = factory.OpenDatabase())
            await db.ExecuteAsync("UPDATE users SET locked_until = '2999-01-01T00:00:00.0000000Z' WHERE username = @username", new { username });
        var id = users[0].GetProperty("id").GetInt64();
        var unlocked = await factory.Client().PostAsync($"/api/v1/users/{id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal(unlocked.ETag(), (await factory.Client().GetAsync($"/api/v1/users/{id}")).ETag()); // ready for the next edit
        Assert.Equal(HttpStatusCode.OK, (await Login(factory.Anonymous(), username, ApiFactory.UserPassword)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownUsername_AnswersExactlyAsAnAccountWithWrongPasswords_SoLockingRevealsNothing()
    {
        var real = await NewUser();
        var unknown = $"n{Guid.NewGuid():N}"[..16];
        async Task<List<string>> Tries(string username)
        {
            var seen = new List<string>();
            for (var i = 0; i < 7; i++)
            {
                var response = await Login(factory.Anonymous(), username, "Wrong-Password-99!");
                var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                seen.Add($"{(int)response.StatusCode} {problem.GetProperty("title")} {problem.GetProperty("detail")} retry-after:{response.Headers.RetryAfter is not null}");
            }
            return seen;
        }

        var forReal = await Tries(real);
        var forUnknown = await Tries(unknown.ToUpperInvariant()); // usernames are compared normalised, as accounts' are

        Assert.Equal(forReal, forUnknown);
        Assert.Equal(4, forUnknown.Count(s => s.StartsWith("401", StringComparison.Ordinal)));
        Assert.Equal(3, forUnknown.Count(s => s.StartsWith("429", StringComparison.Ordinal) && s.EndsWith("retry-after:True", StringComparison.Ordinal)));

        await using (var db = factory.OpenDatabase())
        {
            // Nothing typed is stored: the row is keyed by the username's SHA-256.
            Assert.Equal(0, await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM login_failures WHERE username_hash LIKE '%' || @unknown || '%'", new { unknown }));
            var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(unknown)));
            Assert.Equal(5, await db.ExecuteScalarAsync<int>("SELECT failed_logins FROM login_failures WHERE username_hash = @key", new { key })); // tries while locked do not count
            // Once the lock has run out, one more failure starts a fresh count, as for an account.
            await db.ExecuteAsync("UPDATE login_failures SET locked_until = '2020-01-01T00:00:00.0000000Z' WHERE username_hash = @key", new { key });
            await db.ExecuteAsync("UPDATE users SET locked_until = '2020-01-01T00:00:00.0000000Z' WHERE username = @real", new { real });
        }
        await (await Login(factory.Anonymous(), unknown, "Wrong-Password-99!")).Problem(HttpStatusCode.Unauthorized);
        await (await Login(factory.Anonymous(), real, "Wrong-Password-99!")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PasswordsAreStoredWithASlowSaltedHash()
    {
        var a = await NewUser();
        var b = await NewUser();
        await using var db = factory.OpenDatabase();
        var hashes = (await db.QueryAsync<string>("SELECT password_hash FROM users WHERE username IN (@a, @b)", new { a, b })).ToList();
        Assert.Equal(2, hashes.Count);
        Assert.NotEqual(hashes[0], hashes[1]); // same password, different salt
        Assert.All(hashes, h => Assert.DoesNotContain(ApiFactory.UserPassword, h));
        var bytes = Convert.FromBase64String(hashes[0]);
        Assert.Equal(0x01, bytes[0]); // ASP.NET Core Identity v3 format: PBKDF2 with a per-password salt
    }

    [Fact]
    public async Task WeakPassword_IsRefusedWith400()
    {
        var response = await factory.Client().PostAsync("/api/v1/users", Http.Body(new { username = "weakling", displayName = "약한 비밀번호", role = "viewer", password = "short1!" }));
        Assert.Contains("password", (await response.Problem(HttpStatusCode.BadRequest)).Errors().Keys);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        var username = await NewUser();
        var response = await Login(factory.Anonymous(), username, ApiFactory.UserPassword);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bc_session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
    }

    [Fact]
    public async Task SessionCookie_IsSecureOutsideDevelopment()
    {
        await using var production = new ConfiguredSqliteFactory(("Auth:SecureCookies", null));
        var response = await Login(production.Anonymous(), "admin", ApiFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("bc_session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie);
    }

    [Fact]
    public async Task CookiePostWithoutAntiforgeryToken_IsRefused_AndWithItPasses()
    {
        var username = await NewUser("secretariat", "mohw");
        var client = factory.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Login(client, username, ApiFactory.UserPassword)).StatusCode);
        var body = new { code = Http.Unique("af"), nameKo = "위조 방지", kind = "company" };

        var refused = await client.PostAsync("/api/v1/agencies", Http.Body(body));
        await refused.Problem(HttpStatusCode.Forbidden);

        var bogus = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies") { Content = Http.Body(body) };
        bogus.Headers.Add("X-XSRF-TOKEN", "not-a-token");
        await (await client.SendAsync(bogus)).Problem(HttpStatusCode.Forbidden);

        var token = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/antiforgery")).RootElement.GetProperty("token").GetString();
        var ok = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies") { Content = Http.Body(body) };
        ok.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(ok)).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_EvenForACopiedCookie()
    {
        var username = await NewUser();
        var other = await factory.SignIn(username, ApiFactory.UserPassword);
        var raw = factory.Raw();
        static string CookieOf(HttpResponseMessage r, string name) =>
            r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

        var session = CookieOf(await Login(raw, username, ApiFactory.UserPassword), "bc_session");
        HttpRequestMessage WithCookies(HttpMethod method, string path, params string[] cookies)
        {
            var request = new HttpRequestMessage(method, path);
            request.Headers.Add("Cookie", string.Join("; ", cookies));
            return request;
        }

        Assert.Equal(HttpStatusCode.OK, (await raw.SendAsync(WithCookies(HttpMethod.Get, "/api/v1/auth/me", session))).StatusCode);
        var antiforgery = await raw.SendAsync(WithCookies(HttpMethod.Get, "/api/v1/auth/antiforgery", session));
        var token = JsonDocument.Parse(await antiforgery.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        var logout = WithCookies(HttpMethod.Post, "/api/v1/auth/logout", session, CookieOf(antiforgery, "bc_af"));
        logout.Headers.Add("X-XSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.NoContent, (await raw.SendAsync(logout)).StatusCode);

        // The server forgot the session: the very same cookie, replayed, is refused.
        await (await raw.SendAsync(WithCookies(HttpMethod.Get, "/api/v1/auth/me", session))).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/auth/me")).StatusCode); // other sessions go on
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSessions()
    {
        var username = await NewUser();
        var client = await factory.SignIn(username, ApiFactory.UserPassword);
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me")).RootElement;
        var id = me.GetProperty("id").GetInt64();
        var current = await factory.Client().GetAsync($"/api/v1/users/{id}");
        var disable = await factory.Client().Send(HttpMethod.Put, $"/api/v1/users/{id}",
            Http.Body(new { displayName = "비활성", role = "viewer", status = "disabled" }), current.ETag());
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        await (await client.GetAsync("/api/v1/auth/me")).Problem(HttpStatusCode.Unauthorized);
        await (await Login(factory.Anonymous(), username, ApiFactory.UserPassword)).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RoleChange_TakesEffectOnTheNextRequest()
    {
        var username = await NewUser();
        var client = await factory.SignIn(username, ApiFactory.UserPassword);
        await (await client.GetAsync("/api/v1/audit")).Problem(HttpStatusCode.Forbidden);
        var id = JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/me")).RootElement.GetProperty("id").GetInt64();
        var current = await factory.Client().GetAsync($"/api/v1/users/{id}");
        await factory.Client().Send(HttpMethod.Put, $"/api/v1/users/{id}",
            Http.Body(new { displayName = "승격", role = "secretariat", status = "active", agencyCode = "mohw" }), current.ETag());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task ApiKey_IsShownOnceStoredHashedAndWorksInEitherHeader()
    {
        var created = await factory.Client().PostAsync("/api/v1/api-keys", Http.Body(new { agencyCode = "kbiohealth", name = "통계 시스템", scopes = new[] { "read" } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("key").GetProperty("id").GetInt64();
        Assert.StartsWith("bck_", secret);

        var again = await factory.Client().GetStringAsync($"/api/v1/api-keys/{id}");
        Assert.DoesNotContain(secret, again);
        Assert.DoesNotContain(secret[12..], again);
        await using (var db = factory.OpenDatabase())
        {
            var stored = await db.QuerySingleAsync<string>("SELECT key_hash FROM api_keys WHERE id = @id", new { id });
            Assert.DoesNotContain(secret, stored);
            Assert.Equal(64, stored.Length); // SHA-256, hex
        }

        var header = factory.Anonymous();
        header.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/api/v1/clusters")).StatusCode);
        var bearer = factory.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/clusters")).StatusCode);

        var key = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/api-keys/{id}")).RootElement;
        Assert.Equal(JsonValueKind.String, key.GetProperty("lastUsedAt").ValueKind);

        // The per-request lookup reads the row by position; it must be the row Dapper's mapper reads by name.
        var store = factory.Services.GetRequiredService<BioCluster.Api.Features.Access.ApiKeyStore>();
        var verified = await store.VerifyAsync(secret, CancellationToken.None);
        var found = await store.FindAsync(id, CancellationToken.None);
        Assert.NotNull(verified);
        Assert.Equal(JsonSerializer.Serialize(found), JsonSerializer.Serialize(verified));
        Assert.Null(await store.VerifyAsync(secret[..^1] + (secret[^1] == 'a' ? 'b' : 'a'), CancellationToken.None));
    }

    [Fact]
    public async Task WrongRevokedOrExpiredKeys_Return401()
    {
        foreach (var bad in new[] { "bck_nope", "bck_AAAAAAAAAAAA_wrongsecret", "garbage", new string('x', 5000) })
        {
            var client = factory.Anonymous();
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", bad);
            await (await client.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);
        }

        var secret = await factory.NewKey("mohw", ["read"]);
        var tampered = factory.Anonymous();
        tampered.DefaultRequestHeaders.Add("X-Api-Key", secret[..^2] + (secret[^2] == 'a' ? "bb" : "aa"));
        await (await tampered.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);

        var revokedSecret = await factory.NewKey("mohw", ["read"]);
        var revokedClient = factory.Anonymous();
        revokedClient.DefaultRequestHeaders.Add("X-Api-Key", revokedSecret);
        Assert.Equal(HttpStatusCode.OK, (await revokedClient.GetAsync("/api/v1/clusters")).StatusCode);
        var list = JsonDocument.Parse(await factory.Client().GetStringAsync("/api/v1/api-keys?limit=200")).RootElement.GetProperty("items");
        var revokedId = list.EnumerateArray().First(k => revokedSecret.Contains(k.GetProperty("prefix").GetString()!)).GetProperty("id").GetInt64();
        var current = await factory.Client().GetAsync($"/api/v1/api-keys/{revokedId}");
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Client().Send(HttpMethod.Delete, $"/api/v1/api-keys/{revokedId}", ifMatch: current.ETag())).StatusCode);
        await (await revokedClient.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);

        var expiredSecret = await factory.NewKey("mohw", ["read"]);
        await using (var db = factory.OpenDatabase())
            await db.ExecuteAsync("UPDATE api_keys SET expires_at = '2020-01-01T00:00:00.0000000Z' WHERE key_hash = @h",
                new { h = BioCluster.Api.Features.Access.ApiKeyStore.Hash(expiredSecret) });
        var expired = factory.Anonymous();
        expired.DefaultRequestHeaders.Add("X-Api-Key", expiredSecret);
        await (await expired.GetAsync("/api/v1/clusters")).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiKey_ExpiryAndScopesAreValidated()
    {
        var past = await factory.Client().PostAsync("/api/v1/api-keys", Http.Body(new { agencyCode = "mohw", name = "과거", scopes = new[] { "read" }, expiresAt = "2020-01-01T00:00:00Z" }));
        Assert.Contains("expiresAt", (await past.Problem(HttpStatusCode.BadRequest)).Errors().Keys);
        var none = await factory.Client().PostAsync("/api/v1/api-keys", Http.Body(new { agencyCode = "mohw", name = "무범위", scopes = Array.Empty<string>() }));
        Assert.Contains("scopes", (await none.Problem(HttpStatusCode.BadRequest)).Errors().Keys);
        var bad = await factory.Client().PostAsync("/api/v1/api-keys", Http.Raw("""{"agencyCode":"mohw","name":"나쁜 범위","scopes":["root"]}"""));
        await bad.Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task NoDefaultPasswordWorksOutsideDevelopment()
    {
        await using var production = new ConfiguredSqliteFactory(("Auth:BootstrapAdminPassword", null));
        foreach (var (user, password) in new[] { ("admin", "admin"), ("admin", "password"), ("admin", ApiFactory.AdminPassword),
                     ("demo-admin", "BioCluster-Demo-2026!"), ("demo-secretariat", "BioCluster-Demo-2026!") })
            await (await Login(production.Anonymous(), user, password)).Problem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Development_HasOneDemoUserPerRole()
    {
        await using var development = new DevelopmentFactory();
        foreach (var (user, role) in new[] { ("demo-admin", "admin"), ("demo-secretariat", "secretariat"), ("demo-ministry", "ministry_reviewer"),
                     ("demo-operator", "cluster_operator"), ("demo-viewer", "viewer") })
        {
            var client = development.Anonymous();
            var login = await Login(client, user, "BioCluster-Demo-2026!");
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Equal(role, JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("role").GetString());
        }
    }

    private sealed class DevelopmentFactory : SqliteApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
