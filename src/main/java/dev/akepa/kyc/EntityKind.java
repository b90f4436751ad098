package dev.akepa.kyc;

/** What an entity of an application is. */
public enum EntityKind {
    INDIVIDUAL, BUSINESS, REPRESENTATIVE
}
