using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using BioCluster.Api.Features.Search;
using BioCluster.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BioCluster.Bench;

/// <summary>
/// The search benchmark's parts (scripts/bench-search.sh): regulatory issues with realistic Korean texts built from a
/// vocabulary of regulatory Korean, the API's own indexer run to the end, and a fixed-concurrency load of GET requests
/// that prints p50/p95/p99 from every request's latency.
/// </summary>
public static class SearchBench
{
    private static readonly string[] Parties =
        ["클러스터 입주기업", "바이오 벤처기업", "의료기기 제조업체", "첨단재생의료 실시기관", "임상시험 실시기관", "연구중심병원", "대학 산학협력단", "지역 테크노파크",
         "재단 지원센터", "디지털헬스케어 기업", "체외진단 기업", "원료의약품 제조사"];
    private static readonly string[] Products =
        ["세포치료제", "유전자치료제", "체외진단의료기기", "디지털치료기기", "인공지능 의료기기", "혁신의료기기", "바이오시밀러", "희귀의약품", "개량신약", "원격의료 플랫폼",
         "웨어러블 생체신호 측정기", "마이크로바이옴 치료제", "줄기세포 배양액", "의료용 소프트웨어", "동물대체시험 모델"];
    private static readonly string[] Procedures =
        ["품목허가", "임상시험계획 승인", "제조업 허가", "시설 변경 신고", "GMP 적합판정", "신의료기술평가", "요양급여 결정", "가명정보 결합 신청", "기관생명윤리위원회 심의",
         "수입 통관", "연구개발특구 입주 심사", "규제샌드박스 실증특례 신청", "혁신의료기기 지정", "안전성·유효성 심사", "기술문서 심사"];
    private static readonly string[] Laws =
        ["약사법", "의료기기법", "첨단재생바이오법", "생명윤리법", "개인정보 보호법", "의료법", "국민건강보험법", "산업집적활성화 및 공장설립에 관한 법률", "관세법",
         "연구개발특구의 육성에 관한 특별법", "체외진단의료기기법", "디지털의료제품법"];
    private static readonly string[] Problems =
        ["처리 기간이 법정 기한을 넘겨 평균 {n}개월 이상 지연되고 있습니다", "기관마다 요구하는 서류가 달라 같은 자료를 여러 번 제출해야 합니다",
         "심사 기준이 고시에 명확히 규정되어 있지 않아 담당자에 따라 판단이 달라집니다", "해외에서 이미 승인된 자료도 국내에서 다시 시험해야 합니다",
         "중소기업이 부담하기 어려운 수수료와 시험 비용이 발생합니다", "입주 요건이 제조 중심으로 되어 있어 연구개발 기업이 입주하기 어렵습니다",
         "가명처리 기준이 엄격하여 의료데이터를 연구에 활용하기 어렵습니다", "전문 인력이 부족하여 심사 대기 기간이 길어지고 있습니다",
         "시행규칙 개정이 기술 발전 속도를 따라가지 못하고 있습니다", "지방자치단체와 중앙부처의 해석이 서로 달라 현장에서 혼선이 생깁니다"];
    private static readonly string[] Proposals =
        ["관련 고시를 개정하여 처리 기한을 {n}일 이내로 단축할 것을 건의합니다", "공동 심의 결과를 모든 참여 기관이 인정하도록 제도를 개선해 주시기 바랍니다",
         "사전 상담 제도를 도입하여 신청 전에 요건을 확인할 수 있도록 해야 합니다", "국제 기준과 조화된 평가 지침을 마련하여 중복 시험을 면제해 주십시오",
         "중소기업과 창업기업에는 수수료를 감면하는 특례를 신설할 필요가 있습니다", "클러스터 안에 심사 전담 창구를 두어 현장 지원을 강화해 주시기 바랍니다",
         "시행령에 위임 근거를 마련하고 세부 기준을 공개해야 합니다", "규제자유특구와 연계한 실증 사업으로 안전성을 먼저 검증하는 방안을 제안합니다"];
    private static readonly string[] Effects =
        ["제품 출시가 앞당겨져 수출 경쟁력이 높아질 것으로 기대됩니다", "입주기업의 연구개발 비용이 크게 줄어들 것입니다",
         "환자의 치료 접근성이 개선되고 국민 건강 증진에 기여할 것입니다", "지역 바이오 클러스터의 투자 유치와 일자리 창출에 도움이 됩니다",
         "행정 부담이 줄고 심사의 예측 가능성이 높아집니다"];

    private static string Pick(Random rng, string[] list) => list[rng.Next(list.Length)];

    private static string Sentence(Random rng, bool proposal)
    {
        var n = rng.Next(2, 30).ToString();
        return rng.Next(4) switch
        {
            0 => $"{Pick(rng, Parties)}이 {Pick(rng, Products)}의 {Pick(rng, Procedures)}을 받으려면 {Pick(rng, Laws)} 제{rng.Next(1, 90)}조에 따른 요건을 갖추어야 하나, " +
                 $"{Pick(rng, Problems).Replace("{n}", n)}. ",
            1 => $"{Pick(rng, Procedures)} 과정에서 {Pick(rng, Problems).Replace("{n}", n)}. ",
            2 when proposal => $"{Pick(rng, Laws)}에 따른 {Pick(rng, Procedures)}와 관련하여 {Pick(rng, Proposals).Replace("{n}", n)}. {Pick(rng, Effects)}. ",
            2 => $"특히 {Pick(rng, Products)} 분야는 {Pick(rng, Problems).Replace("{n}", n)}. ",
            _ => proposal ? $"{Pick(rng, Proposals).Replace("{n}", n)}. " : $"이로 인해 {Pick(rng, Parties)}의 {Pick(rng, Products)} 개발 일정에 차질이 생기고 있습니다. ",
        };
    }

