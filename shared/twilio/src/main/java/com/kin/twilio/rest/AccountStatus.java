package com.kin.twilio.rest;

/** The account the credentials authenticate as, and whether Twilio considers it "active". */
public record AccountStatus(String accountSid, String status) {

    public boolean isActive() {
        return "active".equals(status);
    }
}
