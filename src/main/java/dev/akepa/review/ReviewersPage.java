package dev.akepa.review;

import dev.akepa.auth.AccountSummary;

import java.util.List;

/** The supervisor's Reviewers page: every reviewer account, and what the last action did or why it failed. Public for JTE. */
public record ReviewersPage(String reviewer, String csrf, List<AccountSummary> accounts, String done, String error) {}
