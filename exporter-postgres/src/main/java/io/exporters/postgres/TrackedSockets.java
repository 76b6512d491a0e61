package io.exporters.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * The sockets of connection attempts, so that an attempt still running at its deadline (a
 * server that accepts TCP and never answers) can be closed from outside: its thread then fails
 * at once instead of waiting on the socket. pgjdbc makes sockets through the factory class named
 * in its {@code socketFactory} property; the connector names {@link Factory}, and passes the
 * attempt's id as {@code socketFactoryArg}.
 */
final class TrackedSockets {
  private static final Map<String, Attempt> ATTEMPTS = new ConcurrentHashMap<>();

  private TrackedSockets() {}

  static Attempt begin() {
    Attempt attempt = new Attempt(UUID.randomUUID().toString());
    ATTEMPTS.put(attempt.id, attempt);
    return attempt;
  }

  /** One connection attempt and the sockets it made. */
  static final class Attempt implements AutoCloseable {
    final String id;
    private final List<Socket> sockets = new ArrayList<>();
    private boolean abandoned;

    private Attempt(String id) {
      this.id = id;
    }

    synchronized void track(Socket socket) throws IOException {
      if (abandoned) {
        socket.close();
        throw new IOException("connection attempt abandoned at the scrape deadline");
      }
      sockets.add(socket);
    }

    /** Closes every socket of the attempt: its thread's blocked read or write fails now. */
    synchronized void abandon() {
      abandoned = true;
      for (Socket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // Closing is all that is wanted.
        }
      }
    }

    synchronized boolean wasAbandoned() {
      return abandoned;
    }

    /** The attempt is over (connected or failed): its sockets now belong to the connection. */
    @Override
    public void close() {
      ATTEMPTS.remove(id);
      synchronized (this) {
        sockets.clear();
      }
    }
  }

  /** Instantiated by pgjdbc, with the connection's properties. */
  public static final class Factory extends SocketFactory {
    private final Attempt attempt;

    public Factory(Properties info) {
      this.attempt = ATTEMPTS.get(info.getProperty("socketFactoryArg", ""));
    }

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = new Socket();
      if (attempt != null) {
        attempt.track(socket);
      }
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      Socket socket = createSocket();
      socket.connect(new java.net.InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      Socket socket = createSocket();
      socket.bind(new java.net.InetSocketAddress(localHost, localPort));
      socket.connect(new java.net.InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      Socket socket = createSocket();
      socket.connect(new java.net.InetSocketAddress(host, port));
      return socket;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress,
        int localPort) throws IOException {
      Socket socket = createSocket();
      socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
      socket.connect(new java.net.InetSocketAddress(address, port));
      return socket;
    }
  }
}
