package com.chatcommerce.manualpayments.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * How the benchmark's callers authenticate. {@code basic}: the embedded run's demo users over HTTP
 * Basic, as configured in application-embedded.yaml. {@code jwt}: production's mode — the
 * application trusts a public key the benchmark made, and each caller sends a bearer token signed
 * with it (roles in {@code roles}, name in {@code sub}).
 */
final class Auth {

  private static final String AUDIENCE = "manual-payments-bench";

  private final String mode;
  private final KeyPair keys;
  private final Path publicKey;

  private Auth(String mode, KeyPair keys, Path publicKey) {
    this.mode = mode;
    this.keys = keys;
    this.publicKey = publicKey;
  }

  static Auth of(String mode) throws Exception {
    if (!mode.equals("jwt")) {
      return new Auth("basic", null, null);
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    Path pem = AppProcess.logDir().resolve("jwt-public-key.pem").toAbsolutePath();
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    return new Auth("jwt", keys, pem);
  }

  /** The application's arguments for this mode. */
  List<String> appArgs() {
    return mode.equals("jwt")
        ? List.of(
            "--manual-payments.security.mode=jwt",
            "--manual-payments.security.audience=" + AUDIENCE,
            "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey)
        : List.of();
  }

  /** The Authorization header of a demo user: {@code platform} or {@code manager}. */
  String header(String user) throws Exception {
    if (mode.equals("basic")) {
      return "Basic "
          + Base64.getEncoder()
              .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    }
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject(user)
            .audience(AUDIENCE)
            .claim("roles", List.of(user))
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(6))))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return "Bearer " + jwt.serialize();
  }
}
