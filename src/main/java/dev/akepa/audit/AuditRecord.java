package dev.akepa.audit;

/** A stored audit row: its position in the chain, its content and both hashes. */
public record AuditRecord(long id, AuditEntry entry, String prevHash, String rowHash) {}
