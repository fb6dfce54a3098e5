package dev.customs.core.vuln.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customs.core.vuln.model.Advisory;
import dev.customs.core.vuln.model.AffectedStatus;
import dev.customs.core.vuln.model.EventKind;
import dev.customs.testkit.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvFeedTest {
  private static final Path LOG4SHELL = TestData.testdata("vulndata/osv/ghsa-maven/GHSA-jfh8-c2jp-5v3q.json");

  @TempDir Path dir;

  @Test
  void corruptAndIncompleteRecordsAreReportedAndTheRestImported() throws IOException {
    Files.copy(LOG4SHELL, dir.resolve("good.json"));
    Files.writeString(dir.resolve("corrupt.json"), "{\"id\": \"GHSA-xxxx\", \"affected\": [");
    Files.writeString(dir.resolve("no-id.json"), "{\"modified\": \"2024-01-01T00:00:00Z\", \"affected\": []}");
    Files.writeString(dir.resolve("no-modified.json"), "{\"id\": \"GHSA-nomod\"}");
    Files.writeString(dir.resolve("bad-event.json"), """
        {"id": "GHSA-badevent", "modified": "2024-01-01T00:00:00Z", "affected": [{"package":
        {"ecosystem": "npm", "name": "x"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"fixd": "1"}]}]}]}""");
    Files.writeString(dir.resolve("notes.txt"), "not a record");

    RecordingSink sink = RecordingSink.read(new OsvFeed(), dir);

    assertThat(sink.advisories).extracting(Advisory::id).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(sink.malformed).hasSize(4);
    assertThat(sink.malformed).anySatisfy(m -> assertThat(m).startsWith("corrupt.json: not valid JSON"));
    assertThat(sink.malformed).contains(
        "no-id.json: missing required field 'id'",
        "no-modified.json: GHSA-nomod: missing required field 'modified'",
        "bad-event.json: GHSA-badevent: unknown range event 'fixd'");
  }

  @Test
  void entriesWithOnlyCommitRangesOrNoPackageAreDropped() throws IOException {
    Files.writeString(dir.resolve("CVE-2099-0001.json"), """
        {"id": "CVE-2099-0001", "modified": "2024-01-01T00:00:00Z", "affected": [
          {"package": {}, "ranges": [{"type": "GIT", "repo": "https://example.test/x.git",
            "events": [{"introduced": "0"}, {"fixed": "abc"}]}]},
          {"package": {"ecosystem": "Debian:12", "name": "zlib"}, "ranges": [{"type": "GIT",
            "repo": "https://example.test/x.git", "events": [{"introduced": "0"}, {"fixed": "abc"}]}]},
          {"package": {"ecosystem": "Debian:12", "name": "zlib"}, "ranges": [{"type": "ECOSYSTEM",
            "events": [{"introduced": "0"}]}]}]}""");
    Advisory a = RecordingSink.read(new OsvFeed(), dir).advisory("CVE-2099-0001");
    // Only the ECOSYSTEM entry is left: a commit range alone must not read as "every version".
    assertThat(a.affected()).singleElement().satisfies(p -> {
      assertThat(p.ranges()).hasSize(1);
      assertThat(p.status()).isEqualTo(AffectedStatus.UNFIXED);
    });
  }

  @Test
  void withdrawnRecordsAreSkippedNotReported() throws IOException {
    RecordingSink sink = RecordingSink.read(new OsvFeed(),
        TestData.testdata("vulndata/osv/ubuntu/UBUNTU-CVE-2013-2208.json"));
    assertThat(sink.advisories).isEmpty();
    assertThat(sink.malformed).isEmpty();
  }

  @Test
  void yamlVersionsStayTextAndPypiNamesAreNormalized() throws IOException {
    Files.writeString(dir.resolve("PYSEC-0000-1.yaml"), """
        id: PYSEC-0000-1
        modified: "2024-01-01T00:00:00Z"
        affected:
        - package:
            name: Zope.Interface
            ecosystem: PyPI
          ranges:
          - type: ECOSYSTEM
            events:
            - introduced: "0"
            - fixed: 1.10
          versions:
          - 1.0
        """);
    Advisory a = RecordingSink.read(new OsvFeed(), dir).advisory("PYSEC-0000-1");
    assertThat(a.affected().getFirst().name()).isEqualTo("zope-interface");
    assertThat(a.affected().getFirst().ranges().getFirst().versionsOf(EventKind.FIXED)).containsExactly("1.10");
    assertThat(a.affected().getFirst().versions()).containsExactly("1.0");
  }

  @Test
  void zipEntriesAreReadOneByOneAndABrokenEntryOnlyCostsItself() throws IOException {
    byte[] good = Files.readAllBytes(LOG4SHELL);
    Path zip = dir.resolve("Maven.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "a-broken.json", good);
      entry(out, "b-invalid.json", "{not json".getBytes(StandardCharsets.UTF_8));
      entry(out, "c-good.json", good);
    }
    corruptFirstEntryData(zip);

    RecordingSink sink = RecordingSink.read(new OsvFeed(), zip);

    assertThat(sink.advisories).extracting(Advisory::id).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(sink.malformed).hasSize(2);
    assertThat(sink.malformed.get(0)).startsWith("Maven.zip!a-broken.json: ");
    assertThat(sink.malformed.get(1)).startsWith("Maven.zip!b-invalid.json: not valid JSON");
  }

  @Test
  void debianUrgencyAndUnfixedStatusAreKept() throws IOException {
    Path file = TestData.testdata("vulndata/debian/osv/CVE/2023/CVE-2022-4203.json");
    Advisory a = RecordingSink.read(new OsvFeed(), file).advisory("CVE-2022-4203");
    var bookworm = a.affected().stream().filter(p -> p.ecosystemKey().equals("debian:12")).findFirst().orElseThrow();
    assertThat(bookworm.status()).isEqualTo(AffectedStatus.FIXED);
    assertThat(bookworm.fixedVersion()).isEqualTo("3.0.8-1");
    assertThat(bookworm.severity().raw()).isEqualTo("not yet assigned");
    assertThat(a.affected()).extracting(p -> p.ecosystemKey()).contains("alpine:3.15");
  }

  private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }

  /** Overwrites the middle of the first entry's deflated data, so inflating it fails or its CRC does not match. */
  private static void corruptFirstEntryData(Path zip) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    int nameLength = (bytes[26] & 0xff) | (bytes[27] & 0xff) << 8;
    int extraLength = (bytes[28] & 0xff) | (bytes[29] & 0xff) << 8;
    int data = 30 + nameLength + extraLength;
    for (int i = data + 20; i < data + 60; i++) {
      bytes[i] = (byte) 0xff;
    }
    Files.write(zip, bytes);
  }
}
