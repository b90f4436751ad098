package dev.akepa.customer;

import dev.akepa.auth.Partner;
import dev.akepa.http.ApiErrors;
import dev.akepa.store.Ids;
import dev.akepa.store.Transactions;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;

/** /customer/init, and the customer half of /customer/status (kyc/CustomerStatusRoutes adds the kycStatus). */
public final class CustomerService {
    private final Jdbi jdbi;
    private final CustomerRepository customers;
    private final CustomerDataChanges dataChanges;
    private final Clock clock;

    public CustomerService(Jdbi jdbi, CustomerRepository customers, CustomerDataChanges dataChanges, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.dataChanges = dataChanges;
        this.clock = clock;
    }

    /** Creates a customer from a schema-valid /customer/init body. */
    public Customer init(Partner partner, JsonNode body) {
        Customer.CustomerType type = Customer.CustomerType.fromWire(body.get("customerType").asString());
        String reference = body.get("customerReference").asString();
        ObjectNode data = (ObjectNode) body.get("customer").deepCopy();
        if (type == Customer.CustomerType.BUSINESS) assignRepresentativeIds(data);
        CustomerRepository.TaxId taxId = taxId(type, data);
        Customer customer = new Customer(Ids.next(type == Customer.CustomerType.BUSINESS ? Ids.BUSINESS : Ids.INDIVIDUAL),
                partner.id(), reference, type, data, clock.millis());
        try {
            // The unique constraints on (partner, reference) and (partner, tax id) find duplicates; looking first
            // would cost two more statements on every init to save work only on the rare duplicate.
            jdbi.useTransaction(h -> customers.insert(h, customer, taxId));
        } catch (RuntimeException e) {
            if (!Transactions.isUniqueViolation(e)) throw e;
            // Which key clashed decides the answer, in the rulings' order (tax id before reference).
            jdbi.useHandle(h -> rejectDuplicates(h, partner, reference, taxId));
            throw e;
        }
        return customer;
    }

    private void rejectDuplicates(org.jdbi.v3.core.Handle h, Partner partner, String reference,
                                  CustomerRepository.TaxId taxId) {
        if (taxId != null) {
            customers.findIdByTaxId(h, partner.id(), taxId)
                    .ifPresent(id -> { throw ApiErrors.customerExists(partner.login(), id); });
        }
        customers.findIdByReference(h, partner.id(), reference)
                .ifPresent(id -> { throw ApiErrors.referenceExists(reference, id); });
    }

    /**
     * POST /customer/update with a body both update schemas accepted. One transaction, the customer row locked:
     * merge, duplicate check (the SSN or FEIN may have changed; the reference cannot), then the KYC feature
     * verifies again or refuses, then the data is saved. Nothing changes when nothing differs.
     */
    public Customer update(Partner partner, JsonNode body) {
        String customerId = body.get("customerId").asString();
        try {
            return jdbi.inTransaction(h -> {
                Customer before = customers.findForUpdate(h, partner.id(), customerId)
                        .orElseThrow(() -> ApiErrors.customerNotFound(customerId));
                CustomerUpdate.Result result = CustomerUpdate.apply(before, body.get("customer"));
                if (result.changedFields().isEmpty()) return before;
                Customer after = result.after();
                CustomerRepository.TaxId taxId = taxId(after.type(), after.data());
                if (taxId != null && !taxId.equals(taxId(before.type(), before.data()))) {
                    customers.findIdByTaxId(h, partner.id(), taxId).filter(id -> !id.equals(customerId))
                            .ifPresent(id -> { throw ApiErrors.customerExists(partner.login(), id); });
                }
                dataChanges.changed(h, partner, before, after, result.changedFields());
                customers.update(h, after, taxId);
                return after;
            });
        } catch (RuntimeException e) {
            if (!Transactions.isUniqueViolation(e)) throw e;
            // Another customer took the same SSN or FEIN between the check and the save.
            Customer current = find(partner, customerId);
            CustomerRepository.TaxId taxId = taxId(current.type(),
                    CustomerUpdate.apply(current, body.get("customer")).after().data());
            if (taxId != null) {
                jdbi.useHandle(h -> customers.findIdByTaxId(h, partner.id(), taxId).filter(id -> !id.equals(customerId))
                        .ifPresent(id -> { throw ApiErrors.customerExists(partner.login(), id); }));
            }
            throw e;
        }
    }

    public Customer find(Partner partner, String customerId) {
        return customers.find(partner.id(), customerId).orElseThrow(() -> ApiErrors.customerNotFound(customerId));
    }

    /** The customer data as /customer/status shows it: identification values masked. */
    public JsonNode maskedData(Customer customer) {
        return Masking.maskedCopy(customer.data());
    }

    private static void assignRepresentativeIds(ObjectNode data) {
        for (JsonNode rep : data.path("businessRepresentatives")) {
            if (rep instanceof ObjectNode o && !o.hasNonNull("id")) o.put("id", Ids.next(Ids.REPRESENTATIVE));
        }
    }

    /** SSN for individuals, FEIN for businesses: unique per partner, found through a keyed MAC (never stored plain). */
    static CustomerRepository.TaxId taxId(Customer.CustomerType type, JsonNode data) {
        String wanted = type == Customer.CustomerType.BUSINESS ? "FEIN" : "SSN";
        for (JsonNode doc : data.path("identificationDocuments")) {
            if (wanted.equals(doc.path("type").asString())) return new CustomerRepository.TaxId(wanted, doc.path("value").asString());
        }
        return null;
    }
}
