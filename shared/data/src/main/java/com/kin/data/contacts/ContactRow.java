package com.kin.data.contacts;

import com.kin.core.domain.Contact;
import java.util.UUID;

/** A contact with its owner's department, which decides who else may see it. */
public record ContactRow(Contact contact, String ownerDepartment) {

    public UUID ownerId() {
        return contact.ownerId();
    }
}
