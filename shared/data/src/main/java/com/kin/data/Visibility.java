package com.kin.data;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import java.util.List;

/**
 * The SQL form of {@link Caller}'s visibility rules: predicates that keep exactly the rows the caller may see. Every
 * repository filters through here, so the rules are written once (see {@link Caller} for the rules in words).
 * <ul>
 *   <li>{@link #owner}: owned records (contacts), as {@link Caller#canAccess}.</li>
 *   <li>{@link #ownerOrDepartmentOfRecord}: owned records that also belong to a department (calls), as
 *       {@link Caller#canAccessRecord}.</li>
 *   <li>{@link #workItem}: department queue items with an optional assignee (voicemails), as
 *       {@link Caller#canAccessWorkItem}; {@link #workItemAlternatives} is the same rule as disjoint parts.</li>
 *   <li>{@link #contactThread}: a contact's message thread and its conversation, visible to whoever may see the contact
 *       ({@link #owner} over the contact's owner).</li>
 *   <li>{@link #message}: single messages, visible through their user or through their contact's thread.</li>
 * </ul>
 */
public final class Visibility {

    private static final Fragment EVERYTHING = new Fragment("true", List.of());

    private Visibility() {
    }

    /** A predicate over {@code ownerColumn} (a users.id reference) with its parameters. */
    public static Fragment owner(Caller caller, String ownerColumn) {
        return switch (caller.role()) {
            case ADMIN -> EVERYTHING;
            case MANAGER -> caller.department() == null
                    ? ownedBy(caller, ownerColumn)
                    : new Fragment("(" + ownerColumn + " = ? or " + ownerColumn
                            + " in (select u.id from users u where u.department = ?))",
                            List.of(caller.userId(), caller.department()));
            case AGENT -> ownedBy(caller, ownerColumn);
        };
    }

    /**
     * A predicate over {@code ownerColumn} (a nullable users.id reference) and {@code departmentColumn} (the record's own
     * department): {@link #owner}, or, for a manager, any record whose department is the manager's.
     */
    public static Fragment ownerOrDepartmentOfRecord(Caller caller, String ownerColumn, String departmentColumn) {
        if (caller.role() != Role.MANAGER || caller.department() == null) {
            return owner(caller, ownerColumn);
        }
        return new Fragment("(" + ownerColumn + " = ? or " + ownerColumn
                + " in (select u.id from users u where u.department = ?) or " + departmentColumn + " = ?)",
                List.of(caller.userId(), caller.department(), caller.department()));
    }

    /**
     * A predicate over {@code assigneeColumn} (a nullable users.id reference) and {@code departmentColumn} (the queue the
     * item waits in): {@link #ownerOrDepartmentOfRecord}, or, for an agent, an unassigned item of the agent's department.
     */
    public static Fragment workItem(Caller caller, String assigneeColumn, String departmentColumn) {
        String queue = caller.unassignedQueueDepartment().orElse(null);
        if (queue == null) {
            return ownerOrDepartmentOfRecord(caller, assigneeColumn, departmentColumn);
        }
        return new Fragment("(" + assigneeColumn + " = ? or (" + assigneeColumn + " is null and " + departmentColumn
                + " = ?))", List.of(caller.userId(), queue));
    }

    /**
     * {@link #workItem} as disjoint alternatives whose OR is the same rule: for an agent with a department, "assigned to
     * me" and "unassigned in my department" (no row is both); for everyone else the one predicate of {@link #workItem}.
     * A list can read each alternative through its own ordered index and merge them, which no index can do for the OR.
     */
    public static List<Fragment> workItemAlternatives(Caller caller, String assigneeColumn, String departmentColumn) {
        String queue = caller.unassignedQueueDepartment().orElse(null);
        if (queue == null) {
            return List.of(workItem(caller, assigneeColumn, departmentColumn));
        }
        return List.of(new Fragment(assigneeColumn + " = ?", List.of(caller.userId())),
                new Fragment(assigneeColumn + " is null and " + departmentColumn + " = ?", List.of(queue)));
    }

    /**
     * Message threads: the thread of a contact (its messages, its row in the conversation list) is visible to whoever may
     * see the contact, whoever sent or received the messages in it. So this is {@link #owner} over the contact's owner
     * column ({@code contacts.owner_id}, or its copy {@code conversations.owner_id}), and the Java form of the rule is
     * {@link Caller#canAccess} with the contact's owner.
     */
    public static Fragment contactThread(Caller caller, String contactOwnerColumn) {
        return owner(caller, contactOwnerColumn);
    }

    /**
     * Single messages, {@code messages} aliased {@code messageAlias}. A message is owned by {@code messages.user_id} (the
     * user who sent it or took it) and is also part of its contact's thread, so a caller sees it when it may see that user
     * ({@link #owner}) or the contact ({@link #contactThread} over {@code messages.contact_owner_id}, the copy of the
     * contact's owner that V14's triggers keep, so that both halves are columns of the row and search can index them). A
     * message with neither (an inbound SMS from an unknown number that nobody took) is seen by admins only. Usable as a
     * filter and as a selected boolean column.
     */
    public static Fragment message(Caller caller, String messageAlias) {
        if (caller.role() == Role.ADMIN) {
            return EVERYTHING;
        }
        Fragment byUser = owner(caller, messageAlias + ".user_id");
        Fragment byContact = contactThread(caller, messageAlias + ".contact_owner_id");
        List<Object> params = new java.util.ArrayList<>(byUser.params());
        params.addAll(byContact.params());
        return new Fragment("(" + byUser.sql() + " or " + byContact.sql() + ")", List.copyOf(params));
    }

    private static Fragment ownedBy(Caller caller, String ownerColumn) {
        return new Fragment(ownerColumn + " = ?", List.of(caller.userId()));
    }

    /** A piece of a WHERE clause and the values of its placeholders, in order. */
    public record Fragment(String sql, List<Object> params) {
    }
}
