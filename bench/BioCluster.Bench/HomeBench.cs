using BioCluster.Api.Features.Access;
using Dapper;
using Microsoft.Data.Sqlite;

/// <summary>
/// The home benchmark's additions to a seeded database (scripts/bench-home.sh): each issue's timeline as the workflow
/// would have written it (raised, routed, answered), a co-ministry on one issue in four, and a read key per role.
/// </summary>
internal static class HomeBench
{
    public static async Task<int> ExtrasAsync(string dbFile)
    {
        await using var db = new SqliteConnection($"Data Source={dbFile};Foreign Keys=True");
        await db.OpenAsync();
        await using (var tx = (SqliteTransaction)await db.BeginTransactionAsync())
        {
            // Raised at creation, routed at assignment, answered at the answer: the moves the seeded states imply.
            await db.ExecuteAsync("""
                INSERT INTO regulatory_issue_transitions (issue_id, from_status, to_status, actor_type, actor_name, occurred_at, fields_json)
                SELECT id, NULL, 'submitted', 'user', 'bench', created_at, '{}' FROM regulatory_issues;
                INSERT INTO regulatory_issue_transitions (issue_id, from_status, to_status, actor_type, actor_name, occurred_at, fields_json)
                SELECT id, 'submitted', 'under_review', 'user', 'bench', assigned_at, '{}' FROM regulatory_issues WHERE assigned_at IS NOT NULL;
                INSERT INTO regulatory_issue_transitions (issue_id, from_status, to_status, actor_type, actor_name, occurred_at, fields_json)
                SELECT id, 'under_review', status, 'user', 'bench', answered_at, '{}' FROM regulatory_issues WHERE answered_at IS NOT NULL;
                INSERT INTO regulatory_issue_co_ministries (issue_id, agency_id)
                SELECT i.id, COALESCE((SELECT MIN(m.id) FROM agencies m WHERE m.kind = 'ministry' AND m.id > i.lead_ministry_id),
                                (SELECT MIN(m.id) FROM agencies m WHERE m.kind = 'ministry' AND m.id < i.lead_ministry_id))
                FROM regulatory_issues i WHERE i.lead_ministry_id IS NOT NULL AND i.id % 4 = 0;
                """, transaction: tx);
            foreach (var (role, agency) in new[] { ("SECRETARIAT", "mohw"), ("MINISTRY", "mfds"), ("OPERATOR", "kbiohealth"), ("VIEWER", "khidi") })
                Console.WriteLine($"KEY_{role}={await MintAsync(db, tx, agency)}");
            await tx.CommitAsync();
        }
        await db.ExecuteAsync("ANALYZE;");
        return 0;
    }

    private static async Task<string> MintAsync(SqliteConnection db, SqliteTransaction tx, string agencyCode)
    {
        var prefix = $"benchhome{agencyCode[..3]}";
        var key = $"{ApiKeyStore.KeyStart}{prefix}_{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var agency = await db.ExecuteScalarAsync<long>("SELECT id FROM agencies WHERE code = @agencyCode", new { agencyCode }, tx);
        await db.ExecuteAsync("""
            INSERT INTO api_keys (agency_id, name, prefix, key_hash, scopes, expires_at, version, created_at)
            VALUES (@agency, 'benchmark', @prefix, @hash, 'read', @expires, 1, @now)
            """, new { agency, prefix, hash = ApiKeyStore.Hash(key), expires = now.AddDays(1), now }, tx);
        return key;
    }
}
