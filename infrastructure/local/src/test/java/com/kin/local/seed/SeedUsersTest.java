package com.kin.local.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.auth.LocalUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seeded users are the users the sample events speak for: {@code ./kin invoke --event events/...} against a seeded
 * runtime must find the caller's data. And the README's table names them as they are.
 */
class SeedUsersTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Pattern README_ROW = Pattern.compile(
            "^\\| `([^`]+@kin\\.local)` \\| `([0-9a-f-]{36})` \\| (\\w+) \\| ([\\w-]+) \\|$", Pattern.MULTILINE);

    @Test
    void everySampleEventsClaims_nameASeededUser() throws IOException {
        List<Path> events = eventsWithClaims();

        assertThat(events).as("events/** with authorizer claims").hasSizeGreaterThan(10);
        for (Path event : events) {
            JsonNode claims = new ObjectMapper().readTree(event.toFile()).path("requestContext").path("authorizer")
                    .path("jwt").path("claims");
            LocalUser user = SeedUsers.byId(UUID.fromString(claims.path("sub").asText())).orElse(null);

            assertThat(user).as(event + ": sub " + claims.path("sub").asText() + " is a seeded user").isNotNull();
            assertThat(claims.path("email").asText()).as(event + ": email").isEqualTo(user.email());
            assertThat(claims.path("role").asText()).as(event + ": role").isEqualTo(user.role());
            assertThat(claims.path("department").isMissingNode() ? null : claims.path("department").asText())
                    .as(event + ": department").isEqualTo(user.department());
        }
    }

    @Test
    void readmeTable_listsEverySeededUserWithIdRoleAndDepartment() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("infrastructure/local/README.md"));
        List<String> rows = new ArrayList<>();
        Matcher row = README_ROW.matcher(readme);
        while (row.find()) {
            rows.add(String.join(" ", row.group(1), row.group(2), row.group(3), row.group(4)));
        }

        assertThat(rows).containsExactlyElementsOf(SeedUsers.ALL.stream().map(user -> String.join(" ", user.email(),
                user.id().toString(), user.role(), user.department() == null ? "-" : user.department())).toList());
    }

    @Test
    void ids_areUniqueAndVersion4AsTheEventsSpellThem() {
        assertThat(SeedUsers.ALL).extracting(LocalUser::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.version()).isEqualTo(4));
        assertThat(SeedUsers.byEmail("agent1@kin.local").orElseThrow().id())
                .isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000003"));
    }

    private static List<Path> eventsWithClaims() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("events"))) {
            List<Path> withClaims = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                if (new ObjectMapper().readTree(file.toFile()).path("requestContext").path("authorizer").path("jwt")
                        .has("claims")) {
                    withClaims.add(file);
                }
            }
            return withClaims;
        }
    }
}
