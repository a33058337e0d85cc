using System.Text.RegularExpressions;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>
/// Every sentence the API answers with is said in both working languages: a message given where a person will read
/// it (a validator's <c>WithMessage</c>, a store's <c>Refusal</c> detail or field errors, a problem's <c>detail</c>, a
/// 404's record name, an import row's message) is a <c>Text.Of(korean, english)</c>, picked per request. This reads
/// the API's source and names, file:line, every English-only literal given to such a place.
/// </summary>
public sealed partial class MessageSourceTests
{
    [Fact]
    public void EveryMessageGivenToAPersonIsInBothLanguages()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Repo.PathOf("api"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                                 !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                     .Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Repo.Root, file).Replace('\\', '/');
            offenders.AddRange(MessageScanner.Offenders(File.ReadAllText(file)).Select(o => $"{relative}:{o.Line}: {o.Literal}"));
        }
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} message(s) given only in English; wrap each in Text.Of(korean, english):\n{string.Join("\n", offenders)}");
    }

    /// <summary>The scanner itself catches the shapes the API's code uses, and lets the bilingual ones pass.</summary>
    [Fact]
    public void TheScannerCatchesEveryEnglishOnlyShape()
    {
        const string source = """
            class C
            {
                void A()
                {
                    RuleFor(x => x.Name).NotEmpty().WithMessage("The name is required.");
                    RuleFor(x => x.Code).NotEmpty().WithMessage(_ => $"At least {min} characters.");
                    return Refusal.Conflict("This record is in use.");
                    return Refusal.Invalid("parentCode", $"Agency '{code}' is archived.");
                    return new Refusal(RefusalKind.NotFound, "There is no such feed.");
                    return Refusal.Forbidden(
                        "Only the secretariat may do this.");
                    return TypedResults.Problem(statusCode: 409, title: "Conflict", detail: "It clashes with another meeting.");
                    var p = new ProblemDetails { Title = "Too many requests", Detail = $"Retry after {s} seconds." };
                    errors[key + ".seatId"] = ["Not a seat of this body."];
                    return ReadResponses.NotFound($"Cluster {id}");
                    return WriteResponses.Respond(result, $"Agency {id}", http, TypedResults.Ok);
                    return new CreateRefused(refused, "API key");
                    row.Add("code", "duplicate_in_file", $"Code '{code}' appears again; first at row {first}.");
                    return Problems.Invalid("currentPassword", "The current password is wrong.");
                    RuleFor(x => x.Name).NotEmpty().WithMessage(Text.Of("이름을 입력하십시오.", "The name is required."));
                }

                private static readonly string Busy = Text.Of("바쁩니다.", "Busy.");

                void Fine()
                {
                    RuleFor(x => x.Name).NotEmpty().WithMessage(_ => Text.Of("이름을 입력하십시오.", "The name is required."));
                    return Refusal.Conflict(Text.Of($"기관 '{code}'은(는) 보관되었습니다.",
                        $"Agency '{code}' is archived."));
                    return Invalid("file", "빈 파일입니다.", "The file is empty.");
                    return new ImportFileException(Say.Of("파일이 너무 큽니다.", "The file is too large."));
                    return TypedResults.Problem(statusCode: 409, title: "Record changed", detail: detail);
                    return Refusal.Invalid("file", problem);
                    return ReadResponses.NotFound(Text.Of($"클러스터 {id}", $"Cluster {id}"));
                    app.MapGet("/x", Handler).WithSummary("Read one cluster by its id");
                    logger.LogWarning("Database busy on {Method} {Path}", a, b);
                    // Refusal.Conflict("a comment is not code")
                    return TypedResults.Created($"/api/v1/users/{u.Id}", u);
                }
            }
            """;
        var found = MessageScanner.Offenders(source).Select(o => o.Literal).ToList();
        string[] expected =
        [
            "\"The name is required.\"", "$\"At least {min} characters.\"", "\"This record is in use.\"", "$\"Agency '{code}' is archived.\"",
            "\"There is no such feed.\"", "\"Only the secretariat may do this.\"", "\"It clashes with another meeting.\"",
            "$\"Retry after {s} seconds.\"", "\"Not a seat of this body.\"", "$\"Cluster {id}\"", "$\"Agency {id}\"", "\"API key\"",
            "$\"Code '{code}' appears again; first at row {first}.\"", "\"The current password is wrong.\"",
            "WithMessage(Text.Of(", "static readonly string Busy = Text.Of(",
        ];
        Assert.Equal(expected, found);
    }
}

