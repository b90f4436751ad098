package dev.akepa.kyc;

/** What an entity of an application is. */
enum EntityKind {
    INDIVIDUAL, BUSINESS, REPRESENTATIVE
}
