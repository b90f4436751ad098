package dev.akepa.webhook;

import dev.akepa.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Literal addresses and localhost only: nothing here needs DNS or leaves the machine. */
class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(false);
    private final UrlGuard sandbox = new UrlGuard(true);

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1/hook, loopback",
            "http://localhost:8080/hook, loopback",
            "http://[::1]/hook, loopback",
            "http://10.1.2.3/hook, private",
            "http://172.16.0.1/hook, private",
            "http://172.31.255.254/hook, private",
            "https://192.168.1.10/hook, private",
            "http://169.254.169.254/latest/meta-data, link-local",
            "http://[fe80::1]/hook, link-local",
            "http://[fd12:3456::1]/hook, unique local",
            "http://[fc00::1]/hook, unique local",
            "http://100.64.0.1/hook, carrier-grade NAT",
            "http://100.127.255.254/hook, carrier-grade NAT",
            "http://0.0.0.0/hook, unspecified",
            "http://[::]/hook, unspecified",
            "http://224.0.0.1/hook, multicast",
            "http://[::ffff:10.0.0.1]/hook, private",
            "http://[64:ff9b::a9fe:a9fe]/hook, link-local",
            "http://[2002:7f00:1::]/hook, loopback",
    })
    void internalAddressesAreRefusedWithTheReason(String url, String reason) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> strict.check(url));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("invalidWebhookUrl");
        assertThat(e.apiMessage()).contains(reason);
        assertThat(e.context().get("webhookURL").asString()).isEqualTo(url);
        assertThatCode(() -> sandbox.check(url)).as("allowed when private targets are allowed").doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8/hook", "https://172.32.0.1/x?a=1", "http://100.128.0.1/", "http://[2001:db8::1]/"})
    void publicAddressesPass(String url) {
        assertThatCode(() -> strict.check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/file", "file:///etc/passwd", "/relative/path", "http:///nohost", "not a url", "",
            "gopher://8.8.8.8/"})
    void onlyAbsoluteHttpUrlsAreAccepted(String url) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> sandbox.check(url));
        assertThat(e.code()).isEqualTo("invalidWebhookUrl");
        assertThat(e.apiMessage()).isNotBlank();
    }

    @Test
    void overlongUrlsAreRefused() {
        String url = "http://8.8.8.8/" + "a".repeat(UrlGuard.MAX_LENGTH);
        assertThat(catchThrowableOfType(ApiException.class, () -> sandbox.check(url)).apiMessage()).contains("longer");
    }
}
