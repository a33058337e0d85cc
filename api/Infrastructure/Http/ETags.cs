using Microsoft.Net.Http.Headers;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Strong ETags made from a record's version number.</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version}\"";

    public static void Set(HttpContext context, long version) =>
        context.Response.Headers[HeaderNames.ETag] = Of(version);

    public static bool TryParse(string header, out long version)
    {
        version = -1;
        var tag = header.Trim();
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], out version) && version > 0;
    }

    public static bool HasIfMatch(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(request.Headers[HeaderNames.IfMatch].ToString());

    /// <summary>
    /// The version the client claims to hold, or -1 when the header cannot be read. Only a strong tag
    /// matches: <c>*</c>, weak tags and anything unreadable never equal a version, so they answer 412.
    /// </summary>
    public static long ExpectedVersion(HttpRequest request) =>
        TryParse(request.Headers[HeaderNames.IfMatch].ToString(), out var v) ? v : -1;
}
