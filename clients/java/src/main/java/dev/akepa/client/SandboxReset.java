package dev.akepa.client;

/** What POST /akepa/sandbox/reset deleted of the calling partner. */
public record SandboxReset(int customers, int applications, int documents, int callbacks) {}
