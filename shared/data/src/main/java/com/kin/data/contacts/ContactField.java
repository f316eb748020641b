package com.kin.data.contacts;

/** The contact fields a client may set, with their columns. Only these names ever reach a SET clause. */
public enum ContactField {
    OWNER_ID("owner_id"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    ORGANIZATION("organization"),
    PHONE("phone"),
    MOBILE_PHONE("mobile_phone"),
    EMAIL("email"),
    TAGS("tags"),
    SMS_OPT_OUT("sms_opt_out"),
    NOTES("notes");

    private final String column;

    ContactField(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
