using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.ReferenceData;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Infrastructure.Data;

/// <summary>
/// On the embedded default, creates the data folder, migrates and seeds before the server takes
/// requests. SQL Server is migrated only by the explicit <c>migrate</c> command.
/// </summary>
public sealed class DatabaseInitializer(
    IOptions<DatabaseOptions> options, DbConnectionFactory factory, Migrator migrator, ReferenceSeeder seeder, AccessBootstrapper access) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.ShouldMigrateOnStart) return;
        await MigrateAndSeedAsync(factory, migrator, seeder, access, ct);
    }

    public static async Task MigrateAndSeedAsync(DbConnectionFactory factory, Migrator migrator, ReferenceSeeder seeder,
        AccessBootstrapper? access, CancellationToken ct)
    {
        if (factory.SqliteFile is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);
        await migrator.MigrateAsync(ct);
        await seeder.SeedAsync(ct);
        await factory.RefreshStatisticsAsync(ct);
        if (access is not null) await access.RunAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
