package dev.customs.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxLicensesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      Apache-2.0                                  | Apache-2.0 | -
      MIT                                         | MIT        | -
      GPL-2+                                      | -          | -
      public-domain                               | -          | -
      (MIT OR Apache-2.0)                         | -          | (MIT OR Apache-2.0)
      MIT AND BSD-3-Clause                        | -          | MIT AND BSD-3-Clause
      GPL-2.0-only WITH Classpath-exception-2.0   | -          | GPL-2.0-only WITH Classpath-exception-2.0
      BSD-3-clause and/or GPL-3+                  | -          | -
      MIT OR Beerware-ish                         | -          | -
      """)
  void recognisesIdsAndExpressionsOfListedIds(String declared, String id, String expression) {
    assertThat(SpdxLicenses.id(declared)).isEqualTo(Optional.ofNullable(id));
    assertThat(SpdxLicenses.compoundExpression(declared)).isEqualTo(Optional.ofNullable(expression));
  }
}
