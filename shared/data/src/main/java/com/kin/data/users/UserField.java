package com.kin.data.users;

/** The user fields an admin may set, with their columns. Only these names ever reach an INSERT or SET clause. */
public enum UserField {
    EMAIL("email"),
    NAME("name"),
    ROLE("role"),
    DEPARTMENT("department"),
    TWILIO_WORKER_SID("twilio_worker_sid"),
    PHONE_NUMBER("phone_number"),
    CLIENT_IDENTITY("client_identity"),
    ACTIVE("active");

    private final String column;

    UserField(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