/// <summary>Finds the string literals given, English only, to a place whose text a person reads in an answer.</summary>
internal static partial class MessageScanner
{
    /// <summary>Calls whose string arguments are messages (or the record name of a 404).</summary>
    private static readonly HashSet<string> Sinks = new(StringComparer.Ordinal)
    {
        "WithMessage", "Refusal", "Conflict", "Forbidden", "Invalid", "TooLarge", "UnsupportedMediaType", "NotFound", "Respond", "Acted",
        "Created", "Found", "Problem", "ValidationProblem", "ReadRefused", "WriteRefused", "PutRefused", "ActionRefused", "CreateRefused",
        "UploadRefused",
    };

    public sealed record Offender(int Line, string Literal);

    public static IEnumerable<Offender> Offenders(string source)
    {
        var literals = Literals(source).ToList();
        for (var i = 0; i < literals.Count; i++)
        {
            var (start, end) = literals[i];
            var text = source[start..end];
            if (!IsProse(text) || Hangul().IsMatch(text)) continue;
            var before = source[Math.Max(0, start - 80)..start];
            if (TitleBefore().IsMatch(before)) continue; // titles go through ProblemTitles
            // The English half of a pair: a Hangul literal, a comma, then this one (Text.Of, a field's (korean, english), …).
            if (i > 0 && Hangul().IsMatch(source[literals[i - 1].Start..literals[i - 1].End])
                && source[literals[i - 1].End..start].Trim() == ",") continue;
            if (InsideBilingualCall(source, start)) continue;

            var (call, open) = EnclosingCall(source, start);
            var sink = call is not null && Sinks.Contains(call);
            if (call == "Add") sink = RowAdd().IsMatch(source[Math.Max(0, open - 12)..open]); // an import row's problem
            if (DetailBefore().IsMatch(before) || ErrorsBefore().IsMatch(before)) sink = true;
            if (sink) yield return new Offender(LineOf(source, start), text);
        }
        // Text.Of picks the language when it runs: run once for a singleton validator or a static field, it would
        // answer every later request in the first one's language.
        foreach (Match frozen in Frozen().Matches(source))
            if (!InComment(source, frozen.Index)) yield return new Offender(LineOf(source, frozen.Index), frozen.Value.Trim());
    }

    private static bool InComment(string source, int index)
    {
        var lineStart = source.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return source.AsSpan(lineStart, index - lineStart).TrimStart().StartsWith("//");
    }

    /// <summary>Text a person reads: a letter and a space outside the interpolation holes (not a code, field name or path).</summary>
    private static bool IsProse(string literal)
    {
        var inner = literal.TrimStart('$', '@').Trim('"');
        return Holes().Replace(inner, "").Any(char.IsLetter) && inner.Trim().Contains(' ');
    }

    private static int LineOf(string source, int index) => source.AsSpan(0, index).Count('\n') + 1;

    /// <summary>Whether <paramref name="index"/> is inside the parentheses of a <c>Text.Of(</c> (or its alias <c>Say.Of(</c>).</summary>
    private static bool InsideBilingualCall(string source, int index)
    {
        var depth = 0;
        for (var k = index - 1; k >= 0; k--)
        {
            var c = source[k];
            if (c == ')') depth++;
            else if (c == '(')
            {
                if (depth == 0)
                {
                    if (BilingualCallBefore().IsMatch(source.AsSpan(Math.Max(0, k - 20), k - Math.Max(0, k - 20)))) return true;
                }
                else depth--;
            }
            else if (c == '"')
            {
                k--;
                while (k >= 0 && source[k] != '"') k--;
            }
            else if (c is ';' or '{' && depth == 0) return false;
        }
        return false;
    }

