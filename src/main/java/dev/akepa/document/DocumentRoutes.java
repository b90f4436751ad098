package dev.akepa.document;

import dev.akepa.auth.Partner;
import dev.akepa.auth.Authentication;
import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.http.ApiException;
import dev.akepa.http.JsonBodies;
import dev.akepa.http.RefusedBodies;
import dev.akepa.http.Responses;
import dev.akepa.http.RouteGroup;
import dev.akepa.http.Times;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/** POST /akepa/document/generate and POST /akepa/document/upload/{documentId}. */
public final class DocumentRoutes implements RouteGroup {
    /** Room for multipart boundaries and part headers around the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    private final DocumentService service;
    private final JsonBodies bodies;

    public DocumentRoutes(DocumentService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    /** The document as the page shows it: no note fields, no storage details. */
    record DocumentView(String id, String aggregatorId, boolean uploadStatus, String workflow, String name,
                        String extension, String type, String dtsCreatedAt) {
        static DocumentView of(Document d, String aggregatorId) {
            return new DocumentView(d.id(), aggregatorId, d.uploaded(), d.workflow(), d.name(), d.extension(), d.type(),
                    Times.format(Instant.ofEpochMilli(d.createdAtMillis())));
        }
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.post("/akepa/document/generate", this::generate, Access.PARTNER);
        routes.post("/akepa/document/upload/{documentId}", this::upload, Access.PARTNER);
    }

    private void generate(Context ctx) {
        Partner partner = Authentication.partner(ctx);
        Document document = service.generate(partner, bodies.read(ctx, "akepa-document-generate"));
        Responses.ok(ctx, DocumentView.of(document, partner.login()));
    }

    private void upload(Context ctx) throws IOException {
        Partner partner = Authentication.partner(ctx);
        Document document = service.uploadable(partner, ctx.pathParam("documentId"));
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiErrors.unsupportedContentType("multipart/form-data");
        }
        long max = service.maxUploadBytes();
        if (ctx.req().getContentLengthLong() > max + MULTIPART_OVERHEAD) {
            throw ApiErrors.fileTooLarge(max);
        }
        RefusedBodies.reading(ctx);
        UploadedFile file = firstFile(ctx, max);
        if (file.size() > max) throw ApiErrors.fileTooLarge(max);
        try (InputStream content = file.content()) {
            Document uploaded = service.upload(document, content);
            Responses.ok(ctx, DocumentView.of(uploaded, partner.login()));
        }
    }

    private static UploadedFile firstFile(Context ctx, long max) {
        List<UploadedFile> files;
        try {
            files = ctx.uploadedFiles();
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) { // Jetty's ServletException arrives undeclared through Kotlin
            if (mentionsSize(e)) {
                    throw ApiErrors.fileTooLarge(max);
            }
            throw ApiErrors.invalidMultipart();
        }
        if (files.isEmpty()) throw ApiErrors.fileNotFound(null);
        return files.getFirst();
    }

    private static boolean mentionsSize(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("size") || m.contains("too large") || m.contains("exceed")) return true;
        }
        return false;
    }
}
