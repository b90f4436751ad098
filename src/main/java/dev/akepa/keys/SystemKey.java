package dev.akepa.keys;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;

/** Data keys that belong to the installation rather than to one customer; created with the hierarchy. */
enum SystemKey {
    /** Encrypts partners' webhook signing secrets. */
    WEBHOOK_SECRETS("system:webhook-secrets", PredefinedAeadParameters.AES256_GCM),
    /** HMAC-SHA256 PRF over tax ids, for duplicate detection without a reversible hash. */
    TAX_ID_PRF("system:tax-id-prf", PredefinedPrfParameters.HMAC_SHA256_PRF);

    private final String owner;
    private final Parameters parameters;

    SystemKey(String owner, Parameters parameters) {
        this.owner = owner;
        this.parameters = parameters;
    }

    String owner() {
        return owner;
    }

    Parameters parameters() {
        return parameters;
    }
}
