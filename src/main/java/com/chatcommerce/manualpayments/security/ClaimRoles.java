package com.chatcommerce.manualpayments.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads roles from a claim at a dotted path ({@code roles}, {@code realm_access.roles}) and keeps
 * those this API knows, matched case-insensitively. An unknown role grants nothing.
 */
class ClaimRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

  private final List<String> path;

  ClaimRoles(String claimPath) {
    this.path = List.of(claimPath.split("\\."));
  }

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    Object node = jwt.getClaims();
    for (String step : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return List.of();
      }
      node = map.get(step);
    }
    if (!(node instanceof Collection<?> values)) {
      return List.of();
    }
    return values.stream()
        .filter(Objects::nonNull)
        .map(v -> v.toString().toUpperCase(Locale.ROOT))
        .filter(name -> List.of(Role.values()).stream().anyMatch(r -> r.name().equals(name)))
        .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(name).authority()))
        .toList();
  }
}
