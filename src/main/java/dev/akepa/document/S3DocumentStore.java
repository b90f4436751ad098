package dev.akepa.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Documents as objects in an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Mock…), one object per key.
 * Uploads stream from the verified temp file and carry its SHA-256 as {@code x-amz-checksum-sha256}, so the
 * server itself rejects bytes that changed on the way; downloads ask for the checksum back and the SDK
 * re-checks it while the caller reads.
 */
final class S3DocumentStore implements DocumentStore, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(S3DocumentStore.class);
    /** Readiness probes must answer quickly even when the endpoint swallows packets. */
    private static final Duration REACHABILITY_LIMIT = Duration.ofSeconds(3);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest silence on an open connection; a 10 MiB upload to a healthy store is far below it. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final S3Client s3;
    private final String bucket;
    private final String region;

    S3DocumentStore(S3Client s3, String bucket, String region) {
        this.s3 = s3;
        this.bucket = bucket;
        this.region = region;
    }

    /** Builds the client; with {@code createBucket} also makes sure the bucket exists (safe when nodes race). */
    public static S3DocumentStore connect(S3Config config) {
        S3DocumentStore store = new S3DocumentStore(client(config), config.bucket(), config.region());
        if (config.createBucket()) {
            try {
                store.createBucketIfMissing();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    @Override
    public void put(String key, Path verifiedFile, long sizeBytes, String sha256Hex) throws IOException {
        try {
            StorageKeys.requireValid(key);
            HandedOverFile.requireSize(verifiedFile, sizeBytes);
            PutObjectRequest request = PutObjectRequest.builder()
                    .bucket(bucket)
                    .key(key)
                    .contentLength(sizeBytes)
                    .checksumSHA256(base64(sha256Hex))
                    .metadata(Map.of("sha256", sha256Hex))
                    .build();
            s3.putObject(request, RequestBody.fromFile(verifiedFile));
        } catch (SdkException e) {
            throw new IOException("Storing document '" + key + "' in bucket " + bucket + " failed: " + e.getMessage(), e);
        } finally {
            HandedOverFile.discard(verifiedFile);
        }
    }

    /**
     * The stream throws an IOException on its last read if the bytes do not match the checksum stored with
     * the object, so a caller never mistakes damaged bytes for the document.
     */
    @Override
    public InputStream open(String key) throws IOException {
        StorageKeys.requireValid(key);
        try {
            return new SdkFailuresAsIOException(key, s3.getObject(request -> request
                    .bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED)));
        } catch (NoSuchKeyException e) {
            throw new StoredDocumentMissing(key, "bucket " + bucket);
        } catch (SdkException e) {
            throw new IOException("Reading document '" + key + "' from bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    /** S3 answers a delete of a missing key with success, so this needs no existence check. */
    @Override
    public void delete(String key) throws IOException {
        StorageKeys.requireValid(key);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("Deleting document '" + key + "' from bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isReachable() {
        try {
            s3.headBucket(request -> request.bucket(bucket)
                    .overrideConfiguration(call -> call.apiCallTimeout(REACHABILITY_LIMIT)));
            return true;
        } catch (SdkException e) {
            log.warn("S3 bucket {} is not reachable: {}", bucket, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) throw e;
            try {
                s3.createBucket(request -> {
                    request.bucket(bucket);
                    // AWS wants the region named unless it is us-east-1, where naming it is an error
                    if (!S3Config.DEFAULT_REGION.equals(region)) {
                        request.createBucketConfiguration(location -> location.locationConstraint(region));
                    }
                });
                log.info("Created S3 bucket {}", bucket);
            } catch (BucketAlreadyOwnedByYouException raced) {
                log.debug("S3 bucket {} was created by another node meanwhile", bucket);
            }
        }
    }

    /** The SDK reports checksum mismatches and broken connections while reading as unchecked exceptions. */
    private static final class SdkFailuresAsIOException extends FilterInputStream {
        private final String key;

        SdkFailuresAsIOException(String key, InputStream sdkStream) {
            super(sdkStream);
            this.key = key;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SdkException e) {
                throw readFailure(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (SdkException e) {
                throw readFailure(e);
            }
        }

        private IOException readFailure(SdkException e) {
            return new IOException("Reading document '" + key + "' failed: " + e.getMessage(), e);
        }
    }

    private static String base64(String sha256Hex) {
        byte[] digest;
        try {
            digest = HexFormat.of().parseHex(sha256Hex);
        } catch (IllegalArgumentException e) {
            digest = new byte[0];
        }
        if (digest.length != 32) throw new IllegalArgumentException("SHA-256 must be 64 hex characters: " + sha256Hex);
        return Base64.getEncoder().encodeToString(digest);
    }

    private static S3Client client(S3Config config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle());
        if (config.endpoint() != null) builder.endpointOverride(config.endpoint());
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Config config) {
        if (!config.hasStaticCredentials()) return DefaultCredentialsProvider.builder().build();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
    }
}
