using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>
/// Refuses request bodies over <c>Api:MaxRequestBodyBytes</c> (default 1 MiB) with a 413 problem:
/// at once when Content-Length says so, and through the server's own limit for streamed bodies.
/// </summary>
public static class RequestSizeLimit
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public static long MaxBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>("Api:MaxRequestBodyBytes") ?? DefaultMaxBytes;

    public static IApplicationBuilder UseRequestSizeLimit(this WebApplication app)
    {
        var max = MaxBytes(app.Configuration);
        return app.Use(async (context, next) =>
        {
            // An endpoint that streams large bodies (imports) names its own limit and enforces it itself.
            if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } own)
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } large)
                    large.MaxRequestBodySize = own.MaxRequestBodySize;
                await next(context);
                return;
            }
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Request body too large",
                        Detail = Text.Of($"요청 본문은 {max:N0}바이트 이하여야 합니다.", $"The body may be at most {max:N0} bytes."),
                    },
                });
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = max;
            await next(context);
        });
    }
}
