package netralitas.hub.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses every connection for as long as this is open: bound, never listening. A port merely
 * closed again could be taken meanwhile by another program, or by the connecting client itself (a TCP self-connect),
 * and the test would see a silent connection instead of a refusal.
 */
public final class RefusingPort implements AutoCloseable {

    private final Socket holder = new Socket();

    public RefusingPort() throws IOException {
        holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
