package dev.akepa.customer;

import dev.akepa.auth.Partner;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * What the KYC feature does when a customer's data changes (verify again, refuse, notify), inside the update's
 * transaction and before the new data is saved, so a refusal saves nothing. Implemented by kyc without a cycle.
 */
@FunctionalInterface
public interface CustomerDataChanges {
    void changed(Handle transaction, Partner partner, Customer before, Customer after, List<String> changedFields);
}
