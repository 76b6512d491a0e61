package io.exporters.common.webconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No handshake happens here, so the JVM-wide property is restored before any TLS reads it. */
class NamedGroupsTest {
  private String saved;

  @BeforeEach
  void clearProperty() {
    saved = System.getProperty(NamedGroups.PROPERTY);
    System.clearProperty(NamedGroups.PROPERTY);
  }

  @AfterEach
  void restoreProperty() {
    if (saved == null) {
      System.clearProperty(NamedGroups.PROPERTY);
    } else {
      System.setProperty(NamedGroups.PROPERTY, saved);
    }
  }

  @Test
  void curvesGoWhereThisJvmTakesThem() throws Exception {
    if (!NamedGroups.perConnection()) {
      // Java 17-19: the JVM-wide property.
      NamedGroups.prepare(List.of("x25519", "secp256r1"));
      assertThat(System.getProperty(NamedGroups.PROPERTY)).isEqualTo("x25519,secp256r1");
      // A value already there, e.g. the operator's -Djdk.tls.namedGroups, is left alone.
      NamedGroups.prepare(List.of("secp384r1"));
      assertThat(System.getProperty(NamedGroups.PROPERTY)).isEqualTo("x25519,secp256r1");
      return;
    }
    // Java 20+: per connection, leaving the property alone.
    SSLParameters params = new SSLParameters();
    NamedGroups.prepare(List.of("secp384r1"));
    NamedGroups.apply(params, List.of("secp384r1"));
    assertThat(System.getProperty(NamedGroups.PROPERTY)).isNull();
    assertThat((String[]) SSLParameters.class.getMethod("getNamedGroups").invoke(params))
        .containsExactly("secp384r1");
  }

  @Test
  void noCurvesChangeNothing() {
    SSLParameters params = new SSLParameters();

    NamedGroups.prepare(List.of());
    NamedGroups.apply(params, List.of());

    assertThat(System.getProperty(NamedGroups.PROPERTY)).isNull();
  }
}
