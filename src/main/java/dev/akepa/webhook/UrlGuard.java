package dev.akepa.webhook;

import dev.akepa.kyc.WebhookUrlPolicy;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps callbacks off the operator's own network (SSRF): only http(s), and every address the host resolves to
 * must be public unless private targets are allowed (sandbox default). Checked when the URL is given and again
 * right before each send, so a DNS change in between cannot redirect a callback inward.
 */
final class UrlGuard implements WebhookUrlPolicy {
    static final int MAX_LENGTH = 2048;
    private final boolean allowPrivate;

    UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** For /akepa/identification: throws 400 {@code invalidWebhookUrl} with the reason when the URL is refused. */
    @Override
    public void check(String webhookUrl) {
        try {
            vet(webhookUrl);
        } catch (RefusedUrl e) {
            throw WebhookErrors.invalidWebhookUrl(webhookUrl, e.getMessage());
        }
    }

    /** The URI to send to, or why not; the addresses are resolved now, next to the connect. */
    URI vet(String url) throws RefusedUrl {
        if (url == null || url.isBlank()) throw new RefusedUrl("webhookURL is empty");
        if (url.length() > MAX_LENGTH) throw new RefusedUrl("webhookURL is longer than " + MAX_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedUrl("webhookURL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrl("webhookURL must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new RefusedUrl("webhookURL has no valid host name");
        if (allowPrivate) return uri;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedUrl("webhookURL host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = AddressRules.refusal(address);
            if (refusal.isPresent()) {
                throw new RefusedUrl("webhookURL host " + uri.getHost() + " resolves to a " + refusal.get() + " address ("
                        + address.getHostAddress() + "); callbacks to loopback, private, link-local, metadata, "
                        + "CGNAT, multicast and unspecified addresses are refused");
            }
        }
        return uri;
    }

    /** A URL that may not be called; the message says why in words a partner can act on. */
    static final class RefusedUrl extends Exception {
        RefusedUrl(String message) {
            super(message, null, false, false);
        }
    }
}
