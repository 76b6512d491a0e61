package io.exporters.common.config;

/** A /probe target outside its auth module's {@code allowed_targets}: answered 403. */
public final class TargetNotAllowedException extends IllegalArgumentException {
  public TargetNotAllowedException(String message) {
    super(message);
  }
}
