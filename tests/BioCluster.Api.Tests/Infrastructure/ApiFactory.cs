using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// One in-process API host over a real, fresh database. Test classes share one per class
/// (IClassFixture), so tests in a class must use their own codes.
/// </summary>
public abstract class ApiFactory : WebApplicationFactory<Program>
{
    public abstract string Provider { get; }

    protected abstract IEnumerable<KeyValuePair<string, string?>> DatabaseSettings();

    /// <summary>An open connection straight to the host's database (SQLite file or SQL Server database), for checks the API does not offer.</summary>
    public virtual System.Data.Common.DbConnection OpenDb() => throw new NotSupportedException($"{GetType().Name} offers no direct connection.");

    /// <summary>Settings a test needs on top of the defaults (applied last, so they win).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in DatabaseSettings())
            builder.UseSetting(key, value);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Auth:BootstrapAdminPassword", AdminPassword);
        builder.UseSetting("Auth:SecureCookies", "false");
        builder.UseSetting("RateLimits:PerCallerPerMinute", "1000000");
        builder.UseSetting("RateLimits:PerAddressPerMinute", "1000000");
        builder.UseSetting("RateLimits:LoginPerAddressPerMinute", "1000000");
        builder.UseSetting("RateLimits:OpenDataPerAddressPerMinute", "1000000");
        // The dashboard is served as the README's run serves it, so routing answers here as it does there.
        builder.UseSetting("Web:Root", BuiltDashboard.Root);
        // The notification worker writes on its own schedule; tests that want it turn it on (or drive its passes themselves).
        builder.UseSetting("Notifications:Worker:Enabled", "false");
        foreach (var (key, value) in ExtraSettings())
            builder.UseSetting(key, value);
        // The in-memory test server has no socket, so no client address; give it the loopback one a real one would have.
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, LoopbackAddressFilter>());
    }

    public const string AdminPassword = "Test-Root-Passw0rd-1!";
    public const string UserPassword = "Test-User-Password-1!";

    private readonly Lazy<HttpClient> _admin;

    protected ApiFactory() => _admin = new Lazy<HttpClient>(() => SignIn("admin", AdminPassword).GetAwaiter().GetResult());

    /// <summary>Signed in as the bootstrap administrator (cookie session with its antiforgery header). Shared; do not sign it out.</summary>
    public HttpClient Client() => _admin.Value;

    /// <summary>Where the clients of this factory send their requests (the in-memory server's http://localhost unless a subclass listens on a socket).</summary>
    protected virtual Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>No credentials at all.</summary>
    public HttpClient Anonymous()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>No credentials and no cookie jar: the test sends every cookie itself.</summary>
    public HttpClient Raw() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in through the login endpoint and sends the antiforgery token with every change.</summary>
    public async Task<HttpClient> SignIn(string username, string password)
    {
        var client = Anonymous();
        var login = await client.PostAsync("/api/v1/auth/login", Http.Body(new { username, password }));
        if (!login.IsSuccessStatusCode)
            throw new InvalidOperationException($"sign-in of {username} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/auth/antiforgery")).RootElement;
        client.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return client;
    }

    /// <summary>A new account of this role (and agency), signed in.</summary>
    public async Task<HttpClient> AsRole(string role, string? agencyCode = null)
    {
        var username = $"u{Guid.NewGuid():N}"[..20];
        var created = await Client().PostAsync("/api/v1/users", Http.Body(new { username, displayName = $"시험 {role}", role, password = UserPassword, agencyCode }));
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"creating {role} failed: {await created.Content.ReadAsStringAsync()}");
        return await SignIn(username, UserPassword);
    }

    /// <summary>A client that authenticates with a new API key of this agency and these scopes.</summary>
    public async Task<HttpClient> WithKey(string agencyCode, params string[] scopes)
    {
        var secret = await NewKey(agencyCode, scopes);
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    public async Task<string> NewKey(string agencyCode, string[] scopes, DateTimeOffset? expiresAt = null)
    {
        var created = await Client().PostAsync("/api/v1/api-keys", Http.Body(new { agencyCode, name = "시험 키", scopes, expiresAt }));
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"creating a key failed: {await created.Content.ReadAsStringAsync()}");
        return System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }
}

internal sealed class LoopbackAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>The embedded default: a real SQLite file in a temporary folder, deleted afterwards.</summary>
public class SqliteApiFactory : ApiFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "biocluster-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "Sqlite";

    public string DatabaseFile => Path.Combine(_folder, "biocluster.db");

    /// <summary>A connection straight to the test's database file, for checks and set-ups the API does not offer.</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabaseFile};Foreign Keys=True");
        connection.Open();
        return connection;
    }

    public override System.Data.Common.DbConnection OpenDb() => OpenDatabase();

    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings() =>
    [
        new("Database:Provider", "Sqlite"),
        new("Database:DataDirectory", _folder),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// SQL Server, switched on by BIOCLUSTER_SQLSERVER_CONNECTION: each host gets its own new database
/// on that server, dropped afterwards.
/// </summary>
public class SqlServerApiFactory : ApiFactory
{
    public const string Variable = "BIOCLUSTER_SQLSERVER_CONNECTION";
    private readonly string _database = "biocluster_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public static string? ServerConnection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public override string Provider => "SqlServer";

    public override System.Data.Common.DbConnection OpenDb()
    {
        var connection = new SqlConnection(_connectionString ?? throw new InvalidOperationException("The host has not started."));
        connection.Open();
        return connection;
    }

    protected override IEnumerable<KeyValuePair<string, string?>> DatabaseSettings()
    {
        var server = ServerConnection ?? throw new InvalidOperationException($"{Variable} is not set.");
        if (_connectionString is null)
        {
            var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" };
            using var connection = new SqlConnection(master.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{_database}]";
            command.ExecuteNonQuery();
            _connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = _database }.ConnectionString;
        }
        return [new("Database:Provider", "SqlServer"), new("Database:ConnectionString", _connectionString)];
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_connectionString is null || ServerConnection is not { } server) return;
        SqlConnection.ClearAllPools();
        var master = new SqlConnectionStringBuilder(server) { InitialCatalog = "master" };
        using var connection = new SqlConnection(master.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"ALTER DATABASE [{_database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_database}];";
        command.ExecuteNonQuery();
    }
}

/// <summary>A SQLite host with extra settings, for tests of configuration-dependent behaviour.</summary>
public class ConfiguredSqliteFactory(params (string Key, string? Value)[] settings) : SqliteApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value));
}
