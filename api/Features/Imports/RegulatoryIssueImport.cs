using System.Text.Json;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.Sheets;
using BioCluster.Contracts.Imports;
using BioCluster.Contracts.RegulatoryIssues;
using Dapper;
using FluentValidation;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// A backlog of regulatory issues, upserted by <c>externalRef</c> (required, so a re-run finds its issues).
/// Only the description is imported: a new issue starts <c>submitted</c> with its first timeline entry, and
/// routing, answers and progress stay workflow moves. The raising agency of an issue never changes.
/// </summary>
public sealed class RegulatoryIssueImport(IValidator<CreateRegulatoryIssueRequest> validator, RegulatoryIssueStore store) : ImportTarget
{
    private IValidator<CreateRegulatoryIssueRequest> Validator { get; } = validator;
    private RegulatoryIssueStore Store { get; } = store;

    public override ImportEntity Entity => ImportEntity.RegulatoryIssues;

    /// <summary>The imported fields of an issue, as the audit trail records an import's before and after.</summary>
    public sealed record Record(string ExternalRef, string TitleKo, string? TitleEn, string ProblemKo, string? ProblemEn, string ProposalKo,
        string? ProposalEn, string Category, string? LawName, string? LawArticle, string RaisedByCode, string ClusterCodes, string? OfficialName,
        string? OfficialDepartment, string? OfficialContact, string Priority, string? SourceMeeting, string Tags);

    private sealed class Existing
    {
        public long Id { get; set; }
        public long Version { get; set; }
        public long? LeadMinistryId { get; set; }
        public string Status { get; set; } = "";
        public string ExternalRef { get; set; } = "";
        public string TitleKo { get; set; } = "";
        public string? TitleEn { get; set; }
        public string ProblemKo { get; set; } = "";
        public string? ProblemEn { get; set; }
        public string ProposalKo { get; set; } = "";
        public string? ProposalEn { get; set; }
        public string Category { get; set; } = "";
        public string? LawName { get; set; }
        public string? LawArticle { get; set; }
        public string RaisedByCode { get; set; } = "";
        public string? OfficialName { get; set; }
        public string? OfficialDepartment { get; set; }
        public string? OfficialContact { get; set; }
        public int Priority { get; set; }
        public string? SourceMeeting { get; set; }
        public string Tags { get; set; } = "[]";
    }

    /// <summary>An issue as the import knows it: where it stands (for the update's version and tallies) and its fields.</summary>
    private sealed record Known(long Id, long Version, long? Lead, string Status, Record Record);

    private static string Joined(IEnumerable<string> items) => string.Join(Infrastructure.Sheets.Columns.ListSeparator, items);

    private static readonly IReadOnlyDictionary<string, IssueCategory> CategoryAliases = new Dictionary<string, IssueCategory>
    {
        ["인허가"] = IssueCategory.LicensingApproval, ["인허가·승인"] = IssueCategory.LicensingApproval, ["임상시험"] = IssueCategory.ClinicalTrials,
        ["데이터·개인정보"] = IssueCategory.DataPrivacy, ["개인정보"] = IssueCategory.DataPrivacy, ["보험·약가"] = IssueCategory.ReimbursementPricing,
        ["약가"] = IssueCategory.ReimbursementPricing, ["입지·부지"] = IssueCategory.LandSite, ["입지"] = IssueCategory.LandSite,
        ["인력"] = IssueCategory.Workforce, ["세제·금융"] = IssueCategory.TaxFinance, ["세제"] = IssueCategory.TaxFinance,
        ["수출입"] = IssueCategory.ImportExport, ["표준·인증"] = IssueCategory.StandardsCertification, ["인증"] = IssueCategory.StandardsCertification,
        ["기타"] = IssueCategory.Other,
    };

    private static readonly IReadOnlyDictionary<string, IssuePriority> PriorityAliases = new Dictionary<string, IssuePriority>
    {
        ["긴급"] = IssuePriority.Urgent, ["높음"] = IssuePriority.High, ["보통"] = IssuePriority.Normal, ["낮음"] = IssuePriority.Low,
    };

