package io.exporters.common.backend;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The process's HTTP client for backends that are HTTP APIs (Cloudflare, probed services): one
 * OkHttp client, so one connection pool and one set of threads, whatever the number of targets.
 * Every call is bounded as a whole (DNS, connect, TLS, headers, body) by the scrape deadline.
 */
public final class HttpApi {
  private static final HttpApi SHARED = new HttpApi(new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(10))
      .readTimeout(Duration.ofSeconds(60))
      // A retried request could pass the deadline; the scrape reports the failure instead.
      .retryOnConnectionFailure(false)
      .build());

  private final OkHttpClient client;

  private HttpApi(OkHttpClient client) {
    this.client = client;
  }

  public static HttpApi shared() {
    return SHARED;
  }

  /**
   * A client with other settings (redirects, TLS, proxies) that still shares the connection pool
   * and threads of the shared one.
   */
  public HttpApi with(Consumer<OkHttpClient.Builder> settings) {
    OkHttpClient.Builder builder = client.newBuilder();
    settings.accept(builder);
    return new HttpApi(builder.build());
  }

  public OkHttpClient client() {
    return client;
  }

  /** Sends the request; the whole call, body included, ends by the deadline. */
  public Response execute(Request request, Deadline deadline) throws IOException {
    Call call = client.newCall(request);
    call.timeout().timeout(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
    return call.execute();
  }
}
