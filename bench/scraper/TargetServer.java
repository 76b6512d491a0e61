import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The benchmark's probe targets: one loopback HTTP server answering every path with a small
 * JSON status (200), on the port given. Run with: java TargetServer.java PORT
 */
public final class TargetServer {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] body = "{\"status\":\"healthy\",\"services\":{\"database\":\"healthy\"}}\n"
        .getBytes(StandardCharsets.UTF_8);
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.createContext("/", x -> {
      x.getRequestBody().readAllBytes();
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    System.out.println("listening " + port);
  }
}
