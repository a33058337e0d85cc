using System.Globalization;
using BioCluster.Api.Features.CollaborationProjects;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.CollaborationProjects;
using BioCluster.Contracts.Imports;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Collaboration projects (ADR 0025), upserted by <c>externalRef</c>. A row names the whole project: its fields and its
/// partners (<c>cluster:osong:lead;agency:mohw:funder</c>), which replace the project's; a new project starts planned, and
/// an import never moves one through its workflow.
/// </summary>
public sealed class CollaborationProjectImport(IValidator<UpdateCollaborationProjectRequest> validator) : ImportTarget
{
    private IValidator<UpdateCollaborationProjectRequest> Validator { get; } = validator;

    public override ImportEntity Entity => ImportEntity.CollaborationProjects;

    /// <summary>The imported fields of a project, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string ExternalRef, string TitleKo, string? TitleEn, string Summary, IReadOnlyList<string> Partners, DateOnly? StartsOn,
        DateOnly? EndsOn, long? BudgetKrw, string? Outcomes, long? SourceAgendaItemId)
    {
        public bool SameAs(Record other) =>
            (ExternalRef, TitleKo, TitleEn, Summary, StartsOn, EndsOn, BudgetKrw, Outcomes, SourceAgendaItemId)
            == (other.ExternalRef, other.TitleKo, other.TitleEn, other.Summary, other.StartsOn, other.EndsOn, other.BudgetKrw, other.Outcomes, other.SourceAgendaItemId)
            && Partners.SequenceEqual(other.Partners);
    }

    private sealed class Stored
    {
        public long Id { get; set; }
        public string ExternalRef { get; set; } = "";
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string Summary { get; set; } = "";
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public long? BudgetKrw { get; set; }
        public string? Outcomes { get; set; }
        public long? SourceAgendaItemId { get; set; }
    }

    private sealed class StoredPartner
    {
        public long ProjectId { get; set; }
        public string Kind { get; set; } = "";
        public string Code { get; set; } = "";
        public string Role { get; set; } = "";
    }

    private sealed record Partner(string Kind, long Id, string Code, PartnerRole Role)
    {
        public string Cell => $"{Kind}:{Code}:{WireNames.Of(Role)}";
    }

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var c = context.Connection;
        var tx = context.Transaction;
        var partners = (await c.QueryAsync<StoredPartner>("""
            SELECT p.project_id, CASE WHEN p.cluster_id IS NULL THEN 'agency' ELSE 'cluster' END AS kind, COALESCE(cl.code, g.code) AS code, p.role
            FROM collaboration_partners p LEFT JOIN clusters cl ON cl.id = p.cluster_id LEFT JOIN agencies g ON g.id = p.agency_id
            ORDER BY p.project_id, p.id
            """, transaction: tx)).ToLookup(p => p.ProjectId, p => $"{p.Kind}:{p.Code}:{p.Role}");
        var existing = new Dictionary<string, (long Id, Record Record)>(StringComparer.Ordinal);
        foreach (var s in await c.QueryAsync<Stored>("""
                     SELECT id, external_ref, title_ko, title_en, summary, starts_on, ends_on, budget_krw, outcomes, source_agenda_item_id
                     FROM collaboration_projects WHERE external_ref IS NOT NULL
                     """, transaction: tx))
            existing[s.ExternalRef] = (s.Id, new Record(s.ExternalRef, s.TitleKo, s.TitleEn, s.Summary, partners[s.Id].ToList(), s.StartsOn, s.EndsOn, s.BudgetKrw,
                s.Outcomes, s.SourceAgendaItemId));
        var clusters = (await c.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM clusters", transaction: tx))
            .ToDictionary(x => x.Code, x => (x.Id, x.Status), StringComparer.Ordinal);
        var agencies = (await c.QueryAsync<(string Code, long Id, string Status)>("SELECT code, id, status FROM agencies", transaction: tx))
            .ToDictionary(x => x.Code, x => (x.Id, x.Status), StringComparer.Ordinal);
        var items = (await c.QueryAsync<(long Id, long MeetingId)>("SELECT id, meeting_id FROM agenda_items", transaction: tx)).ToDictionary(x => x.Id, x => x.MeetingId);
        return new Session(this, context, existing, clusters, agencies, items);
    }

    /// <summary>Whole won as spreadsheets write it: 1200000000, 1,200,000,000 or 1200000000.0.</summary>
    internal static long? Won(RowCheck row, int column, string name)
    {
        var text = row[column];
        if (text is null) return null;
        var plain = SheetNumbers.WithoutGrouping(text).Trim();
        if (plain.EndsWith('원')) plain = plain[..^1].Trim();
        if (long.TryParse(plain, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (decimal.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Floor(d) && d is >= long.MinValue and <= long.MaxValue)
            return (long)d;
        row.Add(name, "not_a_number", Text.Of($"'{RowCheck.Shorten(text)}'은(는) 원 단위 정수가 아닙니다.", $"'{RowCheck.Shorten(text)}' is not whole won."));
        return null;
    }

    private sealed class Session(CollaborationProjectImport target, ImportContext context, Dictionary<string, (long Id, Record Record)> existing,
        Dictionary<string, (long Id, string Status)> clusters, Dictionary<string, (long Id, string Status)> agencies, Dictionary<long, long> items) : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _ref = target.Column("externalRef"), _titleKo = target.Column("titleKo"), _titleEn = target.Column("titleEn"),
            _summary = target.Column("summary"), _partners = target.Column("partners"), _startsOn = target.Column("startsOn"), _endsOn = target.Column("endsOn"),
            _budget = target.Column("budgetKrw"), _outcomes = target.Column("outcomes"), _item = target.Column("sourceAgendaItemId");

        private List<Partner> Partners(RowCheck row)
        {
            var list = new List<Partner>();
            foreach (var cell in RowCheck.List(row[_partners]))
            {
                var parts = cell.Split(':', StringSplitOptions.TrimEntries);
                var kind = parts[0].ToLowerInvariant() switch { "cluster" or "클러스터" => "cluster", "agency" or "기관" => "agency", _ => null };
                PartnerRole role = PartnerRole.Partner;
                if (parts.Length is < 2 or > 3 || kind is null || parts[1].Length == 0 || (parts.Length == 3 && !Labels.TryParse(parts[2], out role)))
                {
                    row.Add("partners", "invalid", Text.Of($"'{RowCheck.Shorten(cell)}'은(는) '클러스터|기관:코드:역할' 형식이 아닙니다(예: cluster:osong:lead).",
                        $"'{RowCheck.Shorten(cell)}' is not 'cluster|agency:code:role' (e.g. cluster:osong:lead)."));
                    continue;
                }
                var code = parts[1];
                var known = kind == "cluster" ? clusters : agencies;
                if (!known.TryGetValue(code, out var found))
                    row.Add("partners", "unknown_reference", kind == "cluster"
                        ? Text.Of($"코드 '{code}'인 클러스터가 없습니다.", $"No cluster has the code '{code}'.")
                        : Text.Of($"코드 '{code}'인 기관이 없습니다.", $"No agency has the code '{code}'."));
                else if (found.Status == "archived")
                    row.Add("partners", "archived", Text.Of($"'{code}'은(는) 보관되었습니다.", $"'{code}' is archived."));
                else if (list.Any(p => p.Kind == kind && p.Code == code))
                    row.Add("partners", "duplicate", Text.Of($"'{code}'이(가) 두 번 나옵니다.", $"'{code}' is named twice."));
                else list.Add(new Partner(kind, found.Id, code, role));
            }
            if (row[_partners] is null) row.Add("partners", "required", Text.Of("협력 기관은 필수입니다.", "The partners are required."));
            else if (list.Count > 0 && list.All(p => p.Kind != "cluster"))
                row.Add("partners", "invalid", Text.Of("협력 기관 중 하나 이상은 클러스터여야 합니다.", "At least one partner must be a cluster."));
            if (list.Count(p => p.Role == PartnerRole.Lead) > 1)
                row.Add("partners", "invalid", Text.Of("주관 기관은 하나만 둘 수 있습니다.", "A project has at most one lead."));
            return list;
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var key = row[_ref];
            row.Key = key;
            if (key is null) row.Add("externalRef", "required", Text.Of("외부 참조는 필수입니다.", "The external reference is required."));
            var startsOn = row.Date(_startsOn, "startsOn");
            var endsOn = row.Date(_endsOn, "endsOn");
            var budget = Won(row, _budget, "budgetKrw");
            long? itemId = null;
            if (row[_item] is { } itemText)
            {
                if (long.TryParse(SheetNumbers.WithoutGrouping(itemText), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && items.ContainsKey(parsed))
                    itemId = parsed;
                else row.Add("sourceAgendaItemId", "unknown_reference", Text.Of($"안건 {RowCheck.Shorten(itemText)}이(가) 없습니다.", $"There is no agenda item {RowCheck.Shorten(itemText)}."));
            }
            row.Validate(target.Validator, new UpdateCollaborationProjectRequest(row[_titleKo] ?? "", row[_summary] ?? "", row[_titleEn], startsOn, endsOn, budget,
                row[_outcomes], null, itemId, key));
            var partners = Partners(row);
            if (key is not null && _seen.TryGetValue(key, out var first))
                row.Add("externalRef", "duplicate_in_file", Text.Of($"외부 참조 '{key}'이(가) 다시 나옵니다. 처음은 {first}행입니다.", $"'{key}' appears again; first at row {first}."));
            if (row.Failed) return RowResult.Rejected;
            _seen[key!] = row.Row.Number;

            var record = new Record(key!, row[_titleKo]!.Trim(), ListRules.Normal(row[_titleEn]), row[_summary]!.Trim(), partners.Select(p => p.Cell).ToList(),
                startsOn, endsOn, budget, ListRules.Normal(row[_outcomes]), itemId);
            var found = existing.TryGetValue(key!, out var current);
            if (found && current.Record.SameAs(record)) return RowResult.Unchanged;
            var id = found ? current.Id : 0;
            if (write)
            {
                var p = new
                {
                    Id = id, record.ExternalRef, record.TitleKo, record.TitleEn, record.Summary, record.StartsOn, record.EndsOn, record.BudgetKrw, record.Outcomes,
                    record.SourceAgendaItemId, MeetingId = itemId is { } i ? items[i] : (long?)null, context.Now,
                };
                if (!found)
                    id = await context.Connection.ExecuteScalarAsync<long>($"""
                        INSERT INTO collaboration_projects (title_ko, title_en, summary, starts_on, ends_on, budget_krw, state, outcomes, source_meeting_id,
                            source_agenda_item_id, external_ref, version, created_at, updated_at)
                        VALUES (@TitleKo, @TitleEn, @Summary, @StartsOn, @EndsOn, @BudgetKrw, 'planned', @Outcomes, @MeetingId, @SourceAgendaItemId, @ExternalRef, 1, @Now, @Now);
                        {context.Dialect.SelectNewId}
                        """, p, context.Transaction);
                else
                {
                    await context.Connection.ExecuteAsync("""
                        UPDATE collaboration_projects SET title_ko = @TitleKo, title_en = @TitleEn, summary = @Summary, starts_on = @StartsOn, ends_on = @EndsOn,
                            budget_krw = @BudgetKrw, outcomes = @Outcomes, source_meeting_id = @MeetingId, source_agenda_item_id = @SourceAgendaItemId,
                            version = version + 1, updated_at = @Now
                        WHERE id = @Id
                        """, p, context.Transaction);
                    await context.Connection.ExecuteAsync("DELETE FROM collaboration_partners WHERE project_id = @id", new { id }, context.Transaction);
                }
                foreach (var partner in partners)
                    await context.Connection.ExecuteAsync(
                        "INSERT INTO collaboration_partners (project_id, cluster_id, agency_id, role) VALUES (@id, @ClusterId, @AgencyId, @Role)",
                        new
                        {
                            id, ClusterId = partner.Kind == "cluster" ? partner.Id : (long?)null, AgencyId = partner.Kind == "agency" ? partner.Id : (long?)null,
                            Role = WireNames.Of(partner.Role),
                        }, context.Transaction);
                await context.Audit.WriteAsync(found ? "update" : "create", CollaborationProjectStore.EntityType, id, found ? current.Record : null, record, ct);
            }
            existing[key!] = (id, record);
            return found ? RowResult.Updated : RowResult.Created;
        }
    }
}
