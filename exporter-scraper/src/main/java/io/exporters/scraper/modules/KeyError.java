package io.exporters.scraper.modules;

/** A bad value at a key of the configuration (the key relative to where compiling started). */
final class KeyError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  KeyError(String key, String message) {
    super(message);
    this.key = key;
  }

  String key() {
    return key;
  }

  /** Runs {@code step}, naming {@code key} in any IllegalArgumentException it throws. */
  static <T> T at(String key, java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (KeyError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new KeyError(key, e.getMessage());
    }
  }

  static java.util.regex.Pattern regex(String key, String regex) {
    if (regex == null) {
      throw new KeyError(key, "missing");
    }
    try {
      return java.util.regex.Pattern.compile(regex);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new KeyError(key, "invalid regular expression: " + e.getDescription());
    }
  }
}
