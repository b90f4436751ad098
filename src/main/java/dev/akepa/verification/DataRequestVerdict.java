package dev.akepa.verification;

import java.util.List;

/**
 * What verification concludes when documents are linked to an entity in data_request. There is deliberately no
 * approval: a document may show that flagged data is right after all (a mistyped year of birth), but only a
 * human may say so.
 */
public sealed interface DataRequestVerdict {

    /** The reasons a reviewer or auditor will read; empty when nothing changes. */
    List<String> reasons();

    /** The documents are stored and the entity keeps waiting for corrected data (sandbox mode, rulings.md). */
    record Unchanged() implements DataRequestVerdict {
        @Override
        public List<String> reasons() {
            return List.of();
        }
    }

    /** A human compares the documents with the data the checks flagged: waiting_review (production mode). */
    record Review(List<String> reasons) implements DataRequestVerdict {
        public Review {
            if (reasons.isEmpty()) throw new IllegalArgumentException("a review needs its reasons");
            reasons = List.copyOf(reasons);
        }
    }
}
