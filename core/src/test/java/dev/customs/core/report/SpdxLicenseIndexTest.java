package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.util.LicenseResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The index against its oracle, cyclonedx-core-java's own LicenseResolver, on every text its files hold. */
class SpdxLicenseIndexTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Debian copyright spellings, expressions, padding and nonsense beside the list's own texts. */
  private static final List<String> EXTRA = List.of("GPL-2+", "GPL-2.0+", "LGPL-2.1+", "public-domain", "BSD-3-clause",
      "  MIT  ", "mit", "Expat", "Apache 2", "APACHE LICENSE, VERSION 2.0", "(MIT OR Apache-2.0)",
      "GPL-3+ with Autoconf exception", "www.apache.org/licenses/LICENSE-2.0", "opensource.org/licenses/MIT",
      "HTTP://WWW.APACHE.ORG/LICENSES/LICENSE-2.0", "no such license", "", "ı", "K");

  @Test
  void agreesWithLicenseResolverOnEveryIdNameUrlAndMappedName() throws Exception {
    Set<String> texts = new LinkedHashSet<>(EXTRA);
    for (JsonNode license : resource("/licenses/licenses.json").path("licenses")) {
      String id = license.path("licenseId").asText();
      texts.add(id);
      texts.add(id.toLowerCase(Locale.ROOT));
      texts.add(license.path("name").asText());
      for (JsonNode url : license.path("seeAlso")) {
        texts.add(url.asText());
        texts.add(url.asText().replace("https://", "http://www.").toUpperCase(Locale.ROOT));
      }
    }
    for (JsonNode mapping : resource("/license-mapping.json")) {
      texts.add(mapping.path("exp").asText());
      mapping.path("names").forEach(n -> texts.add(" " + n.asText().toLowerCase(Locale.ROOT)));
    }
    SpdxLicenseIndex index = SpdxLicenseIndex.load();
    List<String> mismatches = new ArrayList<>();
    int recognised = 0;
    for (String text : texts) {
      Optional<String> expected = oracle(text.trim());
      recognised += expected.isPresent() ? 1 : 0;
      if (!index.id(text.trim()).equals(expected) || !SpdxLicenses.id(text).equals(expected)) {
        mismatches.add(text + " -> expected " + expected + ", got " + index.id(text.trim()));
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(recognised).as("texts LicenseResolver recognises").isGreaterThan(1500);
    assertThat(texts).hasSizeGreaterThan(3000);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource({"MIT, mit", "Apache-2.0, APACHE-2.0", "ı, I", "ı, i", "K, k", "ß, SS", "GPL, GPLv2", "é, É"})
  void foldCaseMatchesEqualsIgnoreCase(String a, String b) {
    assertThat(SpdxLicenseIndex.foldCase(a).equals(SpdxLicenseIndex.foldCase(b))).isEqualTo(a.equalsIgnoreCase(b));
  }

  private static Optional<String> oracle(String text) {
    LicenseChoice choice = LicenseResolver.resolve(text, false);
    if (choice == null || choice.getLicenses() == null || choice.getLicenses().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(choice.getLicenses().get(0).getId());
  }

  private static JsonNode resource(String name) throws Exception {
    try (InputStream in = LicenseResolver.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    }
  }
}
