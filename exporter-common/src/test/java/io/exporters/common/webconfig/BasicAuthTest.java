package io.exporters.common.webconfig;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasicAuthTest {
  private static final String ALICE_HASH =
      BCrypt.withDefaults().hashToString(4, "wonderland".toCharArray());
  // htpasswd -B writes $2y$ hashes.
  private static final String BOB_HASH =
      BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(4, "b:uilder".toCharArray());

  private final BasicAuth auth = new BasicAuth(Map.of("alice", ALICE_HASH, "bob", BOB_HASH));

  @Test
  void rightPasswordPasses() {
    assertThat(ALICE_HASH).startsWith("$2a$04$");
    assertThat(auth.enabled()).isTrue();
    assertThat(auth.check(basic("alice", "wonderland"))).isTrue();
  }

  @Test
  void acceptsA2yHashAndAColonInThePassword() {
    assertThat(BOB_HASH).startsWith("$2y$04$");
    assertThat(auth.check(basic("bob", "b:uilder"))).isTrue();
  }

  @Test
  void wrongPasswordFails() {
    assertThat(auth.check(basic("alice", "wonderland!"))).isFalse();
    assertThat(auth.check(basic("alice", ""))).isFalse();
    // Another user's password is not this user's.
    assertThat(auth.check(basic("alice", "b:uilder"))).isFalse();
  }

  @Test
  void unknownUserFails() {
    assertThat(auth.check(basic("mallory", "wonderland"))).isFalse();
    assertThat(auth.check(basic("", "wonderland"))).isFalse();
  }

  @Test
  void malformedHeadersFailWithoutThrowing() {
    String noColon = Base64.getEncoder().encodeToString(
        "alicewonderland".getBytes(StandardCharsets.UTF_8));
    assertThat(auth.check(null)).isFalse();
    assertThat(auth.check("")).isFalse();
    assertThat(auth.check("Basic")).isFalse();
    assertThat(auth.check("Basic ")).isFalse();
    assertThat(auth.check("Basic %%%not-base64%%%")).isFalse();
    assertThat(auth.check("Basic " + noColon)).isFalse();
    assertThat(auth.check("Bearer " + basic("alice", "wonderland").substring(6))).isFalse();
    assertThat(auth.check("Basic " + Base64.getEncoder().encodeToString(
        new byte[] {(byte) 0xff, (byte) 0xfe, ':', 'x'}))).isFalse();
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertThat(auth.check("basic " + basic("alice", "wonderland").substring(6))).isTrue();
  }

  @Test
  void cachesSuccessesByPasswordDigestOnly() {
    assertThat(auth.cachedKeys()).isEmpty();

    assertThat(auth.check(basic("alice", "wonderland"))).isTrue();
    assertThat(auth.check(basic("alice", "wonderland"))).isTrue();
    assertThat(auth.check(basic("alice", "wrong"))).isFalse();
    assertThat(auth.check(basic("mallory", "wonderland"))).isFalse();

    assertThat(auth.cachedKeys()).hasSize(1);
    String key = auth.cachedKeys().iterator().next();
    assertThat(key).doesNotContain("wonderland")
        .doesNotContain(hex("wonderland".getBytes(StandardCharsets.UTF_8)));
    // A cached success does not let a different password through.
    assertThat(auth.check(basic("alice", "wonderlanD"))).isFalse();
  }

  @Test
  void noUsersMeansDisabled() {
    assertThat(BasicAuth.disabled().enabled()).isFalse();
    assertThat(BasicAuth.disabled().check(basic("alice", "wonderland"))).isFalse();
  }

  @Test
  void usersFromAWebConfigFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("web.yml"),
        "basic_auth_users:\n  alice: " + ALICE_HASH + "\n  bob: '" + BOB_HASH + "'\n");

    BasicAuth loaded = WebConfig.load(file).basicAuth();

    assertThat(loaded.check(basic("alice", "wonderland"))).isTrue();
    assertThat(loaded.check(basic("bob", "b:uilder"))).isTrue();
    assertThat(loaded.check(basic("bob", "wonderland"))).isFalse();
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
