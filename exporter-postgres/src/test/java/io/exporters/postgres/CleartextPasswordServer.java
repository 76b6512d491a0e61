package io.exporters.postgres;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake PostgreSQL server that refuses TLS and asks every client for its password in clear
 * (AuthenticationCleartextPassword), recording what it is sent: the trap a hostile target sets.
 */
final class CleartextPasswordServer implements AutoCloseable {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;
  private static final int PROTOCOL_3 = 196608;

  private final ServerSocket server;
  private final List<String> passwords = new CopyOnWriteArrayList<>();
  private final List<String> startups = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  CleartextPasswordServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "cleartext-password-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Passwords clients sent. */
  List<String> passwords() {
    return passwords;
  }

  /** The startup messages' parameters, one string per connection that got that far. */
  List<String> startups() {
    return startups;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.setSoTimeout(5000);
        converse(new DataInputStream(s.getInputStream()),
            new DataOutputStream(s.getOutputStream()));
      } catch (IOException ignored) {
        // The client went away or the server was closed.
      }
    }
  }

  private void converse(DataInputStream in, DataOutputStream out) throws IOException {
    while (true) {
      int length = in.readInt();
      int code = in.readInt();
      byte[] rest = new byte[length - 8];
      in.readFully(rest);
      if (code == SSL_REQUEST || code == GSS_REQUEST) {
        out.write('N');
        out.flush();
        continue;
      }
      if (code != PROTOCOL_3) {
        return;
      }
      startups.add(new String(rest, StandardCharsets.UTF_8).replace('\0', ' ').trim());
      out.write('R');
      out.writeInt(8);
      out.writeInt(3);
      out.flush();
      int type = in.read();
      if (type == 'p') {
        byte[] body = new byte[in.readInt() - 4];
        in.readFully(body);
        passwords.add(new String(body, 0, Math.max(0, body.length - 1), StandardCharsets.UTF_8));
      }
      byte[] error = "SFATAL\0C28P01\0Mno\0\0".getBytes(StandardCharsets.UTF_8);
      out.write('E');
      out.writeInt(4 + error.length);
      out.write(error);
      out.flush();
      return;
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
