package io.exporters.redis.info;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** INFO's grammar: sections, first-colon splits, composite values by name, Go's numbers. */
class InfoParsingTest {
  @Test
  void fieldsKeepTheirSectionAndValuesKeepTheirColons() {
    Info info = Info.parse("# Server\r\nredis_version:7.0.15\r\nexecutable:/opt/x:y/redis\r\n"
        + "\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\nnot a field\r\n:empty\r\n");
    assertThat(info.get("executable")).isEqualTo("/opt/x:y/redis");
    assertThat(info.section("Keyspace")).singleElement()
        .satisfies(f -> assertThat(f.name()).isEqualTo("db0"));
    assertThat(info.hasSection("Server")).isTrue();
    assertThat(info.hasSection("Sentinel")).isFalse();
    assertThat(info.fields()).hasSize(3);
  }

  @Test
  void newlineOnlyRepliesAndUnknownSectionsParse() {
    Info info = Info.parse("# Hotkeys\nhotkey_0:key=a,count=3\n# Server\nredis_mode:cluster\n");
    assertThat(info.get("redis_mode")).isEqualTo("cluster");
    assertThat(info.section("Hotkeys")).hasSize(1);
  }

  @Test
  void compositeValuesAreReadByNameWhateverTheirOrder() {
    assertThat(Pairs.parse("expires=2,keys=9,avg_ttl=5,subexpiry=1"))
        .containsEntry("keys", "9").containsEntry("subexpiry", "1").hasSize(4);
    assertThat(Pairs.parse("ip=::1,port=6380,state=online,offset=5"))
        .containsEntry("ip", "::1");
    assertThat(Pairs.parse("garbage,,a=1")).containsOnlyKeys("a");
  }

  @Test
  void numbersAsGoParsesThem() {
    assertThat(Numbers.infoValue("ok")).isEqualTo(1.0);
    assertThat(Numbers.infoValue("fail")).isEqualTo(0.0);
    assertThat(Numbers.parse("1.40")).isEqualTo(1.4);
    assertThat(Numbers.parse("-1")).isEqualTo(-1.0);
    assertThat(Numbers.parse("1e3")).isEqualTo(1000.0);
    assertThat(Numbers.parse("+Inf")).isInfinite();
    assertThat(Numbers.parse("1d")).isNull();
    assertThat(Numbers.parse("7.21M")).isNull();
    assertThat(Numbers.parse("0x10")).isNull();
    assertThat(Numbers.parse("")).isNull();
    assertThat(Numbers.parseLong("12")).isEqualTo(12L);
    assertThat(Numbers.parseLong("1.5")).isNull();
  }
}
