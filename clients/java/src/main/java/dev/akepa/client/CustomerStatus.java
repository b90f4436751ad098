package dev.akepa.client;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The answer to GET /customer/status/{customerId}. {@code customer} is the object sent to /customer/init with
 * identification document values masked to their last 4 characters. kycStatus: WAITING_DATA, WAITING_REVIEW,
 * APPROVED, DECLINED or PENDING.
 */
public record CustomerStatus(String reference, String customerId, String customerType, String kycStatus,
                             JsonNode customer, Instant dtsCreatedAt) {}
