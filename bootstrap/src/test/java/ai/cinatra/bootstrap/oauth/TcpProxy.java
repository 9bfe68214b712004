package ai.cinatra.bootstrap.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a loopback port in front of a real server, which a test can cut (every
 * connection dropped, new ones refused) and restore: a database outage without stopping the
 * database other tests share.
 */
final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listening;

  TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      this.port = probe.getLocalPort();
    }
    restore();
  }

  int port() {
    return port;
  }

  /** Drops every connection and refuses new ones. */
  synchronized void cut() throws IOException {
    listening.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  /** Accepts connections again, on the same port. */
  synchronized void restore() throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress("127.0.0.1", port));
    listening = server;
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket client = server.accept();
                  Socket upstream = new Socket(targetHost, targetPort);
                  open.add(client);
                  open.add(upstream);
                  pump(client, upstream);
                  pump(upstream, client);
                } catch (IOException closed) {
                  return;
                }
              }
            },
            "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void pump(Socket from, Socket to) {
    Thread copier =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException dropped) {
                // The other side went away, or the test cut the line.
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // Already closed.
                }
              }
            },
            "tcp-proxy-pump");
    copier.setDaemon(true);
    copier.start();
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
