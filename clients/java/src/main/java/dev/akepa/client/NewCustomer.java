package dev.akepa.client;

/** The body of POST /customer/init: an individual or a business. */
public sealed interface NewCustomer permits NewIndividual, NewBusiness {
    /** Your reference for the customer: letters and digits, 1 to 32. */
    String customerReference();

    /** "individual" or "business", as the wire's customerType. */
    String customerType();
}
