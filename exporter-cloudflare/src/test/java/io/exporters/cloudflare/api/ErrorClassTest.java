package io.exporters.cloudflare.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cloudflare's error catalogue (reference §3.6, §3.8 h), message and status, to classes. */
class ErrorClassTest {
  @Test
  void graphqlMessagesAreClassifiedAsTheCatalogueSays() {
    assertThat(ErrorClass.ofStatus(503, "unable to execute query, please try again later"))
        .isEqualTo(ErrorClass.TRANSIENT);
    assertThat(ErrorClass.ofStatus(503, "too many queries in progress, please try again later"))
        .isEqualTo(ErrorClass.TRANSIENT);
    assertThat(ErrorClass.ofStatus(400, "cannot request data older than 2678400s"))
        .isEqualTo(ErrorClass.LIMIT);
    assertThat(ErrorClass.ofStatus(400, "query time range is too large")).isEqualTo(
        ErrorClass.LIMIT);
    assertThat(ErrorClass.ofStatus(400, "unknown field \"foo\"")).isEqualTo(ErrorClass.QUERY);
    assertThat(ErrorClass.ofStatus(400, "something new")).isEqualTo(ErrorClass.QUERY);
    assertThat(ErrorClass.ofStatus(429, "rate limiter budget depleted, try again after 5 "
        + "minutes")).isEqualTo(ErrorClass.BUDGET);
    assertThat(ErrorClass.ofMessage("Rate limiter budget depleted. Please try again after 5 "
        + "minutes.")).isEqualTo(ErrorClass.BUDGET);
    assertThat(ErrorClass.ofStatus(429, "in combination, your request queries too many nodes, "
        + "zones and accounts")).isEqualTo(ErrorClass.TOO_COSTLY);
    assertThat(ErrorClass.ofMessage("query consumed excessive resources, please try running "
        + "smaller queries")).isEqualTo(ErrorClass.TOO_COSTLY);
    assertThat(ErrorClass.ofMessage("too many zones requested")).isEqualTo(
        ErrorClass.TOO_COSTLY);
    assertThat(ErrorClass.ofStatus(401, "Unauthorized")).isEqualTo(ErrorClass.AUTH);
    assertThat(ErrorClass.ofStatus(403, "zones [abc] are not authorized")).isEqualTo(
        ErrorClass.PERMISSION);
    assertThat(ErrorClass.ofMessage("zone 'abc' does not have access to the path"))
        .isEqualTo(ErrorClass.PLAN);
    assertThat(ErrorClass.ofStatus(403, "account 'x' does not have access to the path. Refer "
        + "to this page")).isEqualTo(ErrorClass.PLAN);
    assertThat(ErrorClass.ofMessage("zone 'abc' does not have access to the field"))
        .isEqualTo(ErrorClass.PLAN);
    assertThat(ErrorClass.ofStatus(500, "Internal server error")).isEqualTo(
        ErrorClass.TRANSIENT);
  }

  @Test
  void restEnvelopesAreClassifiedByStatusAndCode() {
    assertThat(ErrorClass.ofStatus(400, "Invalid request headers (code 6003): Invalid format "
        + "for Authorization header")).isEqualTo(ErrorClass.AUTH);
    assertThat(ErrorClass.ofStatus(403, "Unauthorized to access requested resource (code "
        + "9109)")).isEqualTo(ErrorClass.PERMISSION);
    assertThat(ErrorClass.ofStatus(403, "Authentication error (code 10000)"))
        .isEqualTo(ErrorClass.PERMISSION);
    assertThat(ErrorClass.ofStatus(429, "Please wait and consider throttling your request "
        + "speed (code 971)")).isEqualTo(ErrorClass.BUDGET);
    assertThat(ErrorClass.ofStatus(401, "Invalid API Token (code 1000)"))
        .isEqualTo(ErrorClass.AUTH);
  }

  @Test
  void onlyAnswersWithAcceptedCredentialsCountAsReachingTheApi() {
    assertThat(ErrorClass.NONE.apiAnswered()).isTrue();
    assertThat(ErrorClass.BUDGET.apiAnswered()).isTrue();
    assertThat(ErrorClass.PERMISSION.apiAnswered()).isTrue();
    assertThat(ErrorClass.AUTH.apiAnswered()).isFalse();
    assertThat(ErrorClass.TIMEOUT.apiAnswered()).isFalse();
    assertThat(ErrorClass.TRANSIENT.apiAnswered()).isFalse();
  }
}
