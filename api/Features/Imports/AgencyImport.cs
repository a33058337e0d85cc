using System.Data;
using System.Data.Common;
using BioCluster.Api.Features.Actors;
using BioCluster.Api.Features.Agencies;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.Registry;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Agencies, including each cluster's innovation actors (companies, universities, institutes, hospitals),
/// upserted by code. Parent and cluster are given by code; a parent may be a row earlier in the same file.
/// Thousands of rows are the normal case, so rows are written through prepared statements.
/// </summary>
public sealed class AgencyImport(IValidator<CreateAgencyRequest> validator) : ImportTarget
{
    private IValidator<CreateAgencyRequest> Validator { get; } = validator;

    public override ImportEntity Entity => ImportEntity.Agencies;

    /// <summary>The imported fields of an agency, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string Code, string NameKo, string? NameEn, string Kind, string? Sector, string? ParentCode, string? ClusterCode, string? Website);

    private sealed class Existing
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Kind { get; set; } = "";
        public string? Sector { get; set; }
        public string? ParentCode { get; set; }
        public string? ClusterCode { get; set; }
        public string? Website { get; set; }
        public bool OperatesClusters { get; set; }

        public Record ToRecord() => new(Code, NameKo, NameEn, Kind, Sector, ParentCode, ClusterCode, Website);
    }

    /// <summary>
    /// A code as the import knows it: its id (0 when only this run's unwritten rows made it), its parent's code (for
    /// cycles), and, for a stored agency no row has had yet, a fingerprint of its fields to tell an unchanged row by.
    /// The fields themselves are read again only for a row that changes them (for the audit's "before"), so the
    /// import holds ~100 bytes per agency, not the agencies: a re-run of 100,000 rows peaked at 60 MB of live heap
    /// with the records kept, ~15 MB with fingerprints.
    /// </summary>
    private readonly record struct Known(long Id, string? ParentCode, UInt128? Fingerprint);

    /// <summary>The stored columns of an agency's imported fields, in <see cref="Record"/>'s order (<see cref="RowFingerprint"/>).</summary>
    private static readonly string[] RecordColumns = ["code", "name_ko", "name_en", "kind", "sector", "parent_code", "cluster_code", "website"];

    private static UInt128 FingerprintOf(Record r) =>
        RowFingerprint.Of([r.Code, r.NameKo, r.NameEn, r.Kind, r.Sector, r.ParentCode, r.ClusterCode, r.Website]);

    /// <summary>A stored agency as the import keeps it: its code, id, parent's code and fingerprint — no record or JSON of it.</summary>
    private sealed class Stored : IFingerprinted
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string? ParentCode { get; set; }
        public bool OperatesClusters { get; set; }
        public UInt128 Fingerprint { get; set; }
    }

    private static byte[] JsonOf(Record r, System.Text.Json.JsonSerializerOptions options) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(r, options);

    private const string SelectStored = """
        SELECT g.id, g.code, g.name_ko, g.name_en, g.kind, g.sector, p.code AS parent_code, c.code AS cluster_code, g.website,
               CASE WHEN EXISTS (SELECT 1 FROM clusters o WHERE o.operator_id = g.id) THEN 1 ELSE 0 END AS operates_clusters
        FROM agencies g
        LEFT JOIN agencies p ON p.id = g.parent_id
        LEFT JOIN clusters c ON c.id = g.cluster_id
        """;

    internal static readonly IReadOnlyDictionary<string, AgencyKind> KindAliases = new Dictionary<string, AgencyKind>
    {
        ["부처"] = AgencyKind.Ministry, ["정부부처"] = AgencyKind.Ministry, ["클러스터운영기관"] = AgencyKind.ClusterOperator, ["운영기관"] = AgencyKind.ClusterOperator,
        ["공공기관"] = AgencyKind.PublicInstitution, ["지방자치단체"] = AgencyKind.LocalGovernment, ["지자체"] = AgencyKind.LocalGovernment,
        ["기업"] = AgencyKind.Company, ["회사"] = AgencyKind.Company, ["대학"] = AgencyKind.University, ["대학교"] = AgencyKind.University,
        ["연구기관"] = AgencyKind.ResearchInstitute, ["연구소"] = AgencyKind.ResearchInstitute, ["병원"] = AgencyKind.Hospital,
        ["협회"] = AgencyKind.Association, ["단체"] = AgencyKind.Association, ["기타"] = AgencyKind.Other,
    };

    internal static readonly IReadOnlyDictionary<string, Sector> SectorAliases = new Dictionary<string, Sector>
    {
        ["산업"] = Sector.Industry, ["산"] = Sector.Industry, ["학계"] = Sector.Academia, ["학"] = Sector.Academia,
        ["연구"] = Sector.Research, ["연"] = Sector.Research, ["병원"] = Sector.Hospital, ["병"] = Sector.Hospital,
    };

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        // Each stored agency as its code, id, parent's code and fingerprint (no record or JSON of it), then into the map.
        var existing = new Dictionary<string, Known>(StringComparer.Ordinal);
        var operators = new HashSet<string>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal); // each parent code kept once
        var stored = await RowFingerprint.QueryAsync<Stored>(context.Connection, SelectStored, RecordColumns, context.Transaction);
        ct.ThrowIfCancellationRequested();
        foreach (var e in stored)
        {
            var parentCode = e.ParentCode is null ? null : parents.TryGetValue(e.ParentCode, out var kept) ? kept : parents[e.ParentCode] = e.ParentCode;
            existing[e.Code] = new Known(e.Id, parentCode, e.Fingerprint);
            if (e.OperatesClusters) operators.Add(e.Code);
        }
        var clusters = (await context.Connection.QueryAsync<(string Code, long Id)>("SELECT code, id FROM clusters WHERE status <> 'archived'",
            transaction: context.Transaction)).ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        // The API's rules on parents and kinds (AgencyRules), with the few agencies they concern read once.
        var archived = (await context.Connection.QueryAsync<string>("SELECT code FROM agencies WHERE status = 'archived'", transaction: context.Transaction))
            .ToHashSet(StringComparer.Ordinal);
        var bound = (await context.Connection.QueryAsync<(string Code, string Kind)>(
                $"SELECT g.code, g.kind FROM agencies g WHERE {AgencyRules.HasBoundAccess}", new { context.Now }, context.Transaction))
            .ToDictionary(b => b.Code, b => b.Kind, StringComparer.Ordinal);
        return new Session(this, context, existing, operators, clusters, archived, bound);
    }

    private sealed class Session(AgencyImport target, ImportContext context, Dictionary<string, Known> existing, HashSet<string> operators,
        Dictionary<string, long> clusters, HashSet<string> archived, Dictionary<string, string> bound) : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _code = target.Column("code"), _nameKo = target.Column("nameKo"), _nameEn = target.Column("nameEn"),
            _kind = target.Column("kind"), _sector = target.Column("sector"), _parent = target.Column("parentCode"),
            _cluster = target.Column("clusterCode"), _website = target.Column("website");
        private BulkStatement? _insert, _update, _place;

        /// <summary>
        /// A row as its own checks left it: the kind as given (null when missing or unknown), the request, and for a row
        /// that passed them its record with the record's JSON (the audit's "after") and fingerprint — made here, on the
        /// reading thread, so the writing one only looks codes up and writes.
        /// </summary>
        private sealed record Own(AgencyKind? Kind, CreateAgencyRequest Request, Record? Record, byte[]? Json, UInt128 Fingerprint);

        public override void Check(RowCheck row)
        {
            var code = row[_code];
            row.Key = code;
            var kind = row.Enum(_kind, "kind", KindAliases);
            var sector = row.Enum(_sector, "sector", SectorAliases);
            var request = new CreateAgencyRequest(code ?? "", row[_nameKo] ?? "", kind ?? AgencyKind.Other, row[_nameEn], sector, row[_parent], row[_website]);
            if (row[_kind] is null) row.Add("kind", "required", Text.Of("기관 유형을 입력하십시오.", "The kind is required."));
            row.Validate(target.Validator, request);
            if (row.Failed)
            {
                row.Checked = new Own(kind, request, null, null, default);
                return;
            }
            var record = new Record(code!, request.NameKo, request.NameEn, WireNames.Of(request.Kind), WireNames.Of(request.Sector), request.ParentCode,
                row[_cluster], request.Website);
            row.Checked = new Own(kind, request, record, JsonOf(record, context.Json), FingerprintOf(record));
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            if (row.Checked is null) Check(row);
            var (kind, request, record, json, fingerprint) = (Own)row.Checked!;
            var code = row[_code];
            if (code is not null && _seen.TryGetValue(code, out var first))
                row.Add("code", "duplicate_in_file", Text.Of($"코드 '{code}'이(가) 다시 나옵니다. 처음 나온 곳은 {first}행입니다.", $"Code '{code}' appears again; first at row {first}."));
            var clusterCode = row[_cluster];
            long? clusterId = null;
            if (clusterCode is not null)
            {
                if (clusters.TryGetValue(clusterCode, out var cid)) clusterId = cid;
                else row.Add("clusterCode", "unknown_reference", Text.Of($"코드 '{clusterCode}'인 운영 중인 클러스터가 없습니다.", $"No active cluster has the code '{clusterCode}'."));
            }
            long? parentId = null;
            if (request.ParentCode is { } parentCode && !row.Problems.Any(p => p.Column == "parentCode"))
            {
                if (!existing.TryGetValue(parentCode, out var parent)) row.Add("parentCode", "unknown_reference", Text.Of($"코드 '{parentCode}'인 기관이 없습니다.", $"No agency has the code '{parentCode}'."));
                else if (archived.Contains(parentCode) && !(existing.TryGetValue(code ?? "", out var self) && self.ParentCode == parentCode))
                    row.Add("parentCode", "archived", AgencyRules.ParentArchived(parentCode));
                else if (IsOwnAncestor(parentCode, code)) row.Add("parentCode", "cycle", Text.Of("기관은 자기 자신이나 자기 상위 기관의 상위 기관이 될 수 없습니다.", "An agency cannot be its own parent or the parent of its own parent."));
                else parentId = parent.Id;
            }
            var found = existing.TryGetValue(code ?? "", out var current);
            if (found && operators.Contains(code!) && kind is { } k && k != AgencyKind.ClusterOperator)
                row.Add("kind", "invalid", Text.Of("이 기관은 클러스터를 운영하므로, 다른 운영기관이 정해질 때까지 cluster_operator로 남아야 합니다.", "This agency operates clusters, so it must stay a cluster_operator until they have another operator."));
            else if (found && kind is { } newKind && bound.TryGetValue(code!, out var storedKind) && AgencyRules.ChangesAccess(storedKind, WireNames.Of(newKind)))
                row.Add("kind", "invalid", AgencyRules.KindChangesAccess());
            if (row.Failed) return RowResult.Rejected;
            _seen[code!] = row.Row.Number;

            // A found code has its fingerprint: a code this run has already had is a duplicate, rejected above. Later
            // rows see this row's result (its code exists, its parent is set), not its fields.
            if (found && current.Fingerprint == fingerprint)
            {
                existing[record!.Code] = current with { Fingerprint = null };
                return RowResult.Unchanged;
            }
            var id = current.Id;
            if (write)
            {
                var before = found ? await StoredAsync(id, ct) : null;
                if (!found) id = await InsertAsync(record!, parentId, clusterId, ct);
                else await UpdateAsync(id, record!, parentId, clusterId, ct);
                if (clusterId is { } home) await PlaceAsync(id, home, ct);
                await context.Audit.WriteAsync(found ? "update" : "create", AgencyStore.EntityType, id, before, json!, ct);
            }
            existing[record!.Code] = new Known(id, record.ParentCode, null);
            return found ? RowResult.Updated : RowResult.Created;
        }

        private bool IsOwnAncestor(string parentCode, string? code)
        {
            string? node = parentCode;
            for (var depth = 0; node is not null && depth < 64; depth++)
            {
                if (node == code) return true;
                node = existing.TryGetValue(node, out var next) ? next.ParentCode : null;
            }
            return node is not null;
        }

        /// <summary>An agency's fields as stored, read just before a row changes them.</summary>
        private async Task<Record> StoredAsync(long id, CancellationToken ct) =>
            (await context.Connection.QuerySingleAsync<Existing>($"{SelectStored} WHERE g.id = @id", new { id }, context.Transaction)).ToRecord();

        private static readonly string[] Fields = ["Code", "NameKo", "NameEn", "Kind", "Sector", "ParentId", "ClusterId", "Website", "Now"];

        private BulkStatement Prepare(BulkStatement statement)
        {
            statement.Set(8, context.Now); // the same instant for the whole run
            return statement;
        }

        private static void Bind(BulkStatement statement, Record r, long? parentId, long? clusterId)
        {
            statement.Set(0, r.Code); statement.Set(1, r.NameKo); statement.Set(2, r.NameEn); statement.Set(3, r.Kind);
            statement.Set(4, r.Sector); statement.Set(5, parentId); statement.Set(6, clusterId); statement.Set(7, r.Website);
        }

        private async Task<long> InsertAsync(Record r, long? parentId, long? clusterId, CancellationToken ct)
        {
            _insert ??= Prepare(BulkStatement.PrepareInsert(context.Connection, context.Transaction!, context.Dialect, """
                INSERT INTO agencies (code, name_ko, name_en, kind, sector, parent_id, cluster_id, website, status, version, created_at, updated_at)
                VALUES (@Code, @NameKo, @NameEn, @Kind, @Sector, @ParentId, @ClusterId, @Website, 'active', 1, @Now, @Now)
                """, Fields));
            Bind(_insert, r, parentId, clusterId);
            return await _insert.InsertAsync(ct);
        }

        private async Task UpdateAsync(long id, Record r, long? parentId, long? clusterId, CancellationToken ct)
        {
            _update ??= Prepare(BulkStatement.Prepare(context.Connection, context.Transaction!, """
                UPDATE agencies SET name_ko = @NameKo, name_en = @NameEn, kind = @Kind, sector = @Sector, parent_id = @ParentId,
                    cluster_id = @ClusterId, website = @Website, version = version + 1, updated_at = @Now
                WHERE code = @Code AND id = @Id
                """, [.. Fields, "Id"]));
            Bind(_update, r, parentId, clusterId);
            _update.Set(9, id);
            await _update.ExecuteAsync(ct);
        }

        /// <summary>
        /// An agency written with a home cluster is located there as an actor (what <see cref="HomeCluster"/> does for the
        /// agency form), row by row through one prepared statement: measured cheaper than one set-based statement per
        /// thousand rows at the end (100,000 homed rows: 1.8 s more than none that way).
        /// </summary>
        private async Task PlaceAsync(long agencyId, long clusterId, CancellationToken ct)
        {
            _place ??= BulkStatement.Prepare(context.Connection, context.Transaction!, """
                INSERT INTO cluster_actors (cluster_id, agency_id, added_at)
                SELECT @ClusterId, @AgencyId, @Now
                WHERE NOT EXISTS (SELECT 1 FROM cluster_actors WHERE cluster_id = @ClusterId AND agency_id = @AgencyId)
                """, ["ClusterId", "AgencyId", "Now"]);
            _place.Set(0, clusterId);
            _place.Set(1, agencyId);
            _place.Set(2, context.Now);
            await _place.ExecuteAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_insert is not null) await _insert.DisposeAsync();
            if (_update is not null) await _update.DisposeAsync();
            if (_place is not null) await _place.DisposeAsync();
            _insert = _update = _place = null;
        }
    }
}