    public override async Task<ImportSession> OpenAsync(ImportContext context, CancellationToken ct)
    {
        var rows = (await context.Connection.QueryAsync<Existing>("""
            SELECT i.id, i.version, i.lead_ministry_id, i.status, i.external_ref, i.title_ko, i.title_en, i.problem_ko, i.problem_en, i.proposal_ko,
                   i.proposal_en, i.category, i.law_name, i.law_article, rb.code AS raised_by_code, i.official_name, i.official_department,
                   i.official_contact, i.priority, i.source_meeting, i.tags
            FROM regulatory_issues i JOIN agencies rb ON rb.id = i.raised_by_id
            WHERE i.external_ref IS NOT NULL
            """, transaction: context.Transaction)).AsList();
        var links = (await context.Connection.QueryAsync<(long IssueId, string Code)>("""
            SELECT ic.issue_id, c.code FROM regulatory_issue_clusters ic
            JOIN regulatory_issues i ON i.id = ic.issue_id JOIN clusters c ON c.id = ic.cluster_id
            WHERE i.external_ref IS NOT NULL
            """, transaction: context.Transaction)).ToLookup(l => l.IssueId, l => l.Code);
        var existing = rows.ToDictionary(e => e.ExternalRef, e => new Known(e.Id, e.Version, e.LeadMinistryId, e.Status, new Record(
            e.ExternalRef, e.TitleKo, e.TitleEn, e.ProblemKo, e.ProblemEn, e.ProposalKo, e.ProposalEn, e.Category, e.LawName, e.LawArticle,
            e.RaisedByCode, Joined(links[e.Id].Order(StringComparer.Ordinal)), e.OfficialName, e.OfficialDepartment, e.OfficialContact,
            WireNames.Of(RegulatoryIssueStore.PriorityOf(e.Priority)), e.SourceMeeting, Joined(JsonSerializer.Deserialize<List<string>>(e.Tags) ?? []))),
            StringComparer.Ordinal);
        var clusters = (await context.Connection.QueryAsync<(string Code, long Id)>("SELECT code, id FROM clusters WHERE status <> 'archived'",
            transaction: context.Transaction)).ToDictionary(c => c.Code, c => c.Id, StringComparer.Ordinal);
        var agencies = (await context.Connection.QueryAsync<(string Code, long Id)>("SELECT code, id FROM agencies WHERE status = 'active'",
            transaction: context.Transaction)).ToDictionary(a => a.Code, a => a.Id, StringComparer.Ordinal);
        return new Session(this, context, existing, clusters, agencies);
    }

