package io.exporters.testkit;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A server that accepts TCP connections and never answers, run as its own process so that its
 * sockets and threads are not counted with the exporter's. Prints its port, then serves until
 * killed; each connection is closed when the peer closes it.
 */
public final class SilentServer {
  public static void main(String[] args) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress())) {
      System.out.println(server.getLocalPort());
      System.out.flush();
      while (true) {
        Socket s = server.accept();
        Thread t = new Thread(() -> {
          try (Socket socket = s; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0) {
              // Swallow whatever the client sends; say nothing.
            }
          } catch (Exception ignored) {
            // The peer went away.
          }
        });
        t.setDaemon(true);
        t.start();
      }
    }
  }

  /** Starts one as a child process and returns it with its port. */
  public static Running start() throws Exception {
    Process p = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
        "-cp", System.getProperty("java.class.path"), SilentServer.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
    if (line == null) {
      p.destroyForcibly();
      throw new AssertionError("the silent server did not start");
    }
    return new Running(p, Integer.parseInt(line.trim()));
  }

  /** A running silent server; closing it kills the process. */
  public record Running(Process process, int port) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
