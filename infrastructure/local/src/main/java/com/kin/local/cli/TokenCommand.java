package com.kin.local.cli;

import com.kin.local.auth.JwtAudience;
import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.LocalUser;
import com.kin.local.auth.SigningKeys;
import com.kin.local.seed.SeedUsers;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "token", description = "Print a signed JWT for a seeded user, accepted by the local API.")
public final class TokenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--email", required = true, description = "A seeded user (admin@kin.local, manager@kin.local, agent1@kin.local...).")
    String email;

    @Option(names = "--hours", defaultValue = "12", description = "Lifetime of the token (default: ${DEFAULT-VALUE}).")
    int hours;

    @Option(names = "--role", description = "For a user that is not seeded: agent, manager or admin (needs --sub).")
    String role;

    @Option(names = "--department", description = "For a user that is not seeded: the department claim.")
    String department;

    @Option(names = "--sub", description = "For a user that is not seeded: the users.id the token stands for.")
    UUID subject;

    @Override
    public Integer call() throws Exception {
        LocalUser user = user();
        String audience = audience();
        LocalIdentity identity = new LocalIdentity(SigningKeys.loadOrCreate(common.state), Clock.systemUTC());
        System.out.println(identity.issue(user, audience, Duration.ofHours(hours)));
        return 0;
    }

    private LocalUser user() {
        if (role == null && subject == null) {
            return SeedUsers.byEmail(email).orElseThrow(() -> new ParameterException(spec.commandLine(), email
                    + " is not a seeded user (" + String.join(", ", SeedUsers.ALL.stream().map(LocalUser::email).toList())
                    + "); for another user pass --sub, --role and --department"));
        }
        if (role == null || subject == null) {
            throw new ParameterException(spec.commandLine(), "--role and --sub go together");
        }
        return new LocalUser(subject, email.toLowerCase(Locale.ROOT), email, role, department);
    }

    /** The audience the template's JWT authorizer accepts (the first one, of the first HTTP API that has one). */
    private String audience() {
        return JwtAudience.of(LocalStack.of(Template.read(common.template), common.parameters))
                .orElseThrow(() -> new ParameterException(spec.commandLine(), common.template + " has no JWT authorizer"));
    }
}
