package com.chatcommerce.manualpayments.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jwt} (the default, for production) trusts bearer tokens of the configured issuer that were
 * minted for {@code audience} (not those the issuer hands to Operate or Tasklist), names the caller
 * by {@code principalClaim} and reads roles from {@code rolesClaim}, a dotted path such as {@code
 * realm_access.roles}. {@code basic} checks HTTP Basic credentials against {@code users}: the
 * embedded run's demo users, which exist only in its configuration on the test classpath.
 */
@ConfigurationProperties("manual-payments.security")
public record SecurityProperties(
    Mode mode, String rolesClaim, String principalClaim, String audience, List<User> users) {

  public enum Mode {
    JWT,
    BASIC
  }

  /**
   * A Basic user; the password is in Spring's {@code {id}encoded} form, for example {@code
   * {bcrypt}…}.
   */
  public record User(String name, String password, Role role) {}

  public SecurityProperties {
    mode = mode == null ? Mode.JWT : mode;
    rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
    principalClaim = principalClaim == null || principalClaim.isBlank() ? "sub" : principalClaim;
    users = users == null ? List.of() : users;
    if (mode == Mode.JWT && (audience == null || audience.isBlank())) {
      throw new IllegalStateException(
          "manual-payments.security.mode is jwt but no token audience is configured: set OAUTH_AUDIENCE to the"
              + " audience your issuer puts in this API's tokens (see docs/operations.md)");
    }
  }
}
