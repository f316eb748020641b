package com.kin.core.identity;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The authenticated user behind a request, as API Gateway's JWT authorizer vouches for it.
 *
 * <p>The visibility rules live here and nowhere else ({@code com.kin.data.Visibility} states the same rules in SQL). Three
 * kinds of record, three rules, each a superset of the one before:
 * <ol>
 *   <li><b>Owned records</b> (contacts), {@link #canAccess}: an agent sees what it owns, a manager what it or its
 *       department's users own (only its own when it has no department), an admin everything.</li>
 *   <li><b>Owned records with a department of record</b> (calls: owner {@code calls.user_id}, department
 *       {@code calls.department}, the department the call was routed to), {@link #canAccessRecord}: as for owned records,
 *       and a manager also sees every record of its own department, whoever owns it and whether or not anyone does. So an
 *       unanswered inbound call (no user) is seen by the managers of its department and by admins, never by agents.</li>
 *   <li><b>Work items in a department queue</b> (voicemails: assignee {@code voicemails.assigned_to_id}, department
 *       {@code voicemails.department}), {@link #canAccessWorkItem}: as for records with a department of record (the
 *       assignee, managers of the voicemail's department or of the assignee's department, admins), and an
 *       <em>unassigned</em> item of the caller's department is also open to that department's agents: the unassigned
 *       queue is where agents pick up work. An item assigned to another agent stays hidden from an agent.</li>
 * </ol>
 * A record the caller may not see reads as 404. {@link #visibilityKey()} stays valid for all three rules: callers with equal
 * keys (the same agent, managers of one department, admins) see the same records under each; what else a work-item list
 * depends on is {@link #unassignedQueueDepartment()}.
 *
 * <p>What a role may do beyond seeing records is here too ({@link #canEditTemplates}, {@link #canListUsers},
 * {@link #canAdministerUsers}), so no function re-derives it from {@link #role()}.
 */
@Serdeable
public record Caller(UUID userId, String email, Role role, String department) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether this caller may see or change a record owned by {@code ownerId}, whose owner works in {@code ownerDepartment}. */
    public boolean canAccess(UUID ownerId, String ownerDepartment) {
        return switch (role) {
            case ADMIN -> true;
            case MANAGER -> department == null
                    ? userId.equals(ownerId)
                    : userId.equals(ownerId) || department.equals(ownerDepartment);
            case AGENT -> userId.equals(ownerId);
        };
    }

    /**
     * Whether this caller may see or change a record owned by {@code ownerId} (null when nobody owns it), whose owner works
     * in {@code ownerDepartment}, and which belongs to {@code recordDepartment}: {@link #canAccess}, or a manager of the
     * record's department.
     */
    public boolean canAccessRecord(UUID ownerId, String ownerDepartment, String recordDepartment) {
        return canAccess(ownerId, ownerDepartment) || (role == Role.MANAGER && isOwnDepartment(recordDepartment));
    }

    /**
     * Whether this caller may see or change a work item assigned to {@code assigneeId} (null when unassigned), whose
     * assignee works in {@code assigneeDepartment}, queued for {@code itemDepartment}: {@link #canAccessRecord}, or an
     * agent of the item's department while nobody is assigned to it.
     */
    public boolean canAccessWorkItem(UUID assigneeId, String assigneeDepartment, String itemDepartment) {
        return canAccessRecord(assigneeId, assigneeDepartment, itemDepartment)
                || (assigneeId == null && unassignedQueueDepartment().filter(d -> d.equals(itemDepartment)).isPresent());
    }

    /**
     * The department whose unassigned work items this caller sees besides what its {@link #visibilityKey()} covers: an
     * agent's own department (the queue agents pick work up from); empty for an agent without a department, and for
     * managers and admins, whose key already covers their department's items. Agents share no visibility key, but every
     * agent of a department sees that queue, so a cached work-item list depends on the key and on this department.
     */
    public Optional<String> unassignedQueueDepartment() {
        return role == Role.AGENT ? Optional.ofNullable(department) : Optional.empty();
    }

    /** Whether this caller may create, change or delete message templates (everyone may read them): managers and admins. */
    public boolean canEditTemplates() {
        return role != Role.AGENT;
    }

    /** Whether this caller may list users: a manager (the users it may see, {@link #canAccess}) or an admin. */
    public boolean canListUsers() {
        return role != Role.AGENT;
    }

    /** Whether this caller may create users and change their role, department, Twilio settings or active flag: admins. */
    public boolean canAdministerUsers() {
        return role == Role.ADMIN;
    }

    private boolean isOwnDepartment(String recordDepartment) {
        return department != null && department.equals(recordDepartment);
    }

    /**
     * A string that is equal for two callers exactly when they see the same records, so cached results can be shared
     * between them and never across them.
     */
    public String visibilityKey() {
        return switch (role) {
            case ADMIN -> "admin";
            case MANAGER -> department == null ? "user:" + userId : "dept:" + department;
            case AGENT -> "user:" + userId;
        };
    }
}
