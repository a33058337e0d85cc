using System.IO.Compression;
using System.Text;
using MiniExcelLibs;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>Reads exported files back the way a person's tools would: CSV as UTF-8 with BOM, XLSX with MiniExcel.</summary>
public static class SheetFiles
{
    /// <summary>The rows of a CSV export (RFC 4180), after checking it starts with the UTF-8 BOM.</summary>
    public static List<string[]> ReadCsv(byte[] bytes)
    {
        Assert.True(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "a CSV export starts with the UTF-8 BOM");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add([.. row]); row.Clear();
                i++;
            }
            else field.Append(ch);
        }
        Assert.True(field.Length == 0 && row.Count == 0, "every CSV row ends with CRLF");
        return rows;
    }

    /// <summary>The rows of an XLSX export as text (null for an empty cell), after checking it is a readable workbook.</summary>
    public static List<string?[]> ReadXlsx(byte[] bytes)
    {
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml" })
                Assert.NotNull(zip.GetEntry(part));
        }
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        return rows.Select(r => Enumerable.Range(0, width)
            .Select(i => r.TryGetValue(Letters(i), out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null)
            .ToArray()).ToList();
    }

    private static string Letters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
