package io.exporters.cloudflare;

import io.exporters.common.scrape.Deadline;
import io.exporters.common.target.Target;
import io.exporters.common.target.TargetConnector;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * "Connecting" verifies the token ({@code GET /user/tokens/verify}), so cloudflare_up says
 * whether the API answers and accepts the token.
 */
final class CloudflareConnector implements TargetConnector<CloudflareApi> {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public CloudflareApi connect(Target target, Deadline deadline) throws Exception {
    CloudflareApi api = new CloudflareApi(target.address(), target.password(), http);
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/user/tokens/verify"))
        .timeout(Duration.ofMillis(Math.max(100, deadline.remainingMillis())))
        .header("Authorization", "Bearer " + api.token().reveal())
        .GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !response.body().contains("\"success\":true")) {
      throw new IOException("token verification answered HTTP " + response.statusCode());
    }
    return api;
  }

  @Override
  public boolean isHealthy(CloudflareApi api, Deadline deadline) {
    return true;
  }

  @Override
  public void close(CloudflareApi api) {
    // Nothing to close: the HTTP client is shared.
  }
}
