package com.zhidian.local.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The pool's RS256 signing key (generated in the background at start so start-up stays fast; kept in
 * the data dir when persistent, so tokens outlive a restart) and the signing of tokens.
 */
final class Tokens {
    private final CompletableFuture<RSAKey> key;

    Tokens(Path keyFile) {
        this.key = CompletableFuture.supplyAsync(() -> loadOrCreate(keyFile));
    }

    private static RSAKey loadOrCreate(Path keyFile) {
        try {
            if (keyFile != null && Files.isRegularFile(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            RSAKey k = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            if (keyFile != null) {
                Files.createDirectories(keyFile.getParent());
                Files.writeString(keyFile, k.toJSONString(), StandardCharsets.UTF_8);
            }
            return k;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load or create the Cognito stand-in's signing key", e);
        }
    }

    RSAKey key() { return key.join(); }

    String jwks() {
        return new JWKSet(key().toPublicJWK()).toString();
    }

    /** Signs any claims with the pool's key: RS256, {@code kid} of the JWKS. */
    String sign(Map<String, Object> claims) {
        try {
            JWTClaimsSet.Builder b = new JWTClaimsSet.Builder();
            claims.forEach(b::claim);
            RSAKey k = key();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(), b.build());
            jwt.sign(new RSASSASigner(k));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses and verifies a token this pool signed; null when it is not one. */
    JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return null;
            if (!jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key().toRSAPublicKey()))) return null;
            return jwt.getJWTClaimsSet();
        } catch (Exception e) {
            return null;
        }
    }
}
