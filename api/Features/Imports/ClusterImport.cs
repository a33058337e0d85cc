using System.Text.Json;
using BioCluster.Api.Features.Audit;
using BioCluster.Api.Features.Clusters;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.Registry;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>Clusters upserted by code; the operator is an active cluster_operator agency given by code.</summary>
public sealed class ClusterImport(IValidator<CreateClusterRequest> validator) : ImportTarget
{
    private IValidator<CreateClusterRequest> Validator { get; } = validator;

    public override ImportEntity Entity => ImportEntity.Clusters;

    /// <summary>The imported fields of a cluster, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string Code, string NameKo, string? NameEn, string Region, string OperatorCode, string? Designation,
        string Specializations, int? EstablishedYear, double? AreaKm2, double? Latitude, double? Longitude, string? Website, string Status);

    private sealed class Existing
    {
        public long Id { get; set; }
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string Region { get; set; } = "";
        public string OperatorCode { get; set; } = "";
        public string? Designation { get; set; }
        public string Specializations { get; set; } = "[]";
        public int? EstablishedYear { get; set; }
        public double? AreaKm2 { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public string? Website { get; set; }
        public string Status { get; set; } = "";
        public Record ToRecord() => new(Code, NameKo, NameEn, Region, OperatorCode, Designation, Specializations, EstablishedYear, AreaKm2,
            Latitude, Longitude, Website, Status);
    }

    /// <summary>A record as the import knows it: its id (0 when only this run's unwritten rows made it) and fields.</summary>
    private readonly record struct Known(long Id, Record Record);

    /// <summary>The 17 시·도 by their Korean names, full and short.</summary>
    private static readonly IReadOnlyDictionary<string, Region> RegionAliases = new Dictionary<string, Region>
    {
        ["서울특별시"] = Region.Seoul, ["서울"] = Region.Seoul, ["부산광역시"] = Region.Busan, ["부산"] = Region.Busan,
        ["대구광역시"] = Region.Daegu, ["대구"] = Region.Daegu, ["인천광역시"] = Region.Incheon, ["인천"] = Region.Incheon,
        ["광주광역시"] = Region.Gwangju, ["광주"] = Region.Gwangju, ["대전광역시"] = Region.Daejeon, ["대전"] = Region.Daejeon,
        ["울산광역시"] = Region.Ulsan, ["울산"] = Region.Ulsan, ["세종특별자치시"] = Region.Sejong, ["세종"] = Region.Sejong,
        ["경기도"] = Region.Gyeonggi, ["경기"] = Region.Gyeonggi, ["강원특별자치도"] = Region.Gangwon, ["강원도"] = Region.Gangwon, ["강원"] = Region.Gangwon,
        ["충청북도"] = Region.Chungbuk, ["충북"] = Region.Chungbuk, ["충청남도"] = Region.Chungnam, ["충남"] = Region.Chungnam,
        ["전북특별자치도"] = Region.Jeonbuk, ["전라북도"] = Region.Jeonbuk, ["전북"] = Region.Jeonbuk, ["전라남도"] = Region.Jeonnam, ["전남"] = Region.Jeonnam,
        ["경상북도"] = Region.Gyeongbuk, ["경북"] = Region.Gyeongbuk, ["경상남도"] = Region.Gyeongnam, ["경남"] = Region.Gyeongnam,
        ["제주특별자치도"] = Region.Jeju, ["제주도"] = Region.Jeju, ["제주"] = Region.Jeju,
    };

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var existing = (await context.Connection.QueryAsync<Existing>("""
            SELECT c.id, c.code, c.name_ko, c.name_en, c.region, a.code AS operator_code, c.designation, c.specializations,
                   c.established_year, c.area_km2, c.latitude, c.longitude, c.website, c.status
            FROM clusters c JOIN agencies a ON a.id = c.operator_id
            """, transaction: context.Transaction)).ToDictionary(e => e.Code, e => new Known(e.Id, e.ToRecord()), StringComparer.Ordinal);
        var operators = (await context.Connection.QueryAsync<(string Code, long Id, string Kind, string Status)>(
            "SELECT code, id, kind, status FROM agencies WHERE kind = 'cluster_operator'", transaction: context.Transaction))
            .ToDictionary(o => o.Code, StringComparer.Ordinal);
        return new Session(this, context, existing, operators);
    }

    private sealed class Session(ClusterImport target, ImportContext context, Dictionary<string, Known> existing,
        Dictionary<string, (string Code, long Id, string Kind, string Status)> operators) : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _code = target.Column("code"), _nameKo = target.Column("nameKo"), _nameEn = target.Column("nameEn"),
            _region = target.Column("region"), _operator = target.Column("operatorCode"), _designation = target.Column("designation"),
            _specializations = target.Column("specializations"), _year = target.Column("establishedYear"), _area = target.Column("areaKm2"),
            _lat = target.Column("latitude"), _lon = target.Column("longitude"), _website = target.Column("website"), _status = target.Column("status");

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var code = row[_code];
            row.Key = code;
            var found = existing.TryGetValue(code ?? "", out var current);
            var region = row.Enum(_region, "region", RegionAliases);
            var status = row.Enum<ClusterStatus>(_status, "status");
            if (row[_region] is null) row.Add("region", "required", Text.Of("지역을 입력하십시오.", "The region is required."));
            // An archived cluster may be re-sent as archived (a round trip); archiving and restoring are the secretariat's moves.
            var keepArchived = status == ClusterStatus.Archived && found && current.Record.Status == "archived";
            if (status == ClusterStatus.Archived && !keepArchived)
                row.Add("status", "invalid", Text.Of("클러스터 보관은 가져오기가 아니라 DELETE로 합니다.", "A cluster is archived with DELETE, not by an import."));
            var request = new CreateClusterRequest(code ?? "", row[_nameKo] ?? "", region ?? Region.Seoul, row[_operator] ?? "", row[_nameEn],
                row[_designation], RowCheck.List(row[_specializations]), row.Int(_year, "establishedYear"), row.Double(_area, "areaKm2"),
                row.Double(_lat, "latitude"), row.Double(_lon, "longitude"), row[_website], keepArchived ? null : status);
            row.Validate(target.Validator, request);
            if (code is not null && _seen.TryGetValue(code, out var first))
                row.Add("code", "duplicate_in_file", Text.Of($"코드 '{code}'이(가) 다시 나옵니다. 처음 나온 곳은 {first}행입니다.", $"Code '{code}' appears again; first at row {first}."));
            long operatorId = 0;
            if (row[_operator] is { } operatorCode && !row.Problems.Any(p => p.Column == "operatorCode"))
            {
                if (!operators.TryGetValue(operatorCode, out var op)) row.Add("operatorCode", "unknown_reference", Text.Of($"코드 '{operatorCode}'인 클러스터 운영기관(cluster_operator)이 없습니다.", $"No cluster operator (kind cluster_operator) has the code '{operatorCode}'."));
                else if (op.Status == "archived") row.Add("operatorCode", "unknown_reference", Text.Of($"기관 '{operatorCode}'은(는) 보관되었습니다.", $"Agency '{operatorCode}' is archived."));
                else operatorId = op.Id;
            }
            if (row.Failed) return RowResult.Rejected;
            _seen[code!] = row.Row.Number;

            var record = new Record(code!, request.NameKo, request.NameEn, WireNames.Of(request.Region), request.OperatorCode, request.Designation,
                JsonSerializer.Serialize(request.Specializations ?? []), request.EstablishedYear, request.AreaKm2, request.Latitude, request.Longitude,
                request.Website, keepArchived ? "archived" : WireNames.Of(status ?? ClusterStatus.Active));
            Record? before = found ? current.Record : null;
            if (before == record) return RowResult.Unchanged;
            var id = current.Id;
            if (write)
            {
                var p = new
                {
                    record.Code, record.NameKo, record.NameEn, record.Region, OperatorId = operatorId, record.Designation, record.Specializations,
                    record.EstablishedYear, record.AreaKm2, record.Latitude, record.Longitude, record.Website, record.Status, context.Now, Id = id,
                };
                if (!found)
                    id = await context.Connection.ExecuteScalarAsync<long>($"""
                        INSERT INTO clusters (code, name_ko, name_en, region, operator_id, designation, specializations, established_year, area_km2,
                            latitude, longitude, website, status, version, created_at, updated_at)
                        VALUES (@Code, @NameKo, @NameEn, @Region, @OperatorId, @Designation, @Specializations, @EstablishedYear, @AreaKm2,
                            @Latitude, @Longitude, @Website, @Status, 1, @Now, @Now);
                        {context.Dialect.SelectNewId}
                        """, p, context.Transaction);
                else
                    await context.Connection.ExecuteAsync("""
                        UPDATE clusters SET name_ko = @NameKo, name_en = @NameEn, region = @Region, operator_id = @OperatorId, designation = @Designation,
                            specializations = @Specializations, established_year = @EstablishedYear, area_km2 = @AreaKm2, latitude = @Latitude,
                            longitude = @Longitude, website = @Website, status = @Status, version = version + 1, updated_at = @Now
                        WHERE id = @Id
                        """, p, context.Transaction);
                await context.Audit.WriteAsync(found ? "update" : "create", ClusterStore.EntityType, id, before, record, ct);
            }
            existing[record.Code] = new Known(id, record);
            return found ? RowResult.Updated : RowResult.Created;
        }
    }
}
