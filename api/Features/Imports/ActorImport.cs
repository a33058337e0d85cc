using BioCluster.Api.Features.Actors;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Clusters;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Actors;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.Registry;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Innovation actors (ADR 0024): agencies upserted by code with their actor profile (sector required, specialisations,
/// region), and placed in every cluster the row lists. An import places; it takes no actor out of a cluster.
/// </summary>
public sealed class ActorImport(IValidator<CreateAgencyRequest> agencyValidator, IValidator<UpdateActorProfileRequest> profileValidator) : ImportTarget
{
    /// <summary>The short names of the 시·도 that Korean spreadsheets write (충북 for 충청북도).</summary>
    private static readonly IReadOnlyDictionary<string, Region> RegionAliases = new Dictionary<string, Region>
    {
        ["서울"] = Region.Seoul, ["부산"] = Region.Busan, ["대구"] = Region.Daegu, ["인천"] = Region.Incheon, ["광주"] = Region.Gwangju,
        ["대전"] = Region.Daejeon, ["울산"] = Region.Ulsan, ["세종"] = Region.Sejong, ["경기"] = Region.Gyeonggi, ["강원"] = Region.Gangwon,
        ["충북"] = Region.Chungbuk, ["충남"] = Region.Chungnam, ["전북"] = Region.Jeonbuk, ["전남"] = Region.Jeonnam, ["경북"] = Region.Gyeongbuk,
        ["경남"] = Region.Gyeongnam, ["제주"] = Region.Jeju,
    };

    private IValidator<CreateAgencyRequest> AgencyValidator { get; } = agencyValidator;
    private IValidator<UpdateActorProfileRequest> ProfileValidator { get; } = profileValidator;

    public override ImportEntity Entity => ImportEntity.Actors;

    /// <summary>The imported fields of an actor, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string Code, string NameKo, string? NameEn, string Kind, string Sector, IReadOnlyList<string> Specializations,
        string? Region, string? Website, IReadOnlyList<string> ClusterCodes)
    {
        /// <summary>Equal when every field is (lists by their items, clusters as a set).</summary>
        public bool SameAs(Record other) =>
            (Code, NameKo, NameEn, Kind, Sector, Region, Website) == (other.Code, other.NameKo, other.NameEn, other.Kind, other.Sector, other.Region, other.Website)
            && Specializations.SequenceEqual(other.Specializations) && ClusterCodes.Order().SequenceEqual(other.ClusterCodes.Order());
    }

    private sealed class Stored
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Kind { get; set; } = "";
        public string? Sector { get; set; }
        public string Specializations { get; set; } = "[]";
        public string? Region { get; set; }
        public string? Website { get; set; }
        public string Status { get; set; } = "";
    }

    private sealed record Known(long Id, string Kind, string Status, Record? Record);

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var places = (await context.Connection.QueryAsync<(long AgencyId, string Code)>(
                "SELECT m.agency_id, c.code FROM cluster_actors m JOIN clusters c ON c.id = m.cluster_id", transaction: context.Transaction))
            .ToLookup(p => p.AgencyId, p => p.Code);
        var existing = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var s in await context.Connection.QueryAsync<Stored>(
                     "SELECT id, code, name_ko, name_en, kind, sector, specializations, region, website, status FROM agencies", transaction: context.Transaction))
        {
            var record = s.Sector is null ? null : new Record(s.Code, s.NameKo, s.NameEn, s.Kind, s.Sector,
                System.Text.Json.JsonSerializer.Deserialize<List<string>>(s.Specializations) ?? [], s.Region, s.Website, places[s.Id].ToList());
            existing[s.Code] = new Known(s.Id, s.Kind, s.Status, record);
        }
        var clusters = (await context.Connection.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM clusters",
            transaction: context.Transaction)).ToDictionary(c => c.Code, c => (c.Id, c.Status), StringComparer.Ordinal);
        var bound = (await context.Connection.QueryAsync<string>(
                $"SELECT g.code FROM agencies g WHERE {AgencyRules.HasBoundAccess}", new { context.Now }, context.Transaction))
            .ToHashSet(StringComparer.Ordinal);
        return new Session(this, context, existing, clusters, bound);
    }

    private sealed class Session(ActorImport target, ImportContext context, Dictionary<string, Known> existing,
        Dictionary<string, (long Id, string Status)> clusters, HashSet<string> bound) : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _code = target.Column("code"), _nameKo = target.Column("nameKo"), _nameEn = target.Column("nameEn"),
            _kind = target.Column("kind"), _sector = target.Column("sector"), _specializations = target.Column("specializations"),
            _region = target.Column("region"), _website = target.Column("website"), _clusters = target.Column("clusterCodes");

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var code = row[_code];
            row.Key = code;
            var kind = row.Enum(_kind, "kind", AgencyImport.KindAliases);
            var sector = row.Enum(_sector, "sector", AgencyImport.SectorAliases);
            var region = row.Enum(_region, "region", RegionAliases);
            if (row[_kind] is null) row.Add("kind", "required", Text.Of("유형은 필수입니다.", "The kind is required."));
            if (row[_sector] is null) row.Add("sector", "required", Text.Of("혁신 주체의 부문(산·학·연·병)은 필수입니다.", "An actor's sector is required."));
            var specializations = RowCheck.List(row[_specializations]);
            var clusterCodes = RowCheck.List(row[_clusters]).Distinct(StringComparer.Ordinal).ToList();
            row.Validate(target.AgencyValidator, new CreateAgencyRequest(code ?? "", row[_nameKo] ?? "", kind ?? AgencyKind.Other, row[_nameEn], sector,
                null, row[_website]));
            row.Validate(target.ProfileValidator, new UpdateActorProfileRequest(sector ?? Sector.Industry, specializations, region),
                name => name.StartsWith("Specializations", StringComparison.Ordinal) || name.StartsWith("specializations", StringComparison.Ordinal) ? "specializations" : name);
            if (clusterCodes.Count == 0) row.Add("clusterCodes", "required", Text.Of("클러스터 코드는 하나 이상 필요합니다.", "At least one cluster code is required."));
            foreach (var c in clusterCodes)
            {
                if (!clusters.TryGetValue(c, out var cluster)) row.Add("clusterCodes", "unknown_reference", Text.Of($"코드 '{c}'인 클러스터가 없습니다.", $"No cluster has the code '{c}'."));
                else if (cluster.Status == "archived") row.Add("clusterCodes", "archived", Text.Of($"클러스터 '{c}'은(는) 보관되었습니다.", $"Cluster '{c}' is archived."));
            }
            if (code is not null && _seen.TryGetValue(code, out var first))
                row.Add("code", "duplicate_in_file", Text.Of($"코드 '{code}'이(가) 다시 나옵니다. 처음은 {first}행입니다.", $"Code '{code}' appears again; first at row {first}."));
            var found = code is not null && existing.TryGetValue(code, out _);
            var current = found ? existing[code!] : null;
            if (current is { Status: "archived" }) row.Add("code", "archived", AgencyRules.Archived(code!));
            if (current is not null && kind is { } k && AgencyRules.ChangesAccess(current.Kind, WireNames.Of(k))
                && (bound.Contains(code!) || current.Kind == "cluster_operator"))
                row.Add("kind", "invalid", AgencyRules.KindChangesAccess());
            if (row.Failed) return RowResult.Rejected;
            _seen[code!] = row.Row.Number;

            // Places the agency already has stay; the record's clusters are those plus the row's.
            var kept = current?.Record?.ClusterCodes ?? [];
            var record = new Record(code!, row[_nameKo]!, row[_nameEn], WireNames.Of(kind!.Value), WireNames.Of(sector!.Value), specializations,
                region is { } r ? WireNames.Of(r) : null, row[_website], kept.Union(clusterCodes, StringComparer.Ordinal).ToList());
            if (current?.Record is { } before && before.SameAs(record)) return RowResult.Unchanged;
            var id = current?.Id ?? 0;
            if (write)
            {
                var p = new
                {
                    Id = id, record.Code, record.NameKo, record.NameEn, record.Kind, record.Sector, Specializations = ActorStore.SpecializationsJson(record.Specializations),
                    record.Region, record.Website, context.Now,
                };
                if (current is null)
                    id = await context.Connection.ExecuteScalarAsync<long>($"""
                        INSERT INTO agencies (code, name_ko, name_en, kind, sector, specializations, region, website, status, version, created_at, updated_at)
                        VALUES (@Code, @NameKo, @NameEn, @Kind, @Sector, @Specializations, @Region, @Website, 'active', 1, @Now, @Now);
                        {context.Dialect.SelectNewId}
                        """, p, context.Transaction);
                else
                    await context.Connection.ExecuteAsync("""
                        UPDATE agencies SET name_ko = @NameKo, name_en = @NameEn, kind = @Kind, sector = @Sector, specializations = @Specializations,
                            region = @Region, website = @Website, version = version + 1, updated_at = @Now
                        WHERE id = @Id
                        """, p, context.Transaction);
                await context.Audit.WriteAsync(current is null ? "create" : "update", AgencyStore.EntityType, id, current?.Record, record, ct);
                foreach (var c in clusterCodes.Where(c => !kept.Contains(c, StringComparer.Ordinal)))
                {
                    await context.Connection.ExecuteAsync("""
                        INSERT INTO cluster_actors (cluster_id, agency_id, added_at)
                        SELECT @ClusterId, @Id, @Now
                        WHERE NOT EXISTS (SELECT 1 FROM cluster_actors WHERE cluster_id = @ClusterId AND agency_id = @Id)
                        """, new { ClusterId = clusters[c].Id, Id = id, context.Now }, context.Transaction);
                    await context.Audit.WriteAsync(ActorStore.AddAction, ClusterStore.EntityType, clusters[c].Id, null,
                        new { actor = new { Id = id, record.Code, record.NameKo } }, ct);
                }
            }
            existing[code!] = new Known(id, record.Kind, "active", record);
            return current is null ? RowResult.Created : RowResult.Updated;
        }
    }
}
