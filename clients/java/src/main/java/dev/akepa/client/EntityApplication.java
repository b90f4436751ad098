package dev.akepa.client;

/** One entity of an application (the customer, or a business representative); outcome null, "approved" or "denied". */
public record EntityApplication(String entityId, boolean isCustomer, String status, String outcome) {}
