package org.govpaas.runtime.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder in front of the mock API server that can be cut, as a network partition
 * cuts one replica off the cluster while the others still reach it; or refuse connections for a
 * while, as an API server that is down.
 */
final class NetworkCut implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile boolean refusing;
    private final AtomicInteger refused = new AtomicInteger();

    NetworkCut(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("network-cut").start(this::accept);
    }

    /** The URL a client uses to reach the API server through this forwarder. */
    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** From now on every connection is dropped and new ones are refused. */
    void cut() throws IOException {
        synchronized (sockets) {
            cut = true;
            listener.close();
            drop();
        }
    }

    /** Until {@link #admit}, open connections are dropped and new ones closed as soon as they come. */
    void refuse() throws IOException {
        refusing = true;
        drop();
    }

    void admit() {
        refusing = false;
    }

    /** How many connections were closed at once while refusing. */
    int refused() {
        return refused.get();
    }

    private void drop() throws IOException {
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
            sockets.clear();
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void accept() {
        while (!cut) {
            try {
                Socket client = listener.accept();
                if (refusing) {
                    client.close();
                    refused.incrementAndGet();
                    continue;
                }
                Socket server = new Socket();
                server.connect(new InetSocketAddress(targetHost, targetPort));
                synchronized (sockets) {
                    // A connection accepted while cut() ran must not slip through.
                    sockets.add(client);
                    sockets.add(server);
                    if (cut) {
                        client.close();
                        server.close();
                        return;
                    }
                }
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // Closed by cut(): stop accepting.
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread.ofPlatform().daemon(true).name("network-cut-pipe").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // Either side closed: the connection is over.
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }
}
