using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Features.ReferenceData;

/// <summary>
/// The central government that cluster issues are routed to, beyond the council's member ministries: every ministry (부)
/// and the ministry-level offices (처), agencies (청) and commissions (위원회) whose rules reach what happens in a bio
/// cluster. All are of kind <c>ministry</c> so an issue can be routed to any of them. The organisation is the one in force
/// from 2026-01-02 (the Government Organization Act as amended on 2025-09-26); the list, its source and what was left
/// out are in docs/adr/0016-the-full-registry.md. An agency (청) hangs under its ministry.
/// </summary>
public static class GovernmentAgencies
{
    private static SeedAgency Ministry(string code, string nameKo, string nameEn, string? parentCode = null) =>
        new(code, nameKo, nameEn, AgencyKind.Ministry, null, parentCode);

    public static readonly IReadOnlyList<SeedAgency> All =
    [
        // 부 (ministries) not already seeded as council members (mohw, motie, msit, mss, moe are in ReferenceData).
        Ministry("mofe", "재정경제부", "Ministry of Finance and Economy"),
        Ministry("mofa", "외교부", "Ministry of Foreign Affairs"),
        Ministry("mou", "통일부", "Ministry of Unification"),
        Ministry("moj", "법무부", "Ministry of Justice"),
        Ministry("mnd", "국방부", "Ministry of National Defense"),
        Ministry("mois", "행정안전부", "Ministry of the Interior and Safety"),
        Ministry("mpva", "국가보훈부", "Ministry of Patriots and Veterans Affairs"),
        Ministry("mcst", "문화체육관광부", "Ministry of Culture, Sports and Tourism"),
        Ministry("mafra", "농림축산식품부", "Ministry of Agriculture, Food and Rural Affairs"),
        Ministry("mcee", "기후에너지환경부", "Ministry of Climate, Energy and Environment"),
        Ministry("moel", "고용노동부", "Ministry of Employment and Labor"),
        Ministry("mogef", "성평등가족부", "Ministry of Gender Equality and Family"),
        Ministry("molit", "국토교통부", "Ministry of Land, Infrastructure and Transport"),
        Ministry("mof", "해양수산부", "Ministry of Oceans and Fisheries"),

        // 처 (ministry-level offices under the Prime Minister); mfds is in ReferenceData.
        Ministry("mpb", "기획예산처", "Ministry of Planning and Budget"),
        Ministry("moleg", "법제처", "Ministry of Government Legislation"),
        Ministry("moip", "지식재산처", "Ministry of Intellectual Property"),

        // 청 (agencies under a ministry).
        Ministry("nts", "국세청", "National Tax Service", "mofe"),
        Ministry("kcs", "관세청", "Korea Customs Service", "mofe"),
        Ministry("pps", "조달청", "Public Procurement Service", "mofe"),
        Ministry("kdca", "질병관리청", "Korea Disease Control and Prevention Agency", "mohw"),
        Ministry("rda", "농촌진흥청", "Rural Development Administration", "mafra"),
        Ministry("kfs", "산림청", "Korea Forest Service", "mafra"),
        Ministry("nfa", "소방청", "National Fire Agency", "mois"),
        Ministry("mma", "병무청", "Military Manpower Administration", "mnd"),
        Ministry("khs", "국가유산청", "Korea Heritage Service", "mcst"),

        // 위원회 (commissions that are central administrative agencies).
        Ministry("kftc", "공정거래위원회", "Korea Fair Trade Commission"),
        Ministry("fsc", "금융위원회", "Financial Services Commission"),
        Ministry("acrc", "국민권익위원회", "Anti-Corruption and Civil Rights Commission"),
        Ministry("pipc", "개인정보보호위원회", "Personal Information Protection Commission"),
        Ministry("nssc", "원자력안전위원회", "Nuclear Safety and Security Commission"),
    ];
}
