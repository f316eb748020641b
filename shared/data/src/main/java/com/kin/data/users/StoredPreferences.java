package com.kin.data.users;

/**
 * A user's preferences document as stored ({@code users.preferences}, JSON text), whether the user is active, and the
 * version of the user row (the preferences' entity tag).
 */
public record StoredPreferences(String json, boolean active, long version) {
}
