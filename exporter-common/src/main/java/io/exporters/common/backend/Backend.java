package io.exporters.common.backend;

/**
 * How an exporter reaches its backend, declared by the exporter: through connections the core
 * pools per target ({@link #pooled}), or through one client shared by every target, such as the
 * core's {@link HttpApi} ({@link #shared}), with no pool at all.
 */
public sealed interface Backend<C> {
  /** Connections opened by {@code connector}, pooled per target identity. */
  record Pooled<C>(TargetConnector<C> connector) implements Backend<C> {}

  /** One client for every target; {@code upCheck} decides {@code <ns>_up}. */
  record Shared<C>(C client, SharedClient.UpCheck<C> upCheck, int lanes) implements Backend<C> {}

  static <C> Backend<C> pooled(TargetConnector<C> connector) {
    return new Pooled<>(connector);
  }

  /** A shared client that is up whenever it exists; collectors report their own failures. */
  static <C> Backend<C> shared(C client) {
    return new Shared<>(client, (c, target, deadline) -> { }, 4);
  }

  static <C> Backend<C> shared(C client, SharedClient.UpCheck<C> upCheck) {
    return new Shared<>(client, upCheck, 4);
  }
}
