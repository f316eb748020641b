package com.kin.twilio.rest;

/** Twilio's acknowledgement of an SMS it accepted: its {@code MessageSid} and first status (usually "queued"). */
public record SmsReceipt(String messageSid, String status) {
}
