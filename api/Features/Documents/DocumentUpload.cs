using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BioCluster.Api.Features.Documents;

/// <summary>
/// A file sent as <c>multipart/form-data</c> (a <c>file</c> part, optional <c>title</c> and <c>description</c>), read
/// as it arrives: the file is spooled to a temporary file (deleted when the request ends) while its SHA-256 is computed
/// and its size counted against <see cref="DocumentOptions.MaxBytes"/>, so nothing is held whole in memory and an
/// oversize file is cut off at the limit. Then its name and content are checked (<see cref="DocumentNames"/>,
/// <see cref="DocumentContentCheck"/>). Bound as a handler parameter; what was wrong is its <see cref="Refusal"/>.
/// Serialised (the spool aside) it is what an <c>Idempotency-Key</c> compares.
/// </summary>
public sealed class DocumentUpload : IAsyncDisposable
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2000;
    private const int MaxSections = 8;

    public string? FileName { get; private set; }
    public string? Title { get; private set; }
    public string? Description { get; private set; }
    public string? Sha256 { get; private set; }
    public long Size { get; private set; }
    public string? MediaType { get; private set; }

    [JsonIgnore] public Refusal? Refusal { get; private set; }

    /// <summary>The refusal's kind and message, so two different refused requests under one key differ.</summary>
    public string? Problem => Refusal is null ? null : $"{Refusal.Kind}:{Refusal.Detail}:{string.Join('|', Refusal.Errors?.SelectMany(e => e.Value) ?? [])}";

    [JsonIgnore] public Stream? Content => _spool;

    private FileStream? _spool;

    public static async ValueTask<DocumentUpload?> BindAsync(HttpContext http)
    {
        var upload = new DocumentUpload();
        http.Response.RegisterForDisposeAsync(upload);
        var max = http.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes;
        upload.Refusal = await upload.ReadAsync(http, max);
        return upload;
    }

    private static Refusal Invalid(string field, string korean, string english) => Refusal.Invalid(field, Text.Of(korean, english));

    private static Refusal TooLarge(long max) => Refusal.TooLarge(Text.Of(
        $"파일이 허용 크기 {max / (1024 * 1024):N0}MB를 넘습니다.", $"The file is larger than the limit of {max / (1024 * 1024):N0} MB."));

    private async Task<Refusal?> ReadAsync(HttpContext http, long max)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Refusal.UnsupportedMediaType(Text.Of(
                "파일은 multipart/form-data로 보내야 합니다(file 항목 하나, title 선택).",
                "Send the file as multipart/form-data (one 'file' part, an optional 'title')."));
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            return Invalid("file", "multipart 경계(boundary)가 없거나 너무 깁니다.", "The multipart boundary is missing or too long.");
        // The file plus a generous allowance for the part headers and the title.
        if (request.ContentLength > max + 64 * 1024) return TooLarge(max);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max + 64 * 1024;

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024, BodyLengthLimit = max + 64 * 1024 };
        try
        {
            var sections = 0;
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                if (++sections > MaxSections) return Invalid("file", "항목이 너무 많습니다.", "Too many parts.");
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    return Invalid("file", "multipart 항목에 Content-Disposition: form-data가 없습니다.", "A part has no Content-Disposition: form-data.");
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                switch (name)
                {
                    case "file" when _spool is null:
                        var given = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        var (fileName, nameProblem) = DocumentNames.Check(given);
                        if (nameProblem is not null) return Refusal.Invalid("file", nameProblem);
                        FileName = fileName;
                        if (await SpoolAsync(section.Body, max, http.RequestAborted) is { } spoolProblem) return spoolProblem;
                        break;
                    case "file":
                        return Invalid("file", "파일은 한 번에 하나만 올릴 수 있습니다.", "Send one file at a time.");
                    case "title" when Title is null:
                        Title = await TextAsync(section.Body, MaxTitle, http.RequestAborted);
                        if (Title is null) return Invalid("title", $"제목은 {MaxTitle}자 이하로, 제어 문자 없이 쓰세요.", $"At most {MaxTitle} characters, no control characters.");
                        break;
                    case "description" when Description is null:
                        Description = await TextAsync(section.Body, MaxDescription, http.RequestAborted, lines: true);
                        if (Description is null)
                            return Invalid("description", $"설명은 {MaxDescription}자 이하로 쓰세요.", $"At most {MaxDescription} characters, no control characters.");
                        break;
                    default:
                        return Invalid(name.Length is > 0 and <= 40 && name.All(char.IsAsciiLetterOrDigit) ? name : "file",
                            "알 수 없는 항목입니다. file, title, description만 보낼 수 있습니다.", "Unknown part: send only file, title and description.");
                }
            }
        }
        catch (InvalidDataException)
        {
            return Invalid("file", "multipart 본문을 읽을 수 없습니다.", "The multipart body cannot be read.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }
        catch (IOException)
        {
            return Invalid("file", "multipart 본문이 중간에 끊겼습니다.", "The multipart body ended early.");
        }
        if (_spool is null) return Invalid("file", "파일이 없습니다. file 항목으로 보내십시오.", "No file: send it as the 'file' part.");
        if (Title is { Length: 0 }) Title = null;
        if (Description is { Length: 0 }) Description = null;

        var (mediaType, problem) = DocumentContentCheck.Check(_spool, FileName!);
        if (problem is not null) return Refusal.Invalid("file", problem);
        MediaType = mediaType;
        return null;
    }

    private async Task<Refusal?> SpoolAsync(Stream body, long max, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"biocluster-document-{Guid.NewGuid():N}.tmp");
        _spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            Size += read;
            if (Size > max) return TooLarge(max);
            hash.AppendData(buffer, 0, read);
            await _spool.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (Size == 0) return Invalid("file", "빈 파일입니다.", "The file is empty.");
        await _spool.FlushAsync(ct);
        _spool.Position = 0;
        Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        return null;
    }

    /// <summary>A short text part, trimmed, or null when longer than <paramref name="max"/> characters or with control characters.</summary>
    private static async Task<string?> TextAsync(Stream body, int max, CancellationToken ct, bool lines = false)
    {
        var buffer = new byte[max * 4 + 1];
        var n = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (n == buffer.Length) return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, n).Trim();
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (text.Length > max || text.Any(c => char.IsControl(c) && !(lines && c is '\n' or '\r' or '\t'))) return null;
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        if (_spool is not null) await _spool.DisposeAsync();
    }
}
