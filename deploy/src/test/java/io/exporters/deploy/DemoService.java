package io.exporters.deploy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose stack's demo service, here: the routes of deploy/demo/nginx.conf served from
 * deploy/demo/html, so the scraper probes the same documents it probes in compose.
 */
final class DemoService implements AutoCloseable {
  private static final Pattern LOCATION = Pattern.compile(
      "location = (\\S+) \\{(?: default_type (\\S+);)? try_files (\\S+) =404; }");

  private final HttpServer server;

  DemoService() throws Exception {
    Map<String, String[]> routes = routes();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String[] route = routes.get(exchange.getRequestURI().getPath());
      if (route == null) {
        exchange.sendResponseHeaders(404, -1);
      } else {
        byte[] body = Files.readAllBytes(Repo.file("deploy/demo/html" + route[1]));
        exchange.getResponseHeaders().set("Content-Type", route[0]);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
  }

  /** Path to {content type, file}, as nginx.conf maps them; every file must exist. */
  static Map<String, String[]> routes() throws Exception {
    String conf = Files.readString(Repo.file("deploy/demo/nginx.conf"));
    Matcher server = Pattern.compile("(?m)^\\s*default_type (\\S+);").matcher(conf);
    String defaultType = server.find() ? server.group(1) : "application/octet-stream";
    Map<String, String[]> routes = new LinkedHashMap<>();
    Matcher m = LOCATION.matcher(conf);
    while (m.find()) {
      String file = m.group(3);
      if (!Files.isRegularFile(Repo.file("deploy/demo/html" + file))) {
        throw new AssertionError("nginx.conf serves " + m.group(1) + " from " + file
            + ", which deploy/demo/html lacks");
      }
      routes.put(m.group(1), new String[] {m.group(2) != null ? m.group(2) : defaultType, file});
    }
    if (routes.isEmpty()) {
      throw new AssertionError("no routes found in deploy/demo/nginx.conf");
    }
    return routes;
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
