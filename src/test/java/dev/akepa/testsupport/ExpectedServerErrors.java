package dev.akepa.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The class provokes 500 answers on purpose (a database taken away, say): {@link ServerHygiene} allows them. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExpectedServerErrors {
    /** Why the server is expected to fail. */
    String value();
}
