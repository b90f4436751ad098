package dev.akepa.http.schema;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a keyword or subschema sits in a schema document, in the two spellings we need: {@code schemaPath} as AJV
 * prints it ({@code #/properties/a%20b/type}: JSON-pointer escaped, then URI-encoded) and {@code pointer} as
 * networknt reports it (a plain JSON pointer, the key of {@link NetworkntFailures}).
 */
record Location(String schemaPath, String pointer) {
    static final Location ROOT = new Location("#", "");

    Location child(String token) {
        String escaped = escapePointerToken(token);
        return new Location(schemaPath + "/" + encodeUriComponent(escaped), pointer + "/" + escaped);
    }

    Location child(int index) {
        return new Location(schemaPath + "/" + index, pointer + "/" + index);
    }

    /** JSON pointer escaping (RFC 6901), also what AJV applies to instancePath segments. */
    static String escapePointerToken(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) return token;
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** JavaScript's encodeURIComponent, which AJV applies to schemaPath segments. */
    private static String encodeUriComponent(String token) {
        if (token.chars().allMatch(Location::unreservedInUriComponent)) return token;
        return URLEncoder.encode(token, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%21", "!").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }

    private static boolean unreservedInUriComponent(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.!~*'()".indexOf(c) >= 0;
    }
}
