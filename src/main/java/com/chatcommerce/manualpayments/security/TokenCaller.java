package com.chatcommerce.manualpayments.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Turns a verified token into the caller, or refuses it (401). Checked here rather than in the
 * decoder so that it holds for any decoder, the one Spring builds from the issuer or one given as a
 * bean. A token without the principal claim would make a caller without a name, and a platform
 * caller without a name is not limited to its own orders; a token for another audience (Operate,
 * Tasklist) was not meant for this API.
 */
class TokenCaller implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String audience;
  private final String principalClaim;
  private final JwtAuthenticationConverter roles = new JwtAuthenticationConverter();

  TokenCaller(SecurityProperties properties) {
    this.audience = properties.audience();
    this.principalClaim = properties.principalClaim();
    roles.setJwtGrantedAuthoritiesConverter(new ClaimRoles(properties.rolesClaim()));
    roles.setPrincipalClaimName(principalClaim);
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    if (jwt.getAudience() == null || !jwt.getAudience().contains(audience)) {
      throw new InvalidBearerTokenException("the token is not for audience " + audience);
    }
    String name = jwt.getClaimAsString(principalClaim);
    if (name == null || name.isBlank()) {
      throw new InvalidBearerTokenException(
          "the token has no " + principalClaim + " claim to name the caller");
    }
    return roles.convert(jwt);
  }
}
