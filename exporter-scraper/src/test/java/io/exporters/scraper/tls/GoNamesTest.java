package io.exporters.scraper.tls;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;

/** Distinguished names spelt as Go's pkix.Name.String(), as blackbox's labels show them. */
class GoNamesTest {
  @Test
  void knownAttributesInGosOrderWhateverTheCertificatesOrder() {
    assertThat(GoNames.of(new X500Principal("CN=localhost, O=Acme")))
        .isEqualTo("CN=localhost,O=Acme");
    assertThat(GoNames.of(new X500Principal("C=DE, ST=Berlin, L=Berlin, O=Acme, OU=Ops, "
        + "CN=api.example"))).isEqualTo("CN=api.example,OU=Ops,O=Acme,L=Berlin,ST=Berlin,C=DE");
    // RFC 2253 text lists the encoded sequence last first: OU=a is encoded first, and Go keeps
    // the encoded order within one attribute.
    assertThat(GoNames.of(new X500Principal("OU=b, CN=x, OU=a")))
        .isEqualTo("CN=x,OU=a+OU=b");
  }

  @Test
  void specialCharactersAreEscapedAndOtherAttributesWrittenAsHex() {
    assertThat(GoNames.of(new X500Principal("CN=a\\,b, O=\\#1 "))).isEqualTo("CN=a\\,b,O=\\#1");
    assertThat(GoNames.of(new X500Principal("EMAILADDRESS=ops@example.com, CN=x")))
        .isEqualTo("CN=x,1.2.840.113549.1.9.1=#160f6f7073406578616d706c652e636f6d");
  }
}
