package dev.akepa.verification;

import java.util.List;

/** Valid subjects to start a test from; each test changes the one field it is about. */
final class Subjects {
    static final Subject.Address NEW_YORK = new Subject.Address("PRIMARY", "1 Main St", null, "New York", "NY", "10001", "USA");
    static final Subject.IdentityDocument SSN = new Subject.IdentityDocument("SSN", "212345678", "USA");
    static final Subject.IdentityDocument FEIN = new Subject.IdentityDocument("FEIN", "121234567", "USA");

    /** One representative who owns and controls the business: the KYB structure checks pass. */
    static final List<Subject.Representative> OWNER = List.of(new Subject.Representative("brep_1", java.math.BigDecimal.valueOf(100), true));

    private Subjects() {}

    static Subject.Person person(String firstName, String lastName) {
        return new Subject.Person("cstap_1", true, firstName, lastName, "1980-05-17", "USA", List.of(NEW_YORK), List.of(SSN), Subject.Contact.NONE);
    }

    static Subject.Person person(String dateOfBirth, Subject.Address address, Subject.IdentityDocument document) {
        return new Subject.Person("cstap_1", true, "Jane", "Doe", dateOfBirth, "USA", List.of(address), List.of(document), Subject.Contact.NONE);
    }

    static Subject.Person withCitizenship(String countryCode) {
        return new Subject.Person("cstap_1", true, "Jane", "Doe", "1980-05-17", countryCode, List.of(NEW_YORK), List.of(SSN), Subject.Contact.NONE);
    }

    static Subject.Business business(String name, String doingBusinessAs) {
        return new Subject.Business("cstab_1", name, doingBusinessAs, "LLC", "2010-03-01", List.of(NEW_YORK), List.of(FEIN), Subject.Contact.NONE, OWNER, List.of());
    }

    static Subject.Business business(String incorporationDate, Subject.Address address, Subject.IdentityDocument fein) {
        return new Subject.Business("cstab_1", "Acme Widgets LLC", null, "LLC", incorporationDate, List.of(address), List.of(fein), Subject.Contact.NONE, OWNER, List.of());
    }

    static Subject.Address usAddress(String postalCode) {
        return new Subject.Address("PRIMARY", "1 Main St", null, "New York", "NY", postalCode, "USA");
    }

    static Subject.Address address(String type, String postalCode, String countryCode) {
        return new Subject.Address(type, "1 High St", null, "Town", null, postalCode, countryCode);
    }

    static Subject.IdentityDocument ssn(String value) {
        return new Subject.IdentityDocument("SSN", value, "USA");
    }

    static Subject.IdentityDocument fein(String value) {
        return new Subject.IdentityDocument("FEIN", value, "USA");
    }
}
