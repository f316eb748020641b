package com.kin.local.services.twilio;

import java.util.Map;
import java.util.Optional;

/**
 * The numbers Twilio's test credentials treat specially (twilio.com/docs/iam/test-credentials), so that each failure
 * can be provoked locally. Any other well-formed number succeeds.
 *
 * <table>
 *   <tr><th>Number</th><th>as To of an SMS</th><th>as To of a call</th><th>as From (both)</th></tr>
 *   <tr><td>+15005550001</td><td>21211 invalid 'To'</td><td>21217 invalid number</td><td>21212 invalid 'From'</td></tr>
 *   <tr><td>+15005550002</td><td>21612 cannot route</td><td>21214 cannot be reached</td><td></td></tr>
 *   <tr><td>+15005550003</td><td>21408 no permission for the region</td><td>21215 no permission</td><td></td></tr>
 *   <tr><td>+15005550004</td><td>21610 recipient unsubscribed (STOP)</td><td></td><td></td></tr>
 *   <tr><td>+15005550007</td><td></td><td></td><td>21606 (SMS) / 21210 (call): not owned by the account</td></tr>
 *   <tr><td>+15005550008</td><td></td><td></td><td>21611 (SMS) queue full</td></tr>
 *   <tr><td>+15005550009</td><td>21614 not a mobile number</td><td></td><td></td></tr>
 * </table>
 */
final class MagicNumbers {

    private static final Map<String, TwilioError> SMS_TO = Map.of(
            "+15005550001", TwilioError.badRequest(21211, "The 'To' number +15005550001 is not a valid phone number."),
            "+15005550002", TwilioError.badRequest(21612, "The 'To' phone number: +15005550002, is not currently reachable"
                    + " using the 'From' phone number via SMS."),
            "+15005550003", TwilioError.badRequest(21408, "Permission to send an SMS has not been enabled for the region"
                    + " indicated by the 'To' number: +15005550003."),
            "+15005550004", TwilioError.badRequest(21610, "Attempt to send to unsubscribed recipient"),
            "+15005550009", TwilioError.badRequest(21614, "'To' number +15005550009 is not a valid mobile number"));
    private static final Map<String, TwilioError> SMS_FROM = Map.of(
            "+15005550001", TwilioError.badRequest(21212, "The 'From' number +15005550001 is not a valid phone number,"
                    + " shortcode, or alphanumeric sender ID."),
            "+15005550007", TwilioError.badRequest(21606, "The 'From' phone number provided (+15005550007) is not a valid"
                    + " message-capable Twilio phone number for this destination/account"),
            "+15005550008", TwilioError.badRequest(21611, "This 'From' number has exceeded the maximum number of queued"
                    + " messages"));
    private static final Map<String, TwilioError> CALL_TO = Map.of(
            "+15005550001", TwilioError.badRequest(21217, "Phone number +15005550001 does not appear to be valid"),
            "+15005550002", TwilioError.badRequest(21214, "'To' phone number +15005550002 cannot be reached"),
            "+15005550003", TwilioError.badRequest(21215, "Account not authorized to call +15005550003. Perhaps you need"
                    + " to enable some international permissions"));
    private static final Map<String, TwilioError> CALL_FROM = Map.of(
            "+15005550001", TwilioError.badRequest(21212, "The 'From' number +15005550001 is not a valid phone number."),
            "+15005550007", TwilioError.badRequest(21210, "The source phone number provided, +15005550007, is not yet"
                    + " verified for your account."));

    private MagicNumbers() {
    }

    /** The error Twilio's test account answers an SMS from {@code from} to {@code to} with, if either is magic. */
    static Optional<TwilioError> forMessage(String to, String from) {
        return lookUp(SMS_TO, to).or(() -> lookUp(SMS_FROM, from));
    }

    /** The error Twilio's test account answers a call from {@code from} to {@code to} with, if either is magic. */
    static Optional<TwilioError> forCall(String to, String from) {
        return lookUp(CALL_TO, to).or(() -> lookUp(CALL_FROM, from));
    }

    /** A message through a Messaging Service has no From; Map.of() refuses null keys. */
    private static Optional<TwilioError> lookUp(Map<String, TwilioError> table, String number) {
        return number == null ? Optional.empty() : Optional.ofNullable(table.get(number));
    }
}
