using System.Globalization;
using BioCluster.Api.Features.PolicyRecommendations;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.PolicyRecommendations;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// A backlog of policy recommendations (ADR 0023, 0025), upserted by <c>externalRef</c>. Only the description is imported:
/// a new recommendation starts <c>submitted</c> with its first timeline entry, and one that has moved on (routed, answered)
/// can no longer be changed by an import, as its edit is refused then too.
/// </summary>
public sealed class PolicyRecommendationImport(IValidator<CreatePolicyRecommendationRequest> validator) : ImportTarget
{
    private IValidator<CreatePolicyRecommendationRequest> Validator { get; } = validator;

    public override ImportEntity Entity => ImportEntity.PolicyRecommendations;

    /// <summary>The imported fields of a recommendation, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string ExternalRef, string ThemeKo, string? ThemeEn, string Text, string RaisedByCode, string LeadMinistryCode,
        string OtherMinistryCodes, string ClusterCodes, long? SourceAgendaItemId);

    private sealed class Stored
    {
        public long Id { get; set; }
        public string ExternalRef { get; set; } = "";
        public string ThemeKo { get; set; } = "";
        public string? ThemeEn { get; set; }
        public string Content { get; set; } = "";
        public string RaisedByCode { get; set; } = "";
        public string LeadMinistryCode { get; set; } = "";
        public long? SourceAgendaItemId { get; set; }
        public string State { get; set; } = "";
    }

    private static string Joined(IEnumerable<string> codes) => string.Join(Infrastructure.Sheets.Columns.ListSeparator, codes.Order(StringComparer.Ordinal));

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var c = context.Connection;
        var tx = context.Transaction;
        var ministries = (await c.QueryAsync<(long Id, string Code)>(
            "SELECT pm.recommendation_id, g.code FROM policy_recommendation_ministries pm JOIN agencies g ON g.id = pm.agency_id", transaction: tx)).ToLookup(x => x.Id, x => x.Code);
        var linked = (await c.QueryAsync<(long Id, string Code)>(
            "SELECT pc.recommendation_id, cl.code FROM policy_recommendation_clusters pc JOIN clusters cl ON cl.id = pc.cluster_id", transaction: tx)).ToLookup(x => x.Id, x => x.Code);
        var existing = new Dictionary<string, (long Id, string State, Record Record)>(StringComparer.Ordinal);
        foreach (var s in await c.QueryAsync<Stored>("""
                     SELECT r.id, r.external_ref, r.theme_ko, r.theme_en, r.content, rb.code AS raised_by_code, lm.code AS lead_ministry_code,
                            r.source_agenda_item_id, r.state
                     FROM policy_recommendations r JOIN agencies rb ON rb.id = r.raised_by_id JOIN agencies lm ON lm.id = r.lead_ministry_id
                     WHERE r.external_ref IS NOT NULL
                     """, transaction: tx))
            existing[s.ExternalRef] = (s.Id, s.State, new Record(s.ExternalRef, s.ThemeKo, s.ThemeEn, s.Content, s.RaisedByCode, s.LeadMinistryCode,
                Joined(ministries[s.Id]), Joined(linked[s.Id]), s.SourceAgendaItemId));
        var agencies = (await c.QueryAsync<(string Code, long Id, string Kind, string Status)>("SELECT code, id, kind, status FROM agencies", transaction: tx))
            .ToDictionary(x => x.Code, x => (x.Id, x.Kind, x.Status), StringComparer.Ordinal);
        var clusters = (await c.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM clusters", transaction: tx))
            .ToDictionary(x => x.Code, x => (x.Id, x.Status), StringComparer.Ordinal);
        var items = (await c.QueryAsync<(long Id, long MeetingId)>("SELECT id, meeting_id FROM agenda_items", transaction: tx)).ToDictionary(x => x.Id, x => x.MeetingId);
        return new Session(this, context, existing, agencies, clusters, items);
    }

    private sealed class Session(PolicyRecommendationImport target, ImportContext context, Dictionary<string, (long Id, string State, Record Record)> existing,
        Dictionary<string, (long Id, string Kind, string Status)> agencies, Dictionary<string, (long Id, string Status)> clusters, Dictionary<long, long> items)
        : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _ref = target.Column("externalRef"), _themeKo = target.Column("themeKo"), _themeEn = target.Column("themeEn"),
            _text = target.Column("text"), _raisedBy = target.Column("raisedByCode"), _lead = target.Column("leadMinistryCode"),
            _others = target.Column("otherMinistryCodes"), _clusters = target.Column("clusterCodes"), _item = target.Column("sourceAgendaItemId");

        private void Agency(RowCheck row, string column, string code, string kind)
        {
            if (!agencies.TryGetValue(code, out var agency) || agency.Kind != kind || agency.Status != "active")
                row.Add(column, "unknown_reference", kind == "ministry"
                    ? Text.Of($"'{code}'은(는) 활성 상태인 부처(ministry)가 아닙니다.", $"'{code}' is not an active agency of kind ministry.")
                    : Text.Of($"'{code}'은(는) 활성 상태인 클러스터 운영기관이 아닙니다.", $"'{code}' is not an active cluster operator."));
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var key = row[_ref];
            row.Key = key;
            if (key is null) row.Add("externalRef", "required", Text.Of("외부 참조는 필수입니다.", "The external reference is required."));
            else if (key.Length > 100) row.Add("externalRef", "invalid", Text.Of("외부 참조는 100자 이하입니다.", "The external reference is at most 100 characters."));
            var others = RowCheck.List(row[_others]).Distinct(StringComparer.Ordinal).ToList();
            var clusterCodes = RowCheck.List(row[_clusters]).Distinct(StringComparer.Ordinal).ToList();
            long? itemId = null;
            if (row[_item] is { } itemText)
            {
                if (long.TryParse(Infrastructure.Sheets.SheetNumbers.WithoutGrouping(itemText), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && items.ContainsKey(parsed))
                    itemId = parsed;
                else row.Add("sourceAgendaItemId", "unknown_reference", Text.Of($"안건 {RowCheck.Shorten(itemText)}이(가) 없습니다.", $"There is no agenda item {RowCheck.Shorten(itemText)}."));
            }
            row.Validate(target.Validator, new CreatePolicyRecommendationRequest(row[_themeKo] ?? "", row[_text] ?? "", row[_lead] ?? "", row[_themeEn], others,
                clusterCodes, null, itemId, row[_raisedBy]));
            if (row[_raisedBy] is null) row.Add("raisedByCode", "required", Text.Of("제기 기관(클러스터 운영기관)은 필수입니다.", "The raising cluster operator is required."));
            else Agency(row, "raisedByCode", row[_raisedBy]!, "cluster_operator");
            if (row[_lead] is { } lead) Agency(row, "leadMinistryCode", lead, "ministry");
            foreach (var other in others)
            {
                Agency(row, "otherMinistryCodes", other, "ministry");
                if (other == row[_lead])
                    row.Add("otherMinistryCodes", "invalid", Text.Of("주관 부처를 다른 부처로 다시 적을 수 없습니다.", "The lead ministry cannot also be one of the others."));
            }
            foreach (var code in clusterCodes)
                if (!clusters.TryGetValue(code, out var cluster) || cluster.Status == "archived")
                    row.Add("clusterCodes", "unknown_reference", Text.Of($"코드 '{code}'인 활성 클러스터가 없습니다.", $"No active cluster has the code '{code}'."));
            if (key is not null && _seen.TryGetValue(key, out var first))
                row.Add("externalRef", "duplicate_in_file", Text.Of($"외부 참조 '{key}'이(가) 다시 나옵니다. 처음은 {first}행입니다.", $"'{key}' appears again; first at row {first}."));
            if (row.Failed) return RowResult.Rejected;
            _seen[key!] = row.Row.Number;

            var record = new Record(key!, row[_themeKo]!.Trim(), ListRules.Normal(row[_themeEn]), row[_text]!.Trim(), row[_raisedBy]!, row[_lead]!, Joined(others),
                Joined(clusterCodes), itemId);
            var found = existing.TryGetValue(key!, out var current);
            if (found && current.Record == record) return RowResult.Unchanged;
            if (found && current.State != "submitted")
            {
                row.Add("externalRef", "conflict", Text.Of("접수(submitted) 상태를 지난 제언은 가져오기로 고칠 수 없습니다.",
                    "A recommendation past submitted cannot be changed by an import."));
                return RowResult.Rejected;
            }
            if (found && current.Record.RaisedByCode != record.RaisedByCode)
            {
                row.Add("raisedByCode", "invalid", Text.Of("제기 기관은 바꿀 수 없습니다.", "The raising agency cannot change."));
                return RowResult.Rejected;
            }
            var id = found ? current.Id : 0;
            if (write)
            {
                var p = new
                {
                    Id = id, record.ThemeKo, record.ThemeEn, Content = record.Text, RaisedById = agencies[record.RaisedByCode].Id,
                    LeadId = agencies[record.LeadMinistryCode].Id, MeetingId = itemId is { } i ? items[i] : (long?)null, record.SourceAgendaItemId, record.ExternalRef,
                    context.Now, ActorName = context.Actor.DisplayName,
                };
                if (!found)
                {
                    id = await context.Connection.ExecuteScalarAsync<long>($"""
                        INSERT INTO policy_recommendations (theme_ko, theme_en, content, raised_by_id, lead_ministry_id, source_meeting_id, source_agenda_item_id,
                            state, external_ref, version, created_at, updated_at)
                        VALUES (@ThemeKo, @ThemeEn, @Content, @RaisedById, @LeadId, @MeetingId, @SourceAgendaItemId, 'submitted', @ExternalRef, 1, @Now, @Now);
                        {context.Dialect.SelectNewId}
                        """, p, context.Transaction);
                    await context.Connection.ExecuteAsync("""
                        INSERT INTO policy_recommendation_transitions (recommendation_id, from_state, to_state, move, actor_name, occurred_at, comment, fields_json)
                        VALUES (@id, NULL, 'submitted', NULL, @ActorName, @Now, NULL, '{}')
                        """, new { id, p.ActorName, p.Now }, context.Transaction);
                }
                else
                {
                    await context.Connection.ExecuteAsync("""
                        UPDATE policy_recommendations SET theme_ko = @ThemeKo, theme_en = @ThemeEn, content = @Content, lead_ministry_id = @LeadId,
                            source_meeting_id = @MeetingId, source_agenda_item_id = @SourceAgendaItemId, version = version + 1, updated_at = @Now
                        WHERE id = @Id
                        """, p, context.Transaction);
                    await context.Connection.ExecuteAsync("DELETE FROM policy_recommendation_ministries WHERE recommendation_id = @id", new { id }, context.Transaction);
                    await context.Connection.ExecuteAsync("DELETE FROM policy_recommendation_clusters WHERE recommendation_id = @id", new { id }, context.Transaction);
                }
                foreach (var other in others)
                    await context.Connection.ExecuteAsync("INSERT INTO policy_recommendation_ministries (recommendation_id, agency_id) VALUES (@id, @AgencyId)",
                        new { id, AgencyId = agencies[other].Id }, context.Transaction);
                foreach (var code in clusterCodes)
                    await context.Connection.ExecuteAsync("INSERT INTO policy_recommendation_clusters (recommendation_id, cluster_id) VALUES (@id, @ClusterId)",
                        new { id, ClusterId = clusters[code].Id }, context.Transaction);
                await context.Audit.WriteAsync(found ? "update" : "create", PolicyRecommendationStore.EntityType, id, found ? current.Record : null, record, ct);
            }
            existing[key!] = (id, "submitted", record);
            return found ? RowResult.Updated : RowResult.Created;
        }
    }
}
