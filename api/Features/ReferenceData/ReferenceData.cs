using BioCluster.Contracts.Registry;

namespace BioCluster.Api.Features.ReferenceData;

/// <param name="ParentCode">The agency it hangs under (seeded earlier in the list), if any.</param>
public sealed record SeedAgency(string Code, string NameKo, string NameEn, AgencyKind Kind, Sector? Sector, string? ParentCode = null);

public sealed record SeedCluster(
    string Code, string NameKo, string NameEn, Region Region, string OperatorCode, string? Designation,
    string[] Specializations, double Latitude, double Longitude);

/// <summary>
/// What the council started with at its launch meeting of 2024-05-29: the host and member ministries,
/// the six cluster operators and their clusters, and the public agencies. Coordinates are the
/// approximate centre of each complex.
/// </summary>
public static class ReferenceData
{
    /// <summary>The agencies of the launch meeting.</summary>
    public static readonly IReadOnlyList<SeedAgency> Launch =
    [
        new("mohw", "보건복지부", "Ministry of Health and Welfare", AgencyKind.Ministry, null),
        new("motie", "산업통상자원부", "Ministry of Trade, Industry and Energy", AgencyKind.Ministry, null),
        new("msit", "과학기술정보통신부", "Ministry of Science and ICT", AgencyKind.Ministry, null),
        new("mss", "중소벤처기업부", "Ministry of SMEs and Startups", AgencyKind.Ministry, null),
        new("moe", "교육부", "Ministry of Education", AgencyKind.Ministry, null),
        new("mfds", "식품의약품안전처", "Ministry of Food and Drug Safety", AgencyKind.Ministry, null),

        new("ifez", "인천경제자유구역청", "Incheon Free Economic Zone Authority", AgencyKind.ClusterOperator, null),
        new("kmedihub", "대구경북첨단의료산업진흥재단", "K-MEDI hub", AgencyKind.ClusterOperator, null),
        new("kbiohealth", "오송첨단의료산업진흥재단", "KBIOHealth", AgencyKind.ClusterOperator, null),
        new("innopolis", "연구개발특구진흥재단", "INNOPOLIS Foundation", AgencyKind.ClusterOperator, null),
        new("gbsa", "경기도경제과학진흥원", "Gyeonggi Business & Science Accelerator (GBSA)", AgencyKind.ClusterOperator, null),
        new("wmit", "원주의료기기테크노밸리재단", "Wonju Medical Industry Techno Valley", AgencyKind.ClusterOperator, null),

        new("khidi", "한국보건산업진흥원", "Korea Health Industry Development Institute (KHIDI)", AgencyKind.PublicInstitution, null),
        new("kiat", "한국산업기술진흥원", "Korea Institute for Advancement of Technology (KIAT)", AgencyKind.PublicInstitution, null),
        new("tipa", "중소기업기술정보진흥원", "Korea Technology and Information Promotion Agency for SMEs (TIPA)", AgencyKind.PublicInstitution, null),
        new("kbsi", "한국기초과학지원연구원", "Korea Basic Science Institute (KBSI)", AgencyKind.PublicInstitution, Sector.Research),
        new("kribb", "한국생명공학연구원", "Korea Research Institute of Bioscience and Biotechnology (KRIBB)", AgencyKind.PublicInstitution, Sector.Research),
    ];

    public static readonly IReadOnlyList<SeedCluster> Clusters =
    [
        new("songdo", "송도 바이오 클러스터", "Songdo bio cluster", Region.Incheon, "ifez", "경제자유구역",
            ["바이오의약품 생산", "바이오 연구개발"], 37.3826, 126.6560),
        new("daegu-gyeongbuk", "대구경북첨단의료복합단지", "Daegu-Gyeongbuk Advanced Medical Complex", Region.Daegu, "kmedihub", "첨단의료복합단지",
            ["합성신약", "첨단의료기기"], 35.8780, 128.7370),
        new("osong", "오송첨단의료복합단지", "Osong Advanced Medical Complex", Region.Chungbuk, "kbiohealth", "첨단의료복합단지",
            ["바이오신약", "첨단의료기기"], 36.6340, 127.3270),
        new("innopolis", "연구개발특구(이노폴리스)", "R&D Special Zones (Innopolis)", Region.Daejeon, "innopolis", "연구개발특구",
            ["연구개발", "기술사업화"], 36.3740, 127.3660),
        new("gwanggyo", "경기 바이오 클러스터(광교테크노밸리)", "Gyeonggi bio cluster (Gwanggyo Techno Valley)", Region.Gyeonggi, "gbsa", null,
            ["바이오 융합기술", "바이오 기업 지원"], 37.2880, 127.0480),
        new("wonju", "원주 의료기기 클러스터", "Wonju medical device cluster", Region.Gangwon, "wmit", null,
            ["의료기기"], 37.3420, 127.9200),
    ];

    // Declared after Launch: static fields are initialised in the order they are written.
    /// <summary>
    /// Every seeded agency: the council at launch, then the rest of central government (<see cref="GovernmentAgencies"/>), then
    /// the Gwanggyo actors and developer (<see cref="ClusterSiteSeed"/>).
    /// </summary>
    public static readonly IReadOnlyList<SeedAgency> Agencies = [.. Launch, .. GovernmentAgencies.All, .. ClusterSiteSeed.Agencies];
}
