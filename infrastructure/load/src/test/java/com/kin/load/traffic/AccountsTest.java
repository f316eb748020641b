package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.local.auth.LocalUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AccountsTest {

    @Test
    void roles_followTheContactCentreProportions() {
        List<LocalUser> assigned = Accounts.assign(users(160, 20, 5), 100);

        assertThat(countByRole(assigned)).containsEntry("agent", 80L).containsEntry("manager", 15L)
                .containsEntry("admin", 5L);
        assertThat(assigned.stream().distinct().count()).isEqualTo(100);
    }

    @Test
    void threeVirtualUsers_areTwoAgentsAndAManager() {
        assertThat(Accounts.assign(users(4, 1, 1), 3)).extracting(LocalUser::role)
                .containsExactly("agent", "agent", "manager");
    }

    @Test
    void moreVirtualUsersThanUsers_reuseUsersInTurn() {
        List<LocalUser> assigned = Accounts.assign(users(2, 0, 0), 5);

        assertThat(assigned).extracting(LocalUser::email)
                .containsExactly("agent0@kin.local", "agent1@kin.local", "agent0@kin.local", "agent1@kin.local",
                        "agent0@kin.local");
    }

    @Test
    void aMissingRole_leavesTheOthersTheirShare() {
        assertThat(countByRole(Accounts.assign(users(10, 0, 1), 20))).containsOnlyKeys("agent", "admin")
                .containsEntry("agent", 19L);
    }

    @Test
    void noUsers_isAnErrorThatSaysHowToSeed() {
        assertThatThrownBy(() -> Accounts.assign(List.of(), 3)).hasMessageContaining("./kin run --seed small");
    }

    private static Map<String, Long> countByRole(List<LocalUser> users) {
        return users.stream().collect(Collectors.groupingBy(LocalUser::role, Collectors.counting()));
    }

    private static List<LocalUser> users(int agents, int managers, int admins) {
        List<LocalUser> users = new ArrayList<>();
        Function<String, Function<Integer, LocalUser>> make = role -> i ->
                new LocalUser(UUID.randomUUID(), role + i + "@kin.local", role + " " + i, role, "dept-0");
        for (int i = 0; i < agents; i++) {
            users.add(make.apply("agent").apply(i));
        }
        for (int i = 0; i < managers; i++) {
            users.add(make.apply("manager").apply(i));
        }
        for (int i = 0; i < admins; i++) {
            users.add(make.apply("admin").apply(i));
        }
        return users;
    }
}
