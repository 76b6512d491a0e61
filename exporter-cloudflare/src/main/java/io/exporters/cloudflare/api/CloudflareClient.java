package io.exporters.cloudflare.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.HttpApi;
import io.exporters.common.secret.SecretMasker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Calls the Cloudflare API under one base URL and nowhere else: URLs are built from the base by
 * path segments, redirects are not followed, and nothing in an answer names a URL we call. Every
 * call is bounded by the configured timeout, counted in {@link ApiCalls}, taken from its
 * {@link RequestBudget}, and a 429 or a "budget depleted" answer pauses that budget.
 */
public final class CloudflareClient {
  /** The core's shared OkHttp client, without redirects: a Location must not take us away. */
  private static final HttpApi NO_REDIRECTS = HttpApi.shared()
      .with(b -> b.followRedirects(false).followSslRedirects(false));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  /** Cloudflare: "all API calls for the next five minutes will be blocked". */
  static final Duration DEFAULT_PAUSE = Duration.ofMinutes(5);

  private final HttpUrl base;
  private final Credentials credentials;
  private final Duration timeout;
  private final ApiCalls calls;
  private final RequestBudget graphqlBudget;
  private final RequestBudget restBudget;
  private final Clock clock;

  public CloudflareClient(HttpUrl base, Credentials credentials, Duration timeout,
      ApiCalls calls, RequestBudget graphqlBudget, RequestBudget restBudget, Clock clock) {
    this.base = base;
    this.credentials = credentials;
    this.timeout = timeout;
    this.calls = calls;
    this.graphqlBudget = graphqlBudget;
    this.restBudget = restBudget;
    this.clock = clock;
  }

  /**
   * GET of a REST resource under the base URL; returns the whole envelope once
   * {@code success} is true. {@code endpoint} names the call in self-metrics.
   */
  public JsonNode get(String endpoint, List<String> segments, Map<String, String> query)
      throws ApiException {
    if (!restBudget.tryAcquire()) {
      throw spent("REST", restBudget);
    }
    HttpUrl.Builder url = base.newBuilder();
    segments.forEach(url::addPathSegment);
    query.forEach(url::addQueryParameter);
    JsonNode body = send(endpoint, new Request.Builder().url(url.build()).get(), restBudget);
    if (!body.path("success").asBoolean(false)) {
      String message = envelopeMessage(body);
      throw failed(endpoint, 200, ErrorClass.ofMessage(message),
          endpoint + " answered success=false: " + message);
    }
    calls.record(endpoint, 200, ErrorClass.NONE);
    return body;
  }

  /** POST of one GraphQL document to {@code <base>/graphql}; errors inside a 200 are kept. */
  public GraphQlAnswer graphql(String query, ObjectNode variables) throws ApiException {
    if (!graphqlBudget.tryAcquire()) {
      throw spent("GraphQL", graphqlBudget);
    }
    ObjectNode payload = JSON.createObjectNode().put("query", query);
    payload.set("variables", variables);
    Request.Builder request = new Request.Builder()
        .url(base.newBuilder().addPathSegment("graphql").build())
        .post(RequestBody.create(payload.toString(), JSON_TYPE));
    GraphQlAnswer answer = GraphQlAnswer.of(send("graphql", request, graphqlBudget));
    ErrorClass recorded = answer.errors().isEmpty() ? ErrorClass.NONE
        : answer.errors().get(0).errorClass();
    for (GraphQlAnswer.Error e : answer.errors()) {
      if (e.errorClass() == ErrorClass.BUDGET) {
        // Cloudflare may say so in a 200: the budget is spent all the same.
        graphqlBudget.pauseUntil(clock.instant().plus(DEFAULT_PAUSE), e.message());
        recorded = ErrorClass.BUDGET;
      }
    }
    calls.record("graphql", 200, recorded);
    return answer;
  }

  private JsonNode send(String endpoint, Request.Builder request, RequestBudget budget)
      throws ApiException {
    credentials.sign(request.header("Accept", "application/json"));
    try (Response response = NO_REDIRECTS.execute(request.build(),
        Deadline.in(timeout))) {
      int status = response.code();
      ResponseBody body = response.body();
      if (status >= 300 && status < 400) {
        throw failed(endpoint, status, ErrorClass.NETWORK, endpoint + " answered a redirect "
            + "(HTTP " + status + "), not followed: every call stays under the configured API URL");
      }
      JsonNode json;
      try {
        json = JSON.readTree(body.byteStream());
      } catch (JsonProcessingException e) {
        json = null;
      }
      boolean object = json != null && json.isObject();
      if (status / 100 != 2) {
        // A proxy's HTML 429 or 401 still says what happened, and its Retry-After counts.
        throw failure(endpoint, status, object ? json : null, response.header("Retry-After"),
            budget);
      }
      if (!object) {
        throw failed(endpoint, status, ErrorClass.MALFORMED, endpoint + " answered HTTP "
            + status + " with a body that is not a JSON object");
      }
      return json;
    } catch (InterruptedIOException e) {
      throw failed(endpoint, 0, ErrorClass.TIMEOUT, endpoint + " did not answer within "
          + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw failed(endpoint, 0, isTimeout(e) ? ErrorClass.TIMEOUT : ErrorClass.NETWORK,
          endpoint + ": " + SecretMasker.mask(describe(e)));
    }
  }

  private ApiException failed(String endpoint, int status, ErrorClass c, String message) {
    calls.record(endpoint, status, c, message);
    return new ApiException(c, status, message, null);
  }

  private ApiException failure(String endpoint, int status, JsonNode json, String retryAfter,
      RequestBudget budget) {
    String message = envelopeMessage(json);
    ErrorClass c = ErrorClass.ofStatus(status, message);
    String text = c == ErrorClass.AUTH
        ? "the API rejected " + credentials.describe() + " (HTTP " + status + "): " + message
        : endpoint + " answered HTTP " + status + ": " + message;
    calls.record(endpoint, status, c, text);
    Duration wait = retryAfter(retryAfter);
    if (c == ErrorClass.BUDGET) {
      Duration pause = wait != null ? wait : DEFAULT_PAUSE;
      if (message.toLowerCase(Locale.ROOT).contains("budget depleted")
          && pause.compareTo(DEFAULT_PAUSE) < 0) {
        pause = DEFAULT_PAUSE;
      }
      budget.pauseUntil(clock.instant().plus(pause), message);
    }
    return new ApiException(c, status, text, wait);
  }

  /** The first error of a REST envelope or a GraphQL answer, with its error chain. */
  static String envelopeMessage(JsonNode json) {
    if (json == null) {
      return "(a body that is not JSON)";
    }
    JsonNode first = json.path("errors").path(0);
    if (first.isMissingNode()) {
      return json.path("message").asText("no error message");
    }
    StringBuilder out = new StringBuilder(first.path("message").asText("no error message"));
    if (first.has("code")) {
      out.append(" (code ").append(first.path("code").asText()).append(')');
    }
    for (JsonNode link : first.path("error_chain")) {
      out.append(": ").append(link.path("message").asText());
    }
    return SecretMasker.mask(out.toString());
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
  Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(),
            DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(clock.instant(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  private static ApiException spent(String api, RequestBudget budget) {
    String why = budget.pauseRemaining().isZero()
        ? "its " + budget.limit() + " requests per 5 minutes are used"
        : "paused for " + budget.pauseRemaining().toSeconds() + " s: " + budget.pauseReason();
    return new ApiException(ErrorClass.BUDGET, 0, api + " budget: " + why, null);
  }

  private static boolean isTimeout(IOException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("timeout") || m.contains("timed out") || m.contains("canceled");
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
