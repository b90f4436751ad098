package dev.akepa.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** The few Tink calls Akepa makes, in one place: key generation, primitives, and keysets wrapped by an AEAD. */
final class Tink {
    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Tink() {}

    /** Loads this class, registering Tink's key types, before a key is imported by hand (the master key). */
    static void register() {}

    static KeysetHandle generate(Parameters parameters) {
        try {
            return KeysetHandle.generateNew(parameters);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + parameters + " key", e);
        }
    }

    static Aead aead(KeysetHandle handle) {
        return primitive(handle, Aead.class);
    }

    static StreamingAead streamingAead(KeysetHandle handle) {
        return primitive(handle, StreamingAead.class);
    }

    static PrfSet prf(KeysetHandle handle) {
        return primitive(handle, PrfSet.class);
    }

    private static <P> P primitive(KeysetHandle handle, Class<P> type) {
        try {
            return handle.getPrimitive(RegistryConfiguration.get(), type);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyset is not a " + type.getSimpleName(), e);
        }
    }

    /**
     * The keyset encrypted by {@code wrapping}, bound to {@code context} (a wrapped key moved to another owner fails).
     * Stored as bytes (V88): as base64 text it took a third more.
     */
    static byte[] wrap(KeysetHandle handle, Aead wrapping, String context) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, wrapping, bytes(context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a key for " + context, e);
        }
    }

    static KeysetHandle unwrap(byte[] wrapped, Aead wrapping, String context) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, wrapping, bytes(context));
        } catch (GeneralSecurityException e) {
            throw new UndecryptableData("the wrapped key of " + context + " does not decrypt with its key-encryption key", e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
