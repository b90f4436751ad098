package dev.akepa.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Which resolved addresses a callback may not reach, and why (the reason is shown to the partner). */
final class AddressRules {
    private AddressRules() {}

    static Optional<String> refusal(InetAddress address) {
        if (address.isAnyLocalAddress()) return Optional.of("unspecified");
        if (address.isLoopbackAddress()) return Optional.of("loopback");
        if (address instanceof Inet6Address v6) {
            Optional<InetAddress> embedded = embeddedIpv4(v6);
            if (embedded.isPresent()) return refusal(embedded.get());
        }
        if (address.isLinkLocalAddress()) return Optional.of("link-local (this includes cloud metadata 169.254.169.254)");
        if (address.isSiteLocalAddress()) return Optional.of("private");
        if (address.isMulticastAddress()) return Optional.of("multicast");
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) return Optional.of("unspecified");
            if (first == 100 && second >= 64 && second <= 127) return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique local fc00::/7)");
        }
        return Optional.empty();
    }

    /** IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses carry an IPv4 target. */
    private static Optional<InetAddress> embeddedIpv4(Inet6Address v6) {
        byte[] b = v6.getAddress();
        byte[] v4 = null;
        if (v6.isIPv4CompatibleAddress()) {
            v4 = new byte[]{b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zeros(b, 4, 12)) {
            v4 = new byte[]{b[12], b[13], b[14], b[15]};
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[]{b[2], b[3], b[4], b[5]};
        }
        if (v4 == null) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid address
        }
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }
}
