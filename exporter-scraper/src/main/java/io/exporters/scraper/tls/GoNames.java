package io.exporters.scraper.tls;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A distinguished name spelt as Go's {@code pkix.Name.String()} spells it, so the
 * {@code subject} and {@code issuer} labels of {@code probe_ssl_last_chain_info} match
 * blackbox's: known attributes in Go's order (CN, OU, O, POSTALCODE, STREET, L, ST, C), values
 * of one attribute joined by '+', then other attributes as {@code OID=#hex}.
 */
final class GoNames {
  /** Go's ToRDNSequence order; written last to first. */
  private static final Map<String, String> KNOWN = new LinkedHashMap<>();

  static {
    KNOWN.put("2.5.4.6", "C");
    KNOWN.put("2.5.4.8", "ST");
    KNOWN.put("2.5.4.7", "L");
    KNOWN.put("2.5.4.9", "STREET");
    KNOWN.put("2.5.4.17", "POSTALCODE");
    KNOWN.put("2.5.4.10", "O");
    KNOWN.put("2.5.4.11", "OU");
    KNOWN.put("2.5.4.3", "CN");
    KNOWN.put("2.5.4.5", "SERIALNUMBER");
  }

  private GoNames() {}

  static String of(X500Principal principal) {
    X500Name name = X500Name.getInstance(principal.getEncoded());
    Map<String, List<String>> known = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
        String oid = atv.getType().getId();
        if (KNOWN.containsKey(oid)) {
          List<String> values = known.computeIfAbsent(oid, k -> new ArrayList<>());
          // Go keeps only the last common name.
          if (oid.equals("2.5.4.3")) {
            values.clear();
          }
          values.add(text(atv.getValue()));
        } else {
          others.add(oid + "=#" + der(atv.getValue()));
        }
      }
    }
    List<String> sequence = new ArrayList<>(others);
    for (String oid : KNOWN.keySet()) {
      List<String> values = known.get(oid);
      if (values == null || values.isEmpty()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String v : values) {
        parts.add(KNOWN.get(oid) + "=" + escape(v));
      }
      sequence.add(String.join("+", parts));
    }
    StringBuilder out = new StringBuilder();
    for (int i = sequence.size() - 1; i >= 0; i--) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(sequence.get(i));
    }
    return out.toString();
  }

  private static String text(ASN1Encodable value) {
    return value instanceof ASN1String s ? s.getString() : value.toString();
  }

  private static String der(ASN1Encodable value) {
    try {
      return HexFormat.of().formatHex(value.toASN1Primitive().getEncoded("DER"));
    } catch (IOException e) {
      return "";
    }
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int k = 0; k < value.length(); k++) {
      char c = value.charAt(k);
      boolean escape = ",+\"\\<>;".indexOf(c) >= 0
          || (c == ' ' && (k == 0 || k == value.length() - 1))
          || (c == '#' && k == 0);
      if (escape) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
