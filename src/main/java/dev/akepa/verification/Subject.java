package dev.akepa.verification;

import java.util.List;

/** The data an entity is verified on, taken from the customer record at identification. */
public sealed interface Subject permits Subject.Person, Subject.Business {

    String entityId();

    /** An individual customer or a business representative. */
    record Person(String entityId, boolean isCustomer, String firstName, String lastName, String dateOfBirth,
                  String citizenshipCountryCodeA3, List<Address> addresses, List<IdentityDocument> identificationDocuments)
            implements Subject {}

    /** The business entity of a business customer. */
    record Business(String entityId, String businessName, String doingBusinessAs, String businessType,
                    String incorporationDate, List<Address> addresses, List<IdentityDocument> identificationDocuments)
            implements Subject {}

    record Address(String type, String addressLine1, String addressLine2, String city, String stateCode,
                   String postalCode, String countryCodeA3) {}

    record IdentityDocument(String type, String value, String issuanceCountryCodeA3) {}
}
