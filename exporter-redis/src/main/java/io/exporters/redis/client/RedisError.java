package io.exporters.redis.client;

/** An error reply from the server ({@code ERR ...}, {@code NOPERM ...}, {@code WRONGTYPE ...}). */
public final class RedisError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RedisError(String message) {
    super(message);
  }

  /**
   * Whether the server refuses the command itself rather than this use of it: unknown or renamed
   * (managed services, Sentinel), or not permitted to this user (ACL). Such commands are skipped
   * from then on.
   */
  public boolean isRefusal() {
    String m = getMessage() == null ? "" : getMessage();
    String lower = m.toLowerCase();
    return m.startsWith("NOPERM")
        || lower.startsWith("err unknown command")
        || lower.startsWith("err unknown subcommand")
        || lower.startsWith("err this instance has cluster support disabled")
        || lower.contains("command not allowed")
        || lower.contains("command is not allowed");
  }
}
