namespace BioCluster.Api.Infrastructure.Sheets;

/// <summary>
/// One column of a spreadsheet BioCluster reads or writes: its English name (the CSV/JSON header and the
/// contract's field name), its Korean header (what Korean files and the XLSX exports use), and whether
/// an import reads it (<see cref="Imported"/>) or only an export writes it (ids, states, timestamps).
/// </summary>
public sealed record SheetColumn(string Name, string Korean, bool Imported = true, bool Required = false, string? Note = null, int? Width = null)
{
    /// <summary>The header a file in <paramref name="language"/> carries: the Korean header, or the English name.</summary>
    public string Header(SheetLanguage language) => language == SheetLanguage.English ? Name : Korean;

    /// <summary>
    /// How wide the column is drawn in an XLSX file, in characters of the default font: <see cref="Width"/> when given,
    /// else a guess from the name (moments, days, codes, names, titles and long texts each have their width; a Korean
    /// character is about two wide). The rows are streamed, so the width cannot be measured from them.
    /// </summary>
    public int WidthChars => Width ?? Guess();

    private int Guess()
    {
        var n = Name;
        if (n.EndsWith("At", StringComparison.Ordinal)) return 17;
        if (n.EndsWith("On", StringComparison.Ordinal) || n.EndsWith("Date", StringComparison.Ordinal) || n is "dueOn" or "startsOn" or "endsOn") return 12;
        if (n is "id" or "year" or "overdue" or "daysLate") return Math.Max(8, Korean.Length * 2 + 2);
        if (n.Contains("problem", StringComparison.OrdinalIgnoreCase) || n.Contains("proposal", StringComparison.OrdinalIgnoreCase)
            || n.Contains("text", StringComparison.OrdinalIgnoreCase) || n.Contains("summary", StringComparison.OrdinalIgnoreCase)
            || n.Contains("reason", StringComparison.OrdinalIgnoreCase) || n.Contains("answer", StringComparison.OrdinalIgnoreCase)
            || n is "note" or "details" or "changes") return 50;
        if (n.StartsWith("title", StringComparison.Ordinal)) return 40;
        if (n.Contains("Name", StringComparison.Ordinal) || n.StartsWith("name", StringComparison.Ordinal)) return 24;
        if (n.EndsWith("Code", StringComparison.Ordinal) || n.EndsWith("Codes", StringComparison.Ordinal) || n == "code") return 14;
        return Math.Clamp(Korean.Length * 2 + 4, 10, 30);
    }
}

/// <summary>
/// The columns of each entity, shared by the imports and the exports so that an exported file imports
/// back unchanged. Lists inside a cell are separated by ';'. docs/imports.md lists the same tables.
/// </summary>
public static class Columns
{
    /// <summary>The key a file's header is matched to a column by: spaces (and a stray BOM) ignored, any case.</summary>
    public static string HeaderKey(string text) => new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\uFEFF').ToArray()).ToLowerInvariant();

    /// <summary>The columns of an import entity by its wire name (agencies, clusters, cluster_indicators, regulatory_issues).</summary>
    public static IReadOnlyList<SheetColumn>? OfEntity(string entity) => entity switch
    {
        "agencies" => Agencies,
        "clusters" => Clusters,
        "cluster_indicators" => ClusterIndicators,
        "regulatory_issues" => RegulatoryIssues,
        "council_seats" => CouncilSeats,
        "council_memberships" => CouncilMemberships,
        "actors" => Actors,
        "collaboration_projects" => CollaborationProjects,
        "site_projects" => SiteProjects,
        "policy_recommendations" => PolicyRecommendations,
        _ => null,
    };

    /// <summary>The column each header key names: its English name and its Korean header, spaces and case ignored.</summary>
    public static Dictionary<string, int> IndexByHeader(IReadOnlyList<SheetColumn> columns)
    {
        var byKey = new Dictionary<string, int>();
        for (var i = 0; i < columns.Count; i++)
        {
            byKey[HeaderKey(columns[i].Name)] = i;
            byKey[HeaderKey(columns[i].Korean)] = i;
        }
        return byKey;
    }

