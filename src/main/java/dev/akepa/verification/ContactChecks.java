package dev.akepa.verification;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.apache.commons.validator.routines.EmailValidator;

import java.util.List;

/**
 * Email syntax and phone numbers. Both are kept libraries rather than home-made patterns: commons-validator's
 * EmailValidator applies RFC 5321/5322 (local part at most 64 characters, dot-atom or quoted string, a domain of
 * valid labels under a top-level domain IANA lists) and libphonenumber knows, per country calling code, which
 * lengths and number ranges exist. Reasons never repeat the address or number.
 */
final class ContactChecks {
    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets, so an address 254. */
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final EmailValidator EMAIL = EmailValidator.getInstance(false, false);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactChecks() {}

    static void check(Subject.Contact contact, String emailLabel, String phoneLabel, List<DataProblem> problems) {
        if (contact == null) return;
        if (contact.email() != null && !isEmail(contact.email())) {
            problems.add(DataProblem.correctable(emailLabel + " is not a valid email address (RFC 5321/5322)"));
        }
        List<Subject.Phone> phones = contact.phones() == null ? List.of() : contact.phones();
        for (int i = 0; i < phones.size(); i++) {
            Subject.Phone phone = phones.get(i);
            if (!isPhoneNumber(phone.countryDialingCode(), phone.phoneNumber())) {
                String code = phone.countryDialingCode() == null ? "?" : phone.countryDialingCode().replace("+", "");
                problems.add(DataProblem.correctable(phoneLabel + " " + (i + 1)
                        + (phone.type() == null ? "" : " (" + phone.type() + ")")
                        + " is not a valid number for country calling code +" + code));
            }
        }
    }

    static boolean isEmail(String email) {
        return email.length() <= MAX_EMAIL_LENGTH && EMAIL.isValid(email);
    }

    static boolean isPhoneNumber(String countryDialingCode, String number) {
        if (countryDialingCode == null || number == null) return false;
        String code = countryDialingCode.startsWith("+") ? countryDialingCode.substring(1) : countryDialingCode;
        try {
            // "ZZ": no default region, so the number is read as international: +<code><number>.
            return PHONES.isValidNumber(PHONES.parse("+" + code + number, "ZZ"));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }
}
