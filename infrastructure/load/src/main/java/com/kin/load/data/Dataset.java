package com.kin.load.data;

import java.time.Instant;
import java.util.List;

/**
 * Everything a seed run generates, fixed by (seed, scale, end): the same three give the same rows, byte for byte.
 * {@code end} is the newest moment in the data; timestamps spread over the 365 days before it.
 */
public record Dataset(long seed, Scale scale, Instant end, SeedUsers users) {

    public static final long DEFAULT_SEED = 20_240_501L;

    public Dataset(long seed, Scale scale, Instant end) {
        this(seed, scale, end, new SeedUsers(seed));
    }

    /** Our Twilio number of each department: inbound calls and SMS reach it, outbound ones come from it. */
    public String departmentNumber(String department) {
        int index = department == null ? 0 : Integer.parseInt(department.substring("dept-".length()));
        return PhoneNumbers.next(RowRandom.of(seed, TableIds.DEPARTMENT_NUMBERS, index));
    }

    public ContactRows contacts() {
        return new ContactRows(this);
    }

    public CallRows calls() {
        return new CallRows(this, contacts());
    }

    public MessageRows messages() {
        return new MessageRows(this, contacts());
    }

    public VoicemailRows voicemails() {
        return new VoicemailRows(this, calls());
    }

    public UserRows userRows() {
        return new UserRows(this);
    }

    /** The tables in load order (each after the tables it refers to). */
    public List<com.kin.load.copy.TableRows> tables() {
        return List.of(new PhoneNumberRows(this), userRows(), contacts(), calls(), messages(), voicemails());
    }
}