    private static string Paragraphs(Random rng, int length, bool proposal)
    {
        var text = new StringBuilder();
        while (text.Length < length) text.Append(Sentence(rng, proposal));
        return text.ToString().TrimEnd();
    }

    /// <summary>Adds <paramref name="count"/> issues (problem + proposal 1,000–3,000 characters together) to a migrated database.</summary>
    public static async Task<int> SeedAsync(string file, int count)
    {
        DapperSetup.Configure();
        var rng = new Random(20261205);
        await using var db = new SqliteConnection($"Data Source={file};Foreign Keys=True");
        await db.OpenAsync();
        var raisers = (await db.QueryAsync<long>("SELECT id FROM agencies WHERE kind = 'cluster_operator' ORDER BY id")).ToArray();
        var clusters = (await db.QueryAsync<long>("SELECT id FROM clusters ORDER BY id")).ToArray();
        string[] categories = ["licensing_approval", "clinical_trials", "data_privacy", "reimbursement_pricing", "land_site", "workforce", "tax_finance", "import_export"];
        var start = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var watch = Stopwatch.StartNew();
        long chars = 0;
        await using (var tx = await db.BeginTransactionAsync())
        {
            for (var i = 0; i < count; i++)
            {
                var total = rng.Next(1000, 3001);
                var problem = Paragraphs(rng, total * 3 / 5, false);
                var proposal = Paragraphs(rng, total - problem.Length, true);
                chars += problem.Length + proposal.Length;
                var created = start.AddMinutes(i * 5);
                var cluster = clusters[rng.Next(clusters.Length)];
                await db.ExecuteAsync("""
                    INSERT INTO regulatory_issues (title_ko, problem_ko, proposal_ko, category, law_name, law_article, raised_by_id, priority, tags,
                        status, rereview_used, next_due_at, version, created_at, updated_at, cluster_ids)
                    VALUES (@Title, @Problem, @Proposal, @Category, @Law, @Article, @Raiser, 3, '[]', 'submitted', 0, '9999-12-31T00:00:00.0000000+00:00', 1,
                        @Created, @Created, @Cluster)
                    """,
                    new
                    {
                        Title = $"{Pick(rng, Products)} {Pick(rng, Procedures)} 개선", Problem = problem, Proposal = proposal,
                        Category = categories[rng.Next(categories.Length)], Law = Pick(rng, Laws), Article = $"제{rng.Next(1, 90)}조",
                        Raiser = raisers[rng.Next(raisers.Length)], Created = created, Cluster = cluster.ToString(),
                    }, tx);
            }
            await tx.CommitAsync();
        }
        Console.Error.WriteLine($"seeded {count} issues, {chars / count} characters of problem + proposal on average, in {watch.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>Runs the API's indexer until nothing is pending, as the API would after an import.</summary>
    public static async Task<int> IndexAsync(string file)
    {
        DapperSetup.Configure();
        var options = Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" });
        var indexer = new SearchIndexer(new DbConnectionFactory(options, new BenchEnvironment()), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            NullLogger<SearchIndexer>.Instance);
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (await indexer.IndexPendingAsync(1000, CancellationToken.None) is var n and > 0) done += n;
        Console.Error.WriteLine($"indexed {done} documents in {watch.Elapsed.TotalSeconds:F0} s ({done / watch.Elapsed.TotalSeconds:F0}/s)");
        return 0;
    }

    /// <summary>
    /// <paramref name="connections"/> loops, each sending GET <paramref name="path"/> one after another for
    /// <paramref name="seconds"/> s after 2 s of warm-up; prints requests/s and p50/p95/p99 of every request.
    /// </summary>
    public static async Task<int> LoadAsync(string baseUrl, string key, string name, string path, int connections, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        string? answer = null;
        var errors = 0;
        async Task<List<double>> Loop(TimeSpan length)
        {
            var times = new List<double>();
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < length)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                answer ??= body;
            }
            return times;
        }
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Loop(TimeSpan.FromSeconds(2))));
        errors = 0;
        var all = (await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Loop(TimeSpan.FromSeconds(seconds))))).SelectMany(t => t).Order().ToList();
        double P(double q) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(q * all.Count) - 1)];
        var total = System.Text.RegularExpressions.Regex.Match(answer ?? "", "\"totalCount\":(\\d+)").Groups[1].Value;
        Console.WriteLine($"{name,-26} {all.Count / (double)seconds,8:F1} req/s   p50 {P(0.50),7:F1} ms   p95 {P(0.95),7:F1} ms   p99 {P(0.99),7:F1} ms   " +
                          $"totalCount {total}   errors {errors}");
        return 0;
    }
}
