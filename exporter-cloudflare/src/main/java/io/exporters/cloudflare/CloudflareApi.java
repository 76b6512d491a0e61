package io.exporters.cloudflare;

import io.exporters.common.config.Secret;
import java.net.http.HttpClient;

/** An authenticated handle on the Cloudflare API: base URL, token and a shared HTTP client. */
record CloudflareApi(String baseUrl, Secret token, HttpClient http) {}
