package io.exporters.scraper.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.scraper.support.Scraper;
import io.exporters.scraper.support.TestPki;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.InProcessExporter;
import io.exporters.testkit.SilentServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * blackbox's tcp prober against a scripted SMTP-like server: connect, the query_response
 * conversation with ${1} taken from an expect, STARTTLS, a banner that does not match, a closed
 * port, and a port that accepts and never answers.
 */
class TcpProberTest {
  @TempDir
  static Path dir;

  private static ServerSocket smtp;
  private static ServerSocket hangUp;
  private static final List<String> heard = new CopyOnWriteArrayList<>();
  private static String modules;

  @BeforeAll
  static void serve() throws Exception {
    TestPki.Issued root = TestPki.root("TCP Root", Duration.ofDays(10));
    TestPki.Issued cert = TestPki.server(root, "CN=localhost", Duration.ofDays(3));
    SSLContext tls = TestPki.serverContext(cert);
    smtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!smtp.isClosed()) {
        try {
          Socket s = smtp.accept();
          new Thread(() -> converse(s, tls)).start();
        } catch (Exception closed) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    hangUp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread h = new Thread(() -> {
      while (!hangUp.isClosed()) {
        try (Socket s = hangUp.accept()) {
          s.getOutputStream().write("220 mail.test ESMTP ready\r\n".getBytes(
              StandardCharsets.UTF_8));
        } catch (Exception closed) {
          return;
        }
      }
    });
    h.setDaemon(true);
    h.start();
    Path ca = TestPki.pem(dir.resolve("ca.pem"), root.cert());
    modules = """
        modules:
          smtp_banner:
            prober: tcp
            tcp:
              query_response:
                - expect: "^220 ([^ ]+) ESMTP"
                - send: "EHLO ${1}"
                - expect: "^250 HELP"
                - send: "QUIT"
          ssh_banner: {prober: tcp, timeout: 1s, tcp: {query_response: [{expect: "^SSH-2.0-"}]}}
          smtp_starttls:
            prober: tcp
            tcp:
              query_response:
                - expect: "^220"
                - send: "STARTTLS"
                - expect: "^220 ready"
                - starttls: true
                - send: "NOOP"
                - expect: "^250 ok"
              tls_config: {ca_file: %s}
          silent_expect: {prober: tcp, tcp: {query_response: [{expect: "^220"}]}}
        """.formatted(ca);
  }

