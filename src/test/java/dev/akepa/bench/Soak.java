package dev.akepa.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Journeys back to back against one running server for a number of one-minute windows, sampling the server process
 * after each: heap after a full GC, RSS, open files, threads, temp files, the data dir and its database file. Used by
 * bench/soak (30 minutes) and by SoakTest (3 minutes, in the suite). Only bytes are compared, never times.
 */
final class Soak {
    /**
     * One sample after a window; journeys and errors are cumulative. {@code databaseBytes}: the SQLite file and its
     * write-ahead log, which holds the newest commits until a checkpoint copies them into the file.
     */
    record Sample(int minute, long journeys, long errors, long heapAfterGcBytes, long rssBytes, long openFiles,
                  long threads, long tempFiles, long dataDirBytes, long databaseBytes, long walBytes) {
        String line() {
            return String.format(Locale.ROOT,
                    "minute=%d journeys=%d errors=%d heap_after_gc_mb=%.1f rss_mb=%.1f fds=%d threads=%d temp_files=%d "
                            + "data_dir_mb=%.1f database_mb=%.1f wal_mb=%.1f",
                    minute, journeys, errors, heapAfterGcBytes / 1e6, rssBytes / 1e6, openFiles, threads, tempFiles,
                    dataDirBytes / 1e6, databaseBytes / 1e6, walBytes / 1e6);
        }
    }

