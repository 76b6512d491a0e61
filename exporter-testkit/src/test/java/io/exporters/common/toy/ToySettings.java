package io.exporters.common.toy;

/** The toy exporter's own config keys: which backend /metrics scrapes. */
record ToySettings(String backend, io.exporters.common.secret.Secret password) {}
