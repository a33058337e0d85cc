using BioCluster.Api.Features.Access;
using BioCluster.Api.Features.RegulatoryIssues;
using BioCluster.Api.Infrastructure.Data;
using BioCluster.Api.Infrastructure.Http;
using BioCluster.Api.Infrastructure.OpenApi;
using BioCluster.Contracts.Access;
using BioCluster.Contracts.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using DisableRequestSizeLimitAttribute = Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace BioCluster.Api.Features.Documents;

/// <summary>
/// Documents attached to records (issue 18, point 8), regulatory issues first: upload, list, metadata, download and
/// (soft) delete, each allowed exactly as the record it belongs to allows (<see cref="AttachmentOwners"/>).
/// </summary>
public static class DocumentsApi
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentOptions>(configuration.GetSection(DocumentOptions.Section));
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<AttachmentOwners>();
        services.TryAddSingleton<IdempotencyStore>();
        var storage = configuration.GetValue($"{DocumentOptions.Section}:Storage", DatabaseDocumentContentStore.Name);
        if (string.Equals(storage, DatabaseDocumentContentStore.Name, StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IDocumentContentStore, DatabaseDocumentContentStore>();
        else
            throw new InvalidOperationException($"{DocumentOptions.Section}:Storage '{storage}' is not a known content store; use {DatabaseDocumentContentStore.Name}.");
        // The kinds of record documents attach to; meetings, agenda items, minutes and follow-ups add theirs here.
        services.AddAttachmentOwner<IssueAttachments>();
        services.AddAttachmentOwner<Meetings.MeetingAttachments>();
        services.AddAttachmentOwner<Meetings.FollowUpAttachments>();
        services.AddAttachmentOwner<Meetings.AgendaItemAttachments>();
        services.AddAttachmentOwner<Meetings.MinutesAttachments>();
        services.AddAttachmentOwner<CollaborationProjects.CollaborationProjectAttachments>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var issues = app.MapGroup("/api/v1/regulatory-issues").WithTags("Documents");
        issues.MapGet("/{id:long}/documents", ListRegulatoryIssueDocuments).WithName(nameof(ListRegulatoryIssueDocuments))
            .RequireAuthorization(Permissions.DocumentsRead)
            .WithSummary("The documents attached to an issue, newest first, and whether the caller may attach more")
            .Validate<DocumentListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        issues.MapPost("/{id:long}/documents", AttachRegulatoryIssueDocument).WithName(nameof(AttachRegulatoryIssueDocument))
            .RequireAuthorization(Permissions.DocumentsWrite)
            .WithSummary("Attach a file to an issue (multipart/form-data: file, optional title and description); PDF, HWP/HWPX, Office, images, UTF-8 text, checked by content")
            .WithMetadata(new DisableRequestSizeLimitAttribute(), new MultipartFileMetadata(
                "The file (at most Documents:MaxBytes, 20 MB by default): pdf, hwp, hwpx, docx, xlsx, pptx, doc, xls, ppt, png, jpg, gif, webp, txt, csv.",
                [new("title", DocumentUpload.MaxTitle, "A title to show instead of the file name."),
                 new("description", DocumentUpload.MaxDescription, "What the document is.")]))
            .Idempotent<DocumentUpload>().ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden);

        MapOwner(app.MapGroup("/api/v1/meetings").WithTags("Documents"), "meeting (agenda papers, presentations, signed minutes)", Permissions.CouncilManage,
            ListMeetingDocuments, AttachMeetingDocument, nameof(ListMeetingDocuments), nameof(AttachMeetingDocument));
        MapOwner(app.MapGroup("/api/v1/follow-ups").WithTags("Documents"), "follow-up action (its evidence)", Permissions.FollowUpsReport,
            ListFollowUpDocuments, AttachFollowUpDocument, nameof(ListFollowUpDocuments), nameof(AttachFollowUpDocument));
        MapOwner(app.MapGroup("/api/v1/agenda-items").WithTags("Documents"), "meeting's agenda item (its paper; an internal item's as the item)",
            Permissions.CouncilManage, ListAgendaItemDocuments, AttachAgendaItemDocument, nameof(ListAgendaItemDocuments), nameof(AttachAgendaItemDocument));
        MapOwner(app.MapGroup("/api/v1/meetings").WithTags("Documents"), "meeting's minutes (the signed copy, annexes)", Permissions.CouncilManage,
            ListMinutesDocuments, AttachMinutesDocument, nameof(ListMinutesDocuments), nameof(AttachMinutesDocument), "/minutes");
        MapOwner(app.MapGroup("/api/v1/collaboration-projects").WithTags("Documents"), "collaboration project (agreements, reports, outcomes)",
            AuthSetup.ClusterEditPolicy, ListCollaborationProjectDocuments, AttachCollaborationProjectDocument, nameof(ListCollaborationProjectDocuments),
            nameof(AttachCollaborationProjectDocument));

        var documents = app.MapGroup("/api/v1/documents").WithTags("Documents");
        documents.MapGet("/{documentId:long}", GetDocument).WithName(nameof(GetDocument)).RequireAuthorization(Permissions.DocumentsRead)
            .WithSummary("A document's metadata").ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden);
        documents.MapGet("/{documentId:long}/content", DownloadDocument).WithName(nameof(DownloadDocument)).RequireAuthorization(Permissions.DocumentsRead)
            .WithSummary("Download a document's bytes (an attachment, as the type found in its content; ETag is the SHA-256, If-None-Match answers 304)")
            .Produces(Status304NotModified).Errors(Status401Unauthorized, Status403Forbidden);
        documents.MapDelete("/{documentId:long}", DeleteDocument).WithName(nameof(DeleteDocument)).RequireAuthorization(Permissions.DocumentsWrite)
            .WithSummary("Delete a document (If-Match required): its uploader, the secretariat or an administrator; kept, marked deleted, for the audit trail")
            .RequiresIfMatch().Errors(Status401Unauthorized, Status403Forbidden);
        return app;
    }

    /// <summary>The list and upload endpoints of one more kind of record, read and changed as that record is.</summary>
    private static void MapOwner(RouteGroupBuilder group, string what, string attachPermission, Delegate list, Delegate attach, string listName, string attachName,
        string under = "")
    {
        group.MapGet($"/{{id:long}}{under}/documents", list).WithName(listName).RequireAuthorization(Permissions.DocumentsRead)
            .WithSummary($"The documents attached to a {what}, newest first, and whether the caller may attach more")
            .Validate<DocumentListQuery>().Errors(Status401Unauthorized, Status403Forbidden);
        group.MapPost($"/{{id:long}}{under}/documents", attach).WithName(attachName).RequireAuthorization(Permissions.DocumentsWrite)
            .RequireAuthorization(attachPermission)
            .WithSummary($"Attach a file to a {what} (multipart/form-data: file, optional title and description), checked by content")
            .WithMetadata(new DisableRequestSizeLimitAttribute(), new MultipartFileMetadata(
                "The file (at most Documents:MaxBytes, 20 MB by default): pdf, hwp, hwpx, docx, xlsx, pptx, doc, xls, ppt, png, jpg, gif, webp, txt, csv.",
                [new("title", DocumentUpload.MaxTitle, "A title to show instead of the file name."),
                 new("description", DocumentUpload.MaxDescription, "What the document is.")]))
            .Idempotent<DocumentUpload>().ReturnsETag().Errors(Status401Unauthorized, Status403Forbidden);
    }

    public static Task<Results<Ok<DocumentPage>, ReadRefused>> ListMeetingDocuments(long id, [AsParameters] DocumentListQuery query, Actor actor,
        DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        ListAsync(DocumentOwnerKind.Meeting, id, query, actor, store, owners, ct);

    public static Task<Results<Created<DocumentDto>, UploadRefused>> AttachMeetingDocument(long id, DocumentUpload upload, Actor actor,
        DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct) =>
        AttachAsync(DocumentOwnerKind.Meeting, id, upload, actor, store, contents, owners, http, ct);

    public static Task<Results<Ok<DocumentPage>, ReadRefused>> ListFollowUpDocuments(long id, [AsParameters] DocumentListQuery query, Actor actor,
        DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        ListAsync(DocumentOwnerKind.FollowUp, id, query, actor, store, owners, ct);

    public static Task<Results<Created<DocumentDto>, UploadRefused>> AttachFollowUpDocument(long id, DocumentUpload upload, Actor actor,
        DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct) =>
        AttachAsync(DocumentOwnerKind.FollowUp, id, upload, actor, store, contents, owners, http, ct);

    public static Task<Results<Ok<DocumentPage>, ReadRefused>> ListAgendaItemDocuments(long id, [AsParameters] DocumentListQuery query, Actor actor,
        DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        ListAsync(DocumentOwnerKind.AgendaItem, id, query, actor, store, owners, ct);

    public static Task<Results<Created<DocumentDto>, UploadRefused>> AttachAgendaItemDocument(long id, DocumentUpload upload, Actor actor,
        DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct) =>
        AttachAsync(DocumentOwnerKind.AgendaItem, id, upload, actor, store, contents, owners, http, ct);

    public static Task<Results<Ok<DocumentPage>, ReadRefused>> ListMinutesDocuments(long id, [AsParameters] DocumentListQuery query, Actor actor,
        DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        ListAsync(DocumentOwnerKind.Minutes, id, query, actor, store, owners, ct);

    public static Task<Results<Created<DocumentDto>, UploadRefused>> AttachMinutesDocument(long id, DocumentUpload upload, Actor actor,
        DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct) =>
        AttachAsync(DocumentOwnerKind.Minutes, id, upload, actor, store, contents, owners, http, ct);

    public static Task<Results<Ok<DocumentPage>, ReadRefused>> ListCollaborationProjectDocuments(long id, [AsParameters] DocumentListQuery query, Actor actor,
        DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        ListAsync(DocumentOwnerKind.CollaborationProject, id, query, actor, store, owners, ct);

    public static Task<Results<Created<DocumentDto>, UploadRefused>> AttachCollaborationProjectDocument(long id, DocumentUpload upload, Actor actor,
        DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct) =>
        AttachAsync(DocumentOwnerKind.CollaborationProject, id, upload, actor, store, contents, owners, http, ct);

    public static Task<Results<Ok<DocumentPage>, ReadRefused>> ListRegulatoryIssueDocuments(long id, [AsParameters] DocumentListQuery query, Actor actor,
        DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        ListAsync(DocumentOwnerKind.RegulatoryIssue, id, query, actor, store, owners, ct);

    public static Task<Results<Created<DocumentDto>, UploadRefused>> AttachRegulatoryIssueDocument(long id, DocumentUpload upload, Actor actor,
        DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct) =>
        AttachAsync(DocumentOwnerKind.RegulatoryIssue, id, upload, actor, store, contents, owners, http, ct);

    private static async Task<Results<Ok<DocumentPage>, ReadRefused>> ListAsync(DocumentOwnerKind kind, long ownerId, DocumentListQuery query,
        Actor actor, DocumentStore store, AttachmentOwners owners, CancellationToken ct)
    {
        if (await owners.MayReadAsync(actor, kind, ownerId, ct) is { } refusal) return new ReadRefused(refusal, Text.Of("기록", "Record"));
        var (sort, limit, cursor) = PagingRules<DocumentListQuery, DocumentStore.DocumentRow>.Of(query, DocumentStore.SortFields, DocumentListQuery.NewestFirst);
        var (rows, next, total) = await store.ListAsync(kind, ownerId, sort, cursor, limit, ct);
        var mayWrite = await MayWriteAsync(actor, owners, kind, ownerId, ct);
        return TypedResults.Ok(new DocumentPage(rows.Select(r => r.ToDto(MayDelete(actor, r, mayWrite))).ToList(), next, total, mayWrite));
    }

    private static async Task<Results<Created<DocumentDto>, UploadRefused>> AttachAsync(DocumentOwnerKind kind, long ownerId, DocumentUpload upload,
        Actor actor, DocumentStore store, IDocumentContentStore contents, AttachmentOwners owners, HttpContext http, CancellationToken ct)
    {
        var What = Text.Of("문서", "Document");
        // A body that is not a form at all is answered as the framework answers a JSON endpoint sent the wrong type: first.
        if (upload.Refusal is { Kind: RefusalKind.UnsupportedMediaType } notAForm) return new UploadRefused(notAForm, What);
        // Then the record: a caller who may not attach learns nothing about the file they sent.
        if (await owners.MayWriteAsync(actor, kind, ownerId, ct) is { } refusal) return new UploadRefused(refusal, What);
        if (upload.Refusal is { } rejected) return new UploadRefused(rejected, What);
        // REVIEW: the bytes are stored before (and outside) the record's transaction, so a failure in between leaves bytes
        // no document points at; harmless (content-addressed, the next upload of them reuses them) and the price of a content
        // store that may live outside the database. A sweep of unreferenced content would clean them up.
        await contents.PutAsync(upload.Sha256!, upload.Content!, upload.Size, ct);
        var created = await store.CreateAsync(new NewDocument(kind, ownerId, upload.Sha256!, upload.FileName!, DocumentNames.Safe(upload.FileName!),
            upload.MediaType!, upload.Size, upload.Title, upload.Description), actor, ct);
        ETags.Set(http, created.Version);
        var document = created.Value.ToDto(MayDelete(actor, created.Value, mayWriteOwner: true));
        return TypedResults.Created($"/api/v1/documents/{document.Id}", document);
    }

    public static async Task<Results<Ok<DocumentDto>, ReadRefused>> GetDocument(long documentId, Actor actor, DocumentStore store, AttachmentOwners owners,
        HttpContext http, CancellationToken ct)
    {
        if (await ReadableAsync(documentId, actor, store, owners, ct) is not { } document)
            return new ReadRefused(AttachmentOwners.DocumentNotFound(documentId), Text.Of("문서", "Document"));
        ETags.Set(http, document.Version);
        var mayWrite = await MayWriteAsync(actor, owners, document.Kind, document.OwnerId, ct);
        return TypedResults.Ok(document.ToDto(MayDelete(actor, document, mayWrite)));
    }

    public static async Task<Results<DocumentDownload, ReadRefused>> DownloadDocument(long documentId, Actor actor, DocumentStore store,
        AttachmentOwners owners, IDocumentContentStore contents, CancellationToken ct) =>
        await ReadableAsync(documentId, actor, store, owners, ct) is { } document
            ? new DocumentDownload(document, contents)
            : new ReadRefused(AttachmentOwners.DocumentNotFound(documentId), Text.Of("문서", "Document"));

    public static async Task<Results<NoContent, WriteRefused>> DeleteDocument(long documentId, Actor actor, DocumentStore store, AttachmentOwners owners,
        HttpContext http, CancellationToken ct)
    {
        var What = Text.Of("문서", "Document");
        if (await ReadableAsync(documentId, actor, store, owners, ct) is not { } document)
            return new WriteRefused(AttachmentOwners.DocumentNotFound(documentId), What);
        if (await owners.MayWriteAsync(actor, document.Kind, document.OwnerId, ct) is { } refusal) return new WriteRefused(refusal, What);
        if (!MayDelete(actor, document, mayWriteOwner: true))
            return new WriteRefused(Refusal.Forbidden(Text.Of("문서는 올린 사람이나 협의체 간사·관리자만 지울 수 있습니다.",
                "Only whoever uploaded a document, the secretariat or an administrator may delete it.")), What);
        if (await store.DeleteAsync(documentId, ETags.ExpectedVersion(http.Request), actor, ct) is { } notDeleted)
            return new WriteRefused(notDeleted.Kind == RefusalKind.NotFound ? AttachmentOwners.DocumentNotFound(documentId) : notDeleted, What);
        return TypedResults.NoContent();
    }

    /// <summary>The document, when it exists, is not deleted, and the caller may read the record it belongs to.</summary>
    private static async Task<DocumentStore.DocumentRow?> ReadableAsync(long id, Actor actor, DocumentStore store, AttachmentOwners owners, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } document && await owners.MayReadAsync(actor, document.Kind, document.OwnerId, ct) is null ? document : null;

    private static async Task<bool> MayWriteAsync(Actor actor, AttachmentOwners owners, DocumentOwnerKind kind, long ownerId, CancellationToken ct) =>
        actor.Can(Permissions.DocumentsWrite) && await owners.Of(kind).CanWriteAsync(actor, ownerId, ct);

    /// <summary>Its uploader, the secretariat and administrators, while they may change the record it belongs to.</summary>
    private static bool MayDelete(Actor actor, DocumentStore.DocumentRow document, bool mayWriteOwner) =>
        mayWriteOwner && actor.Can(Permissions.DocumentsWrite) && (document.UploadedBy(actor) || actor.Role is Role.Admin or Role.Secretariat);
}
