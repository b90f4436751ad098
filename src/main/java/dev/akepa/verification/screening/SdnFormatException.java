package dev.akepa.verification.screening;

import java.io.IOException;

/** An OFAC list file that does not have the legacy CSV layout; names the file and line so an operator can look. */
final class SdnFormatException extends IOException {

    /** @param position where in the file, e.g. "line 12" or "row 12" */
    SdnFormatException(String file, String position, String problem) {
        super(file + " " + position + ": " + problem);
    }
}
