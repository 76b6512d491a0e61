package io.exporters.scraper.support;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * A local HTTP or HTTPS server (the JDK's) for probe tests, with ready-made answers: a status
 * and body with headers, JSON, a redirect, a slow answer, gzip. Counts requests per path.
 */
public final class TestHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final String scheme;
  private final Map<String, AtomicInteger> hits = new java.util.concurrent.ConcurrentHashMap<>();

  private TestHttpServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.setExecutor(executor);
    server.start();
  }

  public static TestHttpServer http() throws IOException {
    return new TestHttpServer(HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50), "http");
  }

  public static TestHttpServer https(SSLContext context) throws IOException {
    HttpsServer s = HttpsServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    s.setHttpsConfigurator(new HttpsConfigurator(context));
    return new TestHttpServer(s, "https");
  }

  public TestHttpServer route(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      try {
        handler.handle(exchange);
      } finally {
        exchange.close();
      }
    });
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code scheme://127.0.0.1:port/path}. */
  public String url(String path) {
    return scheme + "://127.0.0.1:" + port() + path;
  }

  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** A fixed answer; {@code headers} as name, value pairs. */
  public static HttpHandler answer(int status, String body, String... headers) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return x -> {
      drain(x);
      Headers h = x.getResponseHeaders();
      for (int i = 0; i + 1 < headers.length; i += 2) {
        h.add(headers[i], headers[i + 1]);
      }
      x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        x.getResponseBody().write(bytes);
      }
    };
  }

  public static HttpHandler json(int status, String body) {
    return answer(status, body, "Content-Type", "application/json");
  }

  public static HttpHandler redirect(int status, String location) {
    return answer(status, "", "Location", location);
  }

  /** Waits {@code millis} before answering 200. */
  public static HttpHandler slow(long millis) {
    return x -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(200, "late\n").handle(x);
    };
  }

  /** {@code body} gzipped, with Content-Encoding: gzip whatever the request asked. */
  public static HttpHandler gzip(String body) {
    return x -> {
      drain(x);
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
      x.getResponseHeaders().add("Content-Encoding", "gzip");
      x.sendResponseHeaders(200, zipped.size());
      x.getResponseBody().write(zipped.toByteArray());
    };
  }

  /** {@code size} bytes of 'x', sent chunked (no Content-Length). */
  public static HttpHandler large(long size) {
    return x -> {
      drain(x);
      x.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try (OutputStream out = x.getResponseBody()) {
        for (long sent = 0; sent < size; sent += chunk.length) {
          out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
        }
      } catch (IOException peerClosed) {
        // The prober cut the body at its limit.
      }
    };
  }

  private static void drain(HttpExchange x) throws IOException {
    x.getRequestBody().readAllBytes();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
