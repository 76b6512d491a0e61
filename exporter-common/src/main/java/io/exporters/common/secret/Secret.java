package io.exporters.common.secret;

import java.util.Objects;

/**
 * A value that must never be shown: its {@link #toString()} is redacted. A secret from
 * configuration is also registered with the {@link SecretMasker}, so that text holding it is
 * masked too; one from a request (a /probe password) is not, so callers cannot steer masking.
 */
public final class Secret {
  public static final String REDACTED = "<secret>";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A secret from a request: kept apart and redacted, but not masked by value in text. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** A secret from configuration: also masked by value wherever text holds it. */
  public static Secret configured(String value) {
    SecretMasker.register(value);
    return new Secret(value);
  }

  /** The clear value, for handing to a backend driver only. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret && ((Secret) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
