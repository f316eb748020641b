package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.load.traffic.mix.Action;
import com.kin.load.traffic.mix.Mixes;
import com.kin.local.auth.JwtAudience;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteCheckTest {

    /** The repository's own template.yaml: the mix must only call routes it defines. */
    private static final LocalStack STACK = LocalStack.of(Template.read(
            Path.of("").toAbsolutePath().getParent().getParent().resolve("template.yaml")), Map.of());

    @Test
    void everyRouteOfEveryRolesMix_isInTheTemplate() {
        List<Action> actions = new ArrayList<>();
        for (String role : List.of("agent", "manager", "admin")) {
            actions.addAll(Mixes.forRole(role).allActions());
        }

        assertThatCode(() -> RouteCheck.require(STACK, actions)).doesNotThrowAnyException();
        assertThat(JwtAudience.of(STACK)).isPresent();
    }

    @Test
    void aRouteTheTemplateLacks_failsBeforeTheRun() {
        Action renamed = new Action("contacts.renamed", RouteTemplate.of("GET /api/people/{id}"),
                session -> Optional.empty(), (session, body) -> { });
        Action noUrl = new Action("contacts.url", RouteTemplate.of("POST /fn/ContactsFunction/hook"),
                session -> Optional.empty(), (session, body) -> { });

        assertThatThrownBy(() -> RouteCheck.require(STACK, List.of(renamed, noUrl)))
                .hasMessageContaining("GET /api/people/{id}").hasMessageContaining("POST /fn/ContactsFunction/hook");
    }
}
