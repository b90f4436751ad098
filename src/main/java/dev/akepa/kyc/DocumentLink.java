package dev.akepa.kyc;

/** One item of /akepa/update's documents array. */
record DocumentLink(String entityId, String documentId, String view) {}
