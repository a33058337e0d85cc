using System.Text;
using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Features.Documents;

/// <summary>
/// File names as uploaded and as offered for download. A name is taken only as a name: one with a folder in it, a
/// control character or no allowed extension is refused rather than cleaned up, so what is stored is what the person
/// sent (in Unicode NFC: macOS sends Korean decomposed, and 한글 must compare and sort as 한글).
/// </summary>
public static class DocumentNames
{
    public const int MaxLength = 255;

    /// <summary>Characters some file system or the download header would trip over.</summary>
    private static readonly char[] Unsafe = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', ';'];

    /// <summary>The name as stored (trimmed, NFC), or the reason it is refused.</summary>
    public static (string? Name, string? Problem) Check(string? raw)
    {
        string? name;
        try
        {
            name = raw?.Trim().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return (null, Text.Of("파일 이름이 올바른 유니코드가 아닙니다.", "The file name is not valid Unicode.")); // a lone surrogate
        }
        if (string.IsNullOrEmpty(name))
            return (null, Text.Of("파일 이름이 없습니다.", "The file has no name."));
        if (name.Length > MaxLength)
            return (null, Text.Of($"파일 이름은 {MaxLength}자 이하여야 합니다.", $"The file name may be at most {MaxLength} characters."));
        if (name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u202D'))
            return (null, Text.Of("파일 이름에 제어 문자가 있습니다.", "The file name has control characters."));
        if (name.Contains('/') || name.Contains('\\') || name is "." or ".." || name.StartsWith("..", StringComparison.Ordinal))
            return (null, Text.Of("파일 이름에 폴더 경로를 넣을 수 없습니다. 파일 이름만 보내십시오.", "The file name may not contain a folder path; send the name only."));
        return (name, null);
    }

    /// <summary>The file's extension, lower case, without the dot ("" when none).</summary>
    public static string ExtensionOf(string name) => Path.GetExtension(name).TrimStart('.').ToLowerInvariant();

    /// <summary>
    /// The name a download is offered under: unsafe characters replaced by '_', no leading or trailing dots or spaces,
    /// and no longer than <see cref="MaxLength"/> with the extension kept.
    /// </summary>
    public static string Safe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name) builder.Append(Array.IndexOf(Unsafe, c) >= 0 || char.IsControl(c) ? '_' : c);
        var safe = builder.ToString().Trim().Trim('.', ' ');
        if (safe.Length == 0) safe = "document";
        if (safe.Length > MaxLength)
        {
            var extension = Path.GetExtension(safe);
            safe = safe[..(MaxLength - extension.Length)] + extension;
        }
        return safe;
    }

    /// <summary>
    /// The ASCII name for clients that do not read <c>filename*</c>: the safe name when it is plain ASCII, otherwise
    /// <c>document-{id}.{ext}</c> (a Korean name turned into underscores helps nobody).
    /// </summary>
    public static string AsciiFallback(string safeName, long id)
    {
        if (safeName.All(c => c is >= ' ' and <= '~' && c is not ('"' or '\\' or '%'))) return safeName;
        var extension = ExtensionOf(safeName);
        return extension.Length > 0 && extension.All(char.IsAsciiLetterOrDigit) ? $"document-{id}.{extension}" : $"document-{id}";
    }

    /// <summary>
    /// <c>Content-Disposition: attachment</c> with the ASCII fallback and the UTF-8 name as RFC 6266 / RFC 8187 (5987) say:
    /// <c>attachment; filename="document-7.pdf"; filename*=UTF-8''%EA%B0%9C%EC%A0%95.pdf</c>.
    /// </summary>
    public static string ContentDisposition(string safeName, long id) =>
        $"attachment; filename=\"{AsciiFallback(safeName, id)}\"; filename*=UTF-8''{EncodeRfc8187(safeName)}";

    /// <summary>Percent-encodes every byte of the UTF-8 name that is not an RFC 8187 attr-char.</summary>
    public static string EncodeRfc8187(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c)) builder.Append(c);
            else builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }
}
