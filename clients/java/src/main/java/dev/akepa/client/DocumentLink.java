package dev.akepa.client;

/** One document attached by POST /akepa/update to an entity; view is front, back or selfie. */
public record DocumentLink(String entityId, String documentId, String view) {}
