package com.kin.load.data;

import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;

/**
 * Our Twilio number of each department ({@link Dataset#departmentNumber}), the one its calls and messages use: inbound
 * webhooks are routed by it, so a seeded database takes Twilio traffic without more setup.
 */
public final class PhoneNumberRows implements TableRows {

    private final Dataset dataset;

    PhoneNumberRows(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public String table() {
        return "phone_numbers";
    }

    @Override
    public String columns() {
        return "number, department, label";
    }

    @Override
    public long count() {
        return Scale.DEPARTMENTS;
    }

    @Override
    public void append(long index, CsvLine line) {
        String department = SeedUsers.department((int) index);
        line.text(dataset.departmentNumber(department)).text(department).text(department + " main line");
        line.end();
    }
}
