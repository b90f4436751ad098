package dev.akepa.document;

import java.net.URI;

/**
 * Where the S3-compatible bucket is and how to reach it.
 *
 * @param bucket       bucket holding the documents (AKEPA_S3_BUCKET, required)
 * @param endpoint     custom endpoint for S3-compatible servers (AKEPA_S3_ENDPOINT); null means AWS itself
 * @param region       signing region (AKEPA_S3_REGION, default us-east-1)
 * @param pathStyle    bucket in the path rather than the host name (AKEPA_S3_PATH_STYLE; default true when an
 *                     endpoint is set, since most self-hosted servers need it, false for AWS)
 * @param accessKey    static access key (AKEPA_S3_ACCESS_KEY); null means the SDK's default credential chain
 *                     (environment, profile, instance or container role)
 * @param secretKey    static secret key (AKEPA_S3_SECRET_KEY); set together with accessKey or not at all
 * @param createBucket create the bucket at start when it is missing (AKEPA_S3_CREATE_BUCKET, default false)
 */
public record S3Config(String bucket, URI endpoint, String region, boolean pathStyle,
                       String accessKey, String secretKey, boolean createBucket) implements StorageConfig {

    public static final String DEFAULT_REGION = "us-east-1";

    public S3Config {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("AKEPA_S3_BUCKET is required for S3 storage");
        if (region == null || region.isBlank()) throw new IllegalArgumentException("AKEPA_S3_REGION must not be blank");
        if (endpoint != null && !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
            throw new IllegalArgumentException("AKEPA_S3_ENDPOINT must be an http:// or https:// URL");
        }
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("AKEPA_S3_ACCESS_KEY and AKEPA_S3_SECRET_KEY must be set together");
        }
    }

    boolean hasStaticCredentials() {
        return accessKey != null;
    }

    /** Never prints the secret key: configs end up in logs and exception messages. */
    @Override
    public String toString() {
        return "S3Config[bucket=" + bucket + ", endpoint=" + endpoint + ", region=" + region + ", pathStyle=" + pathStyle
                + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null ? "null" : "***")
                + ", createBucket=" + createBucket + "]";
    }
}
