package dev.customs.core.inventory.analyzer.golang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.core.inventory.analyzer.RecordedAnalysis;
import dev.customs.core.inventory.analyzer.elf.TestElf;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoBuildInfoReaderTest {
  private static final byte[] START = hex("3077af0c9274080241e1c107e6d618e6");
  private static final byte[] END = hex("f932433186182072008242104116d8f2");
  private static final String MOD_TEXT = "path\texample.test/old\nmod\texample.test/old\tv0.3.0\th1:x=\n"
      + "dep\tgolang.org/x/text\tv0.3.7\th1:y=\n";

  static Stream<Arguments> architectures() {
    return Stream.of(Arguments.of("64-bit little-endian", true, ByteOrder.LITTLE_ENDIAN),
        Arguments.of("32-bit little-endian", false, ByteOrder.LITTLE_ENDIAN),
        Arguments.of("64-bit big-endian", true, ByteOrder.BIG_ENDIAN),
        Arguments.of("32-bit big-endian", false, ByteOrder.BIG_ENDIAN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("architectures")
  void readsThePointerFormatOfGoBefore118(String name, boolean is64, ByteOrder order) throws Exception {
    TestElf elf = new TestElf(is64, order);
    int ptrSize = is64 ? 8 : 4;
    byte[] version = "go1.16.15".getBytes(StandardCharsets.UTF_8);
    byte[] mod = framed(MOD_TEXT);
    long versionAt = elf.section(".rodata.version", version);
    long modAt = elf.section(".rodata.mod", mod);
    long headers = elf.section(".data.strings", words(order, ptrSize, versionAt, version.length, modAt, mod.length));
    int flags = order == ByteOrder.BIG_ENDIAN ? 1 : 0;
    elf.section(".go.buildinfo", header(flags, words(order, ptrSize, headers, headers + 2L * ptrSize), ptrSize));

    GoBuildInfo info = GoBuildInfoReader.read(elf.build()).orElseThrow();

    assertThat(info.goVersion()).isEqualTo("go1.16.15");
    assertThat(info.main()).contains(new GoModule("example.test/old", "v0.3.0", Optional.empty()));
    assertThat(info.deps()).containsExactly(new GoModule("golang.org/x/text", "v0.3.7", Optional.empty()));
  }

  @Test
  void findsInlineBuildInfoWithoutTheSectionName() throws Exception {
    TestElf elf = new TestElf();
    elf.section(".data", header(2, inline("go1.21.0", MOD_TEXT)));

    GoBuildInfo info = GoBuildInfoReader.read(elf.build()).orElseThrow();

    assertThat(info.goVersion()).isEqualTo("go1.21.0");
    assertThat(info.mainPath()).isEqualTo("example.test/old");
  }

  @Test
  void aBinaryWithoutModuleTextHasOnlyTheGoVersion() throws Exception {
    TestElf elf = new TestElf();
    elf.section(".go.buildinfo", header(2, inline("go1.19.8", "")));
    GoBuildInfo info = GoBuildInfoReader.read(elf.build()).orElseThrow();
    assertThat(info.main()).isEmpty();
    assertThat(info.deps()).isEmpty();
  }

  @Test
  void anElfWithoutBuildInfoIsNotAGoProgram() throws Exception {
    TestElf elf = new TestElf();
    elf.section(".text", new byte[64]);
    assertThat(GoBuildInfoReader.read(elf.build())).isEmpty();
  }

  static Stream<Arguments> broken() throws Exception {
    byte[] debian = Files.readAllBytes(Path.of("/usr/bin/docker-registry"));
    return Stream.of(
        Arguments.of("truncated ELF header", Arrays.copyOf(debian, 40), "truncated ELF header"),
        Arguments.of("section table cut off", Arrays.copyOf(debian, debian.length / 2), "outside the file"),
        Arguments.of("string longer than file", withBuildInfo(header(2, new byte[] {(byte) 0xff, (byte) 0xff, 0x7f})),
            "does not fit in the build info"),
        Arguments.of("truncated varint", withBuildInfo(header(2, new byte[] {(byte) 0x80, (byte) 0x80})),
            "truncated varint"),
        Arguments.of("empty version", withBuildInfo(header(2, inline("", MOD_TEXT))), "without a Go version"),
        Arguments.of("bad pointer size", withBuildInfo(header(0, new byte[16], 3)), "pointer size 3"),
        Arguments.of("pointer outside file", withBuildInfo(header(0, le(0x7fff0000L, 0x7fff0010L))),
            "outside the file"),
        Arguments.of("replacement first", withBuildInfo(header(2, inline("go1.22.1", "=>\tx\tv1.0.0\n"))),
            "replacement without a module"),
        Arguments.of("dep without path", withBuildInfo(header(2, inline("go1.22.1", "dep\n"))),
            "without a module path"),
        Arguments.of("blank replacement path (fuzzer finding)",
            withBuildInfo(header(2, inline("go1.22.1", "dep\tx\tv1.0.0\n=>\t \tv1.0.1\n"))), "without a module path"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void malformedInputIsAProblemNamingTheFile(String name, byte[] content, String reason) throws Exception {
    assertThatThrownBy(() -> GoBuildInfoReader.read(content)).isInstanceOf(GoBuildInfoException.class)
        .hasMessageContaining(reason);
    RecordedAnalysis result = RecordedAnalysis.analyze(new GoBinaryAnalyzer(), "usr/bin/broken", content);
    assertThat(result.packages).isEmpty();
    assertThat(result.problems).singleElement().asString().contains("usr/bin/broken").contains(reason);
  }

  private static byte[] withBuildInfo(byte[] section) {
    TestElf elf = new TestElf();
    elf.section(".go.buildinfo", section);
    return elf.build();
  }

  private static byte[] header(int flags, byte[] rest) {
    return header(flags, rest, 8);
  }

  /** The 32-byte header (magic, pointer size, flags; for the pointer format the pointers) and what follows. */
  private static byte[] header(int flags, byte[] rest, int ptrSize) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1));
    out.write(ptrSize);
    out.write(flags);
    if ((flags & 2) != 0) {
      out.writeBytes(new byte[16]);
      out.writeBytes(rest);
    } else {
      out.writeBytes(Arrays.copyOf(rest, 16));
    }
    return out.toByteArray();
  }

  private static byte[] inline(String version, String mod) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] s : new byte[][] {version.getBytes(StandardCharsets.UTF_8), mod.isEmpty() ? new byte[0] : framed(mod)}) {
      int n = s.length;
      while (n >= 0x80) {
        out.write((n & 0x7f) | 0x80);
        n >>>= 7;
      }
      out.write(n);
      out.writeBytes(s);
    }
    return out.toByteArray();
  }

  private static byte[] framed(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(START);
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(END);
    return out.toByteArray();
  }

  private static byte[] le(long... values) {
    return words(ByteOrder.LITTLE_ENDIAN, 8, values);
  }

  private static byte[] words(ByteOrder order, int size, long... values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * size).order(order);
    for (long v : values) {
      if (size == 8) {
        buf.putLong(v);
      } else {
        buf.putInt((int) v);
      }
    }
    return buf.array();
  }

  private static byte[] hex(String s) {
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
