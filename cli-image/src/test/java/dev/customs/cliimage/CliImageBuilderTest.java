package dev.customs.cliimage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.ImageReference;
import dev.customs.cli.CustomsCommand;
import dev.customs.testkit.LocalRegistry;
import dev.customs.testkit.TestData;
import dev.customs.testkit.TestVulnData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the CLI image from the packaged CLI ({@code cli/target}), pushes it to a real registry,
 * checks it with Customs' own inspect and sbom, then runs the CLI from the image's filesystem alone
 * (its layers unpacked, entered with chroot as the image's user): the version, and a real scan.
 */
class CliImageBuilderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private record Run(int exitCode, String out, String err) {}

  @Test
  void theImageRunsTheCliFromScratch() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start()) {
      String reference = registry.host() + "/customs/cli:test";
      CliImageBuilder.Built built = new CliImageBuilder(TestData.projectRoot().resolve("cli/target"),
          work.resolve("build"), line -> {}).build(
              new CliImageBuilder.Target(ImageReference.parse(reference), true));
      assertThat(built.modules()).contains("java.base", "java.net.http", "java.sql");
      assertThat(built.libraries()).anyMatch(l -> l.getFileName().toString().startsWith("libc.so"));

      JsonNode inspected = JSON.readTree(customs("inspect", reference, "--format", "json", "--quiet").out());
      assertThat(inspected.path("digest").asText()).isEqualTo(built.digest());
      assertThat(inspected.path("platform").asText()).isEqualTo("linux/" + CliImageLayout.architecture());
      assertThat(inspected.path("user").asText()).isEqualTo("65532");
      assertThat(inspected.path("workingDir").asText()).isEqualTo("/work");
      List<String> entrypoint = strings(inspected.path("entrypoint"));
      assertThat(entrypoint).startsWith(CliImageLayout.JAVA).endsWith("-jar", CliImageLayout.JAR);
      assertThat(inspected.path("env")).extracting(JsonNode::asText).contains("XDG_CACHE_HOME");
      assertThat(inspected.path("layers")).hasSize(5);

      Run sbom = customs("sbom", reference, "--format", "json", "--no-cache");
      assertThat(sbom.exitCode()).as(sbom.err()).isZero();
      assertThat(JSON.readTree(sbom.out()).path("packages")).anySatisfy(p -> {
        // picocli is compiled from its sources into our own jar (cli-picocli), which still names it.
        assertThat(p.path("name").asText()).isEqualTo("info.picocli:picocli");
        assertThat(p.path("version").asText()).isEqualTo("4.7.7");
        assertThat(p.path("paths").get(0).asText()).isEqualTo("opt/customs/lib/customs-picocli-0.1.0-SNAPSHOT.jar");
      });

      Path root = unpack(reference);
      Run version = inChroot(root, CliImageLayout.USER + ":" + CliImageLayout.USER, entrypoint, List.of("--version"));
      assertThat(version.exitCode()).as(version.err()).isZero();
      assertThat(version.out()).startsWith("customs ");

      Path input = root.resolve("work");
      Files.copy(TestData.testdata("images/alpine-3.20.3.oci.tar"), input.resolve("alpine.oci.tar"));
      Path bundle = TestVulnData.sharedBundle();
      Files.copy(bundle, input.resolve("customs.db"));
      Files.copy(bundle.resolveSibling(bundle.getFileName() + ".sha256"), input.resolve("customs.db.sha256"));
      Run scan = inChroot(root, CliImageLayout.USER + ":" + CliImageLayout.USER, entrypoint,
          List.of("scan", "--input", "/work/alpine.oci.tar", "--db", "/work/customs.db", "--format", "json",
              "--quiet"));
      assertThat(scan.exitCode()).as(scan.err()).isZero();
      assertThat(scan.out()).contains("CVE-2024-9143");
      assertThat(root.resolve("cache/customs/layers")).as("the layer cache went to the image's cache volume")
          .isNotEmptyDirectory();

      // docker run --user "$(id -u):$(id -g)": a uid the image does not know writes into a directory it owns.
      Path reports = Files.createDirectories(root.resolve("work/reports"));
      succeed(List.of("chown", "4321:4321", reports.toString()));
      Run asCaller = inChroot(root, "4321:4321", entrypoint, List.of("scan", "--input", "/work/alpine.oci.tar",
          "--db", "/work/customs.db", "--format", "sarif", "--output", "/work/reports/customs.sarif", "--quiet"));
      assertThat(asCaller.exitCode()).as(asCaller.err()).isZero();
      assertThat(Files.readString(reports.resolve("customs.sarif"))).contains("CVE-2024-9143");
    }
  }

  /** Copies the image from the registry and unpacks its layers in order into a directory. */
  private Path unpack(String reference) throws Exception {
    Path layout = work.resolve("oci");
    succeed(List.of("skopeo", "copy", "--src-tls-verify=false", "docker://" + reference, "oci:" + layout + ":image"));
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    JsonNode manifest = JSON.readTree(blob(layout, index.path("manifests").get(0).path("digest").asText()).toFile());
    Path root = Files.createDirectories(work.resolve("root"));
    for (JsonNode layer : manifest.path("layers")) {
      succeed(List.of("tar", "-xzf", blob(layout, layer.path("digest").asText()).toString(), "-C", root.toString()));
    }
    Files.createDirectories(root.resolve("proc"));
    return root;
  }

  /**
   * Runs the entrypoint inside the unpacked image as {@code user}, with only the image's environment,
   * and a private /proc (the loader finds the runtime's libraries through /proc/self/exe).
   */
  private static Run inChroot(Path root, String user, List<String> entrypoint, List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork",
        "--mount-proc=" + root.resolve("proc"), "chroot", "--userspec=" + user, root.toString()));
    command.addAll(entrypoint);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    String path = builder.environment().get("PATH"); // to find unshare and chroot on this machine
    builder.environment().clear();
    builder.environment().putAll(Map.of("PATH", path, "XDG_CACHE_HOME", "/cache", "HOME", "/home/customs"));
    return run(builder);
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private static void succeed(List<String> command) throws IOException, InterruptedException {
    Run run = run(new ProcessBuilder(command));
    if (run.exitCode() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + run.exitCode() + ": " + run.err());
    }
  }

  private static Run run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    process.getOutputStream().close();
    var out = process.getInputStream();
    var err = process.getErrorStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    Thread errReader = Thread.ofPlatform().start(() -> {
      try {
        err.transferTo(errBytes);
      } catch (IOException e) {
        // the exit code tells
      }
    });
    String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    errReader.join();
    return new Run(process.exitValue(), stdout, errBytes.toString(StandardCharsets.UTF_8));
  }

  private static Run customs(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintStream original = System.out;
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      var cl = CustomsCommand.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
