package dev.akepa.auth;

/**
 * Where reviewer logins, failures, lock-outs and logouts are put on record (the audit trail). An interface here
 * so that auth, which the audit trail's routes use, does not depend on audit in turn.
 */
public interface LoginRecorder {
    void recordLogin(String login, String action, String detail, long atMillis);
}
