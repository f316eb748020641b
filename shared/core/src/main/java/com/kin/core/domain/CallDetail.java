package com.kin.core.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One call as its detail view shows it: the call (with its recording link) and the voicemail left on it, if any. */
@Serdeable
public record CallDetail(Call call, @Nullable Voicemail voicemail) {
}
