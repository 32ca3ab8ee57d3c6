package io.guardstream.app.topology;

import io.guardstream.guard.GuardResult;
import io.guardstream.schema.AiEvent;
import io.guardstream.schema.AuditRecord;

/** An event with the guard's result and its audit record, passed between topology steps. */
record Guarded(AiEvent event, GuardResult result, AuditRecord audit) {}
