package io.exporters.scraper.config;

import io.exporters.common.secret.Secret;

/** {@code authorization}: an Authorization header of {@code type} (Bearer by default). */
public record AuthorizationConfig(String type, Secret credentials, String credentialsFile) {}
