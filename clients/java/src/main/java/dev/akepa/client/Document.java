package dev.akepa.client;

import java.time.Instant;

/** A document as /akepa/document/generate and /akepa/document/upload answer it; uploadStatus turns true on upload. */
public record Document(String id, String aggregatorId, boolean uploadStatus, String workflow, String name,
                       String extension, String type, Instant dtsCreatedAt) {}
