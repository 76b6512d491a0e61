package io.exporters.common.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The shared HTTP client: every call, body included, ends by the scrape deadline. */
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
    assertThat(derived.client().connectionPool())
        .isSameAs(HttpApi.shared().client().connectionPool());
    assertThat(derived.client().followRedirects()).isFalse();
  }
}
