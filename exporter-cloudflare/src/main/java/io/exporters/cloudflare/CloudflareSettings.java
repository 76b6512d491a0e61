package io.exporters.cloudflare;

import io.exporters.common.secret.Secret;

/** The Cloudflare exporter's own keys: API token and (for tests and proxies) the API base URL. */
public record CloudflareSettings(Secret apiToken, String apiUrl) {
  static final String DEFAULT_API_URL = "https://api.cloudflare.com/client/v4";

  String apiUrlOrDefault() {
    return apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.replaceAll("/+$", "");
  }
}
