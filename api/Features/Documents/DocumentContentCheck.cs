using System.IO.Compression;
using System.Text;
using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Features.Documents;

/// <summary>One type of file BioCluster takes: its extensions, the media type it is served as, and how its content is recognised.</summary>
public sealed record DocumentType(string MediaType, DocumentContentCheck.Shape Shape, string? ZipMainFolder = null);

/// <summary>
/// The allow-list, judged by content and name together: the extension says what the file claims to be, the first bytes
/// (and for ZIP-based formats the archive's directory) must agree. Anything else — executables, HTML and SVG (a script
/// could run in the browser), a ZIP that unpacks to far more than it weighs, text that is not UTF-8 — is refused.
/// The media type a download is served with is the one found here, never the uploader's.
/// </summary>
public static class DocumentContentCheck
{
    public enum Shape { Pdf, Ole, Hwp, Hwpx, Ooxml, Png, Jpeg, Gif, WebP, Text }

    /// <summary>By extension, lower case, without the dot.</summary>
    public static readonly IReadOnlyDictionary<string, DocumentType> Allowed = new Dictionary<string, DocumentType>(StringComparer.Ordinal)
    {
        ["pdf"] = new("application/pdf", Shape.Pdf),
        ["hwp"] = new("application/x-hwp", Shape.Hwp),
        ["hwpx"] = new("application/hwp+zip", Shape.Hwpx),
        ["docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Shape.Ooxml, "word/"),
        ["xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Shape.Ooxml, "xl/"),
        ["pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", Shape.Ooxml, "ppt/"),
        ["doc"] = new("application/msword", Shape.Ole),
        ["xls"] = new("application/vnd.ms-excel", Shape.Ole),
        ["ppt"] = new("application/vnd.ms-powerpoint", Shape.Ole),
        ["png"] = new("image/png", Shape.Png),
        ["jpg"] = new("image/jpeg", Shape.Jpeg),
        ["jpeg"] = new("image/jpeg", Shape.Jpeg),
        ["gif"] = new("image/gif", Shape.Gif),
        ["webp"] = new("image/webp", Shape.WebP),
        ["txt"] = new("text/plain; charset=utf-8", Shape.Text),
        ["csv"] = new("text/csv; charset=utf-8", Shape.Text),
    };

    /// <summary>Entries a ZIP-based document may have (a large workbook has a few thousand).</summary>
    public const int MaxZipEntries = 10_000;
    /// <summary>What all entries of a ZIP-based document may unpack to, by their declared sizes.</summary>
    public const long MaxZipUnpackedBytes = 512L * 1024 * 1024;
    /// <summary>How much smaller than its content an entry over 1 MiB may be packed; real documents stay far below.</summary>
    public const int MaxZipRatio = 200;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    /// <summary>HWP 3.0 files (before the OLE-based HWP 5) start with this text.</summary>
    private static readonly byte[] Hwp3Magic = "HWP Document File"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();

    /// <summary>The media type of an allowed file, or why it is refused. <paramref name="content"/> must be seekable; it is left at 0.</summary>
    public static (string? MediaType, string? Problem) Check(Stream content, string fileName)
    {
        var extension = DocumentNames.ExtensionOf(fileName);
        if (!Allowed.TryGetValue(extension, out var type))
            return (null, Text.Of(
                $"이 종류의 파일은 올릴 수 없습니다. 올릴 수 있는 파일: {string.Join(", ", Allowed.Keys)}.",
                $"This kind of file cannot be attached. Allowed: {string.Join(", ", Allowed.Keys)}."));
        content.Position = 0;
        var head = new byte[64];
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var start = head.AsSpan(0, n);
        if (n == 0) return (null, Text.Of("빈 파일입니다.", "The file is empty."));
        if (IsExecutable(start)) return (null, Text.Of("실행 파일은 올릴 수 없습니다.", "Executable files cannot be attached."));

        var matches = type.Shape switch
        {
            Shape.Pdf => start.StartsWith(PdfMagic),
            Shape.Ole => start.StartsWith(OleMagic),
            Shape.Hwp => start.StartsWith(OleMagic) || start.StartsWith(Hwp3Magic),
            Shape.Hwpx or Shape.Ooxml => start.StartsWith(ZipMagic),
            Shape.Png => start.StartsWith(PngMagic),
            Shape.Jpeg => start.StartsWith(JpegMagic),
            Shape.Gif => start.StartsWith(Gif87) || start.StartsWith(Gif89),
            Shape.WebP => n >= 12 && start[..4].SequenceEqual("RIFF"u8) && start.Slice(8, 4).SequenceEqual("WEBP"u8),
            Shape.Text => true,
            _ => false,
        };
        if (!matches) return (null, Mismatch(extension));

        var problem = type.Shape switch
        {
            Shape.Hwpx or Shape.Ooxml => CheckZip(content, type, extension),
            Shape.Text => CheckText(content),
            _ => null,
        };
        content.Position = 0;
        return problem is null ? (type.MediaType, null) : (null, problem);
    }

    private static string Mismatch(string extension) => Text.Of(
        $"파일 내용이 .{extension} 파일이 아닙니다. 확장자를 바꾼 파일은 올릴 수 없습니다.",
        $"The content is not a .{extension} file; a renamed file cannot be attached.");

    /// <summary>Windows (MZ), Linux (ELF) and macOS (Mach-O) programs.</summary>
    private static bool IsExecutable(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith("MZ"u8) || start.StartsWith("\u007FELF"u8)) return true;
        foreach (var magic in Executables)
            if (start.StartsWith(magic)) return true;
        return false;
    }

    private static readonly byte[][] Executables =
    [
        [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE],
    ];

    /// <summary>
    /// A ZIP-based document, read from its central directory without unpacking it: the number of entries, what they
    /// declare to unpack to (total and per entry against its packed size), and the parts that say what it is —
    /// OOXML's [Content_Types].xml and main folder, HWPX's mimetype (read through a small cap) or Contents folder.
    /// </summary>
    private static string? CheckZip(Stream content, DocumentType type, string extension)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > MaxZipEntries) return Bomb();
            long unpacked = 0;
            foreach (var entry in entries)
            {
                unpacked += entry.Length;
                if (unpacked > MaxZipUnpackedBytes) return Bomb();
                if (entry.Length > 1024 * 1024 && (entry.CompressedLength == 0 || entry.Length / entry.CompressedLength > MaxZipRatio)) return Bomb();
            }
            if (type.Shape == Shape.Ooxml)
                return zip.GetEntry("[Content_Types].xml") is not null
                       && entries.Any(e => e.FullName.StartsWith(type.ZipMainFolder!, StringComparison.Ordinal))
                    ? null : Mismatch(extension);
            if (zip.GetEntry("mimetype") is { } mimetype)
                return ReadSmall(mimetype, 256) is { } declared && declared.Trim() == "application/hwp+zip" ? null : Mismatch(extension);
            return entries.Any(e => e.FullName.StartsWith("Contents/", StringComparison.Ordinal)) ? null : Mismatch(extension);
        }
        catch (InvalidDataException)
        {
            return Text.Of($"파일을 .{extension} 문서로 읽을 수 없습니다. 다시 저장해 올려 주십시오.", $"The file cannot be read as a .{extension} document; save it again.");
        }
        finally
        {
            content.Position = 0;
        }

        static string Bomb() => Text.Of(
            "압축을 풀면 지나치게 커지는 파일이라 받을 수 없습니다.",
            "The file unpacks to far more than it weighs (a zip bomb?), so it is refused.");
    }

    /// <summary>An entry's text, or null when it is longer than <paramref name="max"/> bytes (its declared size can lie).</summary>
    private static string? ReadSmall(ZipArchiveEntry entry, int max)
    {
        using var stream = entry.Open();
        var buffer = new byte[max + 1];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return n > max ? null : Encoding.ASCII.GetString(buffer, 0, n);
    }

    /// <summary>
    /// Text: valid UTF-8 (a BOM is fine), no NUL, and not markup — an HTML or SVG page saved as .txt would be a page
    /// again for any viewer that sniffs it.
    /// </summary>
    private static string? CheckText(Stream content)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        var first = new StringBuilder();
        int n;
        try
        {
            while ((n = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                if (bytes.AsSpan(0, n).Contains((byte)0)) return Text.Of("텍스트 파일에 NUL 문자가 있습니다. 텍스트가 아닌 파일입니다.", "The text has NUL characters; it is not a text file.");
                var count = decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
                if (first.Length < 1024) first.Append(chars, 0, Math.Min(count, 1024 - first.Length));
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return Text.Of("텍스트 파일은 UTF-8이어야 합니다. UTF-8로 다시 저장해 올려 주십시오.", "Text files must be UTF-8; save it again as UTF-8.");
        }
        return LooksLikeMarkup(first.ToString())
            ? Text.Of("HTML·SVG·XML 문서는 올릴 수 없습니다(브라우저에서 스크립트가 실행될 수 있음).", "HTML, SVG and XML documents cannot be attached (a browser could run their scripts).")
            : null;
    }

    private static readonly string[] MarkupStarts = ["<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe", "<meta", "<!--", "<object", "<embed", "<img", "<a ", "<div", "<style", "<link", "<x:"];

    /// <summary>Whether the text starts (after a BOM and white space) like an HTML, SVG or XML document.</summary>
    public static bool LooksLikeMarkup(string start)
    {
        var text = start.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        return MarkupStarts.Any(m => text.StartsWith(m, StringComparison.OrdinalIgnoreCase))
               || text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
