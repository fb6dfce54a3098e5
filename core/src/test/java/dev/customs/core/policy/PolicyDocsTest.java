package dev.customs.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.policy.control.ControlTypes;
import dev.customs.core.policy.load.PolicyLoader;
import dev.customs.testkit.TestData;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every YAML example in docs/policies.md is valid, and every control type has one. */
class PolicyDocsTest {
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyExampleIsValidAndEveryControlIsDocumented() throws Exception {
    String docs = Files.readString(TestData.projectRoot().resolve("docs/policies.md"));
    Set<String> documented = new HashSet<>();
    List<String> blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(docs);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).hasSizeGreaterThan(20);
    for (String block : blocks) {
      String document = block.startsWith("apiVersion") ? block : PolicyDocuments.withControls() + block.indent(4);
      Policy policy = new PolicyLoader().parse("docs/policies.md", document);
      policy.controls().forEach(c -> documented.add(c.control().type()));
    }
    assertThat(documented).containsExactlyInAnyOrderElementsOf(ControlTypes.names());
    List<String> headings = docs.lines().filter(l -> l.startsWith("### ")).toList();
    ControlTypes.names().forEach(type -> assertThat(headings).anyMatch(h -> h.contains("`" + type + "`")));
  }
}
