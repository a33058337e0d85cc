using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace BioCluster.Api.Features.Documents;

/// <summary>
/// A document's bytes as a download: always an attachment (never shown in the API's own origin), under its safe name
/// (an ASCII fallback and the UTF-8 name), as the media type found in its content, with nosniff and a sandboxing CSP,
/// and the content's SHA-256 as a strong ETag — the same bytes never change under it, so If-None-Match answers 304.
/// </summary>
public sealed class DocumentDownload(DocumentStore.DocumentRow document, IDocumentContentStore contents) : IResult, IEndpointMetadataProvider
{
    public string ETag => $"\"{document.Sha256}\"";

    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        response.Headers.ETag = ETag;
        // Only those who may read the record may read the file: a shared cache must not keep it, a browser asks again.
        response.Headers.CacheControl = "private, no-cache";
        if (NotModified(http.Request))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        await using var content = await contents.OpenReadAsync(document.Sha256, http.RequestAborted)
            ?? throw new InvalidOperationException($"The content of document {document.Id} ({document.Sha256}) is missing from the content store.");
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = document.MediaType;
        response.ContentLength = document.Size;
        response.Headers.ContentDisposition = DocumentNames.ContentDisposition(document.SafeName, document.Id);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        await content.CopyToAsync(response.Body, 64 * 1024, http.RequestAborted);
    }

    private bool NotModified(HttpRequest request)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        if (string.IsNullOrWhiteSpace(header)) return false;
        if (header.Trim() == "*") return true;
        return EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch.ToArray()!, out var tags)
               && tags!.Any(t => t.Tag.Value == ETag); // weak comparison (RFC 9110 §13.1.2): W/"…" matches too
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), ["application/octet-stream"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
    }
}
