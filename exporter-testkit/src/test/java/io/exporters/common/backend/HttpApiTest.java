package io.exporters.common.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.testkit.TestCertificates;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared HTTP client: every call, body included, ends by the scrape deadline; TLS is set up
 * by the first https call, not before.
 */
class HttpApiTest {
  @Test
  void aCallEndsByTheDeadlineWhereverTheServerStalls() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().body("fast").build());
      server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).build());
      server.enqueue(new MockResponse.Builder().body("slow body")
          .bodyDelay(5, TimeUnit.SECONDS).build());
      server.start();
      HttpApi api = HttpApi.shared();
      Request request = new Request.Builder().url(server.url("/")).build();
      try (Response r = api.execute(request, Deadline.in(Duration.ofSeconds(2)))) {
        assertThat(r.body().string()).isEqualTo("fast");
      }
      for (int i = 0; i < 2; i++) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> {
          try (Response r = api.execute(request, Deadline.in(Duration.ofMillis(300)))) {
            r.body().string();
          }
        }).isInstanceOf(InterruptedIOException.class);
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(2.0);
      }
    }
  }

  @Test
  void derivedClientsShareTheConnectionPool() {
    HttpApi derived = HttpApi.shared().with(b -> b.followRedirects(false));
    assertThat(derived.plainClient().connectionPool())
        .isSameAs(HttpApi.shared().plainClient().connectionPool());
    assertThat(derived.plainClient().followRedirects()).isFalse();
  }

  @Test
  void tlsIsBuiltByTheFirstHttpsCallOnlyAndKeepsTheOtherSettings(@TempDir Path dir)
      throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    X509TrustManager trust = (X509TrustManager) certs.trustManagers()[0];
    HttpApi api = HttpApi.shared().with(b -> b.followRedirects(false))
        .withTls(b -> b.sslSocketFactory(certs.clientContext(false).getSocketFactory(), trust));
    try (MockWebServer plain = new MockWebServer(); MockWebServer secure = new MockWebServer()) {
      plain.enqueue(new MockResponse.Builder().body("plain").build());
      secure.useHttps(certs.serverContext().getSocketFactory());
      secure.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/x").build());
      plain.start();
      secure.start();
      try (Response r = api.execute(new Request.Builder().url(plain.url("/")).build(),
          Deadline.in(Duration.ofSeconds(5)))) {
        assertThat(r.body().string()).isEqualTo("plain");
      }
      assertThat(api.tlsBuilt()).isFalse();
      // localhost: the name the test certificate is for.
      HttpUrl url = secure.url("/").newBuilder().host("localhost").build();
      try (Response r = api.execute(new Request.Builder().url(url).build(),
          Deadline.in(Duration.ofSeconds(5)))) {
        assertThat(r.code()).as("redirects stay unfollowed over TLS too").isEqualTo(302);
        assertThat(r.handshake()).isNotNull();
      }
      assertThat(api.tlsBuilt()).isTrue();
    }
  }
}
