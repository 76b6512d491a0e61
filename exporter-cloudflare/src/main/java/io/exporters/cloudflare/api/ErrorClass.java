package io.exporters.cloudflare.api;

import java.util.Locale;

/**
 * What kind of failure an API answer is, from its HTTP status and message (Cloudflare's
 * GraphQL errors carry no code, and a 200 can hold an error). Decides what the poller does:
 * retry the window later, skip a dataset for a scope, back off, or split the query.
 */
public enum ErrorClass {
  NONE("none"),
  /** The credentials were rejected: bad or revoked token, malformed key header. */
  AUTH("auth"),
  /** The credentials work but lack a permission for this call or scope. */
  PERMISSION("permission"),
  /** The scope's plan does not include the dataset or a field of it. */
  PLAN("plan"),
  /** Rate limit or "budget depleted": stop asking for a while. */
  BUDGET("budget"),
  /** The query asked too much at once: ask for fewer zones per query. */
  TOO_COSTLY("too_costly"),
  /** The dataset's own limits: data too old, range too large, too many rows asked. */
  LIMIT("limit"),
  /** The query itself was refused (a field or argument the schema does not know). */
  QUERY("query"),
  /** Cloudflare could not answer now (5xx, "try again later"). */
  TRANSIENT("transient"),
  TIMEOUT("timeout"),
  NETWORK("network"),
  /** An answer that is not the JSON envelope Cloudflare sends. */
  MALFORMED("malformed");

  private final String label;

  ErrorClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the API was reached and read the credentials (so cloudflare_up is 1). */
  public boolean apiAnswered() {
    return this != AUTH && this != TIMEOUT && this != NETWORK && this != MALFORMED
        && this != TRANSIENT;
  }

  /** Classifies an error message of a GraphQL {@code errors[]} entry or a REST envelope. */
  public static ErrorClass ofMessage(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("does not have access to the path") || m.contains("does not have access to "
        + "the field") || m.contains("not available for your plan") || m.contains("upgrade to")) {
      return PLAN;
    }
    if (m.contains("budget depleted") || m.contains("limit reached") || m.contains("rate limit")
        || m.contains("consider throttling") || m.contains("requests per")) {
      return BUDGET;
    }
    if (m.contains("too many nodes") || m.contains("excessive resources")
        || m.contains("too many zones")) {
      return TOO_COSTLY;
    }
    if (m.contains("older than") || m.contains("time range is too large")
        || m.contains("limit must be positive") || m.contains("number of fields can't")) {
      return LIMIT;
    }
    if (m.equals("unauthorized") || m.contains("invalid api token")
        || m.contains("invalid access token") || m.contains("invalid request headers")
        || m.contains("invalid format for")) {
      return AUTH;
    }
    if (m.contains("not authorized") || m.contains("unauthorized to access")
        || m.contains("authentication error") || m.contains("forbidden")) {
      return PERMISSION;
    }
    if (m.contains("error parsing") || m.contains("unknown field") || m.contains("must have")
        || m.contains("query contains error") || m.contains("empty zone filters")
        || m.contains("unknown argument")) {
      return QUERY;
    }
    return TRANSIENT;
  }

  /** Classifies an HTTP answer that is not a success; the message refines the status. */
  public static ErrorClass ofStatus(int status, String message) {
    ErrorClass byMessage = ofMessage(message);
    if (status == 401) {
      return AUTH;
    }
    if (status == 403) {
      return byMessage == PLAN || byMessage == AUTH ? byMessage : PERMISSION;
    }
    if (status == 429) {
      return byMessage == TOO_COSTLY ? TOO_COSTLY : BUDGET;
    }
    if (status >= 500) {
      return byMessage == TOO_COSTLY || byMessage == BUDGET ? byMessage : TRANSIENT;
    }
    return byMessage == TRANSIENT && status == 400 ? QUERY : byMessage;
  }
}
