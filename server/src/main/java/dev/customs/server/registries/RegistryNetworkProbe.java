package dev.customs.server.registries;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.springframework.stereotype.Component;

/**
 * The network half of a registry connection test: may the server connect (request-forgery rules,
 * checked again now since DNS answers change), does the host accept TCP connections, and does TLS
 * verify with the registry's trust settings.
 */
@Component
public class RegistryNetworkProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final RegistryUrlGuard guard;
  private final RegistryClientFactory clients;

  public RegistryNetworkProbe(RegistryUrlGuard guard, RegistryClientFactory clients) {
    this.guard = guard;
    this.clients = clients;
  }

  String address(Registry registry) {
    URI uri = guard.check(registry.url(), registry.url().startsWith("http://"), false);
    return uri.getHost() + " is allowed by the request-forgery rules";
  }

  String reachable(Registry registry) throws IOException {
    InetSocketAddress target = target(registry);
    try (Socket socket = new Socket()) {
      socket.connect(target, (int) TIMEOUT.toMillis());
      return "connected to " + target.getHostString() + ":" + target.getPort() + " ("
          + socket.getInetAddress().getHostAddress() + ")";
    } catch (IOException e) {
      throw new IOException("cannot connect to " + target.getHostString() + ":" + target.getPort() + ": "
          + e.getMessage() + "; check the URL and that this server may reach that host and port", e);
    }
  }

  String tls(Registry registry) throws IOException {
    InetSocketAddress target = target(registry);
    SSLContext context = clients.sslContext(registry);
    try (Socket plain = new Socket()) {
      plain.connect(target, (int) TIMEOUT.toMillis());
      plain.setSoTimeout((int) TIMEOUT.toMillis());
      try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
          .createSocket(plain, target.getHostString(), target.getPort(), false)) {
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls.getSession().getProtocol() + ", " + describe(tls.getSession().getPeerCertificates());
      }
    } catch (SSLException e) {
      throw new IOException("TLS handshake with " + target.getHostString() + " failed: " + e.getMessage()
          + "; if the registry uses a private CA, paste it into caPem", e);
    }
  }

  private static String describe(Certificate[] chain) {
    if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
      return "certificate " + leaf.getSubjectX500Principal().getName() + " valid until " + leaf.getNotAfter().toInstant();
    }
    return "certificate verified";
  }

  private static InetSocketAddress target(Registry registry) {
    URI uri = URI.create(registry.url());
    int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    return new InetSocketAddress(host, port);
  }
}
