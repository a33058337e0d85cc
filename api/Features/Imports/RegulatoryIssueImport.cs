using System.Text.Json;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
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

        public Record ToRecord(IEnumerable<string> clusterCodes) => new(ExternalRef, TitleKo, TitleEn, ProblemKo, ProblemEn, ProposalKo, ProposalEn,
            Category, LawName, LawArticle, RaisedByCode, Joined(clusterCodes.Order(StringComparer.Ordinal)), OfficialName, OfficialDepartment,
            OfficialContact, WireNames.Of(RegulatoryIssueStore.PriorityOf(Priority)), SourceMeeting,
            Joined(JsonSerializer.Deserialize<List<string>>(Tags) ?? []));
    }

    private const string SelectStored = """
        SELECT i.id, i.version, i.lead_ministry_id, i.status, i.external_ref, i.title_ko, i.title_en, i.problem_ko, i.problem_en, i.proposal_ko,
               i.proposal_en, i.category, i.law_name, i.law_article, rb.code AS raised_by_code, i.official_name, i.official_department,
               i.official_contact, i.priority, i.source_meeting, i.tags
        FROM regulatory_issues i JOIN agencies rb ON rb.id = i.raised_by_id
        """;

    /// <summary>
    /// An issue as the import knows it: where it stands (for the update's version and tallies), who raised it, and a
    /// fingerprint of its imported fields — not the fields themselves, so a re-run of 100,000 issues keeps ~100 bytes
    /// an issue in memory instead of their texts; the stored fields are read again only for a row that changes them.
    /// </summary>
    private sealed record Known(long Id, long Version, long? Lead, string Status, string Category, string RaisedByCode, UInt128 Fingerprint);

    /// <summary>A hash of the record's JSON (the audit's "after"): equal fingerprints mean an unchanged issue.</summary>
    private static UInt128 FingerprintOf(ReadOnlySpan<byte> json)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(json, hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

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
        var links = (await context.Connection.QueryAsync<(long IssueId, string Code)>("""
            SELECT ic.issue_id, c.code FROM regulatory_issue_clusters ic
            JOIN regulatory_issues i ON i.id = ic.issue_id JOIN clusters c ON c.id = ic.cluster_id
            WHERE i.external_ref IS NOT NULL
            """, transaction: context.Transaction)).ToLookup(l => l.IssueId, l => l.Code);
        var existing = new Dictionary<string, Known>(StringComparer.Ordinal);
        // Streamed: only each issue's fingerprint stays (see Known).
        await foreach (var e in context.Connection.QueryUnbufferedAsync<Existing>($"{SelectStored} WHERE i.external_ref IS NOT NULL", transaction: context.Transaction)
                           .WithCancellation(ct))
            existing[e.ExternalRef] = new Known(e.Id, e.Version, e.LeadMinistryId, e.Status, e.Category, e.RaisedByCode,
                FingerprintOf(JsonSerializer.SerializeToUtf8Bytes(e.ToRecord(links[e.Id]), context.Json)));
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

        /// <summary>
        /// A row as its own checks left it (made on the reading thread, see <see cref="ImportSession.Check"/>): the request
        /// and, for a row that passed them, its record with the record's JSON (the audit's "after") and fingerprint.
        /// </summary>
        private sealed record Own(CreateRegulatoryIssueRequest Request, IssuePriority Priority, IReadOnlyList<string> ClusterCodes,
            IReadOnlyList<string> Tags, ResponsibleOfficial? Official, Record? Record, byte[]? Json, UInt128 Fingerprint);

        public override void Check(RowCheck row)
        {
            var externalRef = row[_ref];
            row.Key = externalRef;
            if (externalRef is null) row.Add("externalRef", "required", Text.Of("externalRef를 입력하십시오. 다시 가져올 때 이 값으로 같은 과제를 찾습니다.", "externalRef is required: it is how a re-run finds the issue again."));
            var category = row.Enum(_category, "category", CategoryAliases);
            if (row[_category] is null) row.Add("category", "required", Text.Of("분야를 입력하십시오.", "The category is required."));
            var priority = row.Enum(_priority, "priority", PriorityAliases) ?? IssuePriority.Normal;
            var clusterCodes = RowCheck.List(row[_clusters]).Distinct().Order(StringComparer.Ordinal).ToList();
            var tags = RowCheck.List(row[_tags]);
            ResponsibleOfficial? official = row[_officialName] is { } name ? new ResponsibleOfficial(name, row[_officialDepartment], row[_officialContact])
                : row[_officialDepartment] is not null || row[_officialContact] is not null ? new ResponsibleOfficial("", row[_officialDepartment], row[_officialContact])
                : null;
            var request = new CreateRegulatoryIssueRequest(row[_titleKo] ?? "", row[_problemKo] ?? "", row[_proposalKo] ?? "", category ?? IssueCategory.Other,
                clusterCodes, row[_raisedBy], row[_titleEn], row[_problemEn], row[_proposalEn], row[_lawName], row[_lawArticle], official, priority,
                row[_meeting], tags, externalRef);
            row.Validate(target.Validator, request, ColumnOf);
            if (row.Failed || request.RaisedByCode is null)
            {
                row.Checked = new Own(request, priority, clusterCodes, tags, official, null, null, default);
                return;
            }
            var record = new Record(externalRef!, request.TitleKo, request.TitleEn, request.ProblemKo, request.ProblemEn, request.ProposalKo, request.ProposalEn,
                WireNames.Of(request.Category), request.LawName, request.LawArticle, request.RaisedByCode, Joined(clusterCodes), official?.Name,
                official?.Department, official?.Contact, WireNames.Of(priority), request.SourceMeeting, Joined(tags));
            var json = JsonSerializer.SerializeToUtf8Bytes(record, context.Json);
            row.Checked = new Own(request, priority, clusterCodes, tags, official, record, json, FingerprintOf(json));
        }

        public override async Task<RowResult> ApplyAsync(RowCheck row, bool write, CancellationToken ct)
        {
            if (row.Checked is null) Check(row);
            var (request, priority, clusterCodes, tags, official, record, json, fingerprint) = (Own)row.Checked!;
            var externalRef = request.ExternalRef;
            var raisedByCode = request.RaisedByCode;
            if (externalRef is not null && _seen.TryGetValue(externalRef, out var first))
                row.Add("externalRef", "duplicate_in_file", Text.Of($"externalRef '{externalRef}'이(가) 다시 나옵니다. 처음 나온 곳은 {first}행입니다.", $"externalRef '{externalRef}' appears again; first at row {first}."));
            long raisedById = 0;
            if (raisedByCode is null) row.Add("raisedByCode", "required", Text.Of("과제를 제기한 기관을 지정하십시오.", "Say which agency raised the issue."));
            else if (!row.Problems.Any(p => p.Column == "raisedByCode") && !agencies.TryGetValue(raisedByCode, out raisedById))
                row.Add("raisedByCode", "unknown_reference", Text.Of($"코드 '{raisedByCode}'인 활동 중인 기관이 없습니다.", $"No active agency has the code '{raisedByCode}'."));
            var missing = clusterCodes.Where(c => !clusters.ContainsKey(c)).ToList();
            if (missing.Count > 0) row.Add("clusterCodes", "unknown_reference", Text.Of($"다음 코드의 운영 중인 클러스터가 없습니다: {string.Join(", ", missing)}.", $"No active cluster has the code(s): {string.Join(", ", missing)}."));
            var found = existing.TryGetValue(externalRef ?? "", out var current);
            if (found && raisedByCode is not null && current!.RaisedByCode != raisedByCode)
                row.Add("raisedByCode", "invalid", Text.Of($"이 과제는 '{current.RaisedByCode}'이(가) 제기했습니다. 과제를 제기한 기관은 바꿀 수 없습니다.", $"This issue was raised by '{current.RaisedByCode}'; the raising agency of an issue does not change."));
            if (row.Failed) return RowResult.Rejected;
            _seen[externalRef!] = row.Row.Number;

            if (found && current!.Fingerprint == fingerprint) return RowResult.Unchanged;
            var known = current ?? new Known(0, 1, null, "submitted", record!.Category, raisedByCode!, fingerprint);
            if (write)
            {
                var clusterIds = clusterCodes.Select(c => clusters[c]).ToList();
                if (!found)
                {
                    try
                    {
                        known = known with { Id = await InsertAsync(request, priority, tags, official, raisedById, clusterIds, ct) };
                    }
                    catch (System.Data.Common.DbException e) when (context.Dialect.IsUniqueViolation(e))
                    {
                        row.Add("externalRef", "changed", Text.Of($"가져오는 동안 다른 사용자가 externalRef '{externalRef}'인 과제를 추가했습니다. 파일을 다시 보내십시오.", $"An issue with externalRef '{externalRef}' was added by someone else during the import; send the file again."));
                        return RowResult.Rejected;
                    }
                    await context.Audit.WriteAsync("create", RegulatoryIssueStore.EntityType, known.Id, null, json!, ct);
                }
                else
                {
                    var before = await StoredAsync(known.Id, ct);
                    if (await target.Store.ReplaceAsync(context.Connection, context.Transaction!, known.Id, known.Version,
                            new UpdateRegulatoryIssueRequest(request.TitleKo, request.ProblemKo, request.ProposalKo, request.Category, clusterCodes, priority,
                                request.TitleEn, request.ProblemEn, request.ProposalEn, request.LawName, request.LawArticle, official, request.SourceMeeting,
                                tags, externalRef),
                            (known.Lead, known.Status, known.Category), clusterIds, context.Now) is { } refused)
                    {
                        if (refused.Kind == RefusalKind.Conflict)
                            row.Add("externalRef", "changed", Text.Of($"가져오는 동안 다른 사용자가 externalRef '{externalRef}'인 과제를 추가했습니다. 파일을 다시 보내십시오.", $"An issue with externalRef '{externalRef}' was added by someone else during the import; send the file again."));
                        else row.Add(null, "changed", Text.Of("가져오는 동안 다른 사용자가 이 과제를 변경했습니다. 파일을 다시 보내십시오.", "The issue was changed by someone else during the import; send the file again."));
                        return RowResult.Rejected;
                    }
                    known = known with { Version = known.Version + 1 };
                    await context.Audit.WriteAsync("update", RegulatoryIssueStore.EntityType, known.Id, before, json!, ct);
                }
            }
            existing[externalRef!] = known with { Category = record!.Category, Fingerprint = fingerprint };
            return found ? RowResult.Updated : RowResult.Created;
        }

        /// <summary>An issue's imported fields as stored, read just before a row changes them (the audit's "before").</summary>
        private async Task<Record> StoredAsync(long id, CancellationToken ct)
        {
            var e = await context.Connection.QuerySingleAsync<Existing>($"{SelectStored} WHERE i.id = @id", new { id }, context.Transaction);
            var codes = await context.Connection.QueryAsync<string>(
                "SELECT c.code FROM regulatory_issue_clusters ic JOIN clusters c ON c.id = ic.cluster_id WHERE ic.issue_id = @id", new { id }, context.Transaction);
            ct.ThrowIfCancellationRequested();
            return e.ToRecord(codes);
        }

        // New issues are written through prepared statements (a backlog of thousands is the normal case): the issue, its
        // cluster links and the first entry of its timeline, as RegulatoryIssueStore.InsertAsync writes them for one issue.
        // The running tallies are summed here and written once at the end (CompleteAsync), not moved row by row.
        private BulkStatement? _insertIssue, _insertLink, _insertMove;
        private readonly Dictionary<string, int> _newByCategory = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _newByCluster = new();

        private static readonly string[] IssueFields =
        [
            "TitleKo", "TitleEn", "ProblemKo", "ProblemEn", "ProposalKo", "ProposalEn", "Category", "LawName", "LawArticle", "RaisedById",
            "OfficialName", "OfficialDepartment", "OfficialContact", "Priority", "SourceMeeting", "Tags", "ExternalRef", "NoDeadline", "Now", "ClusterIds",
        ];

        private async Task<long> InsertAsync(CreateRegulatoryIssueRequest r, IssuePriority priority, IReadOnlyList<string> tags, ResponsibleOfficial? official,
            long raisedById, IReadOnlyList<long> clusterIds, CancellationToken ct)
        {
            if (_insertIssue is null)
            {
                _insertIssue = BulkStatement.PrepareInsert(context.Connection, context.Transaction!, context.Dialect, """
                    INSERT INTO regulatory_issues (title_ko, title_en, problem_ko, problem_en, proposal_ko, proposal_en, category, law_name, law_article,
                        raised_by_id, official_name, official_department, official_contact, priority, source_meeting, tags, external_ref,
                        status, rereview_used, next_due_at, version, created_at, updated_at, cluster_ids)
                    VALUES (@TitleKo, @TitleEn, @ProblemKo, @ProblemEn, @ProposalKo, @ProposalEn, @Category, @LawName, @LawArticle,
                        @RaisedById, @OfficialName, @OfficialDepartment, @OfficialContact, @Priority, @SourceMeeting, @Tags, @ExternalRef,
                        'submitted', 0, @NoDeadline, 1, @Now, @Now, @ClusterIds)
                    """, IssueFields);
                _insertIssue.Set(17, RegulatoryIssueStore.NoDeadline);
                _insertIssue.Set(18, context.Now);
                _insertLink = BulkStatement.Prepare(context.Connection, context.Transaction!,
                    "INSERT INTO regulatory_issue_clusters (issue_id, cluster_id, issue_status, issue_updated_at) VALUES (@IssueId, @ClusterId, 'submitted', @Now)",
                    ["IssueId", "ClusterId", "Now"]);
                _insertLink.Set(2, context.Now); // the issue's own created_at and updated_at: the same value, bound the same way
                _insertMove = BulkStatement.Prepare(context.Connection, context.Transaction!, """
                    INSERT INTO regulatory_issue_transitions (issue_id, from_status, to_status, actor_type, actor_name, occurred_at, comment, fields_json)
                    VALUES (@IssueId, NULL, 'submitted', @ActorType, @ActorName, @Now, NULL, '{}')
                    """, ["IssueId", "ActorType", "ActorName", "Now"]);
                _insertMove.Set(1, WireNames.Of(context.Actor.Type));
                _insertMove.Set(2, context.Actor.DisplayName);
                _insertMove.Set(3, context.Now);
            }
            var s = _insertIssue;
            s.Set(0, r.TitleKo); s.Set(1, r.TitleEn); s.Set(2, r.ProblemKo); s.Set(3, r.ProblemEn); s.Set(4, r.ProposalKo); s.Set(5, r.ProposalEn);
            s.Set(6, WireNames.Of(r.Category)); s.Set(7, r.LawName); s.Set(8, r.LawArticle); s.Set(9, raisedById);
            s.Set(10, official?.Name); s.Set(11, official?.Department); s.Set(12, official?.Contact); s.Set(13, RegulatoryIssueStore.RankOf(priority));
            s.Set(14, r.SourceMeeting); s.Set(15, JsonSerializer.Serialize(tags)); s.Set(16, r.ExternalRef);
            s.Set(19, RegulatoryIssueStore.ClusterIdsText(clusterIds));
            var id = await s.InsertAsync(ct);
            foreach (var clusterId in clusterIds)
            {
                _insertLink!.Set(0, id);
                _insertLink.Set(1, clusterId);
                await _insertLink.ExecuteAsync(ct);
                _newByCluster[clusterId] = _newByCluster.GetValueOrDefault(clusterId) + 1;
            }
            _insertMove!.Set(0, id);
            await _insertMove.ExecuteAsync(ct);
            var category = WireNames.Of(r.Category);
            _newByCategory[category] = _newByCategory.GetValueOrDefault(category) + 1;
            return id;
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            foreach (var (category, count) in _newByCategory)
                await IssueTallies.AddAsync(context.Connection, context.Transaction!, context.Dialect, null, "submitted", category, count);
            foreach (var (cluster, count) in _newByCluster)
                await IssueTallies.AddToClusterAsync(context.Connection, context.Transaction!, context.Dialect, cluster, count);
            _newByCategory.Clear();
            _newByCluster.Clear();
        }

        public override async ValueTask DisposeAsync()
        {
            foreach (var statement in new[] { _insertIssue, _insertLink, _insertMove })
                if (statement is not null) await statement.DisposeAsync();
            _insertIssue = _insertLink = _insertMove = null;
        }
    }
}
