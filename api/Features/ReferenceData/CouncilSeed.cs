using System.Data.Common;
using Dapper;

namespace BioCluster.Api.Features.ReferenceData;

/// <summary>
/// The council as launched (../docs/domain.md): its seats — the chair (MOHW's 2nd Vice Minister), the secretary
/// (MOHW), one seat per member ministry, per cluster operator and per public agency, and private-expert seats for
/// industry, academia and hospitals — and its first meeting, held on 2024-05-29 15:00 KST with its three agenda items.
/// Only the chair's holder at launch is named, because only that person is on the public record; no one is invented.
/// Meeting 1's attendance is not on the public record either, so it is left empty.
/// </summary>
public static class CouncilSeed
{
    public static readonly DateOnly Launch = new(2024, 5, 29);

    private sealed record Seat(string Position, string Group, string? Sector, string? AgencyCode, string LabelKo, string LabelEn, bool Voting);

    private static IEnumerable<Seat> Seats()
    {
        yield return new("chair", "ministry", null, "mohw", "위원장 (보건복지부 제2차관)", "Chair (2nd Vice Minister of Health and Welfare)", true);
        foreach (var code in new[] { "motie", "msit", "mss", "moe", "mfds" })
        {
            var agency = ReferenceData.Agencies.Single(a => a.Code == code);
            yield return new("member", "ministry", null, code, $"위원 ({agency.NameKo})", $"Member ({agency.NameEn})", true);
        }
        foreach (var a in ReferenceData.Launch.Where(a => a.Kind == Contracts.Registry.AgencyKind.ClusterOperator))
            yield return new("member", "cluster_operator", null, a.Code, $"위원 ({a.NameKo})", $"Member ({a.NameEn})", true);
        foreach (var a in ReferenceData.Launch.Where(a => a.Kind == Contracts.Registry.AgencyKind.PublicInstitution))
            yield return new("member", "public_agency", null, a.Code, $"위원 ({a.NameKo})", $"Member ({a.NameEn})", true);
        yield return new("member", "private_expert", "industry", null, "민간위원 (산업계)", "Private expert (industry)", true);
        yield return new("member", "private_expert", "academia", null, "민간위원 (학계)", "Private expert (academia)", true);
        yield return new("member", "private_expert", "hospital", null, "민간위원 (병원)", "Private expert (hospital)", true);
        yield return new("secretary", "ministry", null, "mohw", "간사 (보건복지부)", "Secretary (Ministry of Health and Welfare)", false);
    }

