package dev.akepa.customer;

/** The customer's kycStatus (WAITING_DATA, PENDING, …), answered by the KYC feature without a package cycle. */
@FunctionalInterface
public interface KycStatusLookup {
    /** A customer with no identification yet: the page's first step is still to come. */
    String BEFORE_IDENTIFICATION = "WAITING_DATA";

    String kycStatus(String customerId);
}
