package io.exporters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresDsnTest {
  @Test
  void uriForm() {
    PostgresDsn d = PostgresDsn.parse("postgresql://mon:p%40ss@db.example:5433/app?sslmode=require");
    assertThat(d.address()).isEqualTo("db.example:5433/app");
    assertThat(d.user()).isEqualTo("mon");
    assertThat(d.password().reveal()).isEqualTo("p@ss");
    assertThat(d.params()).containsEntry("sslmode", "require");
    assertThat(d.toString()).doesNotContain("p@ss");
  }

  @Test
  void keyValueForm() {
    PostgresDsn d = PostgresDsn.parse("host=h port=5434 user=u password='pw' dbname=d sslmode=disable");
    assertThat(d.address()).isEqualTo("h:5434/d");
    assertThat(d.user()).isEqualTo("u");
    assertThat(d.password().reveal()).isEqualTo("pw");
    assertThat(d.params()).containsEntry("sslmode", "disable");
  }

  @Test
  void defaultsAndErrors() {
    assertThat(PostgresDsn.parse("postgresql://localhost").address()).isEqualTo(
        "localhost:5432/postgres");
    assertThatThrownBy(() -> PostgresDsn.parse("nonsense")).hasMessageContaining("key=value");
    assertThatThrownBy(() -> PostgresDsn.parse("postgresql://h:x/db"))
        .hasMessageContaining("port is not a number");
  }
}
