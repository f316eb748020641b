package com.kin.data.routing;

import com.kin.core.domain.Contact;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.contacts.ContactRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one routing rule for inbound calls, voicemails and SMS (written here only; the webhooks call it):
 * <ol>
 *   <li>The caller is the oldest contact whose phone or mobile phone is the caller's number
 *       ({@link ContactRepository#findByPhone}); none for an unknown caller.</li>
 *   <li>The department is the called number's department ({@code phone_numbers}); for a number KIN does not know, the
 *       contact owner's department; failing that the configured fallback department
 *       ({@code TWILIO_FALLBACK_DEPARTMENT}); failing that none.</li>
 *   <li>If the contact's owner is an active user, that owner is tried first (and is the assignee of a voicemail).</li>
 *   <li>Otherwise (and after the owner) the department's active agents with a Client identity, oldest accounts first,
 *       at most {@value #MAX_AGENTS}.</li>
 *   <li>No owner and no department (unknown caller on an unknown number, no fallback): straight to voicemail, which
 *       then waits unassigned.</li>
 * </ol>
 * An unknown sender of an SMS gets a new contact ({@link #ownerForUnknownSender}). Owning a contact needs no phone, so
 * that rule ignores Client identities: one of the department's active agents (picked by the sender's number), else the
 * department's manager, else, so that every unknown number gets its contact, the oldest active admin.
 */
@Singleton
public class RoutingRule {

    /** Twilio rings at most ten {@code <Client>} nouns in one {@code <Dial>}. */
    public static final int MAX_AGENTS = 10;

    /**
     * The department, then the active owner (when there is a contact) and the department's agents. One statement: the
     * phone_numbers primary key, the users primary key, and idx_users_role_department for the agents.
     */
    static final String TARGETS = """
            with target as (
                select coalesce((select p.department from phone_numbers p where p.number = ?),
                                (select o.department from users o where o.id = ?::uuid),
                                ?::text) as department)
            select t.department, u.id, u.client_identity, u.twilio_worker_sid, u.is_owner
              from target t
              left join lateral (
                  (select o.id, o.client_identity, o.twilio_worker_sid, o.created_at, true as is_owner
                     from users o where o.id = ?::uuid and o.active)
                  union all
                  (select a.id, a.client_identity, a.twilio_worker_sid, a.created_at, false
                     from users a
                    where a.role = 'agent' and a.department = t.department and a.active
                      and a.client_identity is not null and a.id is distinct from ?::uuid
                    order by a.created_at, a.id
                    limit ?)
              ) u on true
             order by u.is_owner desc, u.created_at, u.id""";

    /**
     * Who may own a contact created for an unknown SMS sender, best first: tier 0 the department's active agents (with
     * or without a Client identity; at most {@value #MAX_AGENTS}, oldest first), tier 1 its oldest active manager, tier
     * 2 the oldest active admin. The department as in {@link #TARGETS}, without a contact. idx_users_role_department
     * serves each branch.
     */
    static final String SMS_OWNERS = """
            with target as (
                select coalesce((select p.department from phone_numbers p where p.number = ?), ?::text) as department)
            (select 0 as tier, a.id from target t join users a on a.role = 'agent' and a.department = t.department
              where a.active order by a.created_at, a.id limit ?)
            union all
            (select 1, m.id from target t join users m on m.role = 'manager' and m.department = t.department
              where m.active order by m.created_at, m.id limit 1)
            union all
            (select 2, d.id from users d where d.role = 'admin' and d.active order by d.created_at, d.id limit 1)""";

    private final ContactRepository contacts;

    public RoutingRule(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** Where a call from {@code from} to our number {@code to} goes. */
    public Route route(Sql sql, String from, String to, @Nullable String fallbackDepartment) {
        Contact contact = contactFor(sql, from).orElse(null);
        return targets(sql, contact, to, fallbackDepartment);
    }

    /** The contact a message or call from {@code number} belongs to: the oldest with that phone or mobile phone. */
    public Optional<Contact> contactFor(Sql sql, String number) {
        return contacts.findByPhone(sql, number).stream().findFirst();
    }

    /** The department and people for a call to {@code to} from {@code contact} (null for an unknown caller). */
    public Route targets(Sql sql, @Nullable Contact contact, String to, @Nullable String fallbackDepartment) {
        UUID ownerId = contact == null ? null : contact.ownerId();
        List<TargetRow> rows = sql.query("routing.targets", TARGETS, row -> new TargetRow(row.getString("department"),
                        Rows.uuid(row, "id") == null ? null : new Agent(Rows.uuid(row, "id"),
                                row.getString("client_identity"), row.getString("twilio_worker_sid")),
                        row.getBoolean("is_owner")),
                to, ownerId, blankToNull(fallbackDepartment), ownerId, ownerId, MAX_AGENTS);
        Agent owner = null;
        List<Agent> agents = new ArrayList<>();
        for (TargetRow row : rows) {
            if (row.agent() != null && row.owner()) {
                owner = row.agent();
            } else if (row.agent() != null) {
                agents.add(row.agent());
            }
        }
        return new Route(contact, rows.isEmpty() ? null : rows.get(0).department(), owner, agents);
    }

    /**
     * The owner of a contact created for an unknown sender {@code from} texting our number {@code to}: one of the
     * department's agents, picked by the sender's number so that the same number always lands with the same agent while
     * numbers spread over the team; else the department's manager; else the oldest active admin. Empty only when KIN has
     * no active admin at all.
     */
    public Optional<UUID> ownerForUnknownSender(Sql sql, String from, String to, @Nullable String fallbackDepartment) {
        List<Candidate> candidates = sql.query("routing.smsOwners", SMS_OWNERS,
                row -> new Candidate(row.getInt("tier"), Rows.uuid(row, "id")), to, blankToNull(fallbackDepartment),
                MAX_AGENTS);
        List<UUID> agents = candidates.stream().filter(c -> c.tier() == 0).map(Candidate::id).toList();
        if (!agents.isEmpty()) {
            return Optional.of(spreadOver(agents, from));
        }
        return candidates.stream().min(Comparator.comparingInt(Candidate::tier)).map(Candidate::id);
    }

    /** The one of {@code agents} that owns new contacts from {@code number}: stable per number, spread by its hash. */
    static UUID spreadOver(List<UUID> agents, String number) {
        return agents.get(Math.floorMod(number.hashCode(), agents.size()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private record TargetRow(String department, Agent agent, boolean owner) {
    }

    private record Candidate(int tier, UUID id) {
    }
}
