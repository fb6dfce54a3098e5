package dev.customs.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The normalization and validation rules of distribution/reference, as Docker applies them. */
class ImageRefParseTest {
  private static final String SHA = "a".repeat(32) + "0123456789abcdef".repeat(2);
  private static final String SHA512 = "b".repeat(128);

  static Stream<Arguments> valid() {
    return Stream.of(
        // input, registry, repository, normalized, familiar
        Arguments.of("alpine", "docker.io", "library/alpine", "docker.io/library/alpine:latest", "alpine:latest"),
        Arguments.of("alpine:3.20", "docker.io", "library/alpine", "docker.io/library/alpine:3.20", "alpine:3.20"),
        Arguments.of("library/alpine", "docker.io", "library/alpine", "docker.io/library/alpine:latest", "alpine:latest"),
        Arguments.of("docker.io/alpine", "docker.io", "library/alpine", "docker.io/library/alpine:latest", "alpine:latest"),
        Arguments.of("index.docker.io/alpine", "docker.io", "library/alpine", "docker.io/library/alpine:latest", "alpine:latest"),
        Arguments.of("index.docker.io/library/alpine:edge", "docker.io", "library/alpine", "docker.io/library/alpine:edge", "alpine:edge"),
        Arguments.of("bitnami/redis:7.2", "docker.io", "bitnami/redis", "docker.io/bitnami/redis:7.2", "bitnami/redis:7.2"),
        Arguments.of("docker.io/library/a/b", "docker.io", "library/a/b", "docker.io/library/a/b:latest", "library/a/b:latest"),
        Arguments.of("ghcr.io/owner/repo/sub:v1.0.0", "ghcr.io", "owner/repo/sub", "ghcr.io/owner/repo/sub:v1.0.0", "ghcr.io/owner/repo/sub:v1.0.0"),
        Arguments.of("localhost/app", "localhost", "app", "localhost/app:latest", "localhost/app:latest"),
        Arguments.of("localhost:5000/app:1", "localhost:5000", "app", "localhost:5000/app:1", "localhost:5000/app:1"),
        Arguments.of("127.0.0.1:5000/demo/app:1", "127.0.0.1:5000", "demo/app", "127.0.0.1:5000/demo/app:1", "127.0.0.1:5000/demo/app:1"),
        Arguments.of("1.2.3.4/app", "1.2.3.4", "app", "1.2.3.4/app:latest", "1.2.3.4/app:latest"),
        Arguments.of("[::1]:5000/demo/app:1", "[::1]:5000", "demo/app", "[::1]:5000/demo/app:1", "[::1]:5000/demo/app:1"),
        Arguments.of("[2001:db8::1]/app", "[2001:db8::1]", "app", "[2001:db8::1]/app:latest", "[2001:db8::1]/app:latest"),
        Arguments.of("sub.domain.example.com:8443/x/y:z", "sub.domain.example.com:8443", "x/y", "sub.domain.example.com:8443/x/y:z", "sub.domain.example.com:8443/x/y:z"),
        Arguments.of("Example.com/app", "Example.com", "app", "Example.com/app:latest", "Example.com/app:latest"),
        // an upper-case first component cannot be a repository, so Docker takes it as a host
        Arguments.of("Foo/bar", "Foo", "bar", "Foo/bar:latest", "Foo/bar:latest"),
        Arguments.of("a/b_c/d__e", "docker.io", "a/b_c/d__e", "docker.io/a/b_c/d__e:latest", "a/b_c/d__e:latest"),
        Arguments.of("a-b---c/d.e", "docker.io", "a-b---c/d.e", "docker.io/a-b---c/d.e:latest", "a-b---c/d.e:latest"),
        Arguments.of("alpine:Latest_1.0-rc", "docker.io", "library/alpine", "docker.io/library/alpine:Latest_1.0-rc", "alpine:Latest_1.0-rc"),
        Arguments.of("alpine:" + "t".repeat(128), "docker.io", "library/alpine", "docker.io/library/alpine:" + "t".repeat(128), "alpine:" + "t".repeat(128)),
        Arguments.of("alpine@sha256:" + SHA, "docker.io", "library/alpine", "docker.io/library/alpine@sha256:" + SHA, "alpine@sha256:" + SHA),
        Arguments.of("alpine:3.20@sha256:" + SHA, "docker.io", "library/alpine", "docker.io/library/alpine:3.20@sha256:" + SHA, "alpine:3.20@sha256:" + SHA),
        Arguments.of("alpine@sha512:" + SHA512, "docker.io", "library/alpine", "docker.io/library/alpine@sha512:" + SHA512, "alpine@sha512:" + SHA512),
        Arguments.of("registry.example.com:443/team/app@sha256:" + SHA, "registry.example.com:443", "team/app", "registry.example.com:443/team/app@sha256:" + SHA, "registry.example.com:443/team/app@sha256:" + SHA),
        // a bare host:port is a Docker Hub name with a tag, exactly as in Docker
        Arguments.of("localhost:5000", "docker.io", "library/localhost", "docker.io/library/localhost:5000", "localhost:5000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void normalizesLikeDocker(String input, String registry, String repository, String normalized, String familiar) {
    ImageRef ref = ImageRef.parse(input);
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.toString()).isEqualTo(normalized);
    assertThat(ref.familiar()).isEqualTo(familiar);
    assertThat(ImageRef.parse(ref.toString())).isEqualTo(ref);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "repository name must have at least one component"),
        Arguments.of("Alpine", "repository name (library/Alpine) must be lowercase"),
        Arguments.of("docker.io/Library/alpine", "repository name (Library/alpine) must be lowercase"),
        Arguments.of("example.com/App:1", "repository name (App) must be lowercase"),
        Arguments.of("UPPER.example.com/team/App", "repository name (team/App) must be lowercase"),
        Arguments.of(SHA, "cannot specify 64-byte hexadecimal strings"),
        Arguments.of("alpine:", "invalid reference format"),
        Arguments.of(":tag", "invalid reference format"),
        Arguments.of("alpine:-bad", "invalid reference format"),
        Arguments.of("alpine:" + "t".repeat(129), "invalid reference format"),
        Arguments.of("alpine:1:2", "invalid reference format"),
        Arguments.of("alpine:ta/g", "invalid reference format"),
        Arguments.of("alpine:3.20 ", "invalid reference format"),
        Arguments.of("alpine@sha256:abc", "invalid reference format"),
        Arguments.of("alpine@@sha256:" + SHA, "invalid reference format"),
        Arguments.of("alpine@sha256:" + SHA.toUpperCase(), "invalid sha256 digest"),
        Arguments.of("alpine@sha256:" + SHA.substring(1), "is not 64 lowercase hex characters"),
        Arguments.of("alpine@md5:" + "c".repeat(32), "unsupported digest algorithm \"md5\""),
        Arguments.of("a/-b", "invalid reference format"),
        Arguments.of("a/b-", "invalid reference format"),
        Arguments.of("a//b", "invalid reference format"),
        Arguments.of("a/b/", "invalid reference format"),
        Arguments.of("-a/b", "invalid reference format"),
        Arguments.of("a___b", "invalid reference format"),
        Arguments.of("a.-b", "invalid reference format"),
        Arguments.of("a..b/c", "invalid reference format"),
        Arguments.of("example.com:port/app", "invalid reference format"),
        Arguments.of("[::1/app", "invalid reference format"),
        Arguments.of("a".repeat(256), "repository name must not be more than 255 characters"),
        Arguments.of("example.com/" + "a".repeat(244), "repository name must not be more than 255 characters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsWithReason(String input, String reason) {
    assertThatThrownBy(() -> ImageRef.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid image reference \"" + input + "\": ")
        .hasMessageContaining(reason);
  }

  @Test
  void nameOfExactly255CharactersIsAccepted() {
    String repository = "a".repeat(255 - "example.com/".length());
    assertThat(ImageRef.parse("example.com/" + repository).name()).hasSize(255);
  }

  @Test
  void manifestReferencePrefersTheDigest() {
    assertThat(ImageRef.parse("alpine:3.20@sha256:" + SHA).manifestReference()).isEqualTo("sha256:" + SHA);
    assertThat(ImageRef.parse("alpine:3.20").manifestReference()).isEqualTo("3.20");
  }
}
