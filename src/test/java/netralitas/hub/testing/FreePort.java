package netralitas.hub.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port nobody listens on at this moment: for a server that cannot be given port 0 and asked which one it
 * got (the management server), or for a partner that must be unreachable.
 */
public final class FreePort {

    private FreePort() {
    }

    public static int next() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
