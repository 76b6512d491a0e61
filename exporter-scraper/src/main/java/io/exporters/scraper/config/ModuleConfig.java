package io.exporters.scraper.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A module as blackbox_exporter's config file writes it, plus our keys: {@code retries},
 * {@code allow_link_local}, {@code health} and {@code json}. The dns, icmp and grpc blocks are
 * accepted (so an existing blackbox.yml loads) but those probers are not implemented.
 */
public record ModuleConfig(
    String prober,
    Duration timeout,
    Integer retries,
    Boolean allowLinkLocal,
    HttpConfig http,
    TcpConfig tcp,
    HealthConfig health,
    JsonConfig json,
    JsonNode dns,
    JsonNode icmp,
    JsonNode grpc) {}
