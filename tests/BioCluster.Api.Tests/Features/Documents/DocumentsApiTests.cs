using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using BioCluster.Api.Tests.Infrastructure;
using Dapper;

namespace BioCluster.Api.Tests.Features.Documents;

/// <summary>A SQLite host whose document limit is small enough to cross in a test (3 MiB: three content chunks).</summary>
public sealed class DocumentsFactory : SqliteApiFactory
{
    public const long MaxBytes = 3 * 1024 * 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Documents:MaxBytes", MaxBytes.ToString())];
}

/// <summary>Documents attached to regulatory issues, through HTTP on a real SQLite file: the round trip, the allow-list, access.</summary>
public abstract class DocumentsApiSuite(ApiFactory factory)
{
    private sealed record Doc(long Id, string OwnerKind, long OwnerId, string FileName, string DownloadName, string MediaType, long Size, string Sha256,
        string? Title, string ContentUrl, bool MayDelete);

    private sealed record DocPage(List<Doc> Items, string? NextCursor, int TotalCount, bool MayAttach);

    /// <summary>A new issue raised by KBIOHealth (which operates osong) about the osong cluster.</summary>
    private async Task<long> NewIssue()
    {
        var response = await factory.Client().PostAsync("/api/v1/regulatory-issues", Http.Body(new
        {
            titleKo = "첨부 시험 과제", problemKo = "첨부 문서 시험을 위한 문제 설명입니다.", proposalKo = "첨부 문서 시험을 위한 개선안입니다.",
            category = "other", clusterCodes = new[] { "osong" }, raisedByCode = "kbiohealth",
        }));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
    }

    private static MultipartFormDataContent Form(string fileName, byte[] bytes, string? title = null, string partType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(partType);
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        form.Add(file);
        if (title is not null) form.Add(new StringContent(title), "title");
        return form;
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, long issueId, string fileName, byte[] bytes, string? title = null, string partType = "application/octet-stream") =>
        client.PostAsync($"/api/v1/regulatory-issues/{issueId}/documents", Form(fileName, bytes, title, partType));

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private (long Documents, long Contents, long Audit) Counts()
    {
        using var db = factory.OpenDb();
        return (db.ExecuteScalar<long>("SELECT COUNT(*) FROM documents"), db.ExecuteScalar<long>("SELECT COUNT(*) FROM document_contents"),
            db.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_entries WHERE entity_type = 'document'"));
    }

    [ApiFact]
    public async Task UploadListDownload_KoreanName_RoundTripsWithSafeHeaders()
    {
        var issue = await NewIssue();
        var op = await factory.AsRole("cluster_operator", "kbiohealth");
        var bytes = DocumentSamples.Pdf();
        // The client calls it HTML; what is served is what the content is.
        var created = await Upload(op, issue, "식약처 개정 고시 (2024).pdf", bytes, "개정된 고시", partType: "text/html");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var doc = await created.Read<Doc>();
        Assert.Equal($"/api/v1/documents/{doc.Id}", created.Headers.Location!.ToString());
        Assert.Equal("\"1\"", created.ETag());
        Assert.Equal(("regulatory_issue", issue, "식약처 개정 고시 (2024).pdf", "application/pdf", bytes.Length, Sha(bytes), "개정된 고시", true),
            (doc.OwnerKind, doc.OwnerId, doc.FileName, doc.MediaType, (int)doc.Size, doc.Sha256, doc.Title, doc.MayDelete));

        var page = await (await op.GetAsync($"/api/v1/regulatory-issues/{issue}/documents")).Read<DocPage>();
        Assert.Equal([doc.Id], page.Items.Select(d => d.Id));
        Assert.True(page.MayAttach);
        Assert.Equal(1, page.TotalCount);

        var download = await op.GetAsync(doc.ContentUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal($"\"{Sha(bytes)}\"", download.Headers.ETag!.Tag);
        var disposition = download.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.StartsWith($"attachment; filename=\"document-{doc.Id}.pdf\"; filename*=UTF-8''", disposition);
        Assert.Equal("식약처 개정 고시 (2024).pdf", download.Content.Headers.ContentDisposition!.FileNameStar);

        var metadata = await op.GetAsync($"/api/v1/documents/{doc.Id}");
        Assert.Equal("\"1\"", metadata.ETag());
        Assert.Equal(doc.Id, (await metadata.Read<Doc>()).Id);
    }

    [ApiFact]
    public async Task Download_WithTheETag_Answers304WithoutTheBytes()
    {
        var issue = await NewIssue();
        var admin = factory.Client();
        var doc = await (await Upload(admin, issue, "사진.png", DocumentSamples.Png())).Read<Doc>();
        var first = await admin.GetAsync(doc.ContentUrl);
        using var again = new HttpRequestMessage(HttpMethod.Get, doc.ContentUrl);
        again.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        var notModified = await admin.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        using var other = new HttpRequestMessage(HttpMethod.Get, doc.ContentUrl);
        other.Headers.TryAddWithoutValidation("If-None-Match", "\"0000\"");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(other)).StatusCode);
    }

