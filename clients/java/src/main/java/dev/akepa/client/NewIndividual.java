package dev.akepa.client;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/** An individual customer for POST /customer/init. {@code gender} (M, F or X) may be null. */
public record NewIndividual(String customerReference, Person customer) implements NewCustomer {

    /** The person; dateOfBirth is YYYY-MM-DD, citizenshipCountryCodeA3 ISO 3166-1 alpha-3. */
    public record Person(String firstName, String lastName, String gender, String email, List<Phone> phones,
                         String dateOfBirth, String citizenshipCountryCodeA3, List<Address> addresses,
                         List<IdentificationDocument> identificationDocuments) {}

    @JsonIgnore
    @Override
    public String customerType() {
        return "individual";
    }
}
