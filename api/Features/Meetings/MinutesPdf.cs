using System.Globalization;
using BioCluster.Contracts.Meetings;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

using BioCluster.Api.Infrastructure.Http;

namespace BioCluster.Api.Features.Meetings;

/// <summary>
/// The minutes as an A4 PDF in Korean, drawn with PDFsharp (MIT) in NanumGothic from Debian's fonts-nanum (or the font
/// files <c>Minutes:FontDirectory</c> names). Text is wrapped by measuring it; a page break comes when a line would
/// not fit. Nothing here keeps state between requests but the font bytes, which are the same for every instance.
/// </summary>
public static class MinutesPdf
{
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/nanum";
    private const string Family = "NanumGothic";

    private static readonly object Gate = new();
    private static string? _directory;

    /// <summary>Whether the font files are where the configuration says (the PDF endpoint answers 503 when not).</summary>
    public static bool FontsPresent(string directory) =>
        File.Exists(Path.Combine(directory, "NanumGothic.ttf")) && File.Exists(Path.Combine(directory, "NanumGothicBold.ttf"));

    private static void UseFonts(string directory)
    {
        lock (Gate)
        {
            if (_directory is not null) return;
            GlobalFontSettings.FontResolver = new NanumResolver(directory);
            _directory = directory;
        }
    }

