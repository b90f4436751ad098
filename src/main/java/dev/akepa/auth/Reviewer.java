package dev.akepa.auth;

/** A compliance reviewer: a person who decides waiting_review entities. Never a partner. */
public record Reviewer(long id, String login, ReviewerRole role) {
    public boolean supervisor() {
        return role == ReviewerRole.SUPERVISOR;
    }
}
