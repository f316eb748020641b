package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.Main;
import com.kin.local.seed.SeedUsers;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** The {@code ./kin} subcommands, run in-process as the launcher runs them. */
@ExtendWith(FixtureStackExtension.class)
class KinCommandIT {

    private final FixtureStack stack;

    KinCommandIT(FixtureStack stack) {
        this.stack = stack;
    }

    @Test
    void token_isSignedForTheSeededUserWithTheTemplatesAudience() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine kin = Main.commandLine().setOut(new PrintWriter(out));
        Path state = stack.directory.resolve("state");

        String token = runCapturingStdout(() -> kin.execute("token", "--email", "agent2@kin.local",
                "--template", stack.directory.resolve("template.yaml").toString(), "--state", state.toString(),
                "--parameter", "ResultDir=" + stack.results));

        var claims = SignedJWT.parse(token.trim()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(SeedUsers.byEmail("agent2@kin.local").orElseThrow().id().toString());
        assertThat(claims.getAudience()).containsExactly("kin-it");
        assertThat(claims.getStringClaim("department")).isEqualTo("support");
        assertThat(stack.get("/echo", "authorization", "Bearer " + token.trim()).statusCode()).isEqualTo(200);
    }

    @Test
    void invoke_printsTheFunctionsResponse() throws Exception {
        Path event = Files.writeString(stack.directory.resolve("event.json"), "{\"version\":\"2.0\",\"routeKey\":\"$default\","
                + "\"rawPath\":\"/invoked\",\"rawQueryString\":\"\",\"headers\":{},"
                + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/invoked\"},\"requestId\":\"r1\"},"
                + "\"isBase64Encoded\":false}");
        CommandLine kin = Main.commandLine();

        String printed = runCapturingStdout(() -> kin.execute("invoke", "echo", "--event", event.toString(), "--seed", "none",
                "--template", stack.directory.resolve("template.yaml").toString(),
                "--state", stack.directory.resolve("state").toString(), "--parameter", "ResultDir=" + stack.results));

        var response = new ObjectMapper().readTree(printed);
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(response.path("body").asText()).path("rawPath").asText()).isEqualTo("/invoked");
    }

    /** Runs a command with System.out captured (the subcommands print their result there); returns what it printed. */
    static String runCapturingStdout(java.util.function.IntSupplier command) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(command.getAsInt()).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
