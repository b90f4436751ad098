package dev.akepa.bench;

import dev.akepa.json.Json;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of bench/run that need more than wrk: seeding through the API, whole journeys, the bulk loader and the
 * report. Options are --name value pairs; results are one JSON line on stdout.
 */
public final class BenchTool {
    /** Seeded customers are numbered from 100,000,000 on (see {@link Seeder}), the journeys' from here. */
    private static final long JOURNEY_CUSTOMERS_FROM = 500_000_000;

    private BenchTool() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage();
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "seed" -> Seeder.seed(server(o), o.get("token"), Integer.parseInt(o.get("count")),
                    Integer.parseInt(o.getOrDefault("clients", "8")), Path.of(o.get("ids")));
            case "journeys" -> System.out.println(Json.MAPPER.writeValueAsString(journeys(o)));
            case "bulk-load" -> BulkLoader.load(Path.of(o.get("data-dir")), o.get("url"),
                    o.getOrDefault("partner", "demo"), Integer.parseInt(o.get("total")), Path.of(o.get("ids")));
            case "report" -> Report.write(Path.of(o.get("results")), Path.of(o.get("meta")), Path.of(o.get("out")));
            default -> usage();
        }
    }

    /** One server, virtual-thread clients; a run starts on an empty database, so customer numbers never collide. */
    private static Map<String, Object> journeys(Map<String, String> o) throws InterruptedException {
        JourneyLoad load = new JourneyLoad(List.of(server(o)), o.get("token"), Integer.parseInt(o.get("clients")),
                Thread.ofVirtual(), Double.parseDouble(o.get("warmup")), Double.parseDouble(o.get("duration")), 0,
                JOURNEY_CUSTOMERS_FROM, JourneyLoad.IMAGE_BYTES);
        load.run();
        return load.summary();
    }

    private static URI server(Map<String, String> o) {
        return URI.create("http://127.0.0.1:" + port(o));
    }

    private static int port(Map<String, String> o) {
        return Integer.parseInt(o.get("port"));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) usage();
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }

    private static void usage() {
        System.err.println("""
                usage: BenchTool seed --port P --token T --count N [--clients C] --ids FILE
                       BenchTool journeys --port P --token T --clients N --warmup S --duration S
                       BenchTool bulk-load --data-dir D --total N --ids FILE [--partner LOGIN] [--url JDBC-URL]
                       BenchTool report --results FILE --meta FILE --out FILE""");
        System.exit(2);
    }
}
