package io.exporters.common.config;

import io.exporters.common.log.SecretMasker;
import java.util.Objects;

/**
 * A value that must never be shown: its {@link #toString()} is redacted, and every secret is
 * registered with the {@link SecretMasker} so that log lines containing it are masked too.
 */
public final class Secret {
  public static final String REDACTED = "<secret>";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
    SecretMasker.register(value);
  }

  public static Secret of(String value) {
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
