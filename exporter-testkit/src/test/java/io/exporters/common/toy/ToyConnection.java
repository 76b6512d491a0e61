package io.exporters.common.toy;

/** A "connection" to a {@link ToyBackend}. */
final class ToyConnection {
  final ToyBackend backend;
  volatile boolean closed;

  ToyConnection(ToyBackend backend) {
    this.backend = backend;
  }
}