  /** 220 banner; EHLO gets 250 lines; STARTTLS upgrades; NOOP over TLS gets 250 ok. */
  private static void converse(Socket socket, SSLContext tls) {
    try (Socket s = socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
          StandardCharsets.UTF_8));
      OutputStream out = s.getOutputStream();
      out.write("220 mail.test ESMTP ready\r\n".getBytes(StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        heard.add(line);
        if (line.startsWith("EHLO")) {
          out.write("250-mail.test\r\n250 HELP\r\n".getBytes(StandardCharsets.UTF_8));
        } else if (line.equals("STARTTLS")) {
          out.write("220 ready\r\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(s, null,
              s.getPort(), false);
          secure.setUseClientMode(false);
          secure.startHandshake();
          BufferedReader tin = new BufferedReader(new InputStreamReader(
              secure.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter tout = new PrintWriter(secure.getOutputStream(), true);
          String noop = tin.readLine();
          heard.add("tls:" + noop);
          tout.print("250 ok\r\n");
          tout.flush();
          tin.readLine();
          return;
        } else if (line.equals("QUIT")) {
          return;
        }
      }
    } catch (Exception e) {
      // The prober hung up.
    }
  }

  @AfterAll
  static void stop() throws Exception {
    smtp.close();
    hangUp.close();
  }

  private static Exposition probe(InProcessExporter e, String target, String module,
      String... headers) throws Exception {
    InProcessExporter.Response r = e.get(Scraper.probe(target, module), headers);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.exposition();
  }

  @Test
  void connectAndTheConversationSucceed() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      String target = "127.0.0.1:" + smtp.getLocalPort();
      Exposition connect = probe(e, target, "tcp_connect");
      assertThat(connect.value("probe_success")).isEqualTo(1);
      assertThat(connect.value("probe_ip_protocol")).isEqualTo(4);
      assertThat(connect.value("probe_ip_addr_hash")).isEqualTo(3668918509.0);
      assertThat(connect.value("probe_failed_due_to_regex")).isZero();
      assertThat(connect.value("probe_dns_lookup_time_seconds")).isGreaterThanOrEqualTo(0);
      assertThat(connect.names()).doesNotContain("probe_http_status_code", "probe_failure_info");

      Exposition banner = probe(e, target, "smtp_banner");
      assertThat(banner.value("probe_success")).isEqualTo(1);
      awaitHeard("QUIT");
      assertThat(heard).contains("EHLO mail.test", "QUIT");

      Exposition starttls = probe(e, target, "smtp_starttls");
      assertThat(starttls.value("probe_success")).isEqualTo(1);
      assertThat(starttls.value("probe_tls_version_info", "version", "TLS 1.3")).isEqualTo(1);
      assertThat(starttls.value("probe_ssl_earliest_cert_expiry")).isPositive();
      awaitHeard("tls:NOOP");
      assertThat(heard).contains("tls:NOOP");
    }
  }

  /** The server records a line on its own thread, after the probe may have answered. */
  private static void awaitHeard(String line) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (!heard.contains(line) && System.nanoTime() < until) {
      Thread.sleep(10);
    }
  }

  @Test
  void aBannerThatDoesNotMatchIsARegexFailure() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules)) {
      Exposition m = probe(e, "127.0.0.1:" + hangUp.getLocalPort(), "ssh_banner");
      assertThat(m.value("probe_success")).isZero();
      assertThat(m.value("probe_failed_due_to_regex")).isEqualTo(1);
      assertThat(m.value("probe_failure_info", "reason", "regex")).isEqualTo(1);
      // A server that keeps talking without a match runs out the time, as in blackbox: a
      // timeout, not a regex failure.
      Exposition open = probe(e, "127.0.0.1:" + smtp.getLocalPort(), "ssh_banner");
      assertThat(open.value("probe_failure_info", "reason", "timeout")).isEqualTo(1);
      assertThat(open.value("probe_failed_due_to_regex")).isZero();
    }
  }

  @Test
  void closedAndSilentPortsFailWithTheirReasons() throws Exception {
    try (InProcessExporter e = Scraper.start(dir, modules);
        SilentServer.Running silent = SilentServer.start()) {
      int closed;
      try (ServerSocket s = new ServerSocket(0)) {
        closed = s.getLocalPort();
      }
      Exposition refused = probe(e, "127.0.0.1:" + closed, "tcp_connect");
      assertThat(refused.value("probe_failure_info", "reason", "connect")).isEqualTo(1);

      String quiet = "127.0.0.1:" + silent.port();
      assertThat(probe(e, quiet, "tcp_connect").value("probe_success")).isEqualTo(1);
      Exposition waiting = probe(e, quiet, "silent_expect",
          "X-Prometheus-Scrape-Timeout-Seconds", "1.5");
      assertThat(waiting.value("probe_success")).isZero();
      assertThat(waiting.value("probe_failure_info", "reason", "timeout")).isEqualTo(1);
      assertThat(waiting.value("probe_duration_seconds")).isBetween(0.7, 1.5);

      Exposition http = probe(e, "http://" + quiet + "/", "http_2xx",
          "X-Prometheus-Scrape-Timeout-Seconds", "1.5");
      assertThat(http.value("probe_failure_info", "reason", "timeout")).isEqualTo(1);
      assertThat(http.value("probe_http_status_code")).isZero();
      assertThat(http.value("probe_duration_seconds")).isBetween(0.7, 1.5);
    }
  }
}
