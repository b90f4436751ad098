package dev.akepa.customer;

/** The customer's kycStatus (WAITING_DATA, PENDING, …), answered by the KYC feature without a package cycle. */
@FunctionalInterface
public interface KycStatusLookup {
    String kycStatus(String customerId);
}
