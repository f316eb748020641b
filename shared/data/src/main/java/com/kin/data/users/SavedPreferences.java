package com.kin.data.users;

/**
 * What a preferences write returns: the user row's new version (the preferences' entity tag) and the user's department
 * (the lists the user appears in, whose cached pages show that version).
 */
public record SavedPreferences(long version, String department) {
}
