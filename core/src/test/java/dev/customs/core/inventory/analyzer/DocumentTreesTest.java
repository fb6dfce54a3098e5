package dev.customs.core.inventory.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentTreesTest {

  static Stream<Arguments> documents() {
    return Stream.of(
        Arguments.of("valid JSON", new ObjectMapper(), "{\"a\": 1}", true, null),
        Arguments.of("valid TOML", new TomlMapper(), "a = 1\n", true, null),
        Arguments.of("broken JSON", new ObjectMapper(), "{\"a\": ", false,
            "lock.file srv/lock.file is not valid JSON: "),
        Arguments.of("broken TOML", new TomlMapper(), "a = = 1\n", false,
            "lock.file srv/lock.file is not valid TOML: "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void readsTheTreeOrReportsOneProblemNamingFileAndFormat(String name, ObjectMapper mapper, String text,
      boolean parses, String problem) throws IOException {
    RecordedAnalysis sink = new RecordedAnalysis();

    var tree = DocumentTrees.read(mapper, "lock.file", AnalyzerInputs.of("srv/lock.file", text), sink);

    assertThat(tree.isPresent()).isEqualTo(parses);
    if (parses) {
      assertThat(tree.get().path("a").asInt()).isEqualTo(1);
      assertThat(sink.problems).isEmpty();
    } else {
      assertThat(sink.problems).singleElement().asString().startsWith(problem);
    }
  }
}
