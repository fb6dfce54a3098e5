package dev.customs.cliimage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shared libraries (glibc and its loader) that the linked runtime and the native code inside
 * the CLI's jars (zstd-jni, sqlite-jdbc) need, as {@code ldd} resolves them on the build machine.
 * They go into the image at the same paths, so that an image built from scratch runs without a
 * base image: the image carries the build machine's own, patched C library.
 */
final class RuntimeLibraries {
  // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "/lib64/ld-linux-x86-64.so.2 (0x...)"
  private static final Pattern RESOLVED = Pattern.compile("=>\\s*(/\\S+)\\s*\\(");
  private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+)\\s*\\(");
  private static final Pattern MISSING = Pattern.compile("^\\s*(\\S+)\\s*=>\\s*not found");

  private RuntimeLibraries() {}

  /** Absolute paths of every library the runtime's and the jars' native code load, sorted. */
  static List<Path> of(Path runtime, List<Path> jars, Path scratch) throws IOException {
    List<Path> elf = new ArrayList<>();
    try (Stream<Path> files = Files.walk(runtime)) {
      files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".so")
          || f.getParent().getFileName().toString().equals("bin")).forEach(elf::add);
    }
    for (Path jar : jars) {
      elf.addAll(nativeLibraries(jar, scratch));
    }
    // The runtime's own libraries find each other (libjvm.so) through the JVM, not the system.
    Set<String> ownNames = new HashSet<>();
    elf.forEach(f -> ownNames.add(f.getFileName().toString()));
    Path own = runtime.toAbsolutePath().normalize();
    TreeSet<Path> libraries = new TreeSet<>();
    for (Path file : elf) {
      for (Path library : ldd(file, ownNames)) {
        if (!library.toAbsolutePath().normalize().startsWith(own)) {
          libraries.add(library);
        }
      }
    }
    return List.copyOf(libraries);
  }

  /** The native libraries a jar carries for this machine's architecture, extracted to {@code scratch}. */
  private static List<Path> nativeLibraries(Path jar, Path scratch) throws IOException {
    List<Path> extracted = new ArrayList<>();
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    List<String> names = arch.equals("amd64") ? List.of("amd64", "x86_64", "x86-64") : List.of(arch);
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String path = entry.getName().toLowerCase(Locale.ROOT);
        if (path.endsWith(".so") && path.contains("linux") && !path.contains("musl") && !path.contains("android")
            && names.stream().anyMatch(a -> path.contains("/" + a + "/"))) {
          Path target = scratch.resolve(extracted.size() + "-" + Path.of(entry.getName()).getFileName());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          extracted.add(target);
        }
      }
    }
    return extracted;
  }

  /** What ldd resolves for one file; none for a file that is not dynamically linked. */
  static List<Path> ldd(Path file, Set<String> provided) throws IOException {
    Process process = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("ldd " + file + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running ldd", e);
    }
    if (process.exitValue() != 0) {
      return List.of(); // "not a dynamic executable": a static binary or another architecture's library
    }
    List<Path> found = new ArrayList<>();
    for (String line : output.lines().toList()) {
      Matcher missing = MISSING.matcher(line);
      if (missing.find() && !provided.contains(missing.group(1))) {
        throw new IOException(file.getFileName() + " needs " + missing.group(1) + ", which ldd cannot find here");
      }
      if (line.contains("not found")) {
        continue;
      }
      Matcher resolved = RESOLVED.matcher(line);
      Matcher loader = LOADER.matcher(line);
      if (resolved.find()) {
        found.add(Path.of(resolved.group(1)));
      } else if (loader.find()) {
        found.add(Path.of(loader.group(1)));
      }
    }
    return found;
  }
}
