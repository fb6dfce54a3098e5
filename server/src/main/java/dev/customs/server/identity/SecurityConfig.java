package dev.customs.server.identity;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Every route is listed here; anything not listed is denied. The API answers
 * 401/403 as problems; browser pages redirect to the login form. CSRF checks apply wherever a
 * browser's ambient session cookie could be abused: requests carrying an {@code Authorization} header
 * are exempt (a browser never adds one on its own), and so are API requests without any session
 * cookie (nothing to abuse; they get a plain 401). Cookie-session requests (the UI) send the token.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
  private static final String ADMIN = Role.ADMIN.name();
  private static final String SCANNER = Role.SCANNER.name();
  private static final String AUDITOR = Role.AUDITOR.name();

  /**
   * Registry webhooks carry the registry's own credentials (a Bearer secret, Basic for EventBridge,
   * an HMAC header), which are not Customs accounts: this chain runs no authentication filter and
   * no CSRF check, and the endpoint authenticates each delivery with the registry's webhook secret.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain webhookSecurity(HttpSecurity http) {
    http
        .securityMatcher(request -> request.getRequestURI()
            .matches(Pattern.quote(request.getContextPath()) + "/api/v1/registries/[^/]+/webhook"))
        .authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .securityContext(context -> context.disable());
    return http.build();
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, ProblemResponseWriter writer) {
    ProblemAuthenticationEntryPoint apiEntryPoint = new ProblemAuthenticationEntryPoint(writer);
    RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    RequestMatcher noAmbientCredentials = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || (api.matches(request) && request.getRequestedSessionId() == null);
    http
        .authorizeHttpRequests(routes -> routes
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/login", "/error").permitAll()
            .requestMatchers("/actuator/**").hasAnyRole(ADMIN, AUDITOR)
            .requestMatchers("/api/v1/users/**", "/api/v1/tokens/**", "/api/v1/audit/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/v1/maintenance/**").hasAnyRole(ADMIN, AUDITOR)
            .requestMatchers("/api/v1/maintenance/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/v1/notifications/**").hasAnyRole(ADMIN, AUDITOR)
            .requestMatchers("/api/v1/notifications/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/v1/registries/**").hasAnyRole(ADMIN, AUDITOR)
            .requestMatchers("/api/v1/registries/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/v1/images/**", "/api/v1/scans/**", "/api/v1/vulnerabilities/**")
                .hasAnyRole(ADMIN, SCANNER, AUDITOR)
            .requestMatchers(HttpMethod.POST, "/api/v1/images", "/api/v1/images/*/scans", "/api/v1/scan-results")
                .hasAnyRole(ADMIN, SCANNER)
            .requestMatchers("/api/v1/images/**", "/api/v1/scans/**").hasRole(ADMIN)
            .requestMatchers(HttpMethod.GET, "/api/v1/db", "/api/v1/db/**").authenticated()
            .requestMatchers("/api/v1/db", "/api/v1/db/**").hasRole(ADMIN)
            // Policies and exceptions: scanners judge nothing themselves, so they neither read nor write them.
            .requestMatchers(HttpMethod.GET, "/api/v1/policies/**", "/api/v1/exceptions/**").hasAnyRole(ADMIN, AUDITOR)
            .requestMatchers("/api/v1/policies/**", "/api/v1/exceptions/**").hasRole(ADMIN)
            .requestMatchers("/api/v1/me", "/").authenticated()
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName("Customs").authenticationEntryPoint(apiEntryPoint))
        .formLogin(Customizer.withDefaults())
        .logout(Customizer.withDefaults())
        .csrf(csrf -> csrf.ignoringRequestMatchers(noAmbientCredentials))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
            .accessDeniedHandler(new ProblemAccessDeniedHandler(writer)))
        .addFilterBefore(new BearerTokenFilter(tokens, apiEntryPoint), BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Argon2id for new hashes (memory-hard, the current OWASP first choice); bcrypt hashes are still
   * accepted so accounts imported from elsewhere keep working and are upgraded on password change.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder("argon2", Map.of(
        "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
        "bcrypt", new BCryptPasswordEncoder()));
  }
}
