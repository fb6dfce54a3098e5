package dev.customs.server.registries;

import dev.customs.server.common.InvalidRequestException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Server-side request forgery guard for registry URLs. The server connects wherever a registry URL
 * points, so an attacker who may add registries could make it fetch cloud metadata (credentials!) or
 * probe link-local services. The host is resolved and every address it resolves to must pass:
 * link-local, cloud metadata, unspecified, multicast and broadcast addresses are always refused;
 * loopback and private networks only with {@code refusePrivateAddresses}. Configured allowed ranges
 * win over both. Checked when a registry is saved and again before each connection, since DNS answers change.
 */
@Component
public class RegistryUrlGuard {
  /** Host names of metadata services that do not always resolve to a link-local address. */
  private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
      "metadata", "instance-data", "instance-data.ec2.internal");
  private static final List<AddressRange> METADATA = ranges("169.254.169.254/32", "fd00:ec2::254/128",
      "100.100.100.200/32");
  private static final List<AddressRange> ALWAYS_REFUSED = ranges("0.0.0.0/8", "255.255.255.255/32");
  private static final List<AddressRange> PRIVATE = ranges("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
      "100.64.0.0/10", "fc00::/7");

  /** Name resolution, replaceable in tests. */
  @FunctionalInterface
  public interface HostResolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final RegistryAddressProperties properties;
  private final HostResolver resolver;
  private final List<AddressRange> allowed;

  @Autowired
  public RegistryUrlGuard(RegistryAddressProperties properties) {
    this(properties, InetAddress::getAllByName);
  }

  public RegistryUrlGuard(RegistryAddressProperties properties, HostResolver resolver) {
    this.properties = properties;
    this.resolver = resolver;
    this.allowed = properties.allowedAddresses().stream().map(AddressRange::parse).toList();
  }

  /**
   * @param viaConnector the registry is reached through an on-premises connector, so this server never
   *     resolves or connects to the host itself: only its form and metadata names are checked
   * @return the parsed URL
   * @throws InvalidRequestException naming the URL, the address and the rule that refused it
   */
  public URI check(String url, boolean insecure, boolean viaConnector) {
    URI uri = parse(url, insecure);
    if (viaConnector) {
      checkName(url, uri.getHost());
    } else {
      checkHost(url, uri.getHost());
    }
    return uri;
  }

  /**
   * The address rules alone, for other outbound URLs the server is told to call (notification
   * webhooks): refuses metadata names and every address the host resolves to that the rules refuse.
   */
  public void checkHost(String url, String host) {
    checkName(url, host);
    for (InetAddress address : resolve(host.toLowerCase(Locale.ROOT))) {
      reason(address).ifPresent(reason -> {
        throw refused(url, address.getHostAddress(), reason);
      });
    }
  }

  private static void checkName(String url, String host) {
    String name = host.toLowerCase(Locale.ROOT);
    if (METADATA_HOSTS.contains(name)) {
      throw refused(url, name, "a cloud metadata service");
    }
  }

  private URI parse(String url, boolean insecure) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("url", "\"" + url + "\" is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new InvalidRequestException("url", "registry URL must start with https:// (or http:// with insecure: "
          + "true), got \"" + url + "\"");
    }
    if (scheme.equals("http") && !insecure) {
      throw new InvalidRequestException("url", "\"" + url + "\" is plain HTTP; use https:// or set insecure: true");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new InvalidRequestException("url", "registry URL must be scheme://host[:port][/path] without user "
          + "info, query or fragment (credentials go in username/password), got \"" + url + "\"");
    }
    return uri;
  }

  /**
   * A name that does not resolve now is accepted: it cannot be connected to either, and the check is
   * repeated before every connection (offline installs and split-horizon DNS make this common).
   */
  private InetAddress[] resolve(String host) {
    try {
      return resolver.resolve(host);
    } catch (UnknownHostException e) {
      return new InetAddress[0];
    }
  }

  /** Why an address is refused, or empty when it may be used. */
  Optional<String> reason(InetAddress raw) {
    InetAddress address = unwrapIpv4(raw);
    if (allowed.stream().anyMatch(m -> m.contains(address))) {
      return Optional.empty();
    }
    if (in(METADATA, address)) {
      return Optional.of("a cloud metadata service address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address (cloud metadata services live there)");
    }
    if (address.isAnyLocalAddress() || in(ALWAYS_REFUSED, address)) {
      return Optional.of("an unspecified or broadcast address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    if (properties.refusePrivateAddresses()
        && (address.isLoopbackAddress() || address.isSiteLocalAddress() || in(PRIVATE, address))) {
      return Optional.of("a loopback or private address (customs.registries.refuse-private-addresses is on)");
    }
    return Optional.empty();
  }

  /** {@code ::a.b.c.d} (IPv4-compatible) must not smuggle a refused IPv4 address past the IPv4 rules. */
  private static InetAddress unwrapIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] bytes = address.getAddress();
    for (int i = 0; i < 12; i++) {
      if (bytes[i] != 0) {
        return address;
      }
    }
    if (bytes[12] == 0 && bytes[13] == 0) {
      return address; // :: and ::1 keep their IPv6 meaning
    }
    try {
      return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean in(List<AddressRange> ranges, InetAddress address) {
    return ranges.stream().anyMatch(m -> m.contains(address));
  }

  private static InvalidRequestException refused(String url, String address, String reason) {
    return new InvalidRequestException("url", "URL \"" + url + "\" points at " + address + ", " + reason
        + "; refused to protect the server from request forgery. If a registry or notification endpoint really "
        + "lives there, add the "
        + "address to customs.registries.allowed-addresses (CUSTOMS_REGISTRIES_ALLOWED_ADDRESSES).");
  }

  private static List<AddressRange> ranges(String... ranges) {
    return Arrays.stream(ranges).map(AddressRange::parse).toList();
  }
}
