package dev.customs.core.inventory.analyzer.npm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.customs.core.inventory.Package;
import java.io.IOException;
import java.util.List;

/**
 * Any bytes given as a {@code package-lock.json}, and any lock-shaped JSON of fuzzed keys and
 * values, parse or fail with an {@link IOException} (which the analyzer turns into a problem): no
 * other exception, no hang. Runs its seeds in regression mode; fuzz with
 * {@code JAZZER_FUZZ=1 JAZZER_INSTRUMENT='dev.customs.**,com.fasterxml.jackson.**'} so that
 * Jackson's branches guide the fuzzer too.
 */
class PackageLockParserFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] KEYS = {
      "", "node_modules/a", "node_modules/@s/b", "node_modules/a/node_modules/c", "packages/ws", "a", "@s/b"};
  private static final String[] FIELDS = {"version", "dev", "link", "name", "dependencies", "packages"};

  @FuzzTest(maxDuration = "30s")
  void parsesAnyLockFile(FuzzedDataProvider data) throws IOException {
    byte[] content = data.consumeBoolean() ? data.consumeRemainingAsBytes() : JSON.writeValueAsBytes(lock(data));
    List<Package> packages;
    try {
      packages = PackageLockParser.parse("srv/package-lock.json", content);
    } catch (IOException e) {
      return;
    }
    assertThat(packages).allSatisfy(p -> {
      assertThat(p.name()).isNotBlank();
      assertThat(p.version()).isNotBlank();
    });
  }

  private static ObjectNode lock(FuzzedDataProvider data) {
    ObjectNode lock = NODES.objectNode();
    lock.put("lockfileVersion", data.consumeInt(0, 4));
    lock.set(data.consumeBoolean() ? "packages" : "dependencies", entries(data, 3));
    return lock;
  }

  private static ObjectNode entries(FuzzedDataProvider data, int depth) {
    ObjectNode entries = NODES.objectNode();
    int count = data.consumeInt(0, 5);
    for (int i = 0; i < count; i++) {
      String key = data.consumeBoolean() ? data.pickValue(KEYS) : data.consumeString(30);
      entries.set(key, entry(data, depth));
    }
    return entries;
  }

  private static JsonNode entry(FuzzedDataProvider data, int depth) {
    ObjectNode entry = NODES.objectNode();
    int fields = data.consumeInt(0, 4);
    for (int i = 0; i < fields; i++) {
      String field = data.pickValue(FIELDS);
      entry.set(field, switch (data.consumeInt(0, 4)) {
        case 0 -> NODES.textNode(data.consumeString(20));
        case 1 -> NODES.booleanNode(data.consumeBoolean());
        case 2 -> NODES.numberNode(data.consumeInt());
        case 3 -> depth > 0 ? entries(data, depth - 1) : NODES.nullNode();
        default -> NODES.nullNode();
      });
    }
    return entry;
  }
}
