package com.kin.load.data;

/** Separates the random streams of the tables: row 7 of calls and row 7 of messages draw different values. */
final class TableIds {
    static final int USERS = 1;
    static final int CONTACTS = 2;
    static final int CALLS = 3;
    static final int MESSAGES = 4;
    static final int VOICEMAILS = 5;
    static final int DEPARTMENT_NUMBERS = 6;

    private TableIds() {
    }
}