    /// <summary>Each column a file has, by English name, with its header as the file spells it (English or Korean).</summary>
    public static IReadOnlyDictionary<string, string> HeadersOf(IEnumerable<string> fileHeaders, IReadOnlyList<SheetColumn> columns)
    {
        var byKey = IndexByHeader(columns);
        var headers = new Dictionary<string, string>();
        foreach (var header in fileHeaders)
            if (byKey.TryGetValue(HeaderKey(header), out var i)) headers.TryAdd(columns[i].Name, header.Trim().TrimStart('\uFEFF'));
        return headers;
    }

    public static readonly IReadOnlyList<SheetColumn> Clusters =
    [
        new("code", "코드", Required: true),
        new("nameKo", "국문명", Required: true),
        new("nameEn", "영문명"),
        new("region", "지역", Required: true, Note: "seoul, busan, … or the Korean name (서울특별시, 충청북도, …)"),
        new("operatorCode", "운영기관코드", Required: true),
        new("operatorName", "운영기관", Imported: false),
        new("designation", "지정유형"),
        new("specializations", "특화분야", Note: "separated by ;"),
        new("establishedYear", "설립연도"),
        new("areaKm2", "면적(km2)"),
        new("latitude", "위도"),
        new("longitude", "경도"),
        new("website", "웹사이트"),
        new("status", "상태", Note: "active, under_development, archived; active when empty"),
        new("id", "ID", Imported: false),
        new("createdAt", "등록일시", Imported: false),
        new("updatedAt", "수정일시", Imported: false),
    ];

    public static readonly IReadOnlyList<SheetColumn> Agencies =
    [
        new("code", "코드", Required: true),
        new("nameKo", "국문명", Required: true),
        new("nameEn", "영문명"),
        new("kind", "유형", Required: true, Note: "ministry, cluster_operator, company, university, research_institute, hospital, …"),
        new("sector", "부문", Note: "industry, academia, research, hospital"),
        new("parentCode", "상위기관코드"),
        new("parentName", "상위기관", Imported: false),
        new("clusterCode", "클러스터코드", Note: "the cluster an innovation actor is located in"),
        new("clusterName", "클러스터", Imported: false),
        new("website", "웹사이트"),
        new("id", "ID", Imported: false),
        new("status", "상태", Imported: false),
        new("createdAt", "등록일시", Imported: false),
        new("updatedAt", "수정일시", Imported: false),
    ];

    /// <summary>
    /// Site projects (현장 사업, ADR 0024), upserted by <c>externalRef</c>; stages are <c>name|planned start|planned end|actual
    /// start|actual end</c> separated by ';'.
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> SiteProjects =
    [
        new("externalRef", "외부참조", Required: true, Note: "the key a re-import updates by"),
        new("clusterCode", "클러스터코드", Required: true),
        new("clusterName", "클러스터", Imported: false),
        new("nameKo", "사업명", Required: true),
        new("nameEn", "영문 사업명"),
        new("state", "상태", Required: true, Note: "planned, design, construction, completed, on_hold (or 계획, 설계, 공사 중, 준공, 보류)"),
        new("address", "위치"),
        new("latitude", "위도"),
        new("longitude", "경도"),
        new("landAreaM2", "대지면적(㎡)"),
        new("floorAreaM2", "연면적(㎡)"),
        new("floorsBelow", "지하층수"),
        new("floorsAbove", "지상층수"),
        new("developerCode", "시행기관코드"),
        new("developerName", "시행기관", Imported: false),
        new("description", "설명"),
        new("stages", "단계", Note: "설계|2025-01-01|2025-12-31|| ; separated by ';'", Width: 40),
        new("id", "ID", Imported: false),
        new("updatedAt", "수정일시", Imported: false),
    ];

