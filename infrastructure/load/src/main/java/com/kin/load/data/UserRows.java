package com.kin.load.data;

import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;

/** The users table rows of a seed run; created a year before the data's end, like a team that has been working. */
public final class UserRows implements TableRows {

    private final Dataset dataset;

    UserRows(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public String table() {
        return "users";
    }

    @Override
    public String columns() {
        return "id, email, name, role, department, client_identity, created_at, updated_at";
    }

    @Override
    public long count() {
        return dataset.users().all().size();
    }

    @Override
    public void append(long index, CsvLine line) {
        SeedUser user = dataset.users().all().get((int) index);
        var joined = dataset.end().minusSeconds(RowRandom.YEAR_SECONDS + 86_400L * (Scale.USERS - user.number()));
        line.uuid(user.id()).text(user.email()).text(user.name()).text(user.role()).text(user.department())
                .text(user.clientIdentity()).time(joined).time(joined);
        line.end();
    }
}
