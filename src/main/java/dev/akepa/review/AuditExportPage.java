package dev.akepa.review;

/** The supervisor's audit export form. Public for JTE. */
public record AuditExportPage(String reviewer, String csrf, String error) {}