    /// <summary>
    /// Policy recommendations (정책 제언, ADR 0023) to import, upserted by <c>externalRef</c> while they are submitted. The
    /// list's export has its own columns (the answer, the deadline), which an import does not take.
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> PolicyRecommendations =
    [
        new("externalRef", "외부참조", Required: true, Note: "the key a re-import updates by"),
        new("themeKo", "주제", Required: true),
        new("themeEn", "영문 주제"),
        new("text", "내용", Required: true),
        new("raisedByCode", "제기기관코드", Required: true, Note: "a cluster operator"),
        new("leadMinistryCode", "주관부처코드", Required: true),
        new("otherMinistryCodes", "관계부처코드", Note: "separated by ';'"),
        new("clusterCodes", "클러스터코드", Note: "separated by ';'"),
        new("sourceAgendaItemId", "안건ID"),
    ];

    /// <summary>
    /// Collaboration projects (협력 사업, ADR 0025), upserted by <c>externalRef</c>. Partners are <c>cluster:code:role</c> or
    /// <c>agency:code:role</c> separated by ';' (role: lead, co_lead, partner, funder, advisor or their Korean names).
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> CollaborationProjects =
    [
        new("externalRef", "외부참조", Required: true, Note: "the key a re-import updates by"),
        new("titleKo", "사업명", Required: true),
        new("titleEn", "영문 사업명"),
        new("summary", "개요", Required: true),
        new("partners", "협력기관", Required: true, Note: "cluster:osong:lead;agency:kbio:partner — separated by ';'", Width: 40),
        new("partnerNames", "협력기관명", Imported: false),
        new("startsOn", "시작일", Note: "yyyy-MM-dd"),
        new("endsOn", "종료일", Note: "yyyy-MM-dd"),
        new("budgetKrw", "예산(원)", Note: "whole won; 1,200,000,000 is accepted"),
        new("outcomes", "성과"),
        new("sourceAgendaItemId", "안건ID", Note: "the agenda item whose decision started it"),
        new("meeting", "회의", Imported: false),
        new("state", "상태", Imported: false),
        new("id", "ID", Imported: false),
        new("updatedAt", "수정일시", Imported: false),
    ];

    /// <summary>
    /// Innovation actors (산·학·연·병): agencies with their actor profile and the clusters they are located in. An import
    /// registers or updates the agency by code and places it in the listed clusters (it takes it out of none).
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> Actors =
    [
        new("code", "코드", Required: true),
        new("nameKo", "국문명", Required: true),
        new("nameEn", "영문명"),
        new("kind", "유형", Required: true, Note: "company, university, research_institute, hospital, …"),
        new("sector", "부문", Required: true, Note: "industry, academia, research, hospital (산·학·연·병)"),
        new("specializations", "전문분야", Note: "separated by ';'"),
        new("region", "지역", Note: "시·도, e.g. gyeonggi or 경기"),
        new("website", "웹사이트"),
        new("clusterCodes", "클러스터코드", Required: true, Note: "the clusters it is located in, separated by ';'"),
        new("clusterNames", "클러스터", Imported: false),
        new("id", "ID", Imported: false),
        new("status", "상태", Imported: false),
    ];

    public static readonly IReadOnlyList<SheetColumn> ClusterIndicators =
    [
        new("clusterCode", "클러스터코드", Required: true),
        new("clusterName", "클러스터", Imported: false),
        new("year", "연도", Required: true),
        new("companies", "기업수"),
        new("employees", "종사자수"),
        new("revenueMillionKrw", "매출액(백만원)"),
        new("rdSpendMillionKrw", "연구개발비(백만원)"),
        new("investmentMillionKrw", "투자유치액(백만원)"),
        new("exportsThousandUsd", "수출액(천달러)"),
        new("note", "비고"),
        new("id", "ID", Imported: false),
        new("createdAt", "등록일시", Imported: false),
        new("updatedAt", "수정일시", Imported: false),
    ];

