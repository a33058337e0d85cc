using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// The language of what a person reads in an answer: Korean unless the request's <c>Accept-Language</c> prefers
/// English. Only the UI culture follows the request; number and date formats stay invariant, so nothing the API
/// parses or writes as data changes with the caller's language.
/// </summary>
public static class Localization
{
    private static readonly CultureInfo Korean = new("ko");
    private static readonly CultureInfo English = new("en");

    public static IServiceCollection AddBioClusterLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, Korean);
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = [Korean, English];
            o.FallBackToParentUICultures = true; // en-US → en, ko-KR → ko
            // Only the header: a query parameter named "culture" must not switch the language of a list.
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });

    public static IApplicationBuilder UseBioClusterLocalization(this IApplicationBuilder app) => app.UseRequestLocalization();

    /// <summary>True when this request asked for English.</summary>
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}

/// <summary>A sentence in both working languages, the one the request reads picked at the moment it is used.</summary>
public static class Text
{
    public static string Of(string korean, string english) => Localization.IsEnglish ? english : korean;
}

/// <summary>The shared problem titles in Korean, for callers who did not ask for English.</summary>
public static class ProblemTitles
{
    private static readonly Dictionary<string, string> Korean = new(StringComparer.Ordinal)
    {
        ["Bad Request"] = "잘못된 요청",
        ["Bad request"] = "잘못된 요청",
        ["Validation failed"] = "입력값 오류",
        ["One or more validation errors occurred."] = "입력값 오류",
        ["Invalid JSON body"] = "요청 본문이 올바른 JSON이 아님",
        ["Unauthorized"] = "인증 필요",
        ["Forbidden"] = "권한 없음",
        ["Not found"] = "찾을 수 없음",
        ["Not Found"] = "찾을 수 없음",
        ["Method Not Allowed"] = "허용되지 않는 메서드",
        ["Conflict"] = "충돌",
        ["Idempotency-Key in progress"] = "같은 Idempotency-Key의 요청이 처리 중",
        ["Record changed"] = "다른 사용자가 먼저 변경함",
        ["If-Match required"] = "If-Match 헤더 필요",
        ["Request body too large"] = "요청 본문이 너무 큼",
        ["File too large"] = "파일이 너무 큼",
        ["Unsupported media type"] = "지원하지 않는 형식",
        ["Unsupported Media Type"] = "지원하지 않는 형식",
        ["Too Many Requests"] = "요청이 너무 많음",
        ["Too many requests"] = "요청이 너무 많음",
        ["Idempotency-Key reused"] = "이미 쓰인 Idempotency-Key",
        ["Antiforgery token missing or invalid"] = "위조 방지 토큰이 없거나 올바르지 않음",
        ["Account locked"] = "계정 잠김",
        ["Sign-in failed"] = "로그인 실패",
        ["PDF font missing"] = "PDF 글꼴 없음",
        ["Rows rejected; nothing was imported"] = "거부된 행이 있어 아무것도 가져오지 않음",
        ["Import timed out"] = "가져오기 시간 초과",
        ["File not readable"] = "파일을 읽을 수 없음",
        ["Server error"] = "서버 오류",
        ["An error occurred while processing your request."] = "서버 오류",
        ["Service Unavailable"] = "잠시 후 다시 시도",
    };

    public static string? InRequestLanguage(string? title) =>
        title is null || Localization.IsEnglish ? title : Korean.GetValueOrDefault(title, title);
}
