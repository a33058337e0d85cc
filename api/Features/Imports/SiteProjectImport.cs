using System.Globalization;
using BioCluster.Api.Features.SiteProjects;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.SiteProjects;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Site projects (ADR 0024, 0025), upserted by <c>externalRef</c> with their stages, which replace the project's. A project
/// stays in its cluster: a row that names another cluster for a known project is rejected.
/// </summary>
public sealed class SiteProjectImport(IValidator<CreateSiteProjectRequest> validator) : ImportTarget
{
    private IValidator<CreateSiteProjectRequest> Validator { get; } = validator;

    public override ImportEntity Entity => ImportEntity.SiteProjects;

    /// <summary>The imported fields of a site project, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string ExternalRef, string ClusterCode, string NameKo, string? NameEn, string State, string? Address, double? Latitude,
        double? Longitude, double? LandAreaM2, double? FloorAreaM2, int? FloorsBelow, int? FloorsAbove, string? DeveloperCode, string? Description,
        string Stages);

    private sealed class Stored
    {
        public long Id { get; set; }
        public string ExternalRef { get; set; } = "";
        public string ClusterCode { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public string State { get; set; } = "";
        public string? Address { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
        public double? LandAreaM2 { get; set; }
        public double? FloorAreaM2 { get; set; }
        public int? FloorsBelow { get; set; }
        public int? FloorsAbove { get; set; }
        public string? DeveloperCode { get; set; }
        public string? Description { get; set; }
    }

    private sealed class StoredStage
    {
        public long ProjectId { get; set; }
        public string NameKo { get; set; } = "";
        public string? NameEn { get; set; }
        public DateOnly? PlannedStart { get; set; }
        public DateOnly? PlannedEnd { get; set; }
        public DateOnly? ActualStart { get; set; }
        public DateOnly? ActualEnd { get; set; }
    }

    /// <summary>Stages as a cell: <c>name|planned start|planned end|actual start|actual end</c>, separated by ';' (the export writes the same).</summary>
    public static string StagesCell(IEnumerable<SiteProjectStage> stages) =>
        string.Join(";", stages.Select(s => string.Join("|", s.NameKo, Day(s.PlannedStart), Day(s.PlannedEnd), Day(s.ActualStart), Day(s.ActualEnd)).TrimEnd('|')));

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var c = context.Connection;
        var tx = context.Transaction;
        var stages = (await c.QueryAsync<StoredStage>("""
            SELECT project_id, name_ko, name_en, planned_start, planned_end, actual_start, actual_end FROM site_project_stages ORDER BY project_id, position
            """, transaction: tx)).ToLookup(s => s.ProjectId, s => new SiteProjectStage(s.NameKo, s.NameEn, s.PlannedStart, s.PlannedEnd, s.ActualStart, s.ActualEnd));
        var existing = new Dictionary<string, (long Id, Record Record)>(StringComparer.Ordinal);
        foreach (var s in await c.QueryAsync<Stored>("""
                     SELECT p.id, p.external_ref, c.code AS cluster_code, p.name_ko, p.name_en, p.state, p.address, p.latitude, p.longitude, p.land_area_m2,
                            p.floor_area_m2, p.floors_below, p.floors_above, d.code AS developer_code, p.description
                     FROM site_projects p JOIN clusters c ON c.id = p.cluster_id LEFT JOIN agencies d ON d.id = p.developer_id
                     WHERE p.external_ref IS NOT NULL
                     """, transaction: tx))
            existing[s.ExternalRef] = (s.Id, new Record(s.ExternalRef, s.ClusterCode, s.NameKo, s.NameEn, s.State, s.Address, s.Latitude, s.Longitude,
                s.LandAreaM2, s.FloorAreaM2, s.FloorsBelow, s.FloorsAbove, s.DeveloperCode, s.Description, StagesCell(stages[s.Id])));
        var clusters = (await c.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM clusters", transaction: tx))
            .ToDictionary(x => x.Code, x => (x.Id, x.Status), StringComparer.Ordinal);
        var agencies = (await c.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM agencies", transaction: tx))
            .ToDictionary(x => x.Code, x => (x.Id, x.Status), StringComparer.Ordinal);
        return new Session(this, context, existing, clusters, agencies);
    }

    private sealed class Session(SiteProjectImport target, ImportContext context, Dictionary<string, (long Id, Record Record)> existing,
        Dictionary<string, (long Id, string Status)> clusters, Dictionary<string, (long Id, string Status)> agencies) : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _ref = target.Column("externalRef"), _cluster = target.Column("clusterCode"), _nameKo = target.Column("nameKo"),
            _nameEn = target.Column("nameEn"), _state = target.Column("state"), _address = target.Column("address"), _lat = target.Column("latitude"),
            _lon = target.Column("longitude"), _land = target.Column("landAreaM2"), _floor = target.Column("floorAreaM2"), _below = target.Column("floorsBelow"),
            _above = target.Column("floorsAbove"), _developer = target.Column("developerCode"), _description = target.Column("description"),
            _stages = target.Column("stages");

        private static List<SiteProjectStage> Stages(RowCheck row, string? cell)
        {
            var list = new List<SiteProjectStage>();
            foreach (var one in RowCheck.List(cell))
            {
                var parts = one.Split('|', StringSplitOptions.TrimEntries);
                DateOnly? At(int i)
                {
                    if (parts.Length <= i || parts[i].Length == 0) return null;
                    if (DateOnly.TryParseExact(parts[i].Replace('.', '-').Replace('/', '-'), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture,
                            DateTimeStyles.None, out var day)) return day;
                    row.Add("stages", "not_a_date", Text.Of($"'{RowCheck.Shorten(parts[i])}'은(는) 날짜(yyyy-mm-dd)가 아닙니다.",
                        $"'{RowCheck.Shorten(parts[i])}' is not a date (yyyy-mm-dd)."));
                    return null;
                }
                if (parts.Length > 5 || parts[0].Length == 0)
                {
                    row.Add("stages", "invalid", Text.Of($"'{RowCheck.Shorten(one)}'은(는) '단계명|계획 시작|계획 종료|실제 시작|실제 종료' 형식이 아닙니다.",
                        $"'{RowCheck.Shorten(one)}' is not 'name|planned start|planned end|actual start|actual end'."));
                    continue;
                }
                list.Add(new SiteProjectStage(parts[0], null, At(1), At(2), At(3), At(4)));
            }
            return list;
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var key = row[_ref];
            row.Key = key;
            if (key is null) row.Add("externalRef", "required", Text.Of("외부 참조는 필수입니다.", "The external reference is required."));
            else if (key.Length > 100) row.Add("externalRef", "invalid", Text.Of("외부 참조는 100자 이하입니다.", "The external reference is at most 100 characters."));
            var state = row.Enum<SiteProjectState>(_state, "state");
            if (row[_state] is null) row.Add("state", "required", Text.Of("상태는 필수입니다.", "The state is required."));
            var stages = Stages(row, row[_stages]);
            var request = new CreateSiteProjectRequest(row[_cluster] ?? "", row[_nameKo] ?? "", state ?? SiteProjectState.Planned, row[_nameEn], row[_address],
                row.Double(_lat, "latitude"), row.Double(_lon, "longitude"), row.Double(_land, "landAreaM2"), row.Double(_floor, "floorAreaM2"),
                row.Int(_below, "floorsBelow"), row.Int(_above, "floorsAbove"), row[_developer], row[_description], stages);
            row.Validate(target.Validator, request, name => name.StartsWith("Stages", StringComparison.OrdinalIgnoreCase) ? "stages" : name.Split('[', '.')[0]);
            var clusterCode = row[_cluster];
            if (clusterCode is not null)
            {
                if (!clusters.TryGetValue(clusterCode, out var cluster))
                    row.Add("clusterCode", "unknown_reference", Text.Of($"코드 '{clusterCode}'인 클러스터가 없습니다.", $"No cluster has the code '{clusterCode}'."));
                else if (cluster.Status == "archived")
                    row.Add("clusterCode", "archived", Text.Of($"클러스터 '{clusterCode}'은(는) 보관되었습니다.", $"Cluster '{clusterCode}' is archived."));
            }
            if (row[_developer] is { } developer && !agencies.ContainsKey(developer))
                row.Add("developerCode", "unknown_reference", Text.Of($"코드 '{developer}'인 기관이 없습니다.", $"No agency has the code '{developer}'."));
            var found = key is not null && existing.TryGetValue(key, out _);
            var current = found ? existing[key!] : default;
            if (found && clusterCode is not null && current.Record.ClusterCode != clusterCode)
                row.Add("clusterCode", "invalid", Text.Of($"현장 사업은 클러스터를 옮길 수 없습니다(지금: {current.Record.ClusterCode}).",
                    $"A site project stays in its cluster (now {current.Record.ClusterCode})."));
            if (key is not null && _seen.TryGetValue(key, out var first))
                row.Add("externalRef", "duplicate_in_file", Text.Of($"외부 참조 '{key}'이(가) 다시 나옵니다. 처음은 {first}행입니다.", $"'{key}' appears again; first at row {first}."));
            if (row.Failed) return RowResult.Rejected;
            _seen[key!] = row.Row.Number;

            var record = new Record(key!, clusterCode!, request.NameKo.Trim(), ListRules.Normal(request.NameEn), WireNames.Of(state!.Value), ListRules.Normal(request.Address),
                request.Latitude, request.Longitude, request.LandAreaM2, request.FloorAreaM2, request.FloorsBelow, request.FloorsAbove, request.DeveloperCode,
                ListRules.Normal(request.Description), StagesCell(stages));
            if (found && current.Record == record) return RowResult.Unchanged;
            var id = found ? current.Id : 0;
            if (write)
            {
                var p = new
                {
                    Id = id, ClusterId = clusters[record.ClusterCode].Id, record.NameKo, record.NameEn, record.Address, record.Latitude, record.Longitude,
                    record.LandAreaM2, record.FloorAreaM2, record.FloorsBelow, record.FloorsAbove,
                    DeveloperId = record.DeveloperCode is { } d ? agencies[d].Id : (long?)null, record.State, record.Description, record.ExternalRef, context.Now,
                };
                if (!found)
                    id = await context.Connection.ExecuteScalarAsync<long>($"""
                        INSERT INTO site_projects (cluster_id, name_ko, name_en, address, latitude, longitude, land_area_m2, floor_area_m2, floors_below,
                            floors_above, developer_id, state, description, external_ref, version, created_at, updated_at)
                        VALUES (@ClusterId, @NameKo, @NameEn, @Address, @Latitude, @Longitude, @LandAreaM2, @FloorAreaM2, @FloorsBelow, @FloorsAbove,
                            @DeveloperId, @State, @Description, @ExternalRef, 1, @Now, @Now);
                        {context.Dialect.SelectNewId}
                        """, p, context.Transaction);
                else
                {
                    await context.Connection.ExecuteAsync("""
                        UPDATE site_projects SET name_ko = @NameKo, name_en = @NameEn, address = @Address, latitude = @Latitude, longitude = @Longitude,
                            land_area_m2 = @LandAreaM2, floor_area_m2 = @FloorAreaM2, floors_below = @FloorsBelow, floors_above = @FloorsAbove,
                            developer_id = @DeveloperId, state = @State, description = @Description, version = version + 1, updated_at = @Now
                        WHERE id = @Id
                        """, p, context.Transaction);
                    await context.Connection.ExecuteAsync("DELETE FROM site_project_stages WHERE project_id = @id", new { id }, context.Transaction);
                }
                var position = 0;
                foreach (var s in stages)
                    await context.Connection.ExecuteAsync("""
                        INSERT INTO site_project_stages (project_id, position, name_ko, name_en, planned_start, planned_end, actual_start, actual_end)
                        VALUES (@id, @position, @NameKo, @NameEn, @PlannedStart, @PlannedEnd, @ActualStart, @ActualEnd)
                        """, new { id, position = ++position, s.NameKo, s.NameEn, s.PlannedStart, s.PlannedEnd, s.ActualStart, s.ActualEnd }, context.Transaction);
                await context.Audit.WriteAsync(found ? "update" : "create", SiteProjectStore.EntityType, id, found ? current.Record : null, record, ct);
            }
            existing[key!] = (id, record);
            return found ? RowResult.Updated : RowResult.Created;
        }
    }
}
