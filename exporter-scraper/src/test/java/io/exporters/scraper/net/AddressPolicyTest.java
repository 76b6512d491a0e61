package io.exporters.scraper.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which addresses are refused unless a module allows them. */
class AddressPolicyTest {
  private static String refusal(String literal) throws Exception {
    return AddressPolicy.refusal(InetAddress.getByName(literal));
  }

  @Test
  void metadataAndLinkLocalAreRefusedInEverySpelling() throws Exception {
    for (String a : new String[] {"169.254.169.254", "169.254.0.1", "fe80::1", "fd00:ec2::254",
        "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "100.100.100.200"}) {
      assertThat(refusal(a)).as(a).isNotNull();
    }
  }

  @Test
  void everythingElseMayBeProbed() throws Exception {
    for (String a : new String[] {"127.0.0.1", "10.0.0.1", "192.168.1.1", "8.8.8.8", "::1",
        "fd00::1", "100.100.100.201", "169.253.255.255", "169.255.0.1"}) {
      assertThat(refusal(a)).as(a).isNull();
    }
  }
}
