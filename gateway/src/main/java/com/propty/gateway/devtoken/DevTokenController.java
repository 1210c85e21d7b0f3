package com.propty.gateway.devtoken;

import com.propty.gateway.web.Problem;
import com.propty.gateway.web.Problem.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Local profile only: mints HS256 tokens with the local secret so the page, scripts and system tests can act
 * as any user without an identity provider. The bean does not exist in any other profile, so the path is a
 * plain 404 there.
 */
@RestController
@Profile("local")
public class DevTokenController {

    private final JwtEncoder encoder;
    private final Clock clock;

    public DevTokenController(SecretKey localSigningKey, Clock clock) {
        this.clock = clock;
        this.encoder = NimbusJwtEncoder.withSecretKey(localSigningKey).algorithm(MacAlgorithm.HS256).build();
    }

    @PostMapping(path = "/dev/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> issue(@RequestBody DevTokenRequest request) {
        List<FieldError> errors = request.problems();
        if (!errors.isEmpty()) {
            Problem problem = Problem.validation(errors);
            return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem.body());
        }
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(request.sub())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(request.ttl()))
                .claim("roles", request.roles() == null ? List.of() : request.roles())
                .claim("properties", request.properties() == null ? List.of() : request.properties());
        if (request.name() != null && !request.name().isBlank()) {
            claims.claim("name", request.name());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return ResponseEntity.ok(Map.of("token", token));
    }
}
