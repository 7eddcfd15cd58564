package com.chatcommerce.manualpayments.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/** Only where there is an API to protect: a workers-only instance runs without a web server. */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String PLATFORM = Role.PLATFORM.name();
  private static final String MANAGER = Role.MANAGER.name();
  private static final String ANALYST = Role.ANALYST.name();

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      SecurityProperties properties,
      ObjectMapper json,
      ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    boolean basic = properties.mode() == SecurityProperties.Mode.BASIC;
    if (!basic && jwtDecoder.getIfAvailable() == null) {
      throw new IllegalStateException(
          "manual-payments.security.mode is jwt but no token issuer is configured: set"
              + " SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI (see docs/operations.md)");
    }
    String challenge = basic ? "Basic realm=\"manual-payments\"" : "Bearer";
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    // Errors render on an error dispatch, after the request was authorized or
                    // refused before it (the firewall); the error page quotes nothing of it.
                    .dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers(POST, "/api/v1/orders")
                    .hasAnyRole(PLATFORM, MANAGER)
                    .requestMatchers(GET, "/api/v1/orders", "/api/v1/orders/*")
                    .hasAnyRole(PLATFORM, MANAGER, ANALYST)
                    // The client's pay window: the offer, its payment system's public face and
                    // image.
                    .requestMatchers(
                        GET,
                        "/api/v1/offers",
                        "/api/v1/offers/*",
                        "/api/v1/payment-systems/*/image")
                    .hasAnyRole(PLATFORM, MANAGER, ANALYST)
                    .requestMatchers(GET, "/api/**")
                    .hasAnyRole(MANAGER, ANALYST)
                    .requestMatchers("/api/**")
                    .hasRole(MANAGER)
                    .anyRequest()
                    .hasAnyRole(MANAGER, ANALYST))
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        ProblemAuthenticationHandlers.unauthorized(json, challenge))
                    .accessDeniedHandler(ProblemAuthenticationHandlers.forbidden(json)));
    if (basic) {
      http.httpBasic(
          b ->
              b.authenticationEntryPoint(
                  ProblemAuthenticationHandlers.unauthorized(json, challenge)));
    } else {
      http.oauth2ResourceServer(
          o ->
              o.authenticationEntryPoint(
                      ProblemAuthenticationHandlers.unauthorized(json, challenge))
                  .jwt(jwt -> jwt.jwtAuthenticationConverter(new TokenCaller(properties))));
    }
    return http.build();
  }

  /**
   * Only in Basic mode; in JWT mode no password is ever checked here. Handed out as a plain lookup:
   * Spring re-encodes passwords to bcrypt when the user store can update them, which made each
   * request with a {noop} password pay a bcrypt check (70 ms of CPU, measured by the benchmark).
   */
  @Bean
  UserDetailsService users(SecurityProperties properties) {
    var manager = new InMemoryUserDetailsManager();
    for (SecurityProperties.User user : properties.users()) {
      manager.createUser(
          User.withUsername(user.name())
              .password(user.password())
              .roles(user.role().name())
              .build());
    }
    return manager::loadUserByUsername;
  }
}
