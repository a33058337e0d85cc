using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;

namespace BioCluster.Api.Tests.Features.Imports;

/// <summary>
/// The steward scripts of docs/scripts run as a steward runs them — bash and curl against the API on a
/// real socket — and the templates there stay true to the API's columns.
/// </summary>
public sealed class ScriptTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>, IDisposable
{
    private static readonly string[] Entities = ["agencies", "clusters", "cluster_indicators"];
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private readonly string _folder = Directory.CreateTempSubdirectory("biocluster-script-").FullName;
    private string? _importKey;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed record Run(int Exit, string Out, byte[] Stdout, string Err)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    /// <summary>Runs a script of docs/scripts with bash, as a child process, and waits (at most a minute) for it.</summary>
    private async Task<Run> Script(string script, string? key, IReadOnlyDictionary<string, string>? env = null, params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repo.PathOf("docs", "scripts", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["BIOCLUSTER_URL"] = factory.Address.ToString();
        if (key is null) start.Environment.Remove("BIOCLUSTER_KEY");
        else start.Environment["BIOCLUSTER_KEY"] = key;
        start.Environment.Remove("BIOCLUSTER_MONTH");
        foreach (var (name, value) in env ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish in a minute: {await stderr}");
        }
        await copy;
        var bytes = stdout.ToArray();
        return new Run(process.ExitCode, Encoding.UTF8.GetString(bytes), bytes, await stderr);
    }

    private async Task<string> ImportKey() => _importKey ??= await factory.NewKey("mohw", ["import"]);

    private Task<Run> Import(params string[] args) => ImportWith(null, args);

    private async Task<Run> ImportWith(IReadOnlyDictionary<string, string>? env, params string[] args) =>
        await Script("import.sh", await ImportKey(), env, args);

    private static string Code(string prefix) => Http.Unique(prefix).ToLowerInvariant();

    /// <summary>A CSV in the temporary folder, UTF-8 with BOM like Excel's "CSV UTF-8" (the name has a space and Korean, as stewards' files do).</summary>
    private string CsvFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, [.. Bom, .. Encoding.UTF8.GetBytes(text)]);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The history's runs of this file's content (real runs, or dry runs).</summary>
    private async Task<List<JsonElement>> Runs(string entity, string path, bool dryRun)
    {
        var sha = Sha256(path);
        var page = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/imports?entity={entity}&limit=200")).RootElement;
        return page.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("sha256").GetString() == sha && i.GetProperty("dryRun").GetBoolean() == dryRun)
            .Select(i => i.Clone()).ToList();
    }

    private async Task<HttpStatusCode> AgencyStatus(string code) =>
        (await factory.Client().GetAsync($"/api/v1/agencies/by-code/{code}")).StatusCode;

    private async Task<int> AgenciesMatching(string text) =>
        JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/agencies?q={text}&limit=200")).RootElement.GetProperty("totalCount").GetInt32();

    private static (int Rows, int Created, int Updated, int Unchanged, int Rejected) Totals(JsonElement run)
    {
        var t = run.GetProperty("totals");
        return (t.GetProperty("rows").GetInt32(), t.GetProperty("created").GetInt32(), t.GetProperty("updated").GetInt32(),
            t.GetProperty("unchanged").GetInt32(), t.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task Import_DryRunThenImport_SameMonthReplays_NextMonthRunsAfresh_NoDuplicates()
    {
        var prefix = Code("sh");
        var file = CsvFile("기관 목록 2026.csv",
            $"코드,국문명,영문명,유형,부문,상위기관코드,클러스터코드\r\n{prefix}-bio,스크립트바이오(주),Script Bio,기업,산업,,osong\r\n" +
            $"{prefix}-lab,스크립트바이오 연구소,,연구기관,연구,{prefix}-bio,osong\r\n");

        var first = await Import("agencies", file);
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("rows 2: created 2, updated 0, unchanged 0, rejected 0", first.Out);
        Assert.Contains("Done.", first.Out);
        Assert.Equal(HttpStatusCode.OK, await AgencyStatus($"{prefix}-bio"));
        var lab = JsonDocument.Parse(await factory.Client().GetStringAsync($"/api/v1/agencies/by-code/{prefix}-lab")).RootElement;
        Assert.Equal($"{prefix}-bio", lab.GetProperty("parent").GetProperty("code").GetString());
        Assert.Equal("osong", lab.GetProperty("cluster").GetProperty("code").GetString());
        var imported = Assert.Single(await Runs("agencies", file, dryRun: false));
        Assert.Equal("기관 목록 2026.csv", imported.GetProperty("fileName").GetString());
        Assert.Single(await Runs("agencies", file, dryRun: true));
        Assert.False(File.Exists(file + ".rejected.csv"));

        // The same file again this month: the dry run finds every row unchanged, the import is the first answer replayed.
        var again = await Import("agencies", file);
        Assert.True(again.Exit == 0, again.ToString());
        Assert.Contains("rows 2: created 0, updated 0, unchanged 2, rejected 0", again.Out);
        Assert.Contains("replayed", again.Out);
        Assert.Single(await Runs("agencies", file, dryRun: false));
        Assert.Equal(2, await AgenciesMatching(prefix));

        // The same content under another name this month: the key is taken by the first file, so the API refuses it.
        var renamed = Path.Combine(_folder, "renamed.csv");
        File.Copy(file, renamed);
        var refused = await Import("agencies", renamed);
        Assert.True(refused.Exit == 2, refused.ToString());
        Assert.Contains("Idempotency-Key", refused.Err);
        Assert.Single(await Runs("agencies", file, dryRun: false));

        // Next month the key is new: a real run again, which finds everything unchanged and duplicates nothing.
        var nextMonth = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM");
        var later = await ImportWith(new Dictionary<string, string> { ["BIOCLUSTER_MONTH"] = nextMonth }, "agencies", file);
        Assert.True(later.Exit == 0, later.ToString());
        Assert.DoesNotContain("replayed", later.Out);
        Assert.Contains($"import-agencies-{nextMonth}-fail-{Sha256(file)}", later.Out);
        var runs = await Runs("agencies", file, dryRun: false);
        Assert.Equal(2, runs.Count);
        Assert.Equal((2, 0, 0, 2, 0), Totals(runs[0])); // newest first
        Assert.Equal(2, await AgenciesMatching(prefix));
    }

    [Fact]
    public async Task Import_BadRow_Exit1_NothingWritten_RejectedRowsNextToTheFile()
    {
        var (good, bad) = (Code("shg"), Code("shx"));
        var file = CsvFile("bad.csv", $"code,nameKo,kind,clusterCode\r\n{good},좋은 기업,company,osong\r\n{bad},나쁜 기업,spaceship,osong\r\n");

        var run = await Import("agencies", file);
        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("rejected 1", run.Out);
        Assert.Contains("row 3 [kind]", run.Out);
        Assert.Contains("nothing imported", run.Out);
        Assert.Equal(HttpStatusCode.NotFound, await AgencyStatus(good));
        Assert.Equal(HttpStatusCode.NotFound, await AgencyStatus(bad));
        Assert.Empty(await Runs("agencies", file, dryRun: false));

        var rejected = File.ReadAllText(file + ".rejected.csv").TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("행,code,nameKo,kind,clusterCode,오류", rejected[0]);
        Assert.StartsWith($"3,{bad},나쁜 기업,spaceship,osong,", rejected[1]);
        Assert.Contains("kind", rejected[1]);
        Assert.Equal(2, rejected.Length);
    }

    [Fact]
    public async Task Import_Skip_WritesTheGoodRows_Exit1_AndSavesTheRejectedRows()
    {
        var (good, bad) = (Code("shs"), Code("shy"));
        var file = CsvFile("skip.csv", $"code,nameKo,kind,clusterCode\r\n{good},좋은 기업,company,osong\r\n{bad},나쁜 기업,company,atlantis\r\n");

        var run = await Import("agencies", file, "--skip");
        Assert.True(run.Exit == 1, run.ToString());
        Assert.Contains("Imported the good rows; 1 row(s) rejected.", run.Out);
        Assert.Equal(HttpStatusCode.OK, await AgencyStatus(good));
        Assert.Equal(HttpStatusCode.NotFound, await AgencyStatus(bad));
        var imported = Assert.Single(await Runs("agencies", file, dryRun: false));
        Assert.Equal((2, 1, 0, 0, 1), Totals(imported));
        Assert.Equal("skip", imported.GetProperty("onError").GetString());
        Assert.Contains($"3,{bad},", File.ReadAllText(file + ".rejected.csv"));
    }

    /// <summary>A machine with bash, curl and coreutils only: no jq, no python3. The script still decides right.</summary>
    [Fact]
    public async Task Import_WithoutJqOrPython_StillPrintsTotals_AndDecidesByThem()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_folder, "bin")).FullName;
        var path = Environment.GetEnvironmentVariable("PATH")!.Split(Path.PathSeparator);
        foreach (var tool in new[] { "bash", "curl", "sha256sum", "date", "mktemp", "rm", "grep", "head", "cat" })
        {
            var found = path.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
                        ?? throw new InvalidOperationException($"{tool} is not on PATH");
            File.CreateSymbolicLink(Path.Combine(bin, tool), found);
        }
        var plain = new Dictionary<string, string> { ["PATH"] = bin };

        var code = Code("shp");
        var good = CsvFile("plain.csv", $"code,nameKo,kind,clusterCode\r\n{code},평범한 기업,company,osong\r\n");
        var run = await ImportWith(plain, "agencies", good);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("rows 1: created 1, updated 0, unchanged 0, rejected 0", run.Out);
        Assert.Equal(HttpStatusCode.OK, await AgencyStatus(code));

        var bad = CsvFile("plain-bad.csv", $"code,nameKo,kind,clusterCode\r\n{Code("shq")},평범한 기업,company,atlantis\r\n");
        var rejected = await ImportWith(plain, "agencies", bad);
        Assert.True(rejected.Exit == 1, rejected.ToString());
        Assert.Contains("rejected 1", rejected.Out);
        Assert.Contains("unknown_reference", rejected.Out); // the API's JSON, printed as it came
        Assert.True(File.Exists(bad + ".rejected.csv"));
    }

    [Fact]
    public async Task Import_UsageAndHttpErrors_Exit2_AndWriteNothing()
    {
        var code = Code("she");
        var file = CsvFile("e.csv", $"code,nameKo,kind\r\n{code},오류 기업,company\r\n");

        Assert.Equal(2, (await Import()).Exit);
        Assert.Equal(2, (await Import("planets", file)).Exit);
        Assert.Equal(2, (await Import("agencies", Path.Combine(_folder, "missing.csv"))).Exit);
        Assert.Equal(2, (await Import("agencies", file, "--force")).Exit);

        var noKey = await Script("import.sh", null, null, "agencies", file);
        Assert.Equal(2, noKey.Exit);
        Assert.Contains("BIOCLUSTER_KEY", noKey.Err);

        var wrongKey = await Script("import.sh", "bck_not-a-real-key", null, "agencies", file);
        Assert.True(wrongKey.Exit == 2, wrongKey.ToString());
        Assert.Contains("HTTP 401", wrongKey.Err);

        var readOnly = await Script("import.sh", await factory.NewKey("mohw", ["read"]), null, "agencies", file);
        Assert.True(readOnly.Exit == 2, readOnly.ToString());
        Assert.Contains("HTTP 403", readOnly.Err);

        var unreachable = await ImportWith(new Dictionary<string, string> { ["BIOCLUSTER_URL"] = "http://127.0.0.1:9" }, "agencies", file);
        Assert.True(unreachable.Exit == 2, unreachable.ToString());
        Assert.Contains("could not reach", unreachable.Err);

        var unknownColumn = CsvFile("u.csv", $"code,nameKo,kind,colour\r\n{code},오류 기업,company,red\r\n");
        var notReadable = await Import("agencies", unknownColumn);
        Assert.True(notReadable.Exit == 2, notReadable.ToString());
        Assert.Contains("HTTP 400", notReadable.Err);
        Assert.Contains("colour", notReadable.Err);

        Assert.Equal(HttpStatusCode.NotFound, await AgencyStatus(code));
        Assert.False(File.Exists(file + ".rejected.csv"));
    }

    [Fact]
    public async Task Templates_HaveTheApisHeaders_AndTheirExampleRowsPassADryRun()
    {
        var client = await factory.WithKey("mohw", "import");
        foreach (var entity in Entities)
        {
            var bytes = File.ReadAllBytes(Repo.PathOf("docs", "scripts", "templates", $"{entity}.csv"));
            Assert.Equal(Bom, bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
            Assert.Equal("", lines[^1]); // CRLF after every line, the last included

            var template = await client.GetByteArrayAsync($"/api/v1/imports/templates/{entity}.csv");
            Assert.Equal(Bom, template[..3]);
            Assert.Equal(Encoding.UTF8.GetString(template[3..]), lines[0] + "\r\n");

            var body = new ByteArrayContent(bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var response = await client.PostAsync($"/api/v1/imports/{entity}?dryRun=true&fileName={entity}.csv", body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{entity}: {(int)response.StatusCode} {text}");
            var report = JsonDocument.Parse(text).RootElement;
            Assert.True(report.GetProperty("problems").GetArrayLength() == 0, $"{entity}: {text}");
            var rows = lines.Length - 2;
            Assert.InRange(rows, 1, 2);
            Assert.Equal(rows, report.GetProperty("totals").GetProperty("rows").GetInt32());
            Assert.Equal(0, report.GetProperty("totals").GetProperty("rejected").GetInt32());
        }
    }

    [Fact]
    public async Task Export_WritesCsvAndXlsx_ToStdout_AndErrorsNeverReachIt()
    {
        var key = await factory.NewKey("kbiohealth", ["read"]);

        var csv = await Script("export.sh", key, null, "clusters", "csv");
        Assert.True(csv.Exit == 0, csv.ToString());
        Assert.Equal(Bom, csv.Stdout[..3]);
        Assert.StartsWith("코드,국문명,영문명,지역,운영기관코드,운영기관", csv.Out.TrimStart('\uFEFF'));
        Assert.Contains("\r\nosong,", csv.Out);

        var xlsx = await Script("export.sh", key, null, "clusters", "xlsx");
        Assert.True(xlsx.Exit == 0, xlsx.ToString());
        Assert.Equal("PK"u8.ToArray(), xlsx.Stdout[..2]);

        var filtered = await Script("export.sh", key, null, "agencies", "csv", "clusterCode=osong", "q=오송");
        Assert.True(filtered.Exit == 0, filtered.ToString());
        Assert.DoesNotContain("\r\nmohw,", filtered.Out);

        var indicators = await Script("export.sh", key, null, "cluster_indicators");
        Assert.True(indicators.Exit == 0, indicators.ToString());
        Assert.StartsWith("클러스터코드,", indicators.Out.TrimStart('\uFEFF'));

        var english = await Script("export.sh", key, null, "cluster_indicators", "csv", "lang=en");
        Assert.True(english.Exit == 0, english.ToString());
        Assert.StartsWith("clusterCode,clusterName,year,", english.Out.TrimStart('\uFEFF'));

        var agenciesXlsx = await Script("export.sh", key, null, "agencies", "xlsx");
        Assert.True(agenciesXlsx.Exit == 0, agenciesXlsx.ToString());
        Assert.Equal("PK"u8.ToArray(), agenciesXlsx.Stdout[..2]);

        var denied = await Script("export.sh", key, null, "audit");
        Assert.True(denied.Exit == 2, denied.ToString());
        Assert.Contains("HTTP 403", denied.Err);
        Assert.Empty(denied.Stdout);
    }
}