    private sealed class NanumResolver(string directory) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "NanumGothicBold" : "NanumGothic");
        public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(directory, faceName + ".ttf"));
    }

    public static byte[] Render(MinutesDto m, string fontDirectory)
    {
        UseFonts(fontDirectory);
        var writer = new PageWriter(new PdfDocument());
        writer.Document.Info.Title = $"{m.MeetingName} 회의록";
        writer.Heading($"{m.MeetingName} 회의록", 18);
        writer.Line($"{StateLabel(m.State)} · 제{m.VersionNo}판" + (m.PublishedAt is { } p ? $" · 공표 {Kst(p)}" : ""), 9);
        writer.Gap(8);
        writer.Field("회의명", m.MeetingName);
        writer.Field("주관 부서", m.OrganisingUnit);
        writer.Field("일시", Kst(m.StartsAt) + (m.EndsAt is { } end ? $" ~ {end.ToOffset(TimeSpan.FromHours(9)):HH:mm}" : ""));
        writer.Field("장소", m.Place ?? "–");
        writer.Field("정족수", $"재적 {m.Quorum.Seats}명 중 출석 {m.Quorum.Present}명 (개의 {m.Quorum.Needed}명) · {(m.Quorum.Met ? "성원" : "미성원")}");
        writer.Field("참석자", m.Attendees.Count == 0 ? "–" : string.Join(", ", m.Attendees.Select(Attendee)));
        writer.Field("배석자", m.Observers.Count == 0 ? "–" : string.Join(", ", m.Observers.Select(o => o.Agency is null ? o.Name : $"{o.Name}({o.Agency})")));
        writer.Gap(8);
        writer.Heading("진행 순서", 13);
        foreach (var item in m.Items) writer.Line($"{item.Numbering}. {item.TitleKo}" + (item.Presenter is { } by ? $" — {by}" : ""), 10, Indent(item));
        writer.Gap(8);
        writer.Heading("안건별 발언 요지와 결정", 13);
        foreach (var item in m.Items)
        {
            writer.Line($"{item.Numbering}. {item.TitleKo} ({KindLabel(item.Kind)})", 11, Indent(item), bold: true);
            if (item.Remarks is { Length: > 0 } remarks) writer.Line("발언 요지: " + remarks, 10, Indent(item) + 12);
            if (item.Outcome is { } outcome)
            {
                var votes = item.VotesFor is null && item.VotesAgainst is null && item.VotesAbstaining is null ? ""
                    : $" (찬성 {item.VotesFor ?? 0}, 반대 {item.VotesAgainst ?? 0}, 기권 {item.VotesAbstaining ?? 0})";
                writer.Line($"결정: {OutcomeLabel(outcome)}{votes}{(item.QuorumMet == false ? " — 정족수 미달 상태에서 기록됨" : "")}", 10, Indent(item) + 12);
                if (item.DecisionText is { Length: > 0 } text) writer.Line(text, 10, Indent(item) + 12);
            }
            writer.Gap(4);
        }
        if (m.Summary is { Length: > 0 } summary)
        {
            writer.Heading("종합 요지", 13);
            writer.Line(summary, 10);
        }
        if (m.ApprovedAt is { } approved)
            writer.Line($"승인: {(m.ApprovedBy == MinutesApproval.Meeting ? "회의 의결" : "위원장")} · {Kst(approved)}", 9);
        writer.Footers();
        using var stream = new MemoryStream();
        writer.Document.Save(stream, false);
        return stream.ToArray();
    }

    private static double Indent(MinutesItemDto item) => (item.Numbering.Count(c => c == '.')) * 14;

    private static string Attendee(MinutesAttendeeDto a) => a.Status switch
    {
        AttendanceStatus.Substitute => $"{a.SubstituteName}({a.Name} 대리)",
        AttendanceStatus.Absent => $"{a.Name}(불참)",
        _ => a.Agency is null ? a.Name : $"{a.Name}({a.Agency})",
    };

    public static string Kst(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (KST)";

    /// <summary>The decision as the dashboard and the decisions sheet name it (labels.json), in Korean: minutes are Korean records.</summary>
    public static string OutcomeLabel(DecisionOutcome o) => Labels.Of(o, english: false);

    /// <summary>The agenda kind as the dashboard and the agenda sheet name it (labels.json), in Korean.</summary>
    private static string KindLabel(AgendaKind k) => Labels.Of(k, english: false);

    private static string StateLabel(MinutesState s) => s switch
    {
        MinutesState.Draft => "초안",
        MinutesState.Circulated => "위원 회람 중",
        MinutesState.Approved => "승인됨",
        _ => "공표됨",
    };

    /// <summary>Lines down A4 pages with 50 pt margins, a new page when the next line would not fit.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private const double Margin = 50;
        public PdfDocument Document { get; } = document;
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        private XGraphics Gfx
        {
            get
            {
                if (_gfx is null) NewPage();
                return _gfx!;
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = Document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private double Width => _page!.Width.Point - 2 * Margin;

        public void Gap(double points) => _y += points;

        public void Heading(string text, double size) => Line(text, size, 0, bold: true);

        public void Field(string label, string value)
        {
            var font = new XFont(Family, 10, XFontStyleEx.Bold);
            _ = Gfx;
            Ensure(font.GetHeight());
            _gfx!.DrawString(label, font, XBrushes.Black, new XPoint(Margin, _y + font.GetHeight() * 0.8));
            Line(value, 10, 70);
        }

        public void Line(string text, double size, double indent = 0, bool bold = false)
        {
            var font = new XFont(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            _ = Gfx;
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
                foreach (var line in Wrap(paragraph, font, Width - indent))
                {
                    Ensure(font.GetHeight() * 1.3);
                    _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + font.GetHeight() * 0.8));
                    _y += font.GetHeight() * 1.3;
                }
        }

        private void Ensure(double height)
        {
            if (_y + height > _page!.Height.Point - Margin) NewPage();
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            var line = "";
            foreach (var ch in text)
            {
                var next = line + ch;
                if (_gfx!.MeasureString(next, font).Width > width && line.Length > 0)
                {
                    // Break at the last space when there is one in the line, else between characters (Korean wraps either way).
                    var space = line.LastIndexOf(' ');
                    if (space > 0) { yield return line[..space]; line = line[(space + 1)..] + ch; }
                    else { yield return line; line = ch.ToString(); }
                }
                else line = next;
            }
            yield return line;
        }

        public void Footers()
        {
            _gfx?.Dispose();
            var font = new XFont(Family, 8, XFontStyleEx.Regular);
            for (var i = 0; i < Document.PageCount; i++)
            {
                using var gfx = XGraphics.FromPdfPage(Document.Pages[i], XGraphicsPdfPageOptions.Append);
                gfx.DrawString($"{i + 1} / {Document.PageCount}", font, XBrushes.Gray,
                    new XPoint(Document.Pages[i].Width.Point / 2 - 10, Document.Pages[i].Height.Point - 25));
            }
        }
    }
}