    [ApiFact]
    public async Task SameBytesTwice_AreStoredOnce_AndALargeFileRoundTripsThroughSeveralChunks()
    {
        var issue = await NewIssue();
        var admin = factory.Client();
        var bytes = DocumentSamples.Pdf($"두 번 올림 {Guid.NewGuid()}").Concat(new byte[2_500_000]).ToArray(); // 3 chunks of 1 MiB
        var a = await (await Upload(admin, issue, "첫째.pdf", bytes)).Read<Doc>();
        var b = await (await Upload(admin, await NewIssue(), "둘째.pdf", bytes)).Read<Doc>();
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.Sha256, b.Sha256);
        using (var db = factory.OpenDb())
        {
            Assert.Equal(1, db.ExecuteScalar<long>("SELECT COUNT(*) FROM document_contents WHERE sha256 = @h", new { h = a.Sha256 }));
            Assert.Equal(3, db.ExecuteScalar<long>("SELECT COUNT(*) FROM document_content_chunks WHERE sha256 = @h", new { h = a.Sha256 }));
        }
        Assert.Equal(bytes, await (await admin.GetAsync(b.ContentUrl)).Content.ReadAsByteArrayAsync());
    }

    public static TheoryData<string, string> AllowedTypes() => new()
    {
        { "보고서.pdf", "application/pdf" },
        { "공문.hwp", "application/x-hwp" },
        { "공문.hwpx", "application/hwp+zip" },
        { "안건.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "실적.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "발표.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "옛문서.doc", "application/msword" },
        { "옛표.xls", "application/vnd.ms-excel" },
        { "옛발표.ppt", "application/vnd.ms-powerpoint" },
        { "사진.png", "image/png" },
        { "사진.JPG", "image/jpeg" },
        { "사진.jpeg", "image/jpeg" },
        { "움짤.gif", "image/gif" },
        { "사진.webp", "image/webp" },
        { "메모.txt", "text/plain; charset=utf-8" },
        { "목록.csv", "text/csv; charset=utf-8" },
    };

    private static byte[] SampleFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => DocumentSamples.Pdf(),
        ".hwp" or ".doc" or ".xls" or ".ppt" => DocumentSamples.Ole(),
        ".hwpx" => DocumentSamples.Hwpx(),
        ".docx" => DocumentSamples.Docx(),
        ".xlsx" => DocumentSamples.Xlsx(),
        ".pptx" => DocumentSamples.Pptx(),
        ".png" => DocumentSamples.Png(),
        ".jpg" or ".jpeg" => DocumentSamples.Jpeg(),
        ".gif" => DocumentSamples.Gif(),
        ".webp" => DocumentSamples.WebP(),
        ".txt" => DocumentSamples.Text("회의 메모\n다음 회의: 6월"),
        ".csv" => DocumentSamples.Text("\uFEFF기관,담당\n식약처,홍길동\n"),
        _ => throw new ArgumentException(fileName),
    };

    [ApiTheory]
    [MemberData(nameof(AllowedTypes))]
    public async Task EachAllowedType_IsAccepted_AsTheTypeItsContentShows(string fileName, string mediaType)
    {
        var response = await Upload(factory.Client(), await NewIssue(), fileName, SampleFor(fileName));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(mediaType, (await response.Read<Doc>()).MediaType);
    }

    public static TheoryData<string, string, byte[]> HostileFiles() => new()
    {
        { "renamed program", "규정.pdf", [.. "MZ"u8, .. new byte[200]] },
        { "Linux program", "도구.txt", [0x7F, .. "ELF"u8, 2, 1, 1, 0] },
        { "HTML as text", "안내.txt", DocumentSamples.Text("<!DOCTYPE html><html><script>alert(1)</script></html>") },
        { "script in text", "메모.txt", DocumentSamples.Text("안녕하세요 <script>fetch('/api/v1/users')</script>") },
        { "SVG", "그림.svg", DocumentSamples.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") },
        { "SVG as PNG", "그림.png", DocumentSamples.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") },
        { "HTML page", "page.html", DocumentSamples.Text("<html></html>") },
        { "zip bomb", "폭탄.docx", DocumentSamples.ZipBomb() },
        { "zip that is not Word", "가짜.docx", DocumentSamples.Zip(("hello.txt", "hi"u8.ToArray())) },
        { "workbook named as Word", "표.docx", DocumentSamples.Xlsx() },
        { "hwpx with another mimetype", "문서.hwpx", DocumentSamples.Hwpx("application/epub+zip") },
        { "PDF named as HWP", "문서.hwp", DocumentSamples.Pdf() },
        { "empty", "빈.pdf", [] },
        { "path traversal", "../../etc/규정.pdf", DocumentSamples.Pdf() },
        { "Windows path", "C:\\temp\\규정.pdf", DocumentSamples.Pdf() },
        { "control character in name", "규정\u0007.pdf", DocumentSamples.Pdf() },
        { "right-to-left trick", "invoice\u202Efdp.exe", DocumentSamples.Pdf() },
        { "NUL in text", "메모.txt", DocumentSamples.Text("첫 줄\0둘째 줄") },
        { "text not UTF-8", "메모.txt", [0xC7, 0xD1, 0xB1, 0xDB] }, // 한글 in CP949
        { "no extension", "README", DocumentSamples.Text("hello") },
    };

    [ApiTheory]
    [MemberData(nameof(HostileFiles))]
    public async Task HostileFile_Is400ProblemAndNothingIsWritten(string why, string fileName, byte[] bytes)
    {
        var issue = await NewIssue();
        var before = Counts();
        var problem = await (await Upload(factory.Client(), issue, fileName, bytes)).Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors().ContainsKey("file"), $"{why}: {problem}");
        Assert.Equal(before, Counts());
    }

    [ApiFact]
    public async Task OversizeFile_Is413AndNothingIsWritten()
    {
        var issue = await NewIssue();
        var before = Counts();
        var bytes = DocumentSamples.Pdf().Concat(new byte[DocumentsFactory.MaxBytes]).ToArray();
        await (await Upload(factory.Client(), issue, "큰 파일.pdf", bytes)).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, Counts());
    }

    [ApiFact]
    public async Task NotMultipart_Is415_AndAnUnknownPart400()
    {
        var issue = await NewIssue();
        var admin = factory.Client();
        await (await admin.PostAsync($"/api/v1/regulatory-issues/{issue}/documents", Http.Body(new { file = "x" }))).Problem(HttpStatusCode.UnsupportedMediaType);
        var form = Form("보고서.pdf", DocumentSamples.Pdf());
        form.Add(new StringContent("1"), "ownerId");
        Assert.Contains("ownerId", (await (await admin.PostAsync($"/api/v1/regulatory-issues/{issue}/documents", form)).Problem(HttpStatusCode.BadRequest)).Errors().Keys);
    }

    [ApiFact]
    public async Task Access_FollowsTheIssue()
    {
        var issue = await NewIssue();
        var raiser = await factory.AsRole("cluster_operator", "kbiohealth");
        var doc = await (await Upload(raiser, issue, "근거.pdf", DocumentSamples.Pdf())).Read<Doc>();

        // Every reader of issues reads its documents; attaching is for those who work the issue.
        var viewer = await factory.AsRole("viewer");
        var page = await (await viewer.GetAsync($"/api/v1/regulatory-issues/{issue}/documents")).Read<DocPage>();
        Assert.False(page.MayAttach);
        Assert.False(page.Items.Single().MayDelete);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(doc.ContentUrl)).StatusCode);
        await (await Upload(viewer, issue, "뷰어.pdf", DocumentSamples.Pdf())).Problem(HttpStatusCode.Forbidden);

        var otherOperator = await factory.AsRole("cluster_operator", "ifez");
        Assert.Equal(HttpStatusCode.OK, (await otherOperator.GetAsync(doc.ContentUrl)).StatusCode);
        Assert.False((await (await otherOperator.GetAsync($"/api/v1/regulatory-issues/{issue}/documents")).Read<DocPage>()).MayAttach);
        await (await Upload(otherOperator, issue, "남의 과제.pdf", DocumentSamples.Pdf())).Problem(HttpStatusCode.Forbidden);
        await (await otherOperator.Send(HttpMethod.Delete, $"/api/v1/documents/{doc.Id}", ifMatch: "\"1\"")).Problem(HttpStatusCode.Forbidden);

        // A ministry not (yet) assigned the issue may read, not attach.
        var ministry = await factory.AsRole("ministry_reviewer", "mfds");
        await (await Upload(ministry, issue, "부처.pdf", DocumentSamples.Pdf())).Problem(HttpStatusCode.Forbidden);

        // Another user of the raising agency may attach, but deletes only what they uploaded.
        var colleague = await factory.AsRole("cluster_operator", "kbiohealth");
        Assert.Equal(HttpStatusCode.Created, (await Upload(colleague, issue, "동료.pdf", DocumentSamples.Pdf("동료"))).StatusCode);
        var seen = await (await colleague.GetAsync($"/api/v1/regulatory-issues/{issue}/documents")).Read<DocPage>();
        Assert.Equal([true, false], seen.Items.Select(d => d.MayDelete)); // newest (their own) first
        await (await colleague.Send(HttpMethod.Delete, $"/api/v1/documents/{doc.Id}", ifMatch: "\"1\"")).Problem(HttpStatusCode.Forbidden);

        // A key that may only import holds no document permission at all.
        var importer = await factory.WithKey("mohw", "import");
        await (await importer.GetAsync(doc.ContentUrl)).Problem(HttpStatusCode.Forbidden);

        // No such issue, no such document: 404, and nothing said about either.
        await (await Upload(raiser, 987_654_321, "없음.pdf", DocumentSamples.Pdf())).Problem(HttpStatusCode.NotFound);
        await (await raiser.GetAsync("/api/v1/regulatory-issues/987654321/documents")).Problem(HttpStatusCode.NotFound);
        await (await raiser.GetAsync("/api/v1/documents/987654321/content")).Problem(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Delete_NeedsIfMatch_IsSoft_HidesTheDocument_AndIsAudited()
    {
        var issue = await NewIssue();
        var raiser = await factory.AsRole("cluster_operator", "kbiohealth");
        var doc = await (await Upload(raiser, issue, "지울 문서.pdf", DocumentSamples.Pdf("지울 문서"))).Read<Doc>();
        var path = $"/api/v1/documents/{doc.Id}";

        await (await raiser.Send(HttpMethod.Delete, path)).Problem(HttpStatusCode.PreconditionRequired);
        await (await raiser.Send(HttpMethod.Delete, path, ifMatch: "\"7\"")).Problem(HttpStatusCode.PreconditionFailed);
        // The secretariat may delete what others uploaded.
        var secretariat = await factory.AsRole("secretariat", "mohw");
        Assert.Equal(HttpStatusCode.NoContent, (await secretariat.Send(HttpMethod.Delete, path, ifMatch: "\"1\"")).StatusCode);

        await (await raiser.GetAsync(path)).Problem(HttpStatusCode.NotFound);
        await (await raiser.GetAsync(doc.ContentUrl)).Problem(HttpStatusCode.NotFound);
        await (await raiser.Send(HttpMethod.Delete, path, ifMatch: "\"2\"")).Problem(HttpStatusCode.NotFound);
        Assert.Empty((await (await raiser.GetAsync($"/api/v1/regulatory-issues/{issue}/documents")).Read<DocPage>()).Items);

        using var db = factory.OpenDb();
        var kept = db.QuerySingle<(object? DeletedAt, string? DeletedByName, long Contents)>(
            "SELECT d.deleted_at, d.deleted_by_name, CAST((SELECT COUNT(*) FROM document_contents c WHERE c.sha256 = d.sha256) AS BIGINT) FROM documents d WHERE d.id = @id",
            new { id = doc.Id });
        Assert.NotNull(kept.DeletedAt);
        Assert.Equal("시험 secretariat", kept.DeletedByName);
        Assert.Equal(1, kept.Contents);
        Assert.Equal(["create", "delete"], db.Query<string>("SELECT action FROM audit_entries WHERE entity_type = 'document' AND entity_id = @id ORDER BY id",
            new { id = doc.Id }));
    }

    [ApiFact]
    public async Task IdempotencyKey_ReplaysTheFirstAnswer_AndAttachesOnce()
    {
        var issue = await NewIssue();
        var admin = factory.Client();
        var key = $"doc-{Guid.NewGuid():N}";
        var bytes = DocumentSamples.Pdf($"한 번만 {key}");
        async Task<HttpResponseMessage> Send(byte[] content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/regulatory-issues/{issue}/documents") { Content = Form("한 번.pdf", content) };
            request.Headers.Add("Idempotency-Key", key);
            return await admin.SendAsync(request);
        }
        var first = await Send(bytes);
        var second = await Send(bytes);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await first.Read<Doc>()).Id, (await second.Read<Doc>()).Id);
        Assert.Single((await (await admin.GetAsync($"/api/v1/regulatory-issues/{issue}/documents")).Read<DocPage>()).Items);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send(DocumentSamples.Pdf("다른 파일"))).StatusCode);
    }
}

public sealed class DocumentsApiTests(DocumentsFactory factory) : DocumentsApiSuite(factory), IClassFixture<DocumentsFactory>;

/// <summary>The same small document limit on SQL Server (BIOCLUSTER_SQLSERVER_CONNECTION).</summary>
public sealed class SqlServerDocumentsFactory : SqlServerApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Documents:MaxBytes", DocumentsFactory.MaxBytes.ToString())];
}

[SqlServerSuite]
public sealed class DocumentsApiSqlServerTests(SqlServerDocumentsFactory factory) : DocumentsApiSuite(factory), IClassFixture<SqlServerDocumentsFactory>;