    private sealed class Session(RegulatoryIssueImport target, ImportContext context, Dictionary<string, Known> existing,
        Dictionary<string, long> clusters, Dictionary<string, long> agencies) : ImportSession
    {
        private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
        private readonly int _ref = target.Column("externalRef"), _titleKo = target.Column("titleKo"), _titleEn = target.Column("titleEn"),
            _problemKo = target.Column("problemKo"), _problemEn = target.Column("problemEn"), _proposalKo = target.Column("proposalKo"),
            _proposalEn = target.Column("proposalEn"), _category = target.Column("category"), _lawName = target.Column("lawName"),
            _lawArticle = target.Column("lawArticle"), _raisedBy = target.Column("raisedByCode"), _clusters = target.Column("clusterCodes"),
            _officialName = target.Column("officialName"), _officialDepartment = target.Column("officialDepartment"),
            _officialContact = target.Column("officialContact"), _priority = target.Column("priority"), _meeting = target.Column("sourceMeeting"),
            _tags = target.Column("tags");

        private static string ColumnOf(string property) => property.Split('[', '.')[0] switch
        {
            "official" => property.Contains("department", StringComparison.OrdinalIgnoreCase) ? "officialDepartment"
                : property.Contains("contact", StringComparison.OrdinalIgnoreCase) ? "officialContact" : "officialName",
            var column => column,
        };

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            var externalRef = row[_ref];
            row.Key = externalRef;
            if (externalRef is null) row.Add("externalRef", "required", "externalRef is required: it is how a re-run finds the issue again.");
            var category = row.Enum(_category, "category", CategoryAliases);
            if (row[_category] is null) row.Add("category", "required", "The category is required.");
            var priority = row.Enum(_priority, "priority", PriorityAliases) ?? IssuePriority.Normal;
            var clusterCodes = RowCheck.List(row[_clusters]).Distinct().Order(StringComparer.Ordinal).ToList();
            var tags = RowCheck.List(row[_tags]);
            ResponsibleOfficial? official = row[_officialName] is { } name ? new ResponsibleOfficial(name, row[_officialDepartment], row[_officialContact])
                : row[_officialDepartment] is not null || row[_officialContact] is not null ? new ResponsibleOfficial("", row[_officialDepartment], row[_officialContact])
                : null;
            var raisedByCode = row[_raisedBy];
            var request = new CreateRegulatoryIssueRequest(row[_titleKo] ?? "", row[_problemKo] ?? "", row[_proposalKo] ?? "", category ?? IssueCategory.Other,
                clusterCodes, raisedByCode, row[_titleEn], row[_problemEn], row[_proposalEn], row[_lawName], row[_lawArticle], official, priority,
                row[_meeting], tags, externalRef);
            row.Validate(target.Validator, request, ColumnOf);
            if (externalRef is not null && _seen.TryGetValue(externalRef, out var first))
                row.Add("externalRef", "duplicate_in_file", $"externalRef '{externalRef}' appears again; first at row {first}.");
            long raisedById = 0;
            if (raisedByCode is null) row.Add("raisedByCode", "required", "Say which agency raised the issue.");
            else if (!row.Problems.Any(p => p.Column == "raisedByCode") && !agencies.TryGetValue(raisedByCode, out raisedById))
                row.Add("raisedByCode", "unknown_reference", $"No active agency has the code '{raisedByCode}'.");
            var missing = clusterCodes.Where(c => !clusters.ContainsKey(c)).ToList();
            if (missing.Count > 0) row.Add("clusterCodes", "unknown_reference", $"No active cluster has the code(s): {string.Join(", ", missing)}.");
            var found = existing.TryGetValue(externalRef ?? "", out var current);
            if (found && raisedByCode is not null && current!.Record.RaisedByCode != raisedByCode)
                row.Add("raisedByCode", "invalid", $"This issue was raised by '{current.Record.RaisedByCode}'; the raising agency of an issue does not change.");
            if (row.Failed) return RowResult.Rejected;
            _seen[externalRef!] = row.Row.Number;

            var record = new Record(externalRef!, request.TitleKo, request.TitleEn, request.ProblemKo, request.ProblemEn, request.ProposalKo, request.ProposalEn,
                WireNames.Of(request.Category), request.LawName, request.LawArticle, raisedByCode!, Joined(clusterCodes), official?.Name, official?.Department,
                official?.Contact, WireNames.Of(priority), request.SourceMeeting, Joined(tags));
            var before = current?.Record;
            if (before == record) return RowResult.Unchanged;
            var known = current ?? new Known(0, 1, null, "submitted", record);
            if (write)
            {
                var clusterIds = clusterCodes.Select(c => clusters[c]).ToList();
                if (!found)
                    known = known with { Id = await target.Store.InsertAsync(context.Connection, context.Transaction!, request, raisedById, clusterIds, context.Actor, context.Now) };
                else if (await target.Store.ReplaceAsync(context.Connection, context.Transaction!, known.Id, known.Version,
                             new UpdateRegulatoryIssueRequest(request.TitleKo, request.ProblemKo, request.ProposalKo, request.Category, clusterCodes, priority,
                                 request.TitleEn, request.ProblemEn, request.ProposalEn, request.LawName, request.LawArticle, official, request.SourceMeeting,
                                 tags, externalRef),
                             (known.Lead, known.Status, known.Record.Category), clusterIds, context.Now))
                    known = known with { Version = known.Version + 1 };
                else
                {
                    row.Add(null, "changed", "The issue was changed by someone else during the import; send the file again.");
                    return RowResult.Rejected;
                }
                await context.Audit.WriteAsync(found ? "update" : "create", RegulatoryIssueStore.EntityType, known.Id, before, record, ct);
            }
            existing[record.ExternalRef] = known with { Record = record };
            return found ? RowResult.Updated : RowResult.Created;
        }
    }
}
