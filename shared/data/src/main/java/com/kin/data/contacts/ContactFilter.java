package com.kin.data.contacts;

import java.util.UUID;

/**
 * What a contact list is narrowed to: free text (matched anywhere in name, organization, email and phones), a tag, and an
 * owner. Any of them may be null.
 */
public record ContactFilter(String text, String tag, UUID ownerId) {
}
