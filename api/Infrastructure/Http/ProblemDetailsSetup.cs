using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace BioCluster.Api.Infrastructure.Http;

public static partial class ProblemDetailsSetup
{
    public static IServiceCollection AddBioClusterProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Title = ProblemTitles.InRequestLanguage(ctx.ProblemDetails.Title);
            ctx.ProblemDetails.Detail ??= ctx.ProblemDetails.Title;
            // ASP.NET Core fills in the type for the common statuses; the rest point at their RFC.
            ctx.ProblemDetails.Type ??= ctx.ProblemDetails.Status switch
            {
                StatusCodes.Status428PreconditionRequired => "https://www.rfc-editor.org/rfc/rfc6585#section-3",
                StatusCodes.Status429TooManyRequests => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                _ => "about:blank",
            };
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad JSON and unbindable parameters throw, so the handler below can say exactly what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    [GeneratedRegex(@"'([^']+)'")]
    internal static partial Regex Quoted();

    // Minimal APIs: Failed to bind parameter "Nullable<int> limit" from "abc".
    [GeneratedRegex(@"^Failed to bind parameter ""(?:[^""]* )?(?<name>[A-Za-z0-9_]+)"" from ""(?<value>.*)""\.?$", RegexOptions.Singleline)]
    internal static partial Regex BindFailure();
}

/// <summary>
/// Turns every exception into problem+json: the framework's own client errors (bad JSON, unbindable parameters, sizes)
/// keep their 4xx, a busy database is a 503, the rest a bare 500. Expected outcomes of the stores are not exceptions
/// but refusals (<see cref="Refused"/>).
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
            BadHttpRequestException bind when ProblemDetailsSetup.BindFailure().Match(bind.Message) is { Success: true } m =>
                new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    // A query record's property is named as declared (Limit); the parameter is its camelCase query name.
                    [JsonNamingPolicy.CamelCase.ConvertName(m.Groups["name"].Value)] =
                        [Text.Of($"'{Clip(m.Groups["value"].Value)}'은(는) 여기에 쓸 수 있는 값이 아닙니다.", $"'{Clip(m.Groups["value"].Value)}' is not a valid value here.")],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Validation failed",
                    Detail = Text.Of("잘못된 매개변수가 있습니다.", "One or more parameters are invalid."),
                },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "Request body too large",
                    StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                    _ => "Bad request",
                },
                Detail = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => Text.Of("요청 본문이 허용 크기를 넘습니다.", bad.Message),
                    StatusCodes.Status415UnsupportedMediaType => Text.Of("이 요청 본문의 형식(Content-Type)은 받을 수 없습니다.", bad.Message),
                    _ => Text.Of("요청을 읽을 수 없습니다. 주소, 매개변수, 본문을 확인하십시오.", bad.Message),
                },
            },
            _ when DatabaseBusy.Is(exception) => DatabaseBusy.Problem(context),
            _ => null,
        };

        if (problem?.Status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning("Database busy on {Method} {Path}: answered 503", context.Request.Method, context.Request.Path);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Server error",
                Detail = Text.Of("서버가 요청을 처리하지 못했습니다. 문의하실 때 traceId를 함께 알려 주십시오.",
                    "The server could not complete the request. Quote the traceId when reporting it."),
            };
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Names the field the JSON went wrong at, in the same camelCase the body uses.</summary>
    private static ProblemDetails FromJson(JsonException json)
    {
        var errors = new Dictionary<string, string[]>();
        var message = json.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var after = message[message.IndexOf("including:", StringComparison.Ordinal)..];
            foreach (Match m in ProblemDetailsSetup.Quoted().Matches(after))
                errors[m.Groups[1].Value] = [Text.Of("필수 항목입니다.", "This field is required.")];
        }
        else if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = ProblemDetailsSetup.Quoted().Match(message).Groups[1].Value;
            errors[FieldOf(json.Path, name)] = [Text.Of("알 수 없는 속성입니다.", "Unknown property.")];
        }
        else if (json.Path is { Length: > 1 } path)
        {
            errors[FieldOf(path, null)] = [Text.Of("값의 형식이나 유형이 올바르지 않습니다.", "The value has the wrong type or format.")];
        }

        var problem = new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid JSON body",
            Detail = errors.Count > 0
                ? Text.Of("요청 본문의 형식이 올바르지 않습니다. errors를 확인하십시오.", "The request body does not match the expected shape; see errors.")
                : Text.Of("요청 본문이 올바른 JSON이 아닙니다.", "The request body is not valid JSON."),
        };
        return problem;
    }

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private static string FieldOf(string? path, string? child)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        // STJ reports an unknown member with a path that already ends at that member.
        if (child is not null && field != child && !field.EndsWith("." + child, StringComparison.Ordinal))
            field = field.Length == 0 ? child : $"{field}.{child}";
        return field.Length == 0 ? "body" : field;
    }
}
