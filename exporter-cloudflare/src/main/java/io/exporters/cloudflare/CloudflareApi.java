package io.exporters.cloudflare;

import io.exporters.common.backend.Deadline;
import io.exporters.common.backend.HttpApi;
import io.exporters.common.backend.Target;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Calls to the Cloudflare API through the core's shared HTTP client. The scrape's up check
 * verifies the token ({@code GET /user/tokens/verify}), so cloudflare_up says whether the API
 * answers and accepts the token. A target's address is the API base URL; its password the token.
 */
final class CloudflareApi {
  private final HttpApi http;

  CloudflareApi(HttpApi http) {
    this.http = http;
  }

  void verifyToken(Target target, Deadline deadline) throws IOException {
    Request request = new Request.Builder().url(target.address() + "/user/tokens/verify")
        .header("Authorization", "Bearer " + target.password().reveal()).get().build();
    try (Response response = http.execute(request, deadline)) {
      String body = response.body() == null ? "" : response.body().string();
      if (response.code() != 200 || !body.contains("\"success\":true")) {
        throw new IOException("token verification answered HTTP " + response.code());
      }
    }
  }
}
