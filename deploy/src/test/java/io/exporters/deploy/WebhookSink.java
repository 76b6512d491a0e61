package io.exporters.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Alertmanager webhook receiver on every address of this host (containers reach it as
 * host.containers.internal): records each notification's path and body, answers 200.
 */
final class WebhookSink implements AutoCloseable {
  record Notification(String path, String body) {}

  private final HttpServer server;
  private final List<Notification> received = new CopyOnWriteArrayList<>();

  WebhookSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(0), 16);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Notification(exchange.getRequestURI().getPath(), body));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Notification> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
