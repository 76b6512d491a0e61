package io.exporters.cloudflare.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.exporters.cloudflare.MutableClock;
import io.exporters.common.secret.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls stay under the base URL, carry the credentials, and every failure is classified. */
class CloudflareClientTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-20T10:00:00Z"));
  private final ApiCalls calls = new ApiCalls();
  private final RequestBudget graphql = new RequestBudget(300, clock);
  private final RequestBudget rest = new RequestBudget(1200, clock);
  private CloudflareClient client;

  @BeforeEach
  void start() throws Exception {
    server.start(0);
    client = new CloudflareClient(server.url("/client/v4"), Credentials.token(
        Secret.of("tok-abcdef-123")), Duration.ofMillis(500), calls, graphql, rest, clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void restCallsAreBuiltUnderTheBaseUrlWithTheToken() throws Exception {
    server.enqueue(json(200, "{\"success\":true,\"errors\":[],\"result\":[]}"));
    client.get("zones", List.of("zones", "a/b"), Map.of("account.id", "x y"));
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/client/v4/zones/a%2Fb");
    assertThat(r.getUrl().queryParameter("account.id")).isEqualTo("x y");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer tok-abcdef-123");
    assertThat(calls.snapshot()).containsEntry(new ApiCalls.Key("zones", "200", "none"), 1L);
  }

  @Test
  void aRejectedTokenIsNamedButNotShown() {
    server.enqueue(json(401, "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":"
        + "\"Invalid API Token\"}],\"messages\":[],\"result\":null}"));
    assertThatThrownBy(() -> client.get("accounts", List.of("accounts"), Map.of()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.errorClass()).isEqualTo(ErrorClass.AUTH);
          assertThat(e.getMessage()).isEqualTo("the API rejected the API token (CF_API_TOKEN) "
              + "(HTTP 401): Invalid API Token (code 1000)").doesNotContain("tok-abcdef");
        });
    assertThat(calls.lastUnanswered()).contains("rejected the API token");
  }

  @Test
  void retryAfterAsAnHttpDatePausesUntilThen() {
    server.enqueue(json(429, "{\"success\":false,\"errors\":[{\"code\":971,\"message\":"
        + "\"Please wait and consider throttling your request speed\"}]}")
        .newBuilder().addHeader("Retry-After", "Mon, 20 May 2024 10:02:00 GMT").build());
    assertThatThrownBy(() -> client.get("zones", List.of("zones"), Map.of()))
        .isInstanceOfSatisfying(ApiException.class, e ->
            assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2)));
    assertThat(rest.pauseRemaining()).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> client.get("zones", List.of("zones"), Map.of()))
        .hasMessageContaining("REST budget: paused for 120 s");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRateLimitAnsweredInHtmlStillPausesForItsRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "42")
        .body("<html>Too Many Requests</html>").build());
    assertThat(failure()).isEqualTo(ErrorClass.BUDGET);
    assertThat(rest.pauseRemaining()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void budgetDepletedInA200PausesGraphqlFiveMinutes() throws Exception {
    server.enqueue(json(200, "{\"data\":null,\"errors\":[{\"message\":\"Rate limiter budget "
        + "depleted. Please try again after 5 minutes.\",\"path\":null}]}"));
    GraphQlAnswer a = client.graphql("{ viewer { zones { zoneTag } } }",
        JsonNodeFactory.instance.objectNode());
    assertThat(a.errors().get(0).errorClass()).isEqualTo(ErrorClass.BUDGET);
    assertThat(graphql.pauseRemaining()).isEqualTo(Duration.ofMinutes(5));
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r.getUrl().encodedPath()).isEqualTo("/client/v4/graphql");
    assertThat(r.getBody().utf8()).startsWith("{\"query\":\"{ viewer");
  }

  @Test
  void redirectsAreNotFollowedAndGarbledOrLateAnswersAreClassified() {
    server.enqueue(new MockResponse.Builder().code(301)
        .addHeader("Location", "http://elsewhere.invalid/").build());
    server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>")
        .build());
    server.enqueue(json(200, "[1, 2]"));
    server.enqueue(json(200, "{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    assertThat(failure()).isEqualTo(ErrorClass.NETWORK);
    assertThat(failure()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(failure()).isEqualTo(ErrorClass.MALFORMED);
    assertThat(failure()).isEqualTo(ErrorClass.TIMEOUT);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  private ErrorClass failure() {
    try {
      client.get("zones", List.of("zones"), Map.of());
      throw new AssertionError("no failure");
    } catch (ApiException e) {
      return e.errorClass();
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build();
  }
}
