package com.kin.data.bulksms;

import java.util.UUID;

/** What the worker needs of a job: who sends, the body, and the job-wide placeholder values as JSON text. */
public record JobToSend(UUID id, UUID createdBy, UUID templateId, String body, String variablesJson) {
}
