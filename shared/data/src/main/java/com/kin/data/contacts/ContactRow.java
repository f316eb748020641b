package com.kin.data.contacts;

import com.kin.core.domain.Contact;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** A contact with its owner's department, which decides who else may see it. */
@Serdeable
public record ContactRow(Contact contact, String ownerDepartment) {

    public UUID ownerId() {
        return contact.ownerId();
    }
}