    /// <summary>The name of the innermost call open at <paramref name="index"/>, and where its parenthesis is.</summary>
    private static (string? Name, int Open) EnclosingCall(string source, int index)
    {
        var depth = 0;
        for (var k = index - 1; k >= 0; k--)
        {
            var c = source[k];
            if (c is ')' or ']' or '}') depth++;
            else if (c is '(' or '[' or '{')
            {
                if (depth > 0) { depth--; continue; }
                if (c != '(') return (null, k);
                var name = CallName().Match(source[Math.Max(0, k - 120)..k]);
                return (name.Success ? name.Groups[1].Value : null, k);
            }
            else if (c == '"')
            {
                k--;
                while (k >= 0 && source[k] != '"') k--;
            }
        }
        return (null, -1);
    }

    /// <summary>The string literals of C# source (regular, verbatim, interpolated, raw), without comments and chars.</summary>
    private static IEnumerable<(int Start, int End)> Literals(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            if (s.AsSpan(i).StartsWith("//")) { i = s.IndexOf('\n', i) is var n and >= 0 ? n : s.Length; continue; }
            if (s.AsSpan(i).StartsWith("/*")) { i = s.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2; continue; }
            if (s[i] == '\'')
            {
                var j = i + 1;
                while (j < s.Length && s[j] != '\'') j += s[j] == '\\' ? 2 : 1;
                i = j + 1;
                continue;
            }
            var prefix = LiteralStart().Match(s, i);
            if (!prefix.Success) { i++; continue; }
            var open = i + prefix.Length; // just after the first quote
            var verbatim = prefix.Value.Contains('@');
            var interpolated = prefix.Value.Contains('$');
            if (s.AsSpan(open).StartsWith("\"\"")) // raw string literal: three or more quotes
            {
                var q = open - 1;
                var k = q;
                while (k < s.Length && s[k] == '"') k++;
                var quotes = new string('"', k - q);
                var close = s.IndexOf(quotes, k, StringComparison.Ordinal);
                yield return (i, close + quotes.Length);
                i = close + quotes.Length;
                continue;
            }
            int p = open, depth = 0;
            while (p < s.Length)
            {
                var c = s[p];
                if (interpolated && c == '{')
                {
                    if (depth == 0 && p + 1 < s.Length && s[p + 1] == '{') { p += 2; continue; }
                    depth++;
                }
                else if (interpolated && c == '}' && depth > 0) depth--;
                else if (depth == 0 && c == '\\' && !verbatim) { p += 2; continue; }
                else if (depth == 0 && c == '"')
                {
                    if (verbatim && p + 1 < s.Length && s[p + 1] == '"') { p += 2; continue; }
                    break;
                }
                else if (depth > 0 && c == '"') // a string inside an interpolation hole
                {
                    p++;
                    while (p < s.Length && s[p] != '"') p += s[p] == '\\' ? 2 : 1;
                }
                p++;
            }
            yield return (i, p + 1);
            i = p + 1;
        }
    }

    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Holes();

    [GeneratedRegex(@"(title:|Title\s*=)\s*$")]
    private static partial Regex TitleBefore();

    [GeneratedRegex(@"(detail:|Detail\s*=)\s*$")]
    private static partial Regex DetailBefore();

    [GeneratedRegex(@"errors\[[^\]]*\]\s*=\s*\[\s*$")]
    private static partial Regex ErrorsBefore();

    /// <summary>A message picked once: <c>WithMessage(Text.Of(…))</c> without a lambda, or a static readonly field or const made of one.</summary>
    [GeneratedRegex(@"WithMessage\(\s*(Text|Say)\.Of\(|static\s+readonly\s+[^;=]*=[^;]*\b(Text|Say)\.Of\(")]
    private static partial Regex Frozen();

    [GeneratedRegex(@"\brow\.Add\s*$")]
    private static partial Regex RowAdd();

    [GeneratedRegex(@"\b(Text|Say)\.Of\s*$")]
    private static partial Regex BilingualCallBefore();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*(<[^<>()]*>)?\s*$")]
    private static partial Regex CallName();

    [GeneratedRegex(@"\G\$*@?\$*""")]
    private static partial Regex LiteralStart();
}
