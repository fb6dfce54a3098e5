package dev.customs.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.customs.cli.ExitCode;
import dev.customs.cli.options.ImageOptions;
import dev.customs.core.image.source.ImageLocation;
import dev.customs.core.inventory.TestImage;
import dev.customs.core.inventory.TestLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command's own behaviour (flags, outputs, exit codes) with an in-memory image. */
class SbomCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<ImageOptions> requests = new ArrayList<>();
  private final TestLayer layer = new TestLayer("base").file("etc/motd", "hello");

  private int run(ImageOpener opener, String... args) {
    SbomCommand command = new SbomCommand(opener, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    // picocli reports its own parse errors (exclusive flags) on the command line's error writer.
    return new CommandLine(command).setErr(new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(args);
  }

  private int run(String... args) {
    return run(request -> {
      requests.add(request);
      return TestImage.of("app", layer);
    }, args);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no image at all            | --format json                                  | an IMAGE reference, --input FILE, --oci-layout DIR or --rootfs DIR is required
      two sources                | --input a.tar --rootfs dir                     | mutually exclusive
      unknown format             | debian:12 --format xml                         | unknown --format "xml" (expected one of table, json, cyclonedx, spdx)
      bad platform               | debian:12 --platform linux                     | invalid platform "linux"
      rootfs with an image name  | app --rootfs dir                               | IMAGE cannot be combined with --rootfs
      """)
  void usageErrorsExitWith2AndSayWhatIsWrong(String title, String args, String message) {
    assertThat(run(args.trim().split(" +"))).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
    assertThat(requests).isEmpty();
  }

  @Test
  void anUnreadableImageExitsWith3AndSaysWhy() {
    int code = run(request -> {
      throw new IOException("archive.tar: not a tar file");
    }, "--input", "archive.tar", "--no-cache");

    assertThat(code).isEqualTo(ExitCode.IMAGE_UNREADABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the image: archive.tar: not a tar file");
  }

  @Test
  void passesTheImageRequestOnAndWritesTheChosenFormatToAFile() throws Exception {
    Path output = dir.resolve("sbom.cdx.json");

    int code = run("--input", "images/x.oci.tar", "x-app", "--platform", "linux/arm64", "--format", "cyclonedx",
        "--output", output.toString(), "--cache-dir", dir.resolve("cache").toString());

    assertThat(code).isEqualTo(ExitCode.OK);
    assertThat(requests).singleElement().satisfies(r -> {
      assertThat(r.location()).isEqualTo(new ImageLocation.ArchiveFile(Path.of("images/x.oci.tar")));
      assertThat(r.sourceOptions().selector()).contains("x-app");
      assertThat(r.sourceOptions().platform().map(Object::toString)).contains("linux/arm64");
    });
    JsonNode bom = new ObjectMapper().readTree(output.toFile());
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(out.size()).isZero();
  }

  @Test
  void cachesLayersInTheCacheDirectoryUnlessToldNotTo() throws Exception {
    Path cache = dir.resolve("cache");

    assertThat(run("app", "--format", "json", "--cache-dir", cache.toString())).isEqualTo(ExitCode.OK);
    assertThat(run("app", "--format", "json", "--cache-dir", cache.toString())).isEqualTo(ExitCode.OK);
    assertThat(run("app", "--format", "json", "--no-cache", "--cache-dir", dir.resolve("unused").toString()))
        .isEqualTo(ExitCode.OK);

    assertThat(layer.reads()).isEqualTo(2);
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files).hasSize(1);
    }
    assertThat(dir.resolve("unused")).doesNotExist();
  }

  @Test
  void writesATableToStandardOutputByDefault() {
    assertThat(run("app", "--no-cache")).isEqualTo(ExitCode.OK);

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Image:    registry.example.com/team/app")
        .contains("TYPE  NAME  VERSION  LAYER  PATH");
  }
}
