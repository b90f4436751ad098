package dev.akepa.openapi;

import dev.akepa.review.ReviewErrors;
import dev.akepa.auth.Access;
import dev.akepa.http.ApiErrors;
import dev.akepa.sanctions.SanctionsErrors;
import dev.akepa.http.ApiException;
import dev.akepa.webhook.WebhookErrors;

import java.util.List;

import static dev.akepa.openapi.Operation.get;
import static dev.akepa.openapi.Operation.post;

/**
 * The route table of the OpenAPI document: one row per route. A new endpoint gets its row here (its request
 * schema file, its success data component from {@code openapi/responses.json}, the catalogue errors its handler
 * throws); {@code OpenApiRouteTableTest} fails while a route the server registers has no row, and the contract
 * test fails on any answer its row does not describe.
 */
final class ApiOperations {
    private static final String INDIVIDUAL = "cstap_3KXMXZEsVcYkgF3ZNIBMxs";
    private static final String BUSINESS = "cstab_5UVqDyjl5n0XB4NZ3jBcHg";
    private static final String APPLICATION = "iapp_5wdC2B35HnIm1We30x1cFI";
    private static final String DOCUMENT = "doc_6nUpgZJJXI0WAWhT1etoaK";

    private static final ApiException WEBHOOK_URL_REFUSED = WebhookErrors.invalidWebhookUrl("http://localhost/hook",
            "webhookURL must not point at a loopback address");
    private static final ApiException PAGE_PARAMETER_REFUSED = WebhookErrors.invalidParameter("pageSize", "must be from 1 to 100");
    private static final ApiException DELIVERY_NOT_FOUND = WebhookErrors.deliveryNotFound("msg_2hKNfiDbjg28YbJzYS21sS");

    private ApiOperations() {}

    /** Failed logins back off per login and per client address (docs/security.md). */
    private static final ApiException LOGIN_THROTTLED = ApiErrors.tooManyRequests(4);

    /** Routes that are not part of the API: the reviewers' HTML console (forms and cookies, for people). */
    static final List<String> NOT_DOCUMENTED = List.of(
            "GET /review", "GET /review/console.css", "GET /review/console.js", "GET /review/login", "POST /review/login", "POST /review/logout",
            "GET /review/queue", "GET /review/applications/{customerId}", "POST /review/applications/{customerId}/reveal",
            "POST /review/applications/{customerId}/decisions", "GET /review/documents/{documentId}",
            "GET /review/search", "GET /review/closed", "POST /review/next", "POST /review/applications/{customerId}/claim",
            "POST /review/applications/{customerId}/release", "POST /review/applications/{customerId}/confirm",
            "POST /review/applications/{customerId}/request-documents", "GET /review/audit", "GET /review/audit/export",
            "GET /review/reviewers", "POST /review/reviewers", "POST /review/reviewers/{login}/role",
            "POST /review/reviewers/{login}/disable",
            "POST /review/applications/{customerId}/reject",
            "GET /docs/{asset}");

