package com.kin.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The local runtime's own token signing key (RS256), kept in the state directory so that tokens printed by
 * {@code ./kin token} stay valid across restarts. It stands in for the Cognito user pool's keys.
 */
public final class SigningKeys {

    static final String FILE_NAME = "jwt-signing-key.jwk.json";
    private static final int KEY_BITS = 2048;

    private SigningKeys() {
    }

    public static RSAKey loadOrCreate(Path stateDirectory) throws IOException {
        Path file = stateDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file);
        }
        try {
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException(file + " - is not an RSA JWK; delete it to get a new key", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        RSAKey key;
        try {
            key = new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IOException("cannot generate the local signing key", e);
        }
        Path partial = Files.createTempFile(file.getParent(), FILE_NAME, ".partial");
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
        try {
            // Without REPLACE_EXISTING: when `./kin run` and `./kin token` race, the first key written wins.
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(partial);
        }
    }
}
