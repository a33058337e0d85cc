using System.Data.Common;
using BioCluster.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a folder of its own, reached through the API's connection factory without a host, for
/// tests of the data layer. <see cref="SetUpAsync"/> makes the tables a test class needs; the folder goes at the end.
/// </summary>
public abstract class TempSqliteDatabase : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "biocluster-tests", Guid.NewGuid().ToString("N"));
    protected string File => Path.Combine(Folder, "biocluster.db");
    protected DbConnectionFactory Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DapperSetup.Configure();
        Db = new DbConnectionFactory(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = Folder }), new TestHostEnvironment());
        Directory.CreateDirectory(Folder);
        await using var connection = await Db.OpenAsync();
        await SetUpAsync(connection);
    }

    protected abstract Task SetUpAsync(DbConnection connection);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
