package io.exporters.testkit;

import io.exporters.common.app.ExporterApp;
import io.exporters.common.app.ExporterDefinition;
import io.exporters.common.config.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts an exporter in this JVM on a free loopback port (unless the args name one) and talks
 * HTTP to it. Close it at the end of the test.
 */
public final class InProcessExporter implements AutoCloseable {
  private final ExporterApp<?, ?> app;
  private final HttpClient client;
  private final String scheme;

  private InProcessExporter(ExporterApp<?, ?> app, HttpClient client, String scheme) {
    this.app = app;
    this.client = client;
    this.scheme = scheme;
  }

  public static InProcessExporter start(ExporterDefinition<?, ?> definition, List<String> args,
      Map<String, String> env) throws ConfigException {
    return start(definition, args, env, HttpClient.newHttpClient(), "http");
  }

  public static InProcessExporter start(ExporterDefinition<?, ?> definition, List<String> args,
      Map<String, String> env, HttpClient client, String scheme) throws ConfigException {
    List<String> all = new ArrayList<>(args);
    if (all.stream().noneMatch(a -> a.startsWith("--web.listen-address"))) {
      all.add("--web.listen-address=127.0.0.1:0");
    }
    ExporterApp<?, ?> app = ExporterApp.start(definition, all, env);
    return new InProcessExporter(app, client, scheme);
  }

  public ExporterApp<?, ?> app() {
    return app;
  }

  public int port() {
    return app.port();
  }

  public String url(String pathAndQuery) {
    return scheme + "://127.0.0.1:" + port() + pathAndQuery;
  }

  /** GET with optional headers given as name, value pairs. */
  public Response get(String pathAndQuery, String... headers) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET(), headers);
  }

  public Response post(String path, String... headers) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url(path)))
        .POST(HttpRequest.BodyPublishers.noBody()), headers);
  }

  /** Scrapes /metrics as Prometheus text and parses it. */
  public Exposition scrape() throws IOException {
    Response r = get("/metrics");
    if (r.status() != 200) {
      throw new AssertionError("/metrics answered " + r.status() + ": " + r.text());
    }
    return Exposition.parse(r.contentType(), r.body());
  }

  private Response send(HttpRequest.Builder builder, String... headers) throws IOException {
    builder.timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(), String.join(",", v)));
      return new Response(r.statusCode(), h, r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    app.close();
  }

  /** An HTTP answer with lower-cased header names. */
  public record Response(int status, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    public Exposition exposition() {
      return Exposition.parse(contentType(), body);
    }
  }
}
