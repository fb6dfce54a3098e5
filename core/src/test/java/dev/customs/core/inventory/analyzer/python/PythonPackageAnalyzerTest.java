package dev.customs.core.inventory.analyzer.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.inventory.analyzer.AnalyzerInput;
import dev.customs.core.inventory.analyzer.AnalyzerInputs;
import dev.customs.core.inventory.analyzer.PackageTriples;
import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonPackageAnalyzerTest {
  private final PythonPackageAnalyzer analyzer = new PythonPackageAnalyzer();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dist-info-debian", "egg-info-debian", "metadata-2.1-zipp", "pkg-info-setuptools-egg"})
  void reportsExactlyTheExpectedPackages(String fixture) throws IOException {
    Path dir = TestData.testdata("langfixtures/python/" + fixture);
    RecordedAnalysis sink = new RecordedAnalysis();
    for (AnalyzerInput input : AnalyzerInputs.filesOf(dir)) {
      analyzer.analyze(input, sink);
    }
    assertThat(sink.problems).isEmpty();
    assertThat(sink.triples()).containsExactlyElementsOf(PackageTriples.read(dir.resolve("expected.tsv")));
  }

  @ParameterizedTest(name = "{0} wanted: {1}")
  @CsvSource({
      "usr/local/lib/python3.11/site-packages/flask-3.1.3.dist-info/METADATA, true",
      "usr/lib/python3/dist-packages/requests-2.28.1.egg-info/PKG-INFO, true",
      "usr/lib/python3/dist-packages/setuptools-51.3.3-py3.8.egg/EGG-INFO/PKG-INFO, true",
      "usr/lib/python2.7/dist-packages/pyxdg-0.25.egg-info, true",
      "usr/local/lib/python3.11/site-packages/flask-3.1.3.dist-info/RECORD, false",
      "usr/share/doc/python/METADATA, false",
  })
  void wantsMetadataFiles(String path, boolean wanted) {
    assertThat(analyzer.wants(AnalyzerInputs.file(path, 10))).isEqualTo(wanted);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "expression wins          | License-Expression: BSD-3-Clause\\nLicense: BSD\\nClassifier: License :: OSI Approved :: MIT License | BSD-3-Clause",
      "short license field      | License: Apache 2.0\\nClassifier: License :: OSI Approved :: MIT License                         | Apache 2.0",
      "UNKNOWN uses classifiers | License: UNKNOWN\\nClassifier: License :: OSI Approved :: MIT License                           | MIT",
      "license text ignored     | License: Copyright (c) 2010\\n        Permission is hereby granted\\nClassifier: License :: OSI Approved :: Apache Software License | Apache-2.0",
      "unmapped classifier      | Classifier: License :: OSI Approved :: Zope Public License                                       | Zope Public License",
      "several classifiers      | Classifier: License :: OSI Approved :: MIT License\\nClassifier: License :: OSI Approved :: ISC License (ISCL) | MIT;ISC",
      "none                     | Summary: nothing said                                                                            | ''",
  })
  void readsTheLicense(String label, String headers, String licenses) {
    RecordedAnalysis sink = analyze("Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n"
        + headers.replace("\\n", "\n") + "\n\nLicense: not a header, the description\n");
    List<String> expected = licenses.isEmpty() ? List.of() : List.of(licenses.split(";"));
    assertThat(sink.packages).singleElement().satisfies(p -> assertThat(p.licenses()).containsExactlyElementsOf(expected));
  }

  @Test
  void keepsTheDeclaredNameAndThePath() {
    String path = "usr/local/lib/python3.11/site-packages/markupsafe-3.0.3.dist-info/METADATA";
    RecordedAnalysis sink = new RecordedAnalysis();
    analyzer.analyze(AnalyzerInputs.of(path, "Metadata-Version: 2.1\r\nName: MarkupSafe\r\nVersion: 3.0.3\r\n"), sink);
    assertThat(sink.triples()).containsExactly("pypi\tMarkupSafe\t3.0.3");
    assertThat(sink.packages.getFirst().paths()).containsExactly(path);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no Version header        | Metadata-Version: 2.1\\nName: demo\\n                  | without Name or Version",
      "empty file               | ''                                                     | without Name or Version",
      "continuation first       | '   continued\\nName: demo'                            | continuation line before any header",
      "not a header             | Name: demo\\nthis is not a header\\nVersion: 1         | not a 'Name: value' header",
      "binary garbage           | \u0000\u0001PK\u0003\u0004                             | not a 'Name: value' header",
  })
  void malformedMetadataIsAProblemNamingTheFile(String label, String content, String reason) {
    RecordedAnalysis sink = analyze(content.replace("\\n", "\n"));
    assertThat(sink.packages).isEmpty();
    assertThat(sink.problems).singleElement().asString()
        .startsWith("site-packages/demo-1.0.dist-info/METADATA: ").contains(reason);
  }

  @Test
  @Timeout(10)
  void aDescriptionContinuedOverManyLinesIsReadInLinearTime() {
    String description = "Description: start\n" + "        a line of the long description\n".repeat(200_000);
    RecordedAnalysis sink = analyze("Metadata-Version: 1.1\nName: demo\n" + description + "Version: 1.0\n");
    assertThat(sink.triples()).containsExactly("pypi\tdemo\t1.0");
  }

  private RecordedAnalysis analyze(String content) {
    RecordedAnalysis sink = new RecordedAnalysis();
    analyzer.analyze(AnalyzerInputs.of("site-packages/demo-1.0.dist-info/METADATA", content), sink);
    return sink;
  }
}
