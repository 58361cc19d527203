package cn.doorstep.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/**
 * A TCP hop between the application and a server, so a test can take the server away and give it
 * back without touching it: {@link #cut()} resets every live connection and refuses new ones (each is
 * reset as soon as it is accepted), {@link #restore()} forwards again. Resets, not quiet closes, so
 * both drivers notice at once, as when a server process dies.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> live = new HashSet<>();
    private boolean cut;

    private TcpProxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on a free port of 127.0.0.1 and forwards to {@code host:port}. */
    public static TcpProxy start(String host, int port) {
        try {
            var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            var proxy = new TcpProxy(server, new InetSocketAddress(host, port));
            daemon("tcp-proxy-accept-" + server.getLocalPort(), proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Resets every connection through the proxy and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        cut = true;
        live.forEach(TcpProxy::reset);
        live.clear();
    }

    public synchronized void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            connect(client);
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        synchronized (this) {
            if (cut) {
                reset(client);
                return;
            }
            live.add(client);
            live.add(upstream);
        }
        try {
            upstream.connect(target, 2000);
        } catch (IOException e) {
            drop(client, upstream);
            return;
        }
        daemon("tcp-proxy-up-" + port(), () -> pump(client, upstream));
        daemon("tcp-proxy-down-" + port(), () -> pump(upstream, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // one side went away (or was cut): take the other down too
        } finally {
            drop(from, to);
        }
    }

    private synchronized void drop(Socket a, Socket b) {
        live.remove(a);
        live.remove(b);
        close(a);
        close(b);
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close with RST
        } catch (IOException ignored) {
            // closed already
        }
        close(socket);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    private static void daemon(String name, Runnable task) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
