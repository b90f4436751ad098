package dev.akepa.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a webhook benchmark phase spent its time, from its JFR recording: CPU samples and socket-read waits (the
 * time spent waiting for the database or the peer) by part of the pipeline. Prints a Markdown table.
 * <pre>java -cp … dev.akepa.bench.JfrBreakdown lag.jfr</pre>
 */
public final class JfrBreakdown {
    /** First match wins: a frame of the named class or package anywhere in the stack. */
    private static final Map<String, List<String>> PARTS = parts();

    private JfrBreakdown() {}

    private static Map<String, List<String>> parts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("receiver (benchmark)", List.of("dev.akepa.bench.CountingReceiver"));
        parts.put("queueing the callback in the change transaction", List.of("dev.akepa.webhook.OutboxStore.enqueue",
                "dev.akepa.webhook.WebhookOutbox"));
        parts.put("the change transaction itself (benchmark)", List.of("dev.akepa.bench.WebhookBenchmark"));
        parts.put("recording attempts (batched)", List.of("dev.akepa.webhook.AttemptRecorder",
                "dev.akepa.webhook.OutboxStore.record", "dev.akepa.webhook.OutboxStore.release"));
        parts.put("claiming", List.of("dev.akepa.webhook.OutboxStore.claim", "dev.akepa.webhook.OutboxStore.nextDueAfter"));
        parts.put("signing", List.of("dev.akepa.webhook.Signatures", "dev.akepa.webhook.SigningSecrets"));
        parts.put("HTTP client (JDK)", List.of("jdk.internal.net.http.", "java.net.http.", "dev.akepa.webhook.Sender"));
        parts.put("SQLite engine, elsewhere", List.of("org.sqlite."));
        parts.put("PostgreSQL driver, elsewhere", List.of("org.postgresql."));
        return parts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> cpu = new TreeMap<>();
        Map<String, Duration> waits = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                cpu.merge(part(event), 1, Integer::sum);
                samples++;
            } else if (type.equals("jdk.SocketRead")) {
                waits.merge(part(event), event.getDuration(), Duration::plus);
            }
        }
        System.out.println("| part | CPU samples | socket reads waited (s) |");
        System.out.println("|---|---:|---:|");
        for (String part : order(cpu, waits)) {
            int n = cpu.getOrDefault(part, 0);
            Duration waited = waits.getOrDefault(part, Duration.ZERO);
            System.out.printf(Locale.ROOT, "| %s | %.0f %% | %.1f |%n", part, samples == 0 ? 0.0 : 100.0 * n / samples,
                    waited.toMillis() / 1000.0);
        }
        System.out.printf(Locale.ROOT, "%n%d CPU samples.%n", samples);
    }

    private static List<String> order(Map<String, Integer> cpu, Map<String, Duration> waits) {
        Set<String> all = new LinkedHashSet<>(PARTS.keySet());
        all.add("other (JVM, scheduling, GC, JIT)");
        return all.stream().filter(p -> cpu.containsKey(p) || waits.containsKey(p)).toList();
    }

    private static String part(RecordedEvent event) {
        if (event.getStackTrace() == null) return "other (JVM, scheduling, GC, JIT)";
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
            for (RecordedFrame frame : frames) {
                String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                for (String prefix : part.getValue()) if (name.startsWith(prefix)) return part.getKey();
            }
        }
        return "other (JVM, scheduling, GC, JIT)";
    }
}