    /** The last line of GC.class_histogram: "Total <instances> <bytes>". */
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)");
    /** Lines of a class histogram kept as evidence: the header and the largest classes. */
    private static final int HISTOGRAM_LINES = 60;

    private final URI server;
    private final String token;
    private final long pid;
    private final Path dataDir;
    private final Path databaseFile;
    private final Path walFile;
    private final int clients;
    private final Path histograms;
    private long customers = 700_000_000;

    /** {@code histograms}: where the class histograms of the first, every tenth and the last minute go, or null. */
    Soak(URI server, String token, long pid, Path dataDir, int clients, Path histograms) {
        this.server = server;
        this.histograms = histograms;
        this.token = token;
        this.pid = pid;
        this.dataDir = dataDir;
        this.databaseFile = dataDir.resolve("akepa.db");
        this.walFile = dataDir.resolve("akepa.db-wal");
        this.clients = clients;
    }

    /** Runs {@code minutes} windows; {@code each} receives every sample as it is taken. */
    List<Sample> run(int minutes, java.util.function.Consumer<Sample> each) throws Exception {
        return run(minutes, new Windows() {}, (sample, extra) -> each.accept(sample));
    }

    /** What bench/soak adds around each window (a PostgreSQL probe, a JFR recording); nothing by default. */
    interface Windows {
        default void before(int minute) throws Exception {}

        /** Figures of the window just ended (key=value pairs), or an empty string. */
        default String after(int minute, long windowJourneys) throws Exception {
            return "";
        }
    }

    List<Sample> run(int minutes, Windows windows, java.util.function.BiConsumer<Sample, String> each) throws Exception {
        List<Sample> samples = new ArrayList<>();
        long journeys = 0, errors = 0;
        for (int minute = 1; minute <= minutes; minute++) {
            JourneyLoad window = new JourneyLoad(List.of(server), token, clients, Thread.ofVirtual(), 0, 60, 0,
                    customers, JourneyLoad.IMAGE_BYTES);
            windows.before(minute);
            window.run();
            var summary = window.summary();
            long windowJourneys = ((Number) summary.get("requests")).longValue();
            String extra = windows.after(minute, windowJourneys);
            journeys += windowJourneys;
            errors += ((Number) summary.get("errors")).longValue();
            customers += 10_000_000;
            Sample sample = sample(minute, journeys, errors, minute == 1 || minute % 10 == 0 || minute == minutes);
            samples.add(sample);
            each.accept(sample, extra);
        }
        return samples;
    }

    /**
     * The heap after a full GC is the class histogram's total: jcmd's histogram collects and counts the live objects
     * in one safepoint. GC.run followed by GC.heap_info (what this read before) also counted what the server
     * allocated between the two commands (with H2, its chunk rewrites catching up once the load stopped: samples
     * 41–82 MB in one run, where the histogram a few seconds later read 30 MB).
     */
    private Sample sample(int minute, long journeys, long errors, boolean keepHistogram)
            throws IOException, InterruptedException {
        List<String> histogram = jcmd("GC.class_histogram");
        long heap = 0;
        for (String line : histogram) {
            Matcher total = HISTOGRAM_TOTAL.matcher(line);
            if (total.find()) heap = Long.parseLong(total.group(1));
        }
        if (keepHistogram && histograms != null) {
            Files.createDirectories(histograms);
            Files.write(histograms.resolve("histogram-minute-" + minute + ".txt"),
                    histogram.subList(0, Math.min(HISTOGRAM_LINES, histogram.size())));
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        long rss = 0, threads = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            if (line.startsWith("Threads:")) threads = Long.parseLong(line.replaceAll("\\D", ""));
        }
        long fds;
        try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
            fds = open.count();
        }
        Path tmp = dataDir.resolve("tmp");
        long tempFiles = 0;
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> files = Files.list(tmp)) {
                tempFiles = files.count();
            }
        }
        long dataDirBytes;
        try (Stream<Path> files = Files.walk(dataDir)) {
            dataDirBytes = files.filter(Files::isRegularFile).mapToLong(Soak::sizeOrZero).sum();
        }
        return new Sample(minute, journeys, errors, heap, rss, fds, threads, tempFiles, dataDirBytes,
                sizeOrZero(databaseFile) + sizeOrZero(walFile), sizeOrZero(walFile));
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // a temp file removed while we walked
        }
    }

    private List<String> jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) jcmd.destroyForcibly();
        return lines;
    }

    /**
     * bench/soak: Soak --port P --token T --pid PID --data-dir D --clients N --minutes M [--histograms DIR]
     * [--db-url JDBC] [--autovacuum emulate] [--jfr-minutes 2,30 --jfr-dir DIR]; one sample line a minute. With
     * --db-url (PostgreSQL) each line adds {@link PostgresProbe}'s figures; --jfr-minutes records those windows with
     * JFR's profile settings.
     */
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i].substring(2), args[i + 1]);
        long pid = Long.parseLong(o.get("pid"));
        Soak soak = new Soak(URI.create("http://127.0.0.1:" + o.get("port")), o.get("token"), pid,
                Path.of(o.get("data-dir")), Integer.parseInt(o.getOrDefault("clients", "4")),
                o.containsKey("histograms") ? Path.of(o.get("histograms")) : null);
        java.util.Set<Integer> recorded = new java.util.HashSet<>();
        for (String m : o.getOrDefault("jfr-minutes", "").split(",")) if (!m.isBlank()) recorded.add(Integer.parseInt(m.trim()));
        String dbUrl = o.get("db-url");
        try (PostgresProbe probe = dbUrl == null || dbUrl.isBlank() ? null
                : new PostgresProbe(dbUrl, pid, o.getOrDefault("autovacuum", "").equals("emulate"))) {
            Windows windows = new Windows() {
                @Override
                public void before(int minute) throws Exception {
                    if (recorded.contains(minute)) {
                        soak.jcmd("JFR.start name=minute" + minute + " settings=profile duration=60s filename="
                                + Path.of(o.getOrDefault("jfr-dir", "/tmp")).resolve("soak-minute-" + minute + ".jfr"));
                    }
                    if (probe != null) probe.startWindow();
                }

                @Override
                public String after(int minute, long windowJourneys) throws Exception {
                    return probe == null ? "" : probe.endWindow(windowJourneys);
                }
            };
            soak.run(Integer.parseInt(o.getOrDefault("minutes", "30")), windows,
                    (sample, extra) -> System.out.println(sample.line() + (extra.isEmpty() ? "" : " " + extra)));
        }
    }
}
