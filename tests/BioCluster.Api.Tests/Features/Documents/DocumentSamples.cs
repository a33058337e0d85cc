using System.IO.Compression;
using System.Text;

namespace BioCluster.Api.Tests.Features.Documents;

/// <summary>Tiny but real files of every allowed type, made here so the tests need no fixtures on disk.</summary>
public static class DocumentSamples
{
    public static byte[] Pdf(string text = "개정 고시") => Encoding.UTF8.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 GIF.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>The start of a JFIF JPEG and its end marker.</summary>
    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>A RIFF/WEBP header with an empty lossless chunk.</summary>
    public static byte[] WebP() => [.. "RIFF"u8, 0x0C, 0x00, 0x00, 0x00, .. "WEBP"u8, .. "VP8L"u8, 0x00, 0x00, 0x00, 0x00];

    /// <summary>An OLE compound file header (HWP 5, .doc, .xls and .ppt are OLE files), padded to a sector.</summary>
    public static byte[] Ole()
    {
        var bytes = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        return memory.ToArray();
    }

    private static byte[] Xml(string text) => Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{text}");

    public static byte[] Ooxml(string mainFolder, string part) => Zip(
        ("[Content_Types].xml", Xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
        ("_rels/.rels", Xml("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>")),
        ($"{mainFolder}{part}", Xml("<document/>")));

    public static byte[] Docx() => Ooxml("word/", "document.xml");
    public static byte[] Xlsx() => Ooxml("xl/", "workbook.xml");
    public static byte[] Pptx() => Ooxml("ppt/", "presentation.xml");

    public static byte[] Hwpx(string mimetype = "application/hwp+zip") => Zip(
        ("mimetype", Encoding.ASCII.GetBytes(mimetype)),
        ("Contents/section0.xml", Xml("<hs:sec xmlns:hs=\"http://www.hancom.co.kr/hwpml/2011/section\"/>")));

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A .docx whose one part unpacks to 30 MB of zeros from a few dozen KB.</summary>
    public static byte[] ZipBomb()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open()) types.Write(Xml("<Types/>"));
            using var bomb = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 30; i++) bomb.Write(zeros);
        }
        return memory.ToArray();
    }
}
