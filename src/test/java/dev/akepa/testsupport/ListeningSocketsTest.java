package dev.akepa.testsupport;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ListeningSocketsTest {

    @Test
    void aSocketThisJvmListensOnIsFoundWithItsAddressAndPort() throws Exception {
        assumeTrue(ListeningSockets.supported(), "needs Linux /proc");
        try (ServerSocket loopback = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ServerSocket wildcard = new ServerSocket(0)) {
            var listening = ListeningSockets.of(ProcessHandle.current().pid());
            assertThat(listening).contains(new InetSocketAddress(InetAddress.getLoopbackAddress(), loopback.getLocalPort()));
            assertThat(listening).anySatisfy(a -> {
                assertThat(a.getPort()).isEqualTo(wildcard.getLocalPort());
                assertThat(a.getAddress().isAnyLocalAddress()).isTrue();
            });
        }
    }

    @Test
    void procAddressesAreDecodedWordByWordInHostOrder() {
        assertThat(ListeningSockets.address("0100007F:1F90"))
                .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080));
        assertThat(ListeningSockets.address("0000000000000000FFFF00000100007F:0050").getAddress().getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(ListeningSockets.address("00000000000000000000000000000000:0050").getAddress().isAnyLocalAddress()).isTrue();
    }
}
