package com.kin.data.routing;

import com.kin.core.domain.Contact;
import com.kin.core.domain.VoicemailPriority;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where {@link RoutingRule} sends an inbound call or message.
 *
 * @param contact    the contact matched by the caller's number, or null for an unknown caller
 * @param department the department the call belongs to, or null when there is none (voicemail straight away)
 * @param owner      the contact's owner when that user is active, rung (or targeted) first; null otherwise
 * @param agents     the department's active agents with a Client identity, the owner excepted, at most
 *                   {@link RoutingRule#MAX_AGENTS} (a {@code <Dial>} rings no more than ten clients)
 */
public record Route(@Nullable Contact contact, @Nullable String department, @Nullable Agent owner, List<Agent> agents) {

    public Route {
        agents = List.copyOf(agents);
    }

    /** Whether anyone at all can take the call: otherwise it goes to voicemail straight away. */
    public boolean hasTarget() {
        return owner != null || department != null;
    }

    /** Who a voicemail left on this call is assigned to: the active owner; otherwise it waits in the department queue. */
    public Optional<UUID> assigneeId() {
        return owner == null ? Optional.empty() : Optional.of(owner.id());
    }

    public Optional<UUID> contactId() {
        return contact == null ? Optional.empty() : Optional.of(contact.id());
    }

    /** The department's agents a {@code <Dial>} can ring. */
    public List<String> agentIdentities() {
        return agents.stream().filter(Agent::dialable).map(Agent::clientIdentity).toList();
    }

    /** How urgent a voicemail from this caller is: {@link #priorityOf(Contact)}. */
    public VoicemailPriority voicemailPriority() {
        return priorityOf(contact);
    }

    /**
     * The one rule for a caller's voicemail priority: a contact tagged {@code urgent} is urgent, one tagged {@code vip}
     * is high, everyone else (unknown callers too) is normal.
     */
    public static VoicemailPriority priorityOf(@Nullable Contact contact) {
        List<String> tags = contact == null || contact.tags() == null ? List.of() : contact.tags();
        if (tags.contains("urgent")) {
            return VoicemailPriority.URGENT;
        }
        return tags.contains("vip") ? VoicemailPriority.HIGH : VoicemailPriority.NORMAL;
    }
}
