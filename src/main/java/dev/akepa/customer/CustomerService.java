package dev.akepa.customer;

import dev.akepa.crypto.Sha256;
import dev.akepa.auth.Partner;
import dev.akepa.http.ApiErrors;
import dev.akepa.store.Ids;
import dev.akepa.store.Transactions;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;

/** /customer/init and /customer/status. */
public final class CustomerService {
    private final Jdbi jdbi;
    private final CustomerRepository customers;
    private final KycStatusLookup kycStatus;
    private final Clock clock;

    public CustomerService(Jdbi jdbi, CustomerRepository customers, KycStatusLookup kycStatus, Clock clock) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.kycStatus = kycStatus;
        this.clock = clock;
    }

    /** Creates a customer from a schema-valid /customer/init body. */
    public Customer init(Partner partner, JsonNode body) {
        Customer.CustomerType type = Customer.CustomerType.fromWire(body.get("customerType").asString());
        String reference = body.get("customerReference").asString();
        ObjectNode data = (ObjectNode) body.get("customer").deepCopy();
        if (type == Customer.CustomerType.BUSINESS) assignRepresentativeIds(data);
        String taxIdHash = taxIdHash(type, data);
        Customer customer = new Customer(Ids.next(type == Customer.CustomerType.BUSINESS ? Ids.BUSINESS : Ids.INDIVIDUAL),
                partner.id(), reference, type, data, clock.millis());
        try {
            // The unique constraints on (partner, reference) and (partner, tax id) find duplicates; looking first
            // would cost two more statements on every init to save work only on the rare duplicate.
            jdbi.useHandle(h -> customers.insert(h, customer, taxIdHash));
        } catch (RuntimeException e) {
            if (!Transactions.isUniqueViolation(e)) throw e;
            // Which key clashed decides the answer, in the rulings' order (tax id before reference).
            jdbi.useHandle(h -> rejectDuplicates(h, partner, reference, taxIdHash));
            throw e;
        }
        return customer;
    }

    private void rejectDuplicates(org.jdbi.v3.core.Handle h, Partner partner, String reference, String taxIdHash) {
        if (taxIdHash != null) {
            customers.findIdByTaxIdHash(h, partner.id(), taxIdHash)
                    .ifPresent(id -> { throw ApiErrors.customerExists(partner.login(), id); });
        }
        customers.findIdByReference(h, partner.id(), reference)
                .ifPresent(id -> { throw ApiErrors.referenceExists(reference, id); });
    }

    public Customer find(Partner partner, String customerId) {
        return customers.find(partner.id(), customerId).orElseThrow(() -> ApiErrors.customerNotFound(customerId));
    }

    public String kycStatus(String customerId) {
        return kycStatus.kycStatus(customerId);
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

    /** SSN for individuals, FEIN for businesses; hashed so duplicates are found without a plaintext index. */
    private static String taxIdHash(Customer.CustomerType type, JsonNode data) {
        String wanted = type == Customer.CustomerType.BUSINESS ? "FEIN" : "SSN";
        for (JsonNode doc : data.path("identificationDocuments")) {
            if (wanted.equals(doc.path("type").asString())) return Sha256.hex(wanted + ":" + doc.path("value").asString());
        }
        return null;
    }

}
