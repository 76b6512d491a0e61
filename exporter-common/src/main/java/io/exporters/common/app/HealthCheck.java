package io.exporters.common.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The images' HEALTHCHECK (they have no shell): GET /-/healthy at the address the exporter wrote
 * to {@code EXPORTER_ADDRESS_FILE}. Exit 0 when it answers 200. Over TLS the server's
 * certificate is not checked (this is the exporter's own loopback), and a server that demands a
 * client certificate counts as alive once it has answered the handshake.
 */
public final class HealthCheck {
  private static final int TIMEOUT_MS = 2500;

  private HealthCheck() {}

  public static void main(String[] args) {
    String file = System.getenv(AddressFile.ENV);
    if (file == null || file.isBlank()) {
      fail("no " + AddressFile.ENV + " set");
    }
    String url;
    try {
      url = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      fail("cannot read " + file + " (not listening yet?): " + e.getMessage());
      return;
    }
    try {
      String status = check(URI.create(url));
      if (!status.startsWith("HTTP/1.1 200") && !status.startsWith("HTTP/1.0 200")) {
        fail("unhealthy: " + status);
      }
      System.out.println("healthy: " + url);
    } catch (IOException | RuntimeException e) {
      fail("no answer from " + url + ": " + e);
    }
  }

  /** The status line of GET /-/healthy; "HTTP/1.1 200 alive" for a TLS server wanting a cert. */
  static String check(URI url) throws IOException {
    boolean tls = url.getScheme().equals("https");
    try (Socket socket = tls ? tls() : new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost().replace("[", "").replace("]", ""),
          url.getPort()), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      try {
        return get(socket, url.getHost());
      } catch (SocketTimeoutException e) {
        throw e;
      } catch (IOException e) {
        if (!tls) {
          throw e;
        }
        // It answered the TLS handshake and refused us (a client certificate is required):
        // alive, and asking for what a health check cannot give.
        return "HTTP/1.1 200 alive (TLS answered: " + e.getMessage() + ")";
      }
    }
  }

  private static String get(Socket socket, String host) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("GET /-/healthy HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n' && line.length() < 200; c = in.read()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    if (line.length() == 0) {
      throw new IOException("the connection closed without an answer");
    }
    return line.toString();
  }

  private static Socket tls() throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
      return context.getSocketFactory().createSocket();
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  private static void fail(String message) {
    System.out.println(message);
    System.exit(1);
  }

  /** Loopback to the exporter itself: which certificate it shows is not this check's concern. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
