package com.kin.calls;

import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import com.kin.core.page.PageRequest;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.PhoneNumbers;
import com.kin.core.validation.QueryValues;
import com.kin.data.calls.CallFilter;
import com.kin.data.calls.CallRepository;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Turns the call history's query parameters into a filter and a page request, reporting every bad parameter in one 400.
 * A phone number is normalised to E.164 (as the calls table stores it) before it is matched.
 */
@Singleton
final class CallListInput {

    private final PhoneNumbers phones;

    CallListInput(PhoneNumbers phones) {
        this.phones = phones;
    }

    /** The filter and page the query asks for; 400 listing every bad parameter. */
    CallList read(CallListQuery query) {
        FieldErrors errors = new FieldErrors("calls");
        CallDirection direction = QueryValues.isAbsent(query.direction()) ? null
                : CallDirection.fromWire(query.direction().strip()).orElseGet(() -> {
                    errors.add("direction", "must be inbound or outbound");
                    return null;
                });
        CallStatus status = QueryValues.isAbsent(query.status()) ? null
                : CallStatus.fromWire(query.status().strip()).orElseGet(() -> {
                    errors.add("status", "must be one of " + CallStatus.wireNames());
                    return null;
                });
        Instant from = QueryValues.instant("from", query.from(), errors);
        Instant to = QueryValues.instant("to", query.to(), errors);
        QueryValues.range(from, to, errors);
        CallFilter filter = new CallFilter(direction, status, QueryValues.uuid("userId", query.userId(), errors),
                QueryValues.uuid("contactId", query.contactId(), errors), phone(query.phone(), errors), from, to);
        if (!QueryValues.isAbsent(query.sort()) && !query.sort().strip().equals(CallRepository.SORT)) {
            errors.add("sort", "unknown sort '" + query.sort() + "': calls are listed newest first ('newest')");
        }
        Integer limit = QueryValues.limit(query.limit(), errors);
        errors.throwIfAny();
        return new CallList(filter, PageRequest.of(limit, query.cursor()));
    }

    private String phone(String raw, FieldErrors errors) {
        if (QueryValues.isAbsent(raw)) {
            return null;
        }
        return phones.toE164(raw.strip()).orElseGet(() -> {
            errors.add("phone", "is not a valid phone number");
            return null;
        });
    }

    /** A checked list request. */
    record CallList(CallFilter filter, PageRequest page) {
    }
}
