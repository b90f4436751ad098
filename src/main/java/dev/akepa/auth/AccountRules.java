package dev.akepa.auth;

/**
 * The rules an account's login and password must meet, in one place for `./akepa partner|reviewer add` and the
 * console's Reviewers page. Each check answers the problem in words, or null when the value is fine.
 */
public final class AccountRules {
    public static final int REVIEWER_MIN_PASSWORD = 12;
    public static final int REVIEWER_MAX_PASSWORD = 200;
    public static final int PARTNER_MIN_PASSWORD = 1;
    public static final int PARTNER_MAX_PASSWORD = 50;

    private AccountRules() {}

    public static String loginProblem(String login) {
        if (login == null) return "--login L is required";
        if (login.isEmpty() || login.length() > 36) return "login must be 1-36 characters";
        if (!login.matches("[0-9a-zA-Z_]+")) return "login may contain only letters, digits and _";
        return null;
    }

    public static String passwordProblem(String noun, String password, int min, int max) {
        if (password.length() < min) return noun + " password must be at least " + min + " characters";
        if (password.length() > max) return noun + " password must be at most " + max + " characters";
        return null;
    }

    public static String reviewerPasswordProblem(String password) {
        return passwordProblem("reviewer", password, REVIEWER_MIN_PASSWORD, REVIEWER_MAX_PASSWORD);
    }
}
