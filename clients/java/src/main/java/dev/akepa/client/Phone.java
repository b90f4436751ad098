package dev.akepa.client;

/** A phone number: type MOBILE, LANDLINE or PRIMARY; countryDialingCode such as "1"; phoneNumber digits only. */
public record Phone(String type, String countryDialingCode, String phoneNumber) {}