    public static async Task<int> SeedAsync(DbConnection connection, DbTransaction tx, ISet<string> done, DateTimeOffset now)
    {
        if (done.Contains("council:launch")) return 0;
        var bodyId = await connection.ExecuteScalarAsync<long?>("SELECT id FROM council_bodies WHERE code = 'council'", transaction: tx);
        if (bodyId is null)
        {
            await connection.ExecuteAsync("""
                INSERT INTO council_bodies (code, name_ko, name_en, organising_unit, opening_rule, decision_rule, next_meeting_number, version, created_at, updated_at)
                VALUES ('council', '바이오 클러스터 협의체', 'Bio Cluster Council', '보건복지부 보건산업정책과 (간사)', 'majority', 'majority', 2, 1, @now, @now)
                """, new { now }, tx);
            bodyId = await connection.ExecuteScalarAsync<long>("SELECT id FROM council_bodies WHERE code = 'council'", transaction: tx);
        }
        var order = 0;
        foreach (var s in Seats())
        {
            order += 10;
            await connection.ExecuteAsync("""
                INSERT INTO council_seats (body_id, position, seat_group, sector, agency_id, label_ko, label_en, sort_order, active_from, voting, version,
                                           created_at, updated_at)
                VALUES (@bodyId, @Position, @Group, @Sector, (SELECT id FROM agencies WHERE code = @AgencyCode), @LabelKo, @LabelEn, @order, @Launch,
                        @Voting, 1, @now, @now)
                """, new { bodyId, s.Position, s.Group, s.Sector, s.AgencyCode, s.LabelKo, s.LabelEn, order, Launch, s.Voting, now }, tx);
        }
        await connection.ExecuteAsync("""
            INSERT INTO council_memberships (seat_id, person_name, title, on_behalf_of_id, starts_on, substitute_allowed, voting, created_at, updated_at)
            SELECT s.id, '박민수', '보건복지부 제2차관', s.agency_id, @Launch, 1, 1, @now, @now
            FROM council_seats s WHERE s.body_id = @bodyId AND s.position = 'chair'
            """, new { bodyId, Launch, now }, tx);

        var startsAt = new DateTimeOffset(2024, 5, 29, 15, 0, 0, TimeSpan.FromHours(9)).ToUniversalTime();
        await connection.ExecuteAsync("""
            INSERT INTO meetings (body_id, number, title_ko, title_en, kind, state, starts_at, venue, sequence, version, created_at, updated_at)
            VALUES (@bodyId, 1, '제1차 바이오 클러스터 협의체 회의', '1st meeting of the Bio Cluster Council', 'in_person', 'held', @startsAt,
                    '국가과학기술자문회의 대회의실', 0, 1, @now, @now)
            """, new { bodyId, startsAt, now }, tx);
        var meetingId = await connection.ExecuteScalarAsync<long>("SELECT id FROM meetings WHERE body_id = @bodyId AND number = 1", new { bodyId }, tx);
        var items = new (string Kind, string Ko, string En, string? Presenter)[]
        {
            ("report", "협의체 구성 및 운영계획", "The council's composition and operating plan", "mohw"),
            ("report", "클러스터별 현황, 주요 이슈 및 정책 제언", "Each cluster's status, key issues and policy recommendations", null),
            ("discussion", "클러스터 간 협력 방안 자유 토의", "Open discussion of cooperation", null),
        };
        for (var i = 0; i < items.Length; i++)
            await connection.ExecuteAsync("""
                INSERT INTO agenda_items (meeting_id, position, kind, title_ko, title_en, presenter_agency_id, visibility, created_at, updated_at)
                VALUES (@meetingId, @position, @Kind, @Ko, @En, (SELECT id FROM agencies WHERE code = @Presenter), 'public', @now, @now)
                """, new { meetingId, position = i + 1, items[i].Kind, items[i].Ko, items[i].En, items[i].Presenter, now }, tx);
        // Under item 2, one report per cluster operator, in the order of the launch.
        var parent = await connection.ExecuteScalarAsync<long>("SELECT id FROM agenda_items WHERE meeting_id = @meetingId AND position = 2", new { meetingId }, tx);
        var operators = ReferenceData.Agencies.Where(a => a.Kind == Contracts.Registry.AgencyKind.ClusterOperator).ToList();
        for (var i = 0; i < operators.Count; i++)
        {
            var cluster = ReferenceData.Clusters.First(c => c.OperatorCode == operators[i].Code);
            await connection.ExecuteAsync("""
                INSERT INTO agenda_items (meeting_id, parent_id, position, kind, title_ko, title_en, presenter_agency_id, visibility, created_at, updated_at)
                VALUES (@meetingId, @parent, @position, 'report', @Ko, @En, (SELECT id FROM agencies WHERE code = @Code), 'public', @now, @now)
                """, new { meetingId, parent, position = i + 1, Ko = $"{cluster.NameKo} 현황 보고", En = $"{cluster.NameEn}: status report", operators[i].Code, now }, tx);
            await connection.ExecuteAsync("""
                INSERT INTO agenda_links (agenda_item_id, target_kind, target_id)
                SELECT (SELECT MAX(id) FROM agenda_items WHERE meeting_id = @meetingId), 'cluster', c.id FROM clusters c WHERE c.code = @Cluster
                """, new { meetingId, Cluster = cluster.Code }, tx);
        }
        await connection.ExecuteAsync("INSERT INTO reference_seed (seed_key, applied_at) VALUES ('council:launch', @now)", new { now }, tx);
        return 1;
    }
}
