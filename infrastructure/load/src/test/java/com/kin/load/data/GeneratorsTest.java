package com.kin.load.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratorsTest {

    private static final Instant END = Instant.parse("2025-06-01T00:00:00Z");
    private final Dataset dataset = new Dataset(Dataset.DEFAULT_SEED, Scale.SMALL, END);

    @Test
    void phoneNumbers_areValidE164UsNumbersForLibphonenumber() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (long i = 0; i < 5_000; i++) {
            ContactRows.Contact contact = dataset.contacts().contact(i);
            Phonenumber.PhoneNumber parsed = util.parse(contact.phone(), null);
            assertThat(util.isValidNumber(parsed)).as(contact.phone()).isTrue();
            assertThat(util.getRegionCodeForNumber(parsed)).isEqualTo("US");
            assertThat(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)).isEqualTo(contact.phone());
        }
    }

    @Test
    void sameSeed_generatesIdenticalRows_otherSeed_differentRows() {
        Dataset again = new Dataset(Dataset.DEFAULT_SEED, Scale.SMALL, END);
        Dataset other = new Dataset(Dataset.DEFAULT_SEED + 1, Scale.SMALL, END);
        for (int table = 0; table < dataset.tables().size(); table++) {
            String first = csv(dataset.tables().get(table), 500);
            assertThat(csv(again.tables().get(table), 500)).isEqualTo(first);
            if (table > 0) {
                assertThat(csv(other.tables().get(table), 500)).isNotEqualTo(first);
            }
        }
    }

    @Test
    void tags_followZipfSkew_customerCommon_vipRare() {
        Map<String, Integer> counts = new HashMap<>();
        int contacts = 10_000;
        for (long i = 0; i < contacts; i++) {
            dataset.contacts().contact(i).tags().forEach(tag -> counts.merge(tag, 1, Integer::sum));
        }
        assertThat(counts.get("customer")).isBetween(contacts * 45 / 100, contacts * 55 / 100);
        assertThat(counts.get("vip")).isBetween(contacts / 100, contacts * 5 / 100);
        for (int rank = 1; rank < 4; rank++) {
            assertThat(counts.get(Tags.BY_POPULARITY[rank]))
                    .isLessThan(counts.get(Tags.BY_POPULARITY[rank - 1]));
        }
    }

    @Test
    void users_are200In10Departments_withIdsDerivedFromEmailLikeTheLocalRuntime() {
        var users = dataset.users().all();
        assertThat(users).hasSize(200);
        assertThat(users.stream().filter(u -> u.role().equals("admin"))).hasSize(2);
        assertThat(users.stream().filter(u -> u.role().equals("manager")).map(SeedUser::department))
                .containsExactlyInAnyOrder("dept-0", "dept-1", "dept-2", "dept-3", "dept-4",
                        "dept-5", "dept-6", "dept-7", "dept-8", "dept-9");
        assertThat(users.get(0).email()).isEqualTo("seed-user1@kin.local");
        assertThat(users.get(0).id()).isEqualTo(java.util.UUID.nameUUIDFromBytes(
                "kin-local-user:seed-user1@kin.local".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void idsAndSids_areUniqueAcrossRows() {
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            assertThat(ids.add(dataset.contacts().contact(i).id().toString())).isTrue();
            assertThat(ids.add(dataset.calls().call(i).id().toString())).isTrue();
        }
    }

    @Test
    void messages_areSkewedOverContacts() {
        CsvLine line = new CsvLine();
        Map<String, Integer> perContact = new HashMap<>();
        TableRows messages = dataset.messages();
        for (long i = 0; i < 30_000; i++) {
            messages.append(i, line);
            String contactId = line.drain().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")[7];
            perContact.merge(contactId, 1, Integer::sum);
        }
        int busiest = perContact.values().stream().max(Integer::compare).orElseThrow();
        assertThat(perContact.size()).isLessThan(10_000);
        assertThat(busiest).isGreaterThan(30_000 / perContact.size() * 10);
    }

    @Test
    void timestamps_fallInTheYearBeforeTheEnd() {
        for (long i = 0; i < 2_000; i++) {
            CallRows.Call call = dataset.calls().call(i);
            assertThat(call.createdAt()).isBetween(END.minusSeconds(RowRandom.YEAR_SECONDS), END);
            assertThat(call.endedAt()).isBefore(END);
        }
    }

    private static String csv(TableRows rows, int count) {
        CsvLine line = new CsvLine();
        for (long i = 0; i < Math.min(count, rows.count()); i++) {
            rows.append(i, line);
        }
        return line.drain();
    }
}
