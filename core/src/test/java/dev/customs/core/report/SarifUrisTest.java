package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SarifUrisTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/app/lib/log4j-core-2.14.1.jar | app/lib/log4j-core-2.14.1.jar",
      "usr/lib/x y.jar                | usr/lib/x%20y.jar",
      "app/ñ.jar                      | app/%C3%B1.jar",
      "srv/100%.txt                   | srv/100%25.txt",
      "c:/data/a.jar                  | ./c:/data/a.jar",
      "app/a:b.jar                    | app/a:b.jar",
  })
  void pathsBecomeRelativeUriReferences(String path, String expected) {
    String uri = SarifUris.encode(path);

    assertThat(uri).isEqualTo(expected);
    assertThat(URI.create(uri).isAbsolute()).isFalse();
  }
}
