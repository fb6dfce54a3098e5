package dev.customs.server.registries;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which registry addresses the server may connect to (see {@link RegistryUrlGuard}).
 *
 * @param refusePrivateAddresses also refuse loopback and private networks (RFC 1918, unique-local,
 *     carrier-grade NAT); for hosted consoles whose registries are all public. Off by default, because
 *     on-premises registries usually live on private networks.
 * @param allowedAddresses addresses or CIDR ranges that are allowed even though a rule would refuse
 *     them, e.g. {@code 169.254.10.0/24} for a registry on a link-local network
 */
@ConfigurationProperties("customs.registries")
public record RegistryAddressProperties(boolean refusePrivateAddresses, List<String> allowedAddresses) {
  public RegistryAddressProperties {
    allowedAddresses = allowedAddresses == null ? List.of()
        : allowedAddresses.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
  }
}