    public static readonly IReadOnlyList<SheetColumn> RegulatoryIssues =
    [
        new("externalRef", "외부참조번호", Required: true, Note: "the key a re-run matches issues by"),
        new("titleKo", "제목", Required: true),
        new("titleEn", "영문제목"),
        new("problemKo", "현황및문제점", Required: true),
        new("problemEn", "영문현황및문제점"),
        new("proposalKo", "개선건의사항", Required: true),
        new("proposalEn", "영문개선건의사항"),
        new("category", "분야", Required: true),
        new("lawName", "관련법령"),
        new("lawArticle", "관련조항"),
        new("raisedByCode", "건의기관코드", Required: true),
        new("raisedByName", "건의기관", Imported: false),
        new("clusterCodes", "관련클러스터코드", Required: true, Note: "separated by ;"),
        new("clusterNames", "관련클러스터", Imported: false),
        new("officialName", "담당자"),
        new("officialDepartment", "담당부서"),
        new("officialContact", "담당자연락처"),
        new("priority", "우선순위", Note: "urgent, high, normal, low; normal when empty"),
        new("sourceMeeting", "출처회의"),
        new("tags", "태그", Note: "separated by ;"),
        new("id", "ID", Imported: false),
        new("status", "상태", Imported: false),
        new("leadMinistryCode", "주관부처코드", Imported: false),
        new("leadMinistryName", "주관부처", Imported: false),
        new("responseDueAt", "답변기한", Imported: false),
        new("plannedCompletionOn", "완료예정일", Imported: false),
        new("progressPercent", "진척률", Imported: false),
        new("overdue", "기한경과", Imported: false),
        new("daysLate", "지연일수", Imported: false),
        new("createdAt", "등록일시", Imported: false),
        new("updatedAt", "수정일시", Imported: false),
    ];

    /// <summary>
    /// The council's seats: a re-sent seat is matched by its body and Korean label. The seats export adds who holds
    /// each seat today (export only), so the file imports back unchanged.
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> CouncilSeats =
    [
        new("bodyCode", "협의체코드", Note: "council when empty; a working group by its code"),
        new("position", "직위", Required: true, Note: "chair, vice_chair, member, secretary or 위원장, 부위원장, 위원, 간사"),
        new("group", "구분", Required: true, Note: "ministry, cluster_operator, public_agency, private_expert or 부처, 운영기관, 공공기관, 민간전문가"),
        new("sector", "분야", Note: "private experts: industry, academia, research, hospital or 산업, 학계, 연구, 병원"),
        new("agencyCode", "기관코드", Note: "required unless the group is private_expert"),
        new("labelKo", "좌석명", Required: true, Note: "unique among the body's seats"),
        new("labelEn", "영문좌석명"),
        new("sortOrder", "순서", Note: "0–10000; 100 when empty"),
        new("activeFrom", "시작일", Note: "yyyy-mm-dd; today when empty"),
        new("voting", "의결권", Note: "true/false, 예/아니오, Y/N; true when empty"),
        new("id", "ID", Imported: false),
        new("activeTo", "종료일", Imported: false),
        new("holderName", "위원", Imported: false),
        new("holderTitle", "직함", Imported: false),
        new("holderOnBehalfOf", "소속기관", Imported: false),
        new("holderStartsOn", "임기시작일", Imported: false),
        new("holderEndsOn", "임기종료일", Imported: false),
    ];

    /// <summary>
    /// Who holds a seat for a term. The seat is named by its body and Korean label (or its ID). A re-sent term (same seat,
    /// person and dates) is unchanged; a new one follows the membership endpoint's rules on overlapping terms.
    /// </summary>
    public static readonly IReadOnlyList<SheetColumn> CouncilMemberships =
    [
        new("bodyCode", "협의체코드", Note: "council when empty"),
        new("seatLabel", "좌석명", Note: "the seat's Korean label; required unless seatId is given"),
        new("seatId", "좌석ID"),
        new("personName", "성명", Required: true),
        new("title", "직함"),
        new("onBehalfOfCode", "소속기관코드", Note: "the agency represented; the seat's agency when empty"),
        new("startsOn", "임기시작일", Required: true, Note: "yyyy-mm-dd"),
        new("endsOn", "임기종료일", Note: "yyyy-mm-dd; open-ended when empty"),
        new("substituteAllowed", "대리참석허용", Note: "true/false, 예/아니오, Y/N; true when empty"),
        new("voting", "의결권", Note: "true/false; as the seat when empty"),
        new("id", "ID", Imported: false),
        new("daysLeftInTerm", "잔여일수", Imported: false),
    ];

    /// <summary>The list separator inside one cell.</summary>
    public const char ListSeparator = ';';
}
