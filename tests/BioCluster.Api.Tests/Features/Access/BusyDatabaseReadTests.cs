using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BioCluster.Api.Features.Access;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Access;

/// <summary>
/// Reads that write a little on the side (a key's last use, a sliding session's renewal) while another connection holds
/// the database's write lock, as a long import does: the read answers at once and the side write waits for a later request.
/// </summary>
public sealed class BusyDatabaseReadTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    [Fact]
    public async Task KeyAndSessionReads_WhileTheWriteLockIsHeld_AnswerQuickly_AndRecordTheirUseOnceItIsFree()
    {
        var secret = await factory.NewKey("mohw", ["read"]);
        var keyClient = factory.Anonymous();
        keyClient.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, secret);
        var sessionClient = await factory.AsRole("viewer");
        var userId = JsonDocument.Parse(await sessionClient.GetStringAsync("/api/v1/auth/me")).RootElement.GetProperty("id").GetInt64();

        // Both side writes due: the key never used, the session past half its idle time.
        var soon = UtcTimestampHandler.Format(DateTimeOffset.UtcNow.AddMinutes(5));
        await using (var db = factory.OpenDatabase())
        {
            await db.ExecuteAsync("UPDATE api_keys SET last_used_at = NULL WHERE key_hash = @h", new { h = ApiKeyStore.Hash(secret) });
            await db.ExecuteAsync("UPDATE user_sessions SET expires_at = @soon WHERE user_id = @userId AND revoked_at IS NULL", new { soon, userId });
        }

        await using (var locker = factory.OpenDatabase())
        {
            await locker.ExecuteAsync("BEGIN IMMEDIATE");
            foreach (var client in new[] { keyClient, sessionClient })
            {
                var clock = Stopwatch.StartNew();
                var response = await client.GetAsync("/api/v1/clusters");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"the read took {clock.Elapsed} while the write lock was held");
            }
            await locker.ExecuteAsync("ROLLBACK");
        }

        await using (var db = factory.OpenDatabase())
        {
            Assert.Null(await db.ExecuteScalarAsync<string?>("SELECT last_used_at FROM api_keys WHERE key_hash = @h", new { h = ApiKeyStore.Hash(secret) }));
            Assert.Equal(soon, await db.ExecuteScalarAsync<string>("SELECT MAX(expires_at) FROM user_sessions WHERE user_id = @userId", new { userId }));
        }

        // The lock is free: the next requests record what the skipped ones could not.
        Assert.Equal(HttpStatusCode.OK, (await keyClient.GetAsync("/api/v1/clusters")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sessionClient.GetAsync("/api/v1/clusters")).StatusCode);
        await using (var db = factory.OpenDatabase())
        {
            Assert.NotNull(await db.ExecuteScalarAsync<string?>("SELECT last_used_at FROM api_keys WHERE key_hash = @h", new { h = ApiKeyStore.Hash(secret) }));
            var renewed = await db.ExecuteScalarAsync<string>("SELECT MAX(expires_at) FROM user_sessions WHERE user_id = @userId", new { userId });
            Assert.True(string.CompareOrdinal(renewed, soon) > 0, $"the session was not renewed ({renewed})");
        }
    }

    [Fact]
    public void SqlServerBriefWrites_AreValidTSql()
    {
        BioCluster.Api.Tests.Data.TSql.AssertParses(DbConnectionFactory.BriefWriteBatch("UPDATE api_keys SET last_used_at = @now WHERE id = @id"), "brief key write");
        BioCluster.Api.Tests.Data.TSql.AssertParses(DbConnectionFactory.BriefWriteBatch("UPDATE user_sessions SET expires_at = @expires WHERE id = @key"), "brief session write");
    }
}
