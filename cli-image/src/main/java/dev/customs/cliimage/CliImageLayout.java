package dev.customs.cliimage;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the CLI image holds, from scratch: the C library the runtime needs, the linked Java runtime,
 * a non-root user with a cache directory, the CLI's dependency jars, then the CLI jar. Layers go from
 * least to most often changed, so a new CLI build pushes one small layer. File times are fixed, so
 * the same inputs give the same layers.
 */
final class CliImageLayout {
  static final String HOME = "/opt/customs";
  static final String JAVA = HOME + "/jre/bin/java";
  static final String JAR = HOME + "/customs.jar";
  static final String USER = "65532";
  static final String CACHE = "/cache";
  static final String WORK = "/work";
  private static final Instant FILE_TIME = Instant.ofEpochSecond(1);
  private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
  private static final FilePermissions READABLE = FilePermissions.fromOctalString("644");
  private static final FilePermissions WRITABLE = FilePermissions.fromOctalString("777");
  private static final String ROOT = "0:0";
  private static final String CUSTOMS = USER + ":" + USER;

  private CliImageLayout() {}

  /**
   * @param cliDir the CLI as Maven packages it: {@code customs.jar} and {@code lib/}
   * @param runtime the linked Java runtime
   * @param libraries what {@link RuntimeLibraries} found
   * @param scratch a directory for the few files made here (passwd, group, empty directories)
   */
  static JibContainerBuilder of(Path cliDir, Path runtime, List<Path> libraries, Path scratch, String version,
      Instant created) throws IOException {
    return Jib.fromScratch()
        .setFormat(ImageFormat.OCI)
        .setPlatforms(Set.of(new Platform(architecture(), "linux")))
        .addFileEntriesLayer(libraries(libraries))
        .addFileEntriesLayer(runtime(runtime))
        .addFileEntriesLayer(system(scratch))
        .addFileEntriesLayer(jars("dependencies", cliDir.resolve("lib"), HOME + "/lib"))
        .addFileEntriesLayer(FileEntriesLayer.builder().setName("customs")
            .addEntry(cliDir.resolve("customs.jar"), AbsoluteUnixPath.get(JAR), READABLE, FILE_TIME, ROOT).build())
        .setEntrypoint(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true",
            "-XX:+UseSerialGC", "-jar", JAR))
        .setProgramArguments(List.of("--help"))
        .setUser(USER)
        .setWorkingDirectory(AbsoluteUnixPath.get(WORK))
        // Layer results and the database live under $XDG_CACHE_HOME/customs: mount a volume here to keep them.
        .setEnvironment(Map.of("XDG_CACHE_HOME", CACHE, "HOME", "/home/customs"))
        .addLabel("org.opencontainers.image.title", "customs")
        .addLabel("org.opencontainers.image.description",
            "Customs CLI: inventories container images, finds vulnerabilities, judges assurance policies")
        .addLabel("org.opencontainers.image.version", version)
        .setCreationTime(created);
  }

  /** The image's architecture, as OCI names it: the build machine's (the libraries come from it). */
  static String architecture() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
  }

  private static FileEntriesLayer libraries(List<Path> libraries) throws IOException {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("runtime-libraries");
    for (Path library : libraries) {
      // At the path the loader looks for, with the content of the file the symlinks lead to.
      layer.addEntry(library.toRealPath(), AbsoluteUnixPath.get(library.toString()), EXECUTABLE, FILE_TIME, ROOT);
    }
    return layer.build();
  }

  private static FileEntriesLayer runtime(Path runtime) throws IOException {
    return FileEntriesLayer.builder().setName("java-runtime")
        .addEntryRecursive(runtime, AbsoluteUnixPath.get(HOME + "/jre"),
            (source, target) -> Files.isDirectory(source) || Files.isExecutable(source) ? EXECUTABLE : READABLE,
            (source, target) -> FILE_TIME, (source, target) -> ROOT)
        .build();
  }

  private static FileEntriesLayer system(Path scratch) throws IOException {
    Path passwd = Files.writeString(scratch.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
        + "customs:x:" + USER + ":" + USER + ":customs:/home/customs:/sbin/nologin\n", StandardCharsets.UTF_8);
    Path group = Files.writeString(scratch.resolve("group"), "root:x:0:\ncustoms:x:" + USER + ":\n",
        StandardCharsets.UTF_8);
    Path empty = Files.createDirectories(scratch.resolve("empty"));
    return FileEntriesLayer.builder().setName("system")
        .addEntry(passwd, AbsoluteUnixPath.get("/etc/passwd"), READABLE, FILE_TIME, ROOT)
        .addEntry(group, AbsoluteUnixPath.get("/etc/group"), READABLE, FILE_TIME, ROOT)
        // zstd-jni and sqlite-jdbc unpack their native code to java.io.tmpdir. World-writable (Jib
        // cannot set the sticky bit): `docker run --user` with another uid must still work.
        .addEntry(empty, AbsoluteUnixPath.get("/tmp"), WRITABLE, FILE_TIME, ROOT)
        .addEntry(empty, AbsoluteUnixPath.get(CACHE), WRITABLE, FILE_TIME, CUSTOMS)
        .addEntry(empty, AbsoluteUnixPath.get("/home/customs"), EXECUTABLE, FILE_TIME, CUSTOMS)
        .addEntry(empty, AbsoluteUnixPath.get(WORK), EXECUTABLE, FILE_TIME, CUSTOMS)
        .build();
  }

  private static FileEntriesLayer jars(String name, Path dir, String target) throws IOException {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
    try (var files = Files.list(dir)) {
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        layer.addEntry(jar, AbsoluteUnixPath.get(target + "/" + jar.getFileName()), READABLE, FILE_TIME, ROOT);
      }
    }
    return layer.build();
  }
}
