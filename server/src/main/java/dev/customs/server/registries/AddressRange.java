package dev.customs.server.registries;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR range such as {@code 10.0.0.0/8} or {@code fd00::/8}, or one address. An IPv4 range never
 * matches an IPv6 address and vice versa (IPv4 inside IPv6 is unwrapped by the caller).
 */
record AddressRange(byte[] network, int prefixBits) {
  static AddressRange parse(String text) {
    String[] parts = text.strip().split("/", 2);
    byte[] network;
    try {
      if (!parts[0].matches("[0-9a-fA-F:.]+")) {
        throw new UnknownHostException(parts[0]); // a host name here would mean a DNS lookup at startup
      }
      network = InetAddress.getByName(parts[0]).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not an IP address or CIDR range");
    }
    int bits = parts.length == 1 ? network.length * 8 : prefix(text, parts[1]);
    if (bits < 0 || bits > network.length * 8) {
      throw new IllegalArgumentException("\"" + text + "\" has a prefix length outside 0.." + network.length * 8);
    }
    return new AddressRange(network, bits);
  }

  private static int prefix(String text, String bits) {
    try {
      return Integer.parseInt(bits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" has a prefix length that is not a number");
    }
  }

  boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixBits / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return rest == 0 || (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }
}
