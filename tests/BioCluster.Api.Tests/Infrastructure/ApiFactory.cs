using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in DatabaseSettings())
            builder.UseSetting(key, value);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Web:Root", Path.Combine(Path.GetTempPath(), "biocluster-no-dashboard"));
    }

    public HttpClient Client()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

/// <summary>The embedded default: a real SQLite file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteApiFactory : ApiFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "biocluster-tests", Guid.NewGuid().ToString("N"));

    public override string Provider => "Sqlite";

    public string DatabaseFile => Path.Combine(_folder, "biocluster.db");

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
public sealed class SqlServerApiFactory : ApiFactory
{
    public const string Variable = "BIOCLUSTER_SQLSERVER_CONNECTION";
    private readonly string _database = "biocluster_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public static string? ServerConnection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public override string Provider => "SqlServer";

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
