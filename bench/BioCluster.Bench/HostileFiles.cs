using System.IO.Compression;
using System.Text;

/// <summary>The files of scripts/bench-hostile-imports.sh: each one built to swell or stall an import.</summary>
internal static class HostileFiles
{
    public static int Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(false);
        // One 60 MB field.
        using (var w = new StreamWriter(Path.Combine(folder, "field-60mb.csv"), false, utf8))
        {
            w.Write("code,nameKo,kind\r\nhuge,");
            var chunk = new string('가', 1024 * 1024);
            for (var i = 0; i < 20; i++) w.Write(chunk); // 20 M characters, 60 MB of UTF-8
            w.Write(",company\r\n");
        }
        // 20 rows of 1,000,000 cells.
        using (var w = new StreamWriter(Path.Combine(folder, "cells-20x1m.csv"), false, utf8))
        {
            w.Write("code,nameKo,kind\r\n");
            var wide = string.Concat(Enumerable.Repeat(",x", 1_000_000));
            for (var i = 0; i < 20; i++) w.Write($"wide{i},넓은 행,company{wide}\r\n");
        }
        // A header of 1,000,000 unknown columns.
        File.WriteAllText(Path.Combine(folder, "header-1m.csv"), string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => $"c{i}")) + "\r\n", utf8);
        // JSON with one 50 MB string.
        using (var w = new StreamWriter(Path.Combine(folder, "json-50mb-string.json"), false, utf8))
        {
            w.Write("[{\"code\":\"big\",\"nameKo\":\"");
            var chunk = new string('x', 1024 * 1024);
            for (var i = 0; i < 50; i++) w.Write(chunk);
            w.Write("\",\"kind\":\"company\"}]");
        }
        const string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        Xlsx(Path.Combine(folder, "xlsx-range-16384-columns.xlsx"),
            $"<worksheet {ns}><dimension ref=\"A1:XFD1\"/><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c></row></sheetData></worksheet>");
        Xlsx(Path.Combine(folder, "xlsx-row-1000000.xlsx"),
            $"<worksheet {ns}><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>code</t></is></c></row><row r=\"1000000\"><c r=\"A1000000\"><v>1</v></c></row></sheetData></worksheet>");
        Xlsx(Path.Combine(folder, "xlsx-shared-string-300mb.xlsx"), $"<worksheet {ns}><sheetData/></worksheet>", zip =>
        {
            using var part = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open(), utf8);
            part.Write($"<sst {ns}><si><t>");
            var chunk = new string('x', 1024 * 1024);
            for (var i = 0; i < 300; i++) part.Write(chunk);
            part.Write("</t></si></sst>");
        });
        Xlsx(Path.Combine(folder, "xlsx-sheet-unpacks-2gb.xlsx"), null, zip =>
        {
            using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var head = Encoding.UTF8.GetBytes($"<worksheet {ns}><sheetData>");
            part.Write(head);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 2048; i++) part.Write(spaces);
        });
        foreach (var file in Directory.GetFiles(folder).Order()) Console.WriteLine($"{Path.GetFileName(file)} {new FileInfo(file).Length}");
        return 0;
    }

    private static void Xlsx(string path, string? sheet, Action<ZipArchive>? more = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            w.Write(text);
        }
        Part("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        if (sheet is not null) Part("xl/worksheets/sheet1.xml", sheet);
        more?.Invoke(zip);
    }
}
