package dev.akepa.webhook;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/webhooks.md shows the verifier the other tests run, character for character. */
class WebhookDocsTest {
    @Test
    void theDocumentedVerifierIsTheTestedOne() throws Exception {
        String doc = Files.readString(Path.of("docs/webhooks.md"));
        int start = doc.indexOf("<!-- verifier:start -->\n```java\n");
        int end = doc.indexOf("```\n<!-- verifier:end -->");
        assertThat(start).as("verifier block in docs/webhooks.md").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String documented = doc.substring(start + "<!-- verifier:start -->\n```java\n".length(), end);

        String tested = Files.readString(Path.of("src/test/java/dev/akepa/webhook/StandardWebhookVerifier.java"));
        String withoutPackage = tested.substring(tested.indexOf("\n\n") + 2);
        assertThat(documented).isEqualTo(withoutPackage);
    }
}
