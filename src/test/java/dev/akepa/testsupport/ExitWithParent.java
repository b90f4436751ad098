package dev.akepa.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Main class of every JVM the tests start (Akepa nodes, S3Mock): runs the real main class, and exits when the test
 * JVM that started it is gone or a time limit has passed. A test JVM killed with SIGKILL runs no shutdown hooks,
 * so without this its servers would live on.
 * <p>Arguments: {@code <limit seconds> <main class> <its arguments…>}.
 */
public final class ExitWithParent {
    private static final Duration HALT_AFTER_EXIT = Duration.ofSeconds(15);

    private ExitWithParent() {}

    public static void main(String[] args) throws Throwable {
        Duration limit = Duration.ofSeconds(Long.parseLong(args[0]));
        String mainClass = args[1];
        String[] mainArgs = Arrays.copyOfRange(args, 2, args.length);

        ProcessHandle.current().parent().ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> exit("the test JVM " + parent.pid() + " has exited")),
                () -> exit("started without a parent process"));
        Thread.ofPlatform().daemon().name("exit-after-limit").start(() -> {
            sleep(limit);
            exit("its time limit of " + limit.toSeconds() + " s has passed");
        });
        try {
            Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) mainArgs);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** System.exit runs the server's shutdown hooks; a halt follows if they hang. */
    private static void exit(String why) {
        System.err.println("ExitWithParent: stopping because " + why);
        Thread.ofPlatform().daemon().name("halt-if-exit-hangs").start(() -> {
            sleep(HALT_AFTER_EXIT);
            Runtime.getRuntime().halt(3);
        });
        System.exit(3);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
