package io.exporters.cloudflare.api;

import io.exporters.common.secret.Secret;
import java.util.Objects;
import okhttp3.Request;

/**
 * How requests prove who they are: an API token ({@code Authorization: Bearer}) or, as
 * lablabs' CF_API_KEY + CF_API_EMAIL, a global API key with its account's email. Never shown.
 */
public final class Credentials {
  private final Secret token;
  private final Secret key;
  private final String email;

  private Credentials(Secret token, Secret key, String email) {
    this.token = token;
    this.key = key;
    this.email = email;
  }

  public static Credentials token(Secret token) {
    return new Credentials(token, null, null);
  }

  public static Credentials globalKey(Secret key, String email) {
    return new Credentials(null, key, email);
  }

  /** The token when there is one (it wins), else the key and email. */
  public static Credentials of(Secret token, Secret key, String email) {
    return token != null && !token.isEmpty() ? token(token) : globalKey(key, email);
  }

  void sign(Request.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token.reveal());
    } else {
      request.header("X-Auth-Email", email == null ? "" : email)
          .header("X-Auth-Key", key.reveal());
    }
  }

  /** Which setting a rejection is about, for messages that must not quote the secret. */
  public String describe() {
    return token != null ? "the API token (CF_API_TOKEN)"
        : "the global API key (CF_API_KEY with CF_API_EMAIL)";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c && Objects.equals(token, c.token)
        && Objects.equals(key, c.key) && Objects.equals(email, c.email);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, key, email);
  }

  @Override
  public String toString() {
    return token != null ? "Credentials[token]" : "Credentials[global key]";
  }
}
