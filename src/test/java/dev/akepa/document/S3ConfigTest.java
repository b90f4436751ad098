package dev.akepa.document;

import dev.akepa.Config;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ConfigTest {

    /** The storage slice of the whole configuration with AKEPA_STORAGE=s3. */
    private static S3Config s3Config(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("AKEPA_STORAGE", "s3");
        return (S3Config) Config.fromEnvironment(all).storage();
    }

    @Test
    void aSelfHostedServerGetsPathStyleAndTheDefaultRegion() {
        S3Config config = s3Config(Map.of(
                "AKEPA_S3_BUCKET", "kyc-docs",
                "AKEPA_S3_ENDPOINT", "http://127.0.0.1:9000",
                "AKEPA_S3_ACCESS_KEY", "akepa",
                "AKEPA_S3_SECRET_KEY", "s3cr3t-value"));

        assertThat(config).isEqualTo(new S3Config("kyc-docs", URI.create("http://127.0.0.1:9000"), "us-east-1",
                true, "akepa", "s3cr3t-value", false));
    }

    @Test
    void awsItselfGetsVirtualHostStyleAndTheDefaultCredentialChain() {
        S3Config config = s3Config(Map.of("AKEPA_S3_BUCKET", "kyc-docs", "AKEPA_S3_REGION", "eu-central-1"));

        assertThat(config.endpoint()).isNull();
        assertThat(config.pathStyle()).isFalse();
        assertThat(config.region()).isEqualTo("eu-central-1");
        assertThat(config.hasStaticCredentials()).isFalse();
    }

    @Test
    void explicitFlagsWin() {
        S3Config config = s3Config(Map.of(
                "AKEPA_S3_BUCKET", "kyc-docs",
                "AKEPA_S3_ENDPOINT", "https://storage.example.test",
                "AKEPA_S3_PATH_STYLE", "false",
                "AKEPA_S3_CREATE_BUCKET", "TRUE"));

        assertThat(config.pathStyle()).isFalse();
        assertThat(config.createBucket()).isTrue();
    }

    @Test
    void mistakesAreNamedByTheirVariable() {
        assertThatThrownBy(() -> s3Config(Map.of()))
                .hasMessageContaining("AKEPA_S3_BUCKET");
        assertThatThrownBy(() -> s3Config(Map.of("AKEPA_S3_BUCKET", "b", "AKEPA_S3_ACCESS_KEY", "only-key")))
                .hasMessageContaining("AKEPA_S3_SECRET_KEY");
        assertThatThrownBy(() -> s3Config(Map.of("AKEPA_S3_BUCKET", "b", "AKEPA_S3_ENDPOINT", "127.0.0.1:9000")))
                .hasMessageContaining("AKEPA_S3_ENDPOINT");
        assertThatThrownBy(() -> s3Config(Map.of("AKEPA_S3_BUCKET", "b", "AKEPA_S3_PATH_STYLE", "yes")))
                .hasMessageContaining("AKEPA_S3_PATH_STYLE");
    }

    @Test
    void theSecretKeyNeverAppearsInItsText() {
        S3Config config = s3Config(Map.of(
                "AKEPA_S3_BUCKET", "kyc-docs", "AKEPA_S3_ACCESS_KEY", "akepa", "AKEPA_S3_SECRET_KEY", "s3cr3t-value"));

        assertThat(config.toString()).contains("akepa").doesNotContain("s3cr3t-value");
    }
}
