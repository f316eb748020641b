package com.kin.twilio.rest;

/** An outbound call Twilio accepted: its {@code CallSid} and first status (usually "queued"). */
public record PlacedCall(String callSid, String status) {
}
