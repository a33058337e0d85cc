using System.Data.Common;
using System.Text;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Imports;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Tests.Infrastructure;
using BioCluster.Contracts.Imports;
using Dapper;
using Microsoft.Extensions.Options;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// An import that writes gets a larger SQLite page cache for its connection (SqliteEngine.BeginBulkWrite: below ~100-130
/// cached pages SQLite slows ~15× on an import's rows), a dry run keeps the default, and the connection goes back with
/// the default. Seen from inside the run, through a target that looks at its connection before the agencies' target opens.
/// </summary>
public sealed class ImportCacheTests : TempSqliteDatabase
{
    protected override async Task SetUpAsync(DbConnection c) =>
        await new Migrator(Db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync();

    /// <summary>The agencies' own target, after noting the page cache of the connection the run gives it.</summary>
    private sealed class Observing(ImportTarget inner) : ImportTarget
    {
        public List<int> CacheSizes { get; } = [];
        public override ImportEntity Entity => inner.Entity;

        public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
        {
            CacheSizes.Add(await context.Connection.ExecuteScalarAsync<int>("PRAGMA cache_size", transaction: context.Transaction));
            return await inner.OpenAsync(context, ct);
        }
    }

    [Fact]
    public async Task AWritingImport_HasTheLargerCache_ADryRunTheDefault()
    {
        var json = Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions());
        BioCluster.Api.Infrastructure.Http.JsonSetup.Configure(json.Value.SerializerOptions);
        var engine = new ImportEngine(Db, TimeProvider.System, json, Options.Create(new ImportOptions()));
        var target = new Observing(new AgencyImport(new CreateAgencyRequestValidator()));
        async Task<ImportReportDto> Run(bool dryRun)
        {
            var csv = "code,nameKo,kind\r\ncache-test-co,캐시 시험 기업,company\r\n";
            await using var file = await ImportFile.SpoolAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "text/csv", null, "a.csv", long.MaxValue, CancellationToken.None);
            return await engine.RunAsync(target, file, "a.csv", dryRun, ImportErrorMode.Fail, Actor.System("test"), CancellationToken.None);
        }

        Assert.Equal(ImportOutcome.Validated, (await Run(dryRun: true)).Outcome);
        Assert.Equal(ImportOutcome.Imported, (await Run(dryRun: false)).Outcome);
        Assert.Equal([-2000, -4096], target.CacheSizes);
        await using var c = await Db.OpenAsync();
        Assert.Equal(-2000, await c.ExecuteScalarAsync<int>("PRAGMA cache_size"));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM agencies WHERE code = 'cache-test-co'"));
    }
}
