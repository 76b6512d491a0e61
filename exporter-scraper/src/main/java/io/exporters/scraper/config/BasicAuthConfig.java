package io.exporters.scraper.config;

import io.exporters.common.secret.Secret;

/** {@code basic_auth}: the password inline (shown as {@code <secret>}) or from a file. */
public record BasicAuthConfig(String username, Secret password, String passwordFile) {}
