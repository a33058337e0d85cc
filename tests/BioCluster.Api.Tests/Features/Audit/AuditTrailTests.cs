using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Tests.Infrastructure;
using CsCheck;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BioCluster.Api.Tests.Features.Audit;

/// <summary>The audit trail equals the successful changes, exactly, and cannot be changed.</summary>
public sealed class AuditTrailTests(SqliteApiFactory factory) : IClassFixture<SqliteApiFactory>
{
    private sealed record Expected(string Action, string EntityType, long EntityId);

    private sealed class Session(HttpClient client)
    {
        public readonly HttpClient Client = client;
        public readonly List<Expected> Expected = [];
        public readonly List<(long Id, string Resource)> Records = [];
    }

    private static async Task<JsonNode> Json(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    /// <summary>One random step: a write that should succeed, or one of several that must fail.</summary>
    private static async Task Step(Session s, int op, int pick)
    {
        var code = $"au{Guid.NewGuid():N}"[..16];
        switch (op)
        {
            case 0: // create a cluster
            {
                var r = await s.Client.PostAsync("/api/v1/clusters", Http.Body(new { code, nameKo = "감사 클러스터", region = "seoul", operatorCode = "gbsa" }));
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                var id = (await Json(r))["id"]!.GetValue<long>();
                s.Records.Add((id, "clusters"));
                s.Expected.Add(new("create", "cluster", id));
                break;
            }
            case 1: // create an agency
            {
                var r = await s.Client.PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo = "감사 기관", kind = "company", sector = "industry" }));
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                var id = (await Json(r))["id"]!.GetValue<long>();
                s.Records.Add((id, "agencies"));
                s.Expected.Add(new("create", "agency", id));
                break;
            }
            case 2 or 3: // update with the current ETag, or (3) a stale one
            {
                if (s.Records.Count == 0) goto case 5;
                var (id, resource) = s.Records[pick % s.Records.Count];
                var current = await s.Client.GetAsync($"/api/v1/{resource}/{id}");
                var etag = op == 2 ? current.ETag() : "\"999999\"";
                var body = resource == "clusters"
                    ? Http.Body(new { nameKo = $"변경 {pick}", region = "busan", operatorCode = "gbsa", status = "active" })
                    : Http.Body(new { nameKo = $"변경 {pick}", kind = "university", sector = "academia" });
                var r = await s.Client.Send(HttpMethod.Put, $"/api/v1/{resource}/{id}", body, etag);
                if (op == 2)
                {
                    Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                    s.Expected.Add(new("update", resource == "clusters" ? "cluster" : "agency", id));
                }
                else Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode);
                break;
            }
            case 4: // archive
            {
                if (s.Records.Count == 0) goto case 5;
                var (id, resource) = s.Records[pick % s.Records.Count];
                var current = await s.Client.GetAsync($"/api/v1/{resource}/{id}");
                var r = await s.Client.Send(HttpMethod.Delete, $"/api/v1/{resource}/{id}", ifMatch: current.ETag());
                Assert.Equal(HttpStatusCode.NoContent, r.StatusCode);
                s.Expected.Add(new("archive", resource == "clusters" ? "cluster" : "agency", id));
                break;
            }
            case 5: // invalid body
                Assert.Equal(HttpStatusCode.BadRequest, (await s.Client.PostAsync("/api/v1/clusters", Http.Body(new { code = "X", nameKo = "", region = "seoul", operatorCode = "gbsa" }))).StatusCode);
                break;
            case 6: // duplicate code
                Assert.Equal(HttpStatusCode.Conflict, (await s.Client.PostAsync("/api/v1/agencies", Http.Body(new { code = "mfds", nameKo = "중복", kind = "ministry" }))).StatusCode);
                break;
            default: // refused inside the transaction: an operator that is not a cluster operator
                Assert.Equal(HttpStatusCode.BadRequest, (await s.Client.PostAsync("/api/v1/clusters", Http.Body(new { code, nameKo = "잘못된 운영", region = "seoul", operatorCode = "mfds" }))).StatusCode);
                break;
        }
    }

    private async Task<List<JsonNode>> EntriesBy(long userId)
    {
        var entries = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await Json(await factory.Client().GetAsync($"/api/v1/audit?actorType=user&actorId={userId}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}")));
            entries.AddRange(page["items"]!.AsArray()!.Select(e => e!));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        entries.Reverse(); // oldest first
        return entries;
    }

    [Fact]
    public async Task RandomSequencesOfWrites_AuditEqualsTheSuccessfulChanges_AndAfterMatchesTheDatabase()
    {
        var gen = Gen.Select(Gen.Int[0, 7].Array[4, 18], Gen.Int[0, 1000], (ops, pick) => (ops, pick));
        await gen.SampleAsync(async t =>
        {
            var (ops, pick) = t;
            var client = await factory.AsRole("secretariat", "mohw");
            var userId = (await Json(await client.GetAsync("/api/v1/auth/me")))["id"]!.GetValue<long>();
            var session = new Session(client);
            for (var i = 0; i < ops.Length; i++) await Step(session, ops[i], pick + i);

            var entries = await EntriesBy(userId);
            Assert.Equal(session.Expected, entries.Select(e => new Expected(
                e["action"]!.GetValue<string>(), e["entityType"]!.GetValue<string>(), e["entityId"]!.GetValue<long>())).ToList());

            foreach (var (id, resource) in session.Records)
            {
                var type = resource == "clusters" ? "cluster" : "agency";
                var mine = entries.Where(e => e["entityType"]!.GetValue<string>() == type && e["entityId"]!.GetValue<long>() == id).ToList();
                var current = await Json(await client.GetAsync($"/api/v1/{resource}/{id}"));
                if (type == "agency") current.AsObject().Remove("operatedClusters");
                var lastAfter = mine[^1]["after"]!.DeepClone().AsObject();
                lastAfter.Remove("operatedClusters");
                Assert.True(JsonNode.DeepEquals(current, lastAfter), $"after of {type} {id} differs from the database:\n{lastAfter}\n{current}");
                Assert.Null(mine[0]["before"]);
                for (var i = 1; i < mine.Count; i++)
                    Assert.True(JsonNode.DeepEquals(mine[i - 1]["after"], mine[i]["before"]), "each before equals the previous after");
                Assert.All(mine, e => Assert.False(string.IsNullOrEmpty(e["requestId"]?.GetValue<string>())));
            }
        }, iter: 12, threads: 1);
    }

    [Fact]
    public async Task AuditTable_IsAppendOnlyInTheDatabase()
    {
        await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("ao"), nameKo = "추가 전용", kind = "company" }));
        await using var db = factory.OpenDatabase();
        Assert.True(await db.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_entries") > 0);
        await Assert.ThrowsAsync<SqliteException>(() => db.ExecuteAsync("UPDATE audit_entries SET actor_name = 'someone else'"));
        await Assert.ThrowsAsync<SqliteException>(() => db.ExecuteAsync("DELETE FROM audit_entries"));
    }

    /// <summary>
    /// Migration 0011 rebuilds the audit table without AUTOINCREMENT: every entry keeps its id and fields, the table stays
    /// append-only, and a new entry still gets the highest id plus one. (The script runs again here on a copy of a
    /// database that already has entries; it is written so that it can.)
    /// </summary>
    [Fact]
    public async Task Migration0011_RebuildsTheAuditTable_KeepingEveryEntry()
    {
        await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("mg"), nameKo = "감사 재구성", kind = "company" }));
        var copy = Path.Combine(Path.GetTempPath(), $"biocluster-0011-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = factory.OpenDatabase()) await source.ExecuteAsync($"VACUUM INTO '{copy}'");
            await using var db = new SqliteConnection($"Data Source={copy};Pooling=False");
            // The columns 0011 knows (later migrations add more, which running 0011 again on today's table drops).
            const string all = "SELECT id, occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id, before_json, after_json, " +
                               "request_id, client_address FROM audit_entries ORDER BY id";
            var before = (await db.QueryAsync(all)).Select(r => JsonSerializer.Serialize((IDictionary<string, object>)r)).ToList();
            Assert.NotEmpty(before);
            await db.ExecuteAsync(Migrator.Scripts(DatabaseProvider.Sqlite).Single(m => m.Number == 11).Sql);
            Assert.Equal(before, (await db.QueryAsync(all)).Select(r => JsonSerializer.Serialize((IDictionary<string, object>)r)).ToList());
            Assert.DoesNotContain("AUTOINCREMENT", await db.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE name = 'audit_entries'"));
            var highest = await db.ExecuteScalarAsync<long>("SELECT MAX(id) FROM audit_entries");
            var next = await db.ExecuteScalarAsync<long>(
                "INSERT INTO audit_entries (occurred_at, actor_type, actor_name, action, entity_type, entity_id) " +
                "VALUES ('2026-11-25T00:00:00.0000000Z', 'system', 'test', 'create', 'agency', 1); SELECT last_insert_rowid();");
            Assert.Equal(highest + 1, next);
            await Assert.ThrowsAsync<SqliteException>(() => db.ExecuteAsync("UPDATE audit_entries SET actor_name = 'someone else'"));
            await Assert.ThrowsAsync<SqliteException>(() => db.ExecuteAsync("DELETE FROM audit_entries WHERE id = @next", new { next }));
            // The agencies' parent index keeps only agencies with a parent, and still serves a lookup of children.
            Assert.Contains("ix_agencies_parent", string.Join(" | ", (await db.QueryAsync("EXPLAIN QUERY PLAN SELECT id FROM agencies WHERE parent_id = 1")).Select(r => (string)r.detail)));
            Assert.Equal(["ix_audit_actor", "ix_audit_entity", "ix_audit_time"],
                await db.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_entries' ORDER BY name"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task EntryRecordsActorTimeBeforeAfterAndClientAddress()
    {
        var client = await factory.AsRole("secretariat", "mohw");
        var code = Http.Unique("who");
        var created = await client.PostAsync("/api/v1/agencies", Http.Body(new { code, nameKo = "누가 언제", kind = "company" }));
        var id = (await Json(created))["id"]!.GetValue<long>();
        var entry = (await Json(await factory.Client().GetAsync($"/api/v1/audit?entityType=agency&entityId={id}")))["items"]![0]!;
        Assert.Equal("user", entry["actorType"]!.GetValue<string>());
        Assert.Equal("create", entry["action"]!.GetValue<string>());
        Assert.Equal(code, entry["after"]!["code"]!.GetValue<string>());
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(entry["occurredAt"]!.GetValue<string>()) < TimeSpan.FromMinutes(1));
        Assert.NotNull(entry["clientAddress"]);
    }

    [Fact]
    public async Task HistoryOfARecord_ShowsOnlyItsOwnEntries_AndHidesAddressesFromViewers()
    {
        var (a, b) = (Http.Unique("ha"), Http.Unique("hb"));
        var first = (await Json(await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new { code = a, nameKo = "이력 가", kind = "company" }))))["id"]!.GetValue<long>();
        await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new { code = b, nameKo = "이력 나", kind = "company" }));
        var viewer = await factory.AsRole("viewer");
        var history = await Json(await viewer.GetAsync($"/api/v1/agencies/{first}/history"));
        var items = history["items"]!.AsArray();
        Assert.Single(items);
        Assert.Equal(first, items[0]!["entityId"]!.GetValue<long>());
        Assert.Null(items[0]!["clientAddress"]);
        await (await viewer.GetAsync("/api/v1/agencies/987654/history")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AuditList_FiltersByTime()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await factory.Client().PostAsync("/api/v1/agencies", Http.Body(new { code = Http.Unique("tm"), nameKo = "시간 필터", kind = "company" }));
        var recent = await Json(await factory.Client().GetAsync($"/api/v1/audit?from={Uri.EscapeDataString(before.ToString("O"))}"));
        Assert.True(recent["totalCount"]!.GetValue<int>() >= 1);
        var none = await Json(await factory.Client().GetAsync($"/api/v1/audit?to={Uri.EscapeDataString(before.AddYears(-5).ToString("O"))}"));
        Assert.Equal(0, none["totalCount"]!.GetValue<int>());
        await (await factory.Client().GetAsync("/api/v1/audit?from=yesterday")).Problem(HttpStatusCode.BadRequest);
        await (await factory.Client().GetAsync("/api/v1/audit?actorType=robot")).Problem(HttpStatusCode.BadRequest);
    }
}
