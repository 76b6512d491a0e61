package io.exporters.redis;

import io.exporters.common.secret.Secret;

/** redis_exporter's own keys: the address /metrics scrapes and its credentials. */
public record RedisSettings(String redisAddr, String redisUser, Secret redisPassword) {}
