package dev.akepa.verification;

import java.math.BigDecimal;
import java.util.List;

/** The data an entity is verified on, taken from the customer record at identification (and after an update). */
public sealed interface Subject permits Subject.Person, Subject.Business {

    String entityId();

    /** An individual customer or a business representative. */
    record Person(String entityId, boolean isCustomer, String firstName, String lastName, String dateOfBirth,
                  String citizenshipCountryCodeA3, List<Address> addresses, List<IdentityDocument> identificationDocuments,
                  Contact contact)
            implements Subject {}

    /**
     * The business entity of a business customer. {@code representatives} and {@code sameSsnGroups} are its
     * ownership structure as the KYB checks see it: who owns how much and who controls, and which representatives
     * give one SSN between them (ids only: the numbers stay on the representatives).
     */
    record Business(String entityId, String businessName, String doingBusinessAs, String businessType,
                    String incorporationDate, List<Address> addresses, List<IdentityDocument> identificationDocuments,
                    Contact contact, List<Representative> representatives, List<List<String>> sameSsnGroups)
            implements Subject {}

    record Address(String type, String addressLine1, String addressLine2, String city, String stateCode,
                   String postalCode, String countryCodeA3) {}

    record IdentityDocument(String type, String value, String issuanceCountryCodeA3) {}

    /** Email and phones: checked for syntax and validity, never used to identify. */
    record Contact(String email, List<Phone> phones) {
        public static final Contact NONE = new Contact(null, List.of());
    }

    record Phone(String type, String countryDialingCode, String phoneNumber) {}

    /**
     * A representative's place in the business's structure. The percentage is normalised (no trailing zeros), so
     * 50 and 50.0 are the same structure.
     */
    record Representative(String entityId, BigDecimal ownershipPercentage, boolean isController) {}
}
