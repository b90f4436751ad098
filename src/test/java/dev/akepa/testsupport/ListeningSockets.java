package dev.akepa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP addresses a process listens on, read from Linux's /proc: the process's socket inodes from
 * /proc/PID/fd, matched against the LISTEN rows of /proc/PID/net/tcp and tcp6. Lets a test check that a server
 * it started is reachable on loopback only.
 */
public final class ListeningSockets {
    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";

    private ListeningSockets() {}

    /** True where /proc has the files this class reads (Linux). */
    public static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/net/tcp"));
    }

    public static List<InetSocketAddress> of(long pid) {
        return rows(pid).stream().filter(f -> f[3].equals(LISTEN)).map(f -> address(f[1])).toList();
    }

    /**
     * The process's TCP sockets that listen or are connected, as text ("LISTEN 127.0.0.1:8080",
     * "ESTABLISHED 127.0.0.1:40000 -> 127.0.0.1:5432"), for comparing before and after.
     */
    public static List<String> open(long pid) {
        List<String> open = new ArrayList<>();
        for (String[] f : rows(pid)) {
            if (f[3].equals(LISTEN)) open.add("LISTEN " + text(address(f[1])));
            if (f[3].equals(ESTABLISHED)) open.add("ESTABLISHED " + text(address(f[1])) + " -> " + text(address(f[2])));
        }
        return open;
    }

    /** The process's rows of /proc/PID/net/tcp and tcp6: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode … */
    private static List<String[]> rows(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<String> inodes = socketInodes(proc.resolve("fd"));
        List<String[]> own = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            if (!Files.exists(file)) continue;
            try {
                List<String> rows = Files.readAllLines(file);
                for (String row : rows.subList(1, rows.size())) {
                    String[] f = row.trim().split("\\s+");
                    if (inodes.contains(f[9])) own.add(f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return own;
    }

    private static String text(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private static Set<String> socketInodes(Path fdDir) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(fdDir)) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we listed them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fdDir, e);
        }
        return inodes;
    }

    /** "0100007F:1F90" (IPv4) or 32 hex digits (IPv6), each 32-bit word in host (little-endian) order. */
    static InetSocketAddress address(String hexAddressAndPort) {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + (3 - i)) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            // an IPv4-mapped IPv6 address (::ffff:127.0.0.1) comes back as the IPv4 address
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hexAddressAndPort, e);
        }
    }
}
