package com.kin.load.data;

import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Contacts: names and organisations from word lists, E.164 numbers, Zipf-skewed tags, owned by the agents. */
public final class ContactRows implements TableRows {

    /** What other tables need to know about a contact (its owner's department, its number, its name). */
    public record Contact(UUID id, SeedUser owner, String firstName, String lastName, String organization,
                          String phone, String mobilePhone, String email, List<String> tags, boolean smsOptOut,
                          Instant createdAt, Instant updatedAt) {
    }

    private final Dataset dataset;

    ContactRows(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public String table() {
        return "contacts";
    }

    @Override
    public String columns() {
        return "id, owner_id, first_name, last_name, organization, phone, mobile_phone, email, tags, sms_opt_out, "
                + "sms_opt_out_at, created_at, updated_at";
    }

    @Override
    public long count() {
        return dataset.scale().contacts();
    }

    public Contact contact(long index) {
        RowRandom random = RowRandom.of(dataset.seed(), TableIds.CONTACTS, index);
        UUID id = random.uuid();
        List<SeedUser> agents = dataset.users().agents();
        SeedUser owner = agents.get(random.nextInt(agents.size()));
        String first = random.pick(Words.FIRST_NAMES);
        String last = random.pick(Words.LAST_NAMES);
        String organization = random.chance(0.7) ? organization(random) : null;
        String phone = PhoneNumbers.next(random);
        String mobile = random.chance(0.6) ? PhoneNumbers.next(random) : null;
        String email = random.chance(0.8) ? (first + "." + last + index).toLowerCase(Locale.ROOT).replace("'", "")
                + "@" + random.pick(Words.EMAIL_DOMAINS) : null;
        List<String> tags = Tags.next(random);
        boolean optOut = random.chance(0.02);
        Instant created = random.withinYearBefore(dataset.end());
        Instant updated = created.plusSeconds(random.nextLong(dataset.end().getEpochSecond() - created.getEpochSecond()));
        return new Contact(id, owner, first, last, organization, phone, mobile, email, tags, optOut, created, updated);
    }

    @Override
    public void append(long index, CsvLine line) {
        Contact c = contact(index);
        line.uuid(c.id()).uuid(c.owner().id()).text(c.firstName()).text(c.lastName()).text(c.organization())
                .text(c.phone()).text(c.mobilePhone()).text(c.email()).text(Tags.arrayLiteral(c.tags()))
                .bool(c.smsOptOut()).time(c.smsOptOut() ? c.updatedAt() : null).time(c.createdAt())
                .time(c.updatedAt());
        line.end();
    }

    private static String organization(RowRandom random) {
        String suffix = random.pick(Words.ORGANIZATION_SUFFIXES);
        String name = random.pick(Words.ORGANIZATION_WORDS) + " " + random.pick(Words.ORGANIZATION_KINDS);
        return suffix.isEmpty() ? name : name + " " + suffix;
    }
}
