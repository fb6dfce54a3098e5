package dev.customs.cliimage;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Builds the container image of the customs CLI without a Docker daemon or a base image and pushes
 * it to a registry: a Java runtime linked from the JDK this runs on, the libraries it needs from
 * this machine, the CLI's jars.
 *
 * <pre>java -cp … dev.customs.cliimage.CliImageBuilder --cli cli/target --to REGISTRY/REPO:TAG [--insecure]
 *                                                       [--work DIR]</pre>
 *
 * Registry credentials come from Docker's config ({@code docker login}) and credential helpers.
 */
public final class CliImageBuilder {
  /** Where the image goes; {@code insecure} allows plain HTTP. */
  public record Target(ImageReference reference, boolean insecure) {}

  /** What was built. */
  public record Built(String reference, String digest, List<String> modules, List<Path> libraries) {}

  private final Path cliDir;
  private final Path work;
  private final Consumer<String> log;

  /**
   * @param cliDir the CLI as Maven packages it ({@code cli/target}: customs.jar and lib/)
   * @param work an empty directory for the runtime and Jib's layer caches
   */
  public CliImageBuilder(Path cliDir, Path work, Consumer<String> log) {
    this.cliDir = cliDir;
    this.work = work;
    this.log = log;
  }

  public Built build(Target target) throws IOException, InterruptedException {
    Path jar = cliDir.resolve("customs.jar");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(cliDir.resolve("lib"))) {
      throw new IOException(cliDir + " holds no packaged CLI (customs.jar and lib/): build it first with "
          + "./mvnw -pl cli -am package -DskipTests");
    }
    List<Path> jars = jars(jar);
    Path runtime = work.resolve("jre");
    log.accept("linking a Java runtime from " + System.getProperty("java.home"));
    List<String> modules = JreLinker.link(jars, runtime);
    List<Path> libraries = RuntimeLibraries.of(runtime, jars, Files.createDirectories(work.resolve("native")));
    log.accept("modules: " + String.join(",", modules) + "; system libraries: " + libraries);
    String version = version(jar);
    Containerizer containerizer = containerizer(target)
        .setBaseImageLayersCache(work.resolve("jib-cache"))
        .setApplicationLayersCache(work.resolve("jib-cache"))
        .setAllowInsecureRegistries(target.insecure())
        .setToolName("customs-cli-image").setToolVersion(version)
        .addEventHandler(LogEvent.class, e -> {
          if (e.getLevel().compareTo(LogEvent.Level.LIFECYCLE) <= 0) {
            log.accept(e.getMessage());
          }
        });
    try {
      JibContainer built = CliImageLayout.of(cliDir, runtime, libraries, Files.createDirectories(work.resolve("files")),
          version, Instant.now()).containerize(containerizer);
      return new Built(built.getTargetImage().toString(), built.getDigest().toString(), modules, libraries);
    } catch (com.google.cloud.tools.jib.api.RegistryException | java.util.concurrent.ExecutionException
        | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
      throw new IOException("could not build or push " + target.reference() + ": " + e.getMessage(), e);
    }
  }

  private Containerizer containerizer(Target target) {
    CredentialRetrieverFactory credentials = CredentialRetrieverFactory.forImage(target.reference(),
        e -> log.accept(e.getMessage()));
    return Containerizer.to(RegistryImage.named(target.reference())
        .addCredentialRetriever(credentials.dockerConfig())
        .addCredentialRetriever(credentials.wellKnownCredentialHelpers()));
  }

  private List<Path> jars(Path jar) throws IOException {
    List<Path> jars = new ArrayList<>(List.of(jar));
    try (Stream<Path> lib = Files.list(cliDir.resolve("lib"))) {
      lib.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
    }
    return jars;
  }

  private static String version(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      String version = file.getManifest() == null ? null
          : file.getManifest().getMainAttributes().getValue("Implementation-Version");
      return version == null ? "unknown" : version;
    }
  }

  public static void main(String[] args) throws Exception {
    Path cli = Path.of("cli/target");
    String to = null;
    Path work = null;
    boolean insecure = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cli" -> cli = Path.of(value(args, ++i));
        case "--to" -> to = value(args, ++i);
        case "--work" -> work = Path.of(value(args, ++i));
        case "--insecure" -> insecure = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (to == null) {
      usage("--to REGISTRY/REPOSITORY:TAG is required");
    }
    ImageReference reference;
    try {
      reference = ImageReference.parse(to);
    } catch (InvalidImageReferenceException e) {
      usage("--to " + to + " is not an image reference");
      return;
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("customs-cli-image-");
    Built built = new CliImageBuilder(cli, dir, System.err::println)
        .build(new Target(reference, insecure));
    System.out.println("pushed " + built.reference() + "@" + built.digest());
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("customs-cli-image: " + problem);
    System.err.println("usage: CliImageBuilder --to REGISTRY/REPOSITORY:TAG [--insecure] "
        + "[--cli DIR (default cli/target)] [--work DIR]");
    System.exit(2);
  }
}