    static List<Operation> all() {
        return List.of(
                post("/auth/get-token").tag("Authentication")
                        .summary("Get a partner token", "Send the token as x-connectfi-token on every other call; renew it before dtsExpireAt.")
                        .json("auth-get-token").ok("Token")
                        .errors(ApiErrors.unauthorized(), LOGIN_THROTTLED),

                post("/customer/init").tag("Customers").access(Access.PARTNER)
                        .summary("Create an individual or business customer", "The body matches exactly one of the two shapes (oneOf on customerType).")
                        .json("customer-init").ok("CustomerCreated")
                        .errors(ApiErrors.customerExists("demo", INDIVIDUAL), ApiErrors.referenceExists("myCustomer42", INDIVIDUAL)),
                get("/customer/status/{customerId}").tag("Customers").access(Access.PARTNER)
                        .summary("Get a customer", "Identification document values are masked to their last 4 characters.")
                        .ok("CustomerStatus")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL)),
                post("/customer/update").tag("Customers").access(Access.PARTNER)
                        .summary("Change a customer's data", "Any of /customer/init's customer fields for the customer's type; representatives matched by id. Answers like /customer/status (masked); entities in data_request are verified again.")
                        .json("customer-update").ok("CustomerStatus")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL), ApiErrors.customerExists("demo", INDIVIDUAL),
                                ApiErrors.entityNotFound("ExtBusRepId123"), ApiErrors.entityStatus(INDIVIDUAL, "completed"),
                                ApiErrors.applicationStatus(INDIVIDUAL, "completed")),
                post("/customer/erase").tag("Customers").access(Access.PARTNER)
                        .summary("End the relationship: erase the customer's personal data after retention",
                                "Erased AKEPA_RETENTION after the later of this request and the application's completion (sandbox: at once). Ids, statuses, outcomes and the audit trail stay; /customer/status then answers customer: {}. Repeating it answers the same.")
                        .json("customer-erase").ok("CustomerErasure")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL)),

                post("/akepa/identification").tag("KYC/KYB").access(Access.PARTNER)
                        .summary("Start the KYC/KYB process", "syncMode true: asynchronous, the answer shows running. A repeated call returns the current application.")
                        .json("akepa-identification").ok("Application")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL), ApiErrors.duplicateEntityIds(), WEBHOOK_URL_REFUSED),
                get("/akepa/status/{customerId}").tag("KYC/KYB").access(Access.PARTNER)
                        .summary("Get the KYC/KYB status", null).ok("Application")
                        .errors(ApiErrors.identificationNotFound(BUSINESS)),
                post("/akepa/document/generate").tag("KYC/KYB").access(Access.PARTNER)
                        .summary("Generate a document ID", "Prerequisite to uploading a document file.")
                        .json("akepa-document-generate").ok("Document"),
                post("/akepa/document/upload/{documentId}").tag("KYC/KYB").access(Access.PARTNER)
                        .summary("Upload a document file", "multipart/form-data with one file part; the content must be the declared image format.")
                        .multipart().ok("Document")
                        .errors(ApiErrors.documentNotFound(DOCUMENT), ApiErrors.documentAlreadyUploaded(),
                                ApiErrors.fileNotFound(null), ApiErrors.fileTypeMismatch("jpg"),
                                ApiErrors.fileTooLarge(10_485_760), ApiErrors.unsupportedContentType("multipart/form-data"),
                                ApiErrors.invalidMultipart()),
                post("/akepa/update").tag("KYC/KYB").access(Access.PARTNER)
                        .summary("Attach uploaded documents to the application", "All or nothing.")
                        .json("akepa-update").ok("Application")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL), ApiErrors.identificationNotFound(INDIVIDUAL),
                                ApiErrors.applicationStatus(APPLICATION, "completed"), ApiErrors.documentNotFound(DOCUMENT),
                                ApiErrors.fileNotFound(DOCUMENT), ApiErrors.documentInUse(DOCUMENT),
                                ApiErrors.entityNotFound("ExtBusRepId123"), ApiErrors.entityStatus("ExtBusRepId123", "completed")),
                get("/akepa/history/{customerId}").tag("KYC/KYB").access(Access.PARTNER)
                        .summary("The application's audit history", "Actors by role only.").ok("History")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL)),
                post("/akepa/sandbox/review").tag("Sandbox").access(Access.PARTNER).onlyInSandbox()
                        .summary("Decide an entity in waiting_review", "Answers like /akepa/status.")
                        .json("akepa-sandbox-review").ok("Application")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL), ApiErrors.identificationNotFound(INDIVIDUAL),
                                ApiErrors.entityNotFound("ExtBusRepId123"), ApiErrors.entityStatus(INDIVIDUAL, "pending_step_up")),
                post("/akepa/sandbox/reset").tag("Sandbox").access(Access.PARTNER).onlyInSandbox()
                        .summary("Delete all of the calling partner's sandbox data",
                                "Customers, applications, documents (bytes too) and callbacks of the caller; nothing of another partner.")
                        .ok("SandboxReset"),

                get("/webhooks/secret").tag("Webhooks").access(Access.PARTNER)
                        .summary("The callback signing secret", "whsec_…; previousSecret while a rotated-out secret still signs.")
                        .ok("SigningSecret"),
                post("/webhooks/secret/rotate").tag("Webhooks").access(Access.PARTNER)
                        .summary("Rotate the signing secret", "Both secrets sign during the overlap.").ok("SigningSecret"),
                get("/webhooks/deliveries").tag("Webhooks").access(Access.PARTNER)
                        .summary("Callback delivery attempts, newest first", null)
                        .query("customerId", "string", "Only this customer's callbacks")
                        .query("page", "integer", "From 1 (default 1)")
                        .query("pageSize", "integer", "1 to 100 (default 20)")
                        .ok("DeliveryPage")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL), PAGE_PARAMETER_REFUSED),
                post("/webhooks/deliveries/{deliveryId}/replay").tag("Webhooks").access(Access.PARTNER)
                        .summary("Send a callback again", "A new series of attempts with the same webhook-id and body.")
                        .ok("Replayed")
                        .errors(DELIVERY_NOT_FOUND),

                post("/review/auth/get-token").tag("Review API")
                        .summary("Get a reviewer token", "Send it as x-akepa-reviewer-token.")
                        .json("auth-get-token").ok("Token")
                        .errors(ApiErrors.unauthorized(), LOGIN_THROTTLED),
                post("/review/decisions").tag("Review API").access(Access.REVIEWER)
                        .summary("Decide an entity in waiting_review", "Answers like /akepa/status; the reason goes to the audit trail.")
                        .json("review-decision").ok("Application")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL), ApiErrors.identificationNotFound(INDIVIDUAL),
                                ApiErrors.entityNotFound("ExtBusRepId123"), ApiErrors.entityStatus(INDIVIDUAL, "completed"),
                                ApiErrors.identityDocumentsRequired(INDIVIDUAL), ReviewErrors.fourEyesRequired(INDIVIDUAL, "denied")),

                get("/sanctions/lists").tag("Sanctions").access(Access.PARTNER)
                        .summary("The sanctions list versions", "Which OFAC list version screens now, every imported version and its re-screening progress.")
                        .ok("SanctionsLists"),
                post("/screening/search").tag("Sanctions").access(Access.PARTNER)
                        .summary("Search the sanctions list", "Best first, at most 10, only scores of at least minScore (default: the review threshold).")
                        .json("screening-search").ok("ScreeningSearch")
                        .errors(SanctionsErrors.listUnavailable(), SanctionsErrors.invalidDate("dateOfBirth", "1962-02-30")),
                get("/akepa/screening/{customerId}").tag("Sanctions").access(Access.PARTNER)
                        .summary("A customer's screening evidence", "Per entity: the list version, when, and each candidate with its score; and the customer's alerts.")
                        .ok("CustomerScreening")
                        .errors(ApiErrors.customerNotFound(INDIVIDUAL)),

                get("/health/live").tag("Operations").summary("The process answers", null).ok("Health"),
                get("/health/ready").tag("Operations").summary("Database and document store reachable", null).ok("Health")
                        .errors(ApiErrors.unavailable()),
                get("/metrics").tag("Operations")
                        .summary("Prometheus metrics", "When AKEPA_METRICS_TOKEN is set, the scrape needs it as a bearer token.")
                        .raw("text/plain", "Prometheus text exposition format")
                        .errors(ApiErrors.unauthorized()),
                get("/schemas").tag("Documentation").summary("The request body schemas", null).ok("SchemaIndex"),
                get("/schemas/{name}").tag("Documentation").summary("One request body schema (JSON Schema draft-07)", null)
                        .raw("application/schema+json", "The schema file")
                        .errors(ApiErrors.notFound()),
                get("/openapi.json").tag("Documentation").summary("This document", null)
                        .raw("application/json", "OpenAPI 3.1"),
                get("/docs").tag("Documentation").summary("Interactive API documentation (Swagger UI)", null)
                        .raw("text/html", "Swagger UI page"));
    }
}
