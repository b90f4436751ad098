package dev.akepa;

import java.util.Map;
import java.util.function.Function;

/**
 * The process environment as {@link Config} reads it: only {@link Variable}s, a blank value counts as unset,
 * and a value that does not parse is refused with the variable's name.
 */
final class Environment {
    private final Map<String, String> values;

    Environment(Map<String, String> values) {
        this.values = values;
    }

    /** The value as given (passwords keep their spaces); null when unset or blank. */
    String raw(Variable variable) {
        String value = values.get(variable.name());
        return value == null || value.isBlank() ? null : value;
    }

    /** The trimmed value; null when unset or blank. */
    String text(Variable variable) {
        String value = raw(variable);
        return value == null ? null : value.trim();
    }

    String text(Variable variable, String defaultValue) {
        String value = text(variable);
        return value == null ? defaultValue : value;
    }

    <T> T parsed(Variable variable, String defaultValue, Function<String, T> parser) {
        return parser.apply(text(variable, defaultValue));
    }

    /** Lenient like {@link Boolean#parseBoolean}: anything but "true" is false. */
    boolean lenientFlag(Variable variable, boolean defaultValue) {
        return Boolean.parseBoolean(text(variable, Boolean.toString(defaultValue)));
    }

    /** Strict: true or false in any case, else refused. */
    boolean flag(Variable variable, boolean defaultValue) {
        String value = text(variable);
        if (value == null) return defaultValue;
        return switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false");
        };
    }
}
