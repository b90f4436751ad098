package dev.akepa;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs `./akepa ARGS` in this JVM with its own output stream, for tests outside this package. */
public record CliRun(int exitCode, String out) {
    public static CliRun of(Map<String, String> env, String... args) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        int code = Cli.run(args, env, new Cli.Io(out, out, InputStream.nullInputStream(), null));
        return new CliRun(code, captured.toString(StandardCharsets.UTF_8));
    }
}
