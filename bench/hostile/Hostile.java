import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of GET /health/live while 1,000 slowloris connections trickle header bytes, against the same server
 * unattacked in the same run; and the time of a failed login for an unknown login against a wrong password.
 * Loopback only, bounded (a few thousand requests, 1,000 sockets closed at the end). Prints one JSON line.
 * usage: java Hostile.java PORT SERVER_PID
 */
public class Hostile {
    static final int SLOW = 1_000;
    static final int REQUESTS = 3_000;
    static final int LOGINS = 30;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/health/live");
        latencies(http, health, 500); // warm-up
        long cpu0 = cpuTicks(pid);
        double[] calm = latencies(http, health, REQUESTS);
        long cpu1 = cpuTicks(pid);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: a\r\nX-Slow: ".getBytes());
            slow.add(s);
        }
        Thread trickler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (Socket s : slow) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write('x');
                        out.flush();
                    } catch (IOException closedByServer) {
                        // cut off by the header deadline: what we measure around
                    }
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long cpu2 = cpuTicks(pid);
        double[] attacked = latencies(http, health, REQUESTS);
        long cpu3 = cpuTicks(pid);
        trickler.interrupt();
        for (Socket s : slow) s.close();

        URI token = URI.create("http://127.0.0.1:" + port + "/auth/get-token");
        // Interleaved, so load from elsewhere on the machine falls on both alike.
        double[] unknownMs = new double[LOGINS];
        double[] wrongMs = new double[LOGINS];
        for (int i = 0; i < LOGINS; i++) {
            unknownMs[i] = logins(http, token, "nobody", 1)[0];
            wrongMs[i] = logins(http, token, "demo", 1)[0];
        }
        Arrays.sort(unknownMs);
        Arrays.sort(wrongMs);
        double unknown = median(unknownMs);
        double wrong = median(wrongMs);
        System.out.printf("{\"calm_p50_ms\":%.3f,\"calm_p99_ms\":%.3f,\"attacked_p50_ms\":%.3f,\"attacked_p99_ms\":%.3f,"
                        + "\"calm_cpu_ms_per_req\":%.4f,\"attacked_cpu_ms_per_req\":%.4f,"
                        + "\"login_unknown_ms\":%.1f,\"login_wrong_password_ms\":%.1f}%n",
                pct(calm, 50), pct(calm, 99), pct(attacked, 50), pct(attacked, 99),
                (cpu1 - cpu0) * 10.0 / REQUESTS, (cpu3 - cpu2) * 10.0 / REQUESTS, unknown, wrong);
    }

    static double[] latencies(HttpClient http, URI uri, int n) throws Exception {
        double[] ms = new double[n];
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static double[] logins(HttpClient http, URI uri, String login, int n) throws Exception {
        double[] ms = new double[n];
        String body = "{\"user\":{\"login\":\"" + login + "\",\"password\":\"wrong-password\"}}";
        for (int i = 0; i < n; i++) {
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (status != 401) throw new IllegalStateException("expected 401, got " + status + " (raise AKEPA_LOGIN_MAX_FAILURES*)");
        }
        Arrays.sort(ms);
        return ms;
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    /** utime + stime of the server process, in clock ticks (10 ms). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
