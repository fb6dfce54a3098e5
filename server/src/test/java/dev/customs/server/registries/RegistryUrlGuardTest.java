package dev.customs.server.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customs.server.common.InvalidRequestException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryUrlGuardTest {
  /** Names a test DNS answers; literals resolve as themselves, like the real resolver. */
  private static final Map<String, List<String>> DNS = Map.of(
      "registry.example", List.of("93.184.216.34"),
      "rebind.example", List.of("93.184.216.34", "169.254.169.254"),
      "internal.example", List.of("10.20.30.40"),
      "v6meta.example", List.of("fd00:ec2::254"));

  private static final RegistryUrlGuard DEFAULTS = guard(false, List.of());

  @ParameterizedTest(name = "{0} refused: {1}")
  @CsvSource(delimiter = '|', value = {
      "https://169.254.169.254         | cloud metadata",
      "https://[fd00:ec2::254]         | cloud metadata",
      "https://100.100.100.200         | cloud metadata",
      "https://v6meta.example          | cloud metadata",
      "https://metadata.google.internal| cloud metadata service",
      "https://METADATA.google.internal| cloud metadata service",
      "https://169.254.10.1            | link-local",
      "https://[fe80::1]               | link-local",
      "https://[::ffff:169.254.169.254]| cloud metadata",
      "https://[::169.254.169.254]     | cloud metadata",
      "https://0.0.0.0                 | unspecified",
      "https://[::]                    | unspecified",
      "https://255.255.255.255         | broadcast",
      "https://224.0.0.1               | multicast",
      "https://[ff02::1]               | multicast",
      "https://rebind.example          | cloud metadata"})
  void dangerousAddressesAreAlwaysRefused(String url, String reason) {
    assertThatThrownBy(() -> DEFAULTS.check(url.strip(), false, false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(reason.strip())
        .hasMessageContaining("customs.registries.allowed-addresses");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"https://registry.example", "https://127.0.0.1:5000", "https://[::1]:5000",
      "https://internal.example", "https://192.168.1.10", "https://172.16.0.5", "https://[fd12:3456::1]",
      "https://unresolvable.example"})
  void publicAndOnPremisesAddressesAreAllowedByDefault(String url) {
    assertThat(DEFAULTS.check(url, false, false).toString()).isEqualTo(url);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"https://127.0.0.1:5000", "https://[::1]", "https://internal.example", "https://192.168.1.10",
      "https://100.64.0.1", "https://[fd12:3456::1]"})
  void privateAddressesAreRefusedWhenConfigured(String url) {
    assertThatThrownBy(() -> guard(true, List.of()).check(url, false, false))
        .hasMessageContaining("loopback or private");
    assertThat(guard(true, List.of()).check("https://registry.example", false, false)).isNotNull();
  }

  @Test
  void allowedRangesWinOverEveryRule() {
    RegistryUrlGuard guard = guard(true, List.of("169.254.10.0/24", "10.0.0.0/8"));
    assertThat(guard.check("https://169.254.10.1", false, false)).isNotNull();
    assertThat(guard.check("https://internal.example", false, false)).isNotNull();
    assertThatThrownBy(() -> guard.check("https://169.254.169.254", false, false))
        .isInstanceOf(InvalidRequestException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"registry.example/24", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x"})
  void badAllowedRangesStopTheServerWithTheValueNamed(String range) {
    assertThatThrownBy(() -> guard(false, List.of(range))).hasMessageContaining(range.split("/")[0]);
  }

  @Test
  void registriesBehindAConnectorAreNotResolvedHereButMetadataNamesStillFail() {
    assertThat(DEFAULTS.check("https://rebind.example", false, true)).isNotNull();
    assertThatThrownBy(() -> DEFAULTS.check("https://metadata.google.internal", false, true))
        .hasMessageContaining("metadata");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "http://registry.example        | insecure: true",
      "ftp://registry.example         | must start with https://",
      "registry.example               | must start with https://",
      "https://u:p@registry.example   | without user info",
      "https://registry.example/?x=1  | without user info",
      "https://registry.example/#frag | without user info",
      "https://exa mple               | is not a URL"})
  void malformedUrlsAreRefusedWithTheReason(String url, String message) {
    assertThatThrownBy(() -> DEFAULTS.check(url.strip(), false, false))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(message.strip());
  }

  @Test
  void plainHttpIsAcceptedWhenMarkedInsecure() {
    assertThat(DEFAULTS.check("http://127.0.0.1:5000", true, false).getScheme()).isEqualTo("http");
  }

  private static RegistryUrlGuard guard(boolean refusePrivate, List<String> allowed) {
    return new RegistryUrlGuard(new RegistryAddressProperties(refusePrivate, allowed), RegistryUrlGuardTest::resolve);
  }

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    List<String> answers = DNS.get(host);
    if (answers != null) {
      InetAddress[] addresses = new InetAddress[answers.size()];
      for (int i = 0; i < addresses.length; i++) {
        addresses[i] = InetAddress.getByName(answers.get(i));
      }
      return addresses;
    }
    if (host.endsWith(".example")) {
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(host)}; // an IP literal
  }
}
