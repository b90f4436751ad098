package dev.akepa.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body with one part named "file", streamed: the file is read as it is sent, never held in
 * memory whole. From a {@link Path} the body has a length and can be sent again (for a retry); from an
 * {@link InputStream} it is sent once, chunked.
 */
final class Multipart {
    private final String boundary = "akepa-" + UUID.randomUUID();
    private final byte[] head;
    private final byte[] tail;

    Multipart(String filename) {
        String safeName = filename.replace("\"", "").replace("\r", "").replace("\n", "");
        this.head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + safeName
                + "\"\r\nContent-Type: " + mediaType(safeName) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher of(Path file) {
        try {
            return HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                    HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A publisher that can be subscribed once: the stream cannot be rewound. */
    HttpRequest.BodyPublisher of(InputStream content) {
        Supplier<InputStream> once = new Supplier<>() {
            private boolean used;

            @Override
            public synchronized InputStream get() {
                if (used) throw new IllegalStateException("an InputStream upload cannot be sent twice");
                used = true;
                return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                        new ByteArrayInputStream(head), content, new ByteArrayInputStream(tail))));
            }
        };
        return HttpRequest.BodyPublishers.ofInputStream(once);
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }

    private static String mediaType(String filename) {
        String lower = filename.toLowerCase();
        if (lower.endsWith(".png")) return "image/png";
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) return "image/jpeg";
        return "application/octet-stream";
    }
}
