package dev.customs.core.vuln.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundleReferenceTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "oci://127.0.0.1:5000/customs-db:latest, 127.0.0.1:5000, customs-db, latest",
      "oci://registry.example.com/security/vuln/customs-db:2026-11-22, registry.example.com,"
          + " security/vuln/customs-db, 2026-11-22",
      "oci://localhost:5000/a_b.c--d:v1.0_rc, localhost:5000, a_b.c--d, v1.0_rc",
  })
  void parses(String text, String registry, String repository, String tag) {
    BundleReference ref = BundleReference.parse(text);
    assertThat(ref).isEqualTo(new BundleReference(registry, repository, tag));
    assertThat(ref.toString()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "127.0.0.1:5000/db:1 | it must start with oci://",
      "docker://127.0.0.1:5000/db:1 | it must start with oci://",
      "oci://127.0.0.1:5000 | expected oci://HOST/REPO:TAG",
      "oci:///db:1 | expected oci://HOST/REPO:TAG",
      "oci://127.0.0.1:5000/db | no tag; expected oci://HOST/REPO:TAG",
      "oci://127.0.0.1:5000/db:1/x | no tag; expected oci://HOST/REPO:TAG",
      "oci://127.0.0.1:5000/Security/DB:1 | \"Security/DB\" is not a valid repository name",
      "oci://127.0.0.1:5000/db: | \"\" is not a valid tag",
      "oci://127.0.0.1:5000/db:-x | \"-x\" is not a valid tag",
  })
  void refusesWithTheReason(String text, String reason) {
    assertThatThrownBy(() -> BundleReference.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid bundle reference \"" + text + "\": ")
        .hasMessageContaining(reason);
  }
}
